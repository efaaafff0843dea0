// A project's history: its named versions and the edit sessions between them (who edited which
// parts, recorded by the collaboration server, see server/collab/edit-sessions.ts). The parts are
// stored by their stable ids; their numbers are computed here from the CURRENT text, so "5.2" is
// what 5.2 is called today, and a part since deleted is said to be one.
import { computeNumbering, type Convention } from "~/editor/numbering";
import { schema } from "~/editor/schema";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { currentText, listVersions } from "./version.server";

/** How many sessions the page shows (newest first); older ones are summarised by count. */
export const HISTORY_SESSION_LIMIT = 1000;

export type HistoryPartKind = "clause" | "annex" | "foreword" | "introduction" | "bibliography" | "deleted";

/** One part of the text as the history names it; `pos` orders parts as the text does. */
export type HistoryPart = { id: string; kind: HistoryPartKind; number: string; pos: number };

export type HistorySession = {
  id: string;
  userId: string;
  userName: string;
  startedAt: Date;
  endedAt: Date;
  updates: number;
  partIds: string[];
};

type Numbered = Map<string, Omit<HistoryPart, "id">>;

/** Every part the history can name, by id, in the current text. */
function partsOf(content: unknown, convention: Convention): Numbered {
  const parts: Numbered = new Map();
  let doc;
  try {
    doc = schema.nodeFromJSON(content);
  } catch {
    return parts;
  }
  const numbering = computeNumbering(doc, convention);
  for (const [id, item] of numbering.byId) {
    if (item.kind === "clause" || item.kind === "term") parts.set(id, { kind: "clause", number: item.number, pos: item.pos });
    else if (item.kind === "annex") parts.set(id, { kind: "annex", number: item.number, pos: item.pos });
  }
  doc.forEach((child, offset) => {
    const id: unknown = child.attrs.id;
    const name = child.type.name;
    if (typeof id === "string" && (name === "foreword" || name === "introduction" || name === "bibliography")) {
      parts.set(id, { kind: name, number: "", pos: offset });
    }
  });
  return parts;
}

/** The live text when a collaboration server runs in this process, else the stored one. */
async function latestContent(documentId: string, stored: unknown): Promise<unknown> {
  try {
    return (await currentText(documentId, stored)).content;
  } catch (error) {
    if (error instanceof AppError) return stored;
    throw error;
  }
}

export async function getProjectHistory(projectId: string) {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { id: true, reference: true, titleZh: true, titleEn: true, convention: true },
  });
  if (!project) throw new AppError("NOT_FOUND", "errors.notFound.title");
  const document = await prisma.document.findFirst({ where: { projectId, kind: "main" }, select: { id: true, content: true } });
  const versions = await listVersions(projectId);
  if (!document) return { project, versions, sessions: [], parts: [], olderSessions: 0 };

  const [rows, total] = await Promise.all([
    prisma.editSession.findMany({
      where: { documentId: document.id },
      orderBy: { endedAt: "desc" },
      take: HISTORY_SESSION_LIMIT,
      select: { id: true, userId: true, startedAt: true, endedAt: true, updates: true, clauseIds: true },
    }),
    prisma.editSession.count({ where: { documentId: document.id } }),
  ]);
  const people = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  const numbered = partsOf(await latestContent(document.id, document.content), project.convention);

  const parts = new Map<string, HistoryPart>();
  for (const row of rows) {
    for (const id of row.clauseIds) {
      if (parts.has(id)) continue;
      const found = numbered.get(id);
      parts.set(id, found ? { id, ...found } : { id, kind: "deleted", number: "", pos: Number.MAX_SAFE_INTEGER });
    }
  }
  const sessions: HistorySession[] = rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    userName: names.get(row.userId) ?? "—",
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    updates: row.updates,
    partIds: row.clauseIds,
  }));
  return { project, versions, sessions, parts: [...parts.values()], olderSessions: Math.max(0, total - rows.length) };
}

/**
 * The comments made on a version (a comment period's frozen text, or a vote's), oldest first, with
 * replies under their comment. Clause numbers are those of the version's own text, the text the
 * comments were made on.
 */
export async function listVersionComments(version: { id: string; documentId: string; content: unknown }, convention: Convention) {
  const rows = await prisma.comment.findMany({
    // The version was found within its project (getVersion); its document keeps the scope.
    where: { versionId: version.id, documentId: version.documentId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      parentId: true,
      authorId: true,
      organization: true,
      clauseId: true,
      quote: true,
      type: true,
      body: true,
      proposedChange: true,
      status: true,
      createdAt: true,
      disposition: { select: { decision: true, reason: true } },
    },
  });
  const authors = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true } });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  const numbered = partsOf(version.content, convention);
  const clauseLabel = (clauseId: string | null) => {
    if (clauseId === null) return { kind: "general" as const, number: "" };
    const part = numbered.get(clauseId);
    return part ? { kind: part.kind, number: part.number } : { kind: "deleted" as const, number: "" };
  };
  const comments = rows.map((row) => ({ ...row, author: names.get(row.authorId) ?? "—", clause: clauseLabel(row.clauseId) }));
  const top = comments.filter((c) => c.parentId === null || !comments.some((p) => p.id === c.parentId));
  return top.map((comment) => ({ ...comment, replies: comments.filter((reply) => reply.parentId === comment.id) }));
}
