// What a redline compares: two versions of one project, or a version and the current text.
import { computeRedline } from "~/versions/redline";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { currentText, getVersion } from "~/models/version.server";

export type TextRef = string; // a version id of the project, or "live"

async function textOf(projectId: string, ref: TextRef) {
  if (ref === "live") {
    const document = await prisma.document.findFirst({ where: { projectId, kind: "main" }, select: { id: true, content: true } });
    if (!document) throw new AppError("NOT_FOUND", "versions.noDocument");
    const { content } = await currentText(document.id, document.content);
    return { ref, label: null as string | null, content, createdAt: new Date(), createdById: null as string | null };
  }
  const version = await getVersion(projectId, ref);
  return { ref, label: version.label, content: version.content as unknown, createdAt: version.createdAt, createdById: version.createdById };
}

export async function compareTexts(projectId: string, from: TextRef, to: TextRef) {
  if (!from || !to) throw new AppError("BAD_REQUEST", "versions.sameVersion");
  if (from === to) throw new AppError("BAD_REQUEST", "versions.sameVersion");
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { id: true, reference: true, titleZh: true, titleEn: true, convention: true },
  });
  const [older, newer] = await Promise.all([textOf(projectId, from), textOf(projectId, to)]);
  const redline = computeRedline(older.content, newer.content, project.convention);
  return { project, older, newer, redline };
}
