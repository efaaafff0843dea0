// A fresh GB draft in the demo committee TC1, written straight into the e2e database, for tests that
// need a text nobody else's test edits, comments on or locks (the demo drafts are shared by every
// e2e file of a run, and one of them gets released).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createTemplate } from "../../../app/editor/templates";

export type FreshDraft = { projectId: string; documentId: string; reference: string };

export async function createFreshDraft(name: string): Promise<FreshDraft> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e tests through playwright.config.ts");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const unique = randomBytes(4).toString("hex");
    const reference = `GBA-E2E-${name}-${unique}`;
    const titleZh = `${name}测试草案`;
    const titleEn = `${name} test draft`;
    const content = createTemplate("GB", { titleZh, titleEn }).toJSON();
    const demo = await client.query<{ committeeId: string; stageModelId: string | null; createdById: string }>(
      `SELECT "committeeId", "stageModelId", "createdById" FROM "Project" WHERE reference = 'GBA-2026-001'`,
    );
    const template = demo.rows[0];
    if (!template) throw new Error("the demo project GBA-2026-001 is missing");
    const projectId = `e2e${unique}p`;
    const documentId = `e2e${unique}d`;
    await client.query(
      `INSERT INTO "Project" (id, "committeeId", reference, "titleZh", "titleEn", convention, stage, "stageModelId", "createdById", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'GB', 'drafting', $6, $7, now())`,
      [projectId, template.committeeId, reference, titleZh, titleEn, template.stageModelId, template.createdById],
    );
    await client.query(`INSERT INTO "Document" (id, "projectId", kind, "titleZh", "titleEn", content, "updatedAt") VALUES ($1, $2, 'main', $3, $4, $5, now())`, [
      documentId,
      projectId,
      titleZh,
      titleEn,
      JSON.stringify(content),
    ]);
    return { projectId, documentId, reference };
  } finally {
    await client.end();
  }
}
