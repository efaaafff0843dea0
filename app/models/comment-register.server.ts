// The comment resolution register of a project: every comment (not the replies) in clause order with
// its decision, read from the database and placed in the current text (clause numbers as they are
// now, anchors that lost their text marked), and the import of a filled-in ISO/IEC template, all or
// nothing, each row anchored to its clause. The file formats themselves are app/comments/register-*.
import { clauseIdsByNumber, clauseLabel, elementLabel, findNodeById, openText, resolveAnchor, type OpenedText } from "~/comments/anchors";
import { importError, importIsoRegisterXlsx, type RegisterImportError } from "~/comments/register-import.server";
import type { CommentType as RegisterCommentType, Decision as RegisterDecision, RegisterHeader, RegisterRow } from "~/comments/register-types";
import type { Convention } from "~/editor/numbering";
import type { CommentType, Decision } from "~/generated/prisma/client";
import { mayDispose } from "~/comments/comment-rules";
import { openPeriodOf, signalCommentsChanged, type CommentActor } from "~/models/comment.server";
import { currentText } from "~/models/version.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import type { AppLocale } from "~/utils/i18n";

const typeToRegister: Record<CommentType, RegisterCommentType> = { GENERAL: "general", TECHNICAL: "technical", EDITORIAL: "editorial" };
const typeFromRegister: Record<RegisterCommentType, CommentType> = { general: "GENERAL", technical: "TECHNICAL", editorial: "EDITORIAL" };
const decisionToRegister: Record<Decision, RegisterDecision> = {
  ACCEPTED: "accepted",
  ACCEPTED_IN_PRINCIPLE: "accepted_in_principle",
  NOT_ACCEPTED: "not_accepted",
  NOTED: "noted",
};
const decisionFromRegister: Record<RegisterDecision, Decision> = {
  accepted: "ACCEPTED",
  accepted_in_principle: "ACCEPTED_IN_PRINCIPLE",
  not_accepted: "NOT_ACCEPTED",
  noted: "NOTED",
};

/** Which comments: those of one period, those made outside any period, or all. */
export type RegisterScope = { periodId: string } | "live" | "all";

async function projectWithDocument(projectId: string) {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      reference: true,
      titleZh: true,
      titleEn: true,
      convention: true,
      committeeId: true,
      documents: { where: { kind: "main" }, select: { id: true, content: true }, take: 1 },
    },
  });
  const document = project?.documents[0];
  if (!project || !document) throw new AppError("NOT_FOUND", "comments.errors.notFound");
  return { project, document };
}

export type RegisterEntry = RegisterRow & { id: string; anchorLost: boolean; status: "OPEN" | "RESOLVED"; periodId: string | null; replies: number };

const generalWord: Record<AppLocale, string> = { "zh-CN": "全文", en: "General" };
const partWords: Record<AppLocale, Record<string, string>> = {
  "zh-CN": { foreword: "前言", introduction: "引言", bibliography: "参考文献" },
  en: { foreword: "Foreword", introduction: "Introduction", bibliography: "Bibliography" },
};

export async function listPeriods(projectId: string) {
  return prisma.commentPeriod.findMany({
    where: { projectId },
    select: { id: true, title: true, opensAt: true, closesAt: true, closedAt: true, observersMayComment: true, versionId: true },
    orderBy: { opensAt: "desc" },
  });
}

/** The register in clause order, with the header every export writes. */
export async function registerOf(projectId: string, scope: RegisterScope): Promise<{ header: RegisterHeader; entries: RegisterEntry[] }> {
  const { project, document } = await projectWithDocument(projectId);
  const language: AppLocale = project.convention === "GB" ? "zh-CN" : "en";
  const period = typeof scope === "object" ? await prisma.commentPeriod.findFirst({ where: { id: scope.periodId, projectId }, select: { id: true, title: true } }) : null;
  if (typeof scope === "object" && !period) throw new AppError("NOT_FOUND", "comments.errors.notFound");

  const comments = await prisma.comment.findMany({
    where: {
      documentId: document.id,
      parentId: null,
      ...(scope === "live" ? { periodId: null } : typeof scope === "object" ? { periodId: scope.periodId } : {}),
    },
    select: {
      id: true,
      authorId: true,
      organization: true,
      clauseId: true,
      elementId: true,
      anchorStart: true,
      anchorEnd: true,
      quote: true,
      anchorLost: true,
      type: true,
      body: true,
      proposedChange: true,
      status: true,
      periodId: true,
      createdAt: true,
      disposition: { select: { decision: true, reason: true, decidedById: true, decidedAt: true } },
      _count: { select: { replies: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const people = new Set(comments.flatMap((c) => [c.authorId, ...(c.disposition ? [c.disposition.decidedById] : [])]));
  const users = await prisma.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));

  const { state } = await currentText(document.id, document.content);
  const text = openText(state, project.convention as Convention);
  const newlyLost: string[] = [];
  let placed: { entry: RegisterEntry; order: number }[];
  try {
    placed = comments.map((c) => {
      const resolved =
        c.anchorStart && c.anchorEnd ? resolveAnchor(text.ydoc, text.fragment, text.mapping, c.anchorStart, c.anchorEnd, c.quote !== "") : null;
      const lost = c.anchorLost || (resolved?.lost ?? false);
      if (lost && !c.anchorLost) newlyLost.push(c.id);
      const clausePos = c.clauseId ? (findNodeById(text.doc, c.clauseId)?.pos ?? null) : null;
      const label = clauseLabel(text.doc, text.numbering, c.clauseId);
      const clause = c.clauseId === null ? generalWord[language] : label === null ? "—" : (partWords[language][label] ?? label);
      const order = resolved && !resolved.lost ? resolved.from : (clausePos ?? -1);
      return {
        order,
        entry: {
          id: c.id,
          sequence: 0,
          organization: c.organization,
          clause,
          element: elementLabel(text.numbering, c.elementId),
          type: typeToRegister[c.type ?? "GENERAL"],
          comment: c.body,
          proposedChange: c.proposedChange,
          author: nameOf.get(c.authorId) ?? "—",
          createdAt: c.createdAt,
          disposition: c.disposition
            ? {
                decision: decisionToRegister[c.disposition.decision],
                reason: c.disposition.reason,
                decidedBy: nameOf.get(c.disposition.decidedById) ?? "—",
                decidedAt: c.disposition.decidedAt,
              }
            : null,
          anchorLost: lost,
          status: c.status,
          periodId: c.periodId,
          replies: c._count.replies,
        },
      };
    });
  } finally {
    text.ydoc.destroy();
  }
  // Once its text is gone an anchor never comes back (undo re-creates text with new identities).
  if (newlyLost.length > 0) await prisma.comment.updateMany({ where: { id: { in: newlyLost } }, data: { anchorLost: true } });
  placed.sort((a, b) => a.order - b.order || a.entry.createdAt.getTime() - b.entry.createdAt.getTime());
  const entries = placed.map((p, index) => ({ ...p.entry, sequence: index + 1 }));
  return {
    header: {
      date: new Date(),
      document: period ? `${project.reference} ${period.title}` : project.reference,
      project: project.reference,
      title: language === "zh-CN" ? project.titleZh : project.titleEn || project.titleZh,
      language,
    },
    entries,
  };
}

/** Clause references in an imported file → the clause they name in this text, or undefined. */
function clauseResolver(text: OpenedText) {
  const byNumber = clauseIdsByNumber(text.doc, text.numbering);
  const general = new Set(["general", "全文", "title", "标题", "名称", "封面"]);
  const named: Record<string, string> = { foreword: "foreword", 前言: "foreword", introduction: "introduction", 引言: "introduction", bibliography: "bibliography", 参考文献: "bibliography" };
  return (reference: string): { clauseId: string | null } | undefined => {
    const key = reference.trim();
    if (general.has(key.toLowerCase())) return { clauseId: null };
    const part = named[key.toLowerCase()];
    if (part) {
      const id = byNumber.get(part);
      return id ? { clauseId: id } : undefined;
    }
    const id = byNumber.get(key);
    return id ? { clauseId: id } : undefined;
  };
}

export type ImportOutcome = { ok: true; imported: number } | { ok: false; errors: RegisterImportError[] };

/**
 * Imports a filled-in ISO/IEC template into the register: every row becomes a comment anchored to
 * the clause it names, in one transaction; any fault anywhere (a malformed cell, an unknown clause)
 * imports nothing and names each row and column at fault.
 */
export async function importRegisterFile(
  actor: CommentActor,
  input: { bytes: Uint8Array; fileName: string },
): Promise<ImportOutcome> {
  const { project, document } = await projectWithDocument(actor.projectId);
  if (document.id !== actor.documentId) throw new AppError("NOT_FOUND", "comments.errors.notFound");
  const importer = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  const now = new Date();
  const parsed = await importIsoRegisterXlsx(input.bytes, {
    importedBy: importer.name,
    importedAt: now,
    dispositions: mayDispose(actor.standing) ? "import" : "ignore",
  });
  if (!parsed.ok) return parsed;

  const { state } = await currentText(document.id, document.content);
  const text = openText(state, project.convention as Convention);
  const resolve = clauseResolver(text);
  text.ydoc.destroy();
  const errors: RegisterImportError[] = [];
  const anchored = parsed.rows.map((row) => {
    const found = resolve(row.clause);
    if (!found) errors.push(importError(row.source.row, parsed.columns.clause ?? null, "clause", "register.import.unknownClause"));
    return { row, clauseId: found?.clauseId ?? null };
  });
  if (errors.length > 0) return { ok: false, errors };

  const period = await openPeriodOf(actor.projectId);
  const fileName = input.fileName.slice(0, 200);
  await prisma.$transaction(
    async (tx) => {
      for (const { row, clauseId } of anchored) {
        const created = await tx.comment.create({
          data: {
            documentId: document.id,
            periodId: period?.documentId === document.id ? period.id : null,
            versionId: period?.documentId === document.id ? period.versionId : null,
            authorId: actor.userId,
            organization: row.organization,
            clauseId,
            type: typeFromRegister[row.type],
            body: row.comment,
            proposedChange: row.proposedChange,
            importedFrom: fileName,
            createdAt: now,
          },
          select: { id: true },
        });
        await recordAudit(tx, { type: "comment.created", actorId: actor.userId, projectId: actor.projectId, payload: { commentId: created.id, parentId: null, clauseId } });
        if (row.disposition) {
          const decision = decisionFromRegister[row.disposition.decision];
          await tx.disposition.create({ data: { commentId: created.id, decision, reason: row.disposition.reason, decidedById: actor.userId, decidedAt: now } });
          await recordAudit(tx, {
            type: "comment.disposed",
            actorId: actor.userId,
            projectId: actor.projectId,
            payload: { commentId: created.id, decision, reason: row.disposition.reason },
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  signalCommentsChanged(document.id);
  return { ok: true, imported: anchored.length };
}

export async function mainDocumentId(projectId: string): Promise<string> {
  const { document } = await projectWithDocument(projectId);
  return document.id;
}

/** Largest register file accepted: far above any real comment file, far below what hurts to unzip. */
export const MAX_REGISTER_FILE_BYTES = 5 * 1024 * 1024;

/** The register's scope from the page's `period` parameter: the open period, else all comments, by default. */
export async function scopeOf(projectId: string, value: string | null): Promise<{ scope: RegisterScope; key: string }> {
  const periods = await listPeriods(projectId);
  if (value === "all" || value === "live") return { scope: value, key: value };
  const now = Date.now();
  const chosen = value ? periods.find((p) => p.id === value) : periods.find((p) => p.closedAt === null && p.closesAt.getTime() > now);
  if (value && !chosen) throw new AppError("NOT_FOUND", "comments.errors.notFound");
  return chosen ? { scope: { periodId: chosen.id }, key: chosen.id } : { scope: "all", key: "all" };
}
