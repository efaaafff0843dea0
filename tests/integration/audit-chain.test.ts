// The audit log as a hash chain: it verifies, concurrent writers keep it linear, and altering one
// row in the database makes verification fail at that row.
import { expect, test } from "vitest";
import { recordAudit } from "~/utils/audit.server";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { prisma } from "~/utils/db.server";
import { createProjectWithDocument, createStaffedCommittee } from "../factories";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

async function projectWithEvents(count: number) {
  const { committee, people } = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: committee.id, createdById: people.CHAIR.id });
  // Concurrent writers: the chain must still come out linear.
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      prisma.$transaction((tx) =>
        recordAudit(tx, { type: "project.updated", actorId: people.CHAIR.id, committeeId: committee.id, projectId: project.id, payload: { fields: [`f${i}`] } }),
      ),
    ),
  );
  return project;
}

test("a chain written by concurrent transactions verifies", async () => {
  const project = await projectWithEvents(12);
  const result = await verifyAuditChain({ projectId: project.id });
  expect(result).toEqual({ ok: true, scope: `project:${project.id}`, events: 12 });
});

test("altering one row makes verification fail at that row", async () => {
  const project = await projectWithEvents(5);
  const third = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: project.id, seq: 3 }, select: { id: true } });
  // Someone with database access edits history, bypassing the append-only trigger.
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`),
    prisma.$executeRaw`UPDATE "AuditEvent" SET "payload" = '{"fields":["forged"]}' WHERE "id" = ${third.id}`,
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`),
  ]);
  const result = await verifyAuditChain({ projectId: project.id });
  expect(result).toMatchObject({ ok: false, brokenAt: { id: third.id.toString(), seq: 3, reason: "hash" } });
});

test("removing a row breaks the chain at the next one", async () => {
  const project = await projectWithEvents(4);
  const second = await prisma.auditEvent.findFirstOrThrow({ where: { projectId: project.id, seq: 2 }, select: { id: true } });
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`),
    prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${second.id}`,
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`),
  ]);
  const result = await verifyAuditChain({ projectId: project.id });
  expect(result).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: "sequence" } });
});
