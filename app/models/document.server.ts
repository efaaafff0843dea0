import { prisma } from "~/utils/db.server";

/** The project a document belongs to, for the access check that must come before reading it. */
export async function findDocumentProjectId(documentId: string): Promise<string | null> {
  const located = await prisma.document.findUnique({ where: { id: documentId }, select: { projectId: true } });
  return located?.projectId ?? null;
}

export async function getDocumentForEditor(documentId: string) {
  return prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      kind: true,
      titleZh: true,
      titleEn: true,
      content: true,
      project: {
        select: {
          id: true,
          reference: true,
          titleZh: true,
          titleEn: true,
          convention: true,
          stage: true,
          committee: { select: { id: true, code: true } },
        },
      },
    },
  });
}
