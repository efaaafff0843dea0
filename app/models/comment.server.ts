// Comments on a document's text and their threads: create, reply, edit, resolve, reopen, dispose, and
// the record that an editor applied a proposed change. Each change and its audit event share one
// transaction; notifications (mentions, replies, decisions) and the live "comments changed" signal go
// out after the commit. Comments live in PostgreSQL, not in the Y.Doc: readers hold read-only sockets.
import { toBase64 } from "lib0/buffer";
import { contextAt, decodeAnchorEnd, findNodeById, openText, quoteOf, resolveAnchor } from "~/comments/anchors";
import { mayComment, mayDispose, mayEditComment, mayResolve, mentionedUserIds } from "~/comments/comment-rules";
import type { Convention } from "~/editor/numbering";
import type { CommentType, Decision, Prisma } from "~/generated/prisma/client";
import { editingFacts, openCommentPeriodWhere } from "~/models/editing-lock.server";
import { notify, type NotificationKind } from "~/models/notification.server";
import { currentText } from "~/models/version.server";
import { canOnProject } from "~/policies/committee";
import { canEditText } from "~/policies/editing";
import type { CommitteeStanding } from "~/policies/roles";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { liveDocuments } from "~/utils/live-documents.server";

type Tx = Prisma.TransactionClient;

/** Who acts, on which document: what the route's guard established. */
export type CommentActor = {
  userId: string;
  standing: CommitteeStanding;
  projectId: string;
  committeeId: string;
  documentId: string;
};

export async function documentForComments(documentId: string) {
  return prisma.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      content: true,
      projectId: true,
      project: { select: { id: true, reference: true, convention: true, committeeId: true, titleZh: true, titleEn: true } },
    },
  });
}

export async function openPeriodOf(projectId: string, db: Pick<Tx, "commentPeriod"> = prisma) {
  return db.commentPeriod.findFirst({
    where: { projectId, ...openCommentPeriodWhere() },
    select: { id: true, title: true, versionId: true, documentId: true, closesAt: true, observersMayComment: true },
  });
}

/** Tells every open editor of the document that its comments changed (no-op without a live server). */
export function signalCommentsChanged(documentId: string): void {
  try {
    liveDocuments().commentsChanged?.(documentId);
  } catch {
    // No collaboration server in this process (a script): nobody to tell.
  }
}

const threadSelect = {
  id: true,
  documentId: true,
  parentId: true,
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
  resolvedById: true,
  resolvedAt: true,
  importedFrom: true,
  periodId: true,
  versionId: true,
  createdAt: true,
  editedAt: true,
  disposition: { select: { decision: true, reason: true, decidedById: true, decidedAt: true } },
} as const;

export type CommentReplyView = {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  canEdit: boolean;
};

export type CommentThreadView = {
  id: string;
  authorId: string;
  authorName: string;
  organization: string;
  clauseId: string | null;
  elementId: string | null;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string;
  anchorLost: boolean;
  type: CommentType | null;
  body: string;
  proposedChange: string;
  status: "OPEN" | "RESOLVED";
  resolvedBy: string | null;
  resolvedAt: string | null;
  importedFrom: string | null;
  periodId: string | null;
  createdAt: string;
  editedAt: string | null;
  disposition: { decision: Decision; reason: string; decidedBy: string; decidedAt: string } | null;
  replies: CommentReplyView[];
  can: { edit: boolean; resolve: boolean; dispose: boolean; reply: boolean };
};

/** Every thread on a document, oldest first, with what the viewer may do with each. */
export async function listCommentThreads(
  documentId: string,
  viewer: { userId: string; standing: CommitteeStanding; projectId: string },
  filter: { periodId?: string | null } = {},
): Promise<CommentThreadView[]> {
  const rows = await prisma.comment.findMany({
    where: { documentId, ...(filter.periodId !== undefined ? { OR: [{ periodId: filter.periodId }, { parentId: { not: null } }] } : {}) },
    select: threadSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const period = await openPeriodOf(viewer.projectId);
  const mayWrite = mayComment(viewer.standing, period);
  const people = new Set<string>();
  for (const row of rows) {
    people.add(row.authorId);
    if (row.resolvedById) people.add(row.resolvedById);
    if (row.disposition) people.add(row.disposition.decidedById);
  }
  const users = await prisma.user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const name = (id: string) => nameOf.get(id) ?? "—";

  const repliesOf = new Map<string, typeof rows>();
  for (const row of rows) if (row.parentId) repliesOf.set(row.parentId, [...(repliesOf.get(row.parentId) ?? []), row]);

  return rows
    .filter((row) => row.parentId === null)
    .map((row) => {
      const replies = repliesOf.get(row.id) ?? [];
      const facts = { authorId: row.authorId, replyCount: replies.length, disposed: row.disposition !== null, isReply: false };
      return {
        id: row.id,
        authorId: row.authorId,
        authorName: name(row.authorId),
        organization: row.organization,
        clauseId: row.clauseId,
        elementId: row.elementId,
        anchorStart: row.anchorStart ? toBase64(row.anchorStart) : null,
        anchorEnd: row.anchorEnd ? toBase64(row.anchorEnd) : null,
        quote: row.quote,
        anchorLost: row.anchorLost,
        type: row.type,
        body: row.body,
        proposedChange: row.proposedChange,
        status: row.status,
        resolvedBy: row.resolvedById ? name(row.resolvedById) : null,
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        importedFrom: row.importedFrom,
        periodId: row.periodId,
        createdAt: row.createdAt.toISOString(),
        editedAt: row.editedAt?.toISOString() ?? null,
        disposition: row.disposition
          ? {
              decision: row.disposition.decision,
              reason: row.disposition.reason,
              decidedBy: name(row.disposition.decidedById),
              decidedAt: row.disposition.decidedAt.toISOString(),
            }
          : null,
        replies: replies.map((reply, index) => ({
          id: reply.id,
          authorId: reply.authorId,
          authorName: name(reply.authorId),
          body: reply.body,
          createdAt: reply.createdAt.toISOString(),
          editedAt: reply.editedAt?.toISOString() ?? null,
          // A reply, like a comment, can be edited by its author until someone answers after it.
          canEdit: reply.authorId === viewer.userId && index === replies.length - 1,
        })),
        can: {
          edit: mayEditComment(viewer.userId, facts) === "yes",
          resolve: mayResolve(viewer.standing, viewer.userId, row),
          dispose: mayDispose(viewer.standing),
          reply: mayWrite || canOnProject(viewer.standing, "resolveComment"),
        },
      };
    });
}

/** Committee members who can be mentioned (and are notified when they are). */
export async function mentionableMembers(committeeId: string) {
  const memberships = await prisma.membership.findMany({
    where: { committeeId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map((m) => m.user);
}

type Mention = { userIds: string[]; kind: NotificationKind; titleZh: string; titleEn: string };

async function notifyAfterCommit(actor: CommentActor, notices: Mention[], commentId: string): Promise<void> {
  const href = `/documents/${actor.documentId}?comment=${commentId}`;
  for (const notice of notices) {
    const userIds = notice.userIds.filter((id) => id !== actor.userId);
    if (userIds.length === 0) continue;
    await notify({
      userIds,
      kind: notice.kind,
      payload: { titleZh: notice.titleZh, titleEn: notice.titleEn, href, projectId: actor.projectId },
      mail: { subject: notice.titleEn, text: `${notice.titleZh}\n${notice.titleEn}` },
    });
  }
}

async function mentionsIn(actor: CommentActor, text: string): Promise<string[]> {
  return mentionedUserIds(text, await mentionableMembers(actor.committeeId));
}

export type CreateCommentInput = {
  body: string;
  type: CommentType;
  proposedChange: string;
  anchorStart?: string;
  anchorEnd?: string;
  clauseId?: string;
  elementId?: string;
};

/**
 * A new comment on a selection (anchor pair), on a clause or element (clauseId), or on the whole
 * document (neither). The clause, element and quote are worked out here from the current text, so
 * what the register shows never depends on what a browser claimed.
 */
export async function createComment(actor: CommentActor, input: CreateCommentInput) {
  const period = await openPeriodOf(actor.projectId);
  if (!mayComment(actor.standing, period)) throw new AppError("FORBIDDEN", "comments.errors.mayNotComment");
  const document = await documentForComments(actor.documentId);
  if (!document) throw new AppError("NOT_FOUND", "comments.errors.notFound");

  const hasStart = Boolean(input.anchorStart);
  const hasEnd = Boolean(input.anchorEnd);
  if (hasStart !== hasEnd) throw new AppError("BAD_REQUEST", "comments.errors.badAnchor");
  let anchorStart: Uint8Array | null = null;
  let anchorEnd: Uint8Array | null = null;
  let clauseId: string | null = null;
  let elementId: string | null = null;
  let quote = "";

  if (hasStart || input.clauseId) {
    const { state } = await currentText(document.id, document.content);
    const text = openText(state, document.project.convention as Convention);
    try {
      if (input.anchorStart && input.anchorEnd) {
        anchorStart = decodeAnchorEnd(input.anchorStart);
        anchorEnd = decodeAnchorEnd(input.anchorEnd);
        if (!anchorStart || !anchorEnd) throw new AppError("BAD_REQUEST", "comments.errors.badAnchor");
        const resolved = resolveAnchor(text.ydoc, text.fragment, text.mapping, anchorStart, anchorEnd, false);
        if (!resolved || resolved.to <= resolved.from) throw new AppError("BAD_REQUEST", "comments.errors.badAnchor");
        // One step in: a selected table or figure starts just before the node, and it is the element.
        ({ clauseId, elementId } = contextAt(text.doc, Math.min(resolved.from + 1, resolved.to)));
        quote = quoteOf(text.doc, resolved.from, resolved.to).slice(0, 2_000);
      } else if (input.clauseId) {
        if (!findNodeById(text.doc, input.clauseId)) throw new AppError("BAD_REQUEST", "comments.errors.unknownClause");
        clauseId = input.clauseId;
        if (input.elementId) {
          const element = findNodeById(text.doc, input.elementId);
          if (!element) throw new AppError("BAD_REQUEST", "comments.errors.unknownClause");
          elementId = input.elementId;
        }
      }
    } finally {
      text.ydoc.destroy();
    }
  }

  const author = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { affiliation: true, name: true } });
  const comment = await prisma.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        documentId: actor.documentId,
        periodId: period?.documentId === actor.documentId ? period.id : null,
        versionId: period?.documentId === actor.documentId ? period.versionId : null,
        authorId: actor.userId,
        organization: author.affiliation,
        clauseId,
        elementId,
        anchorStart: anchorStart ? Uint8Array.from(anchorStart) : null,
        anchorEnd: anchorEnd ? Uint8Array.from(anchorEnd) : null,
        quote,
        type: input.type,
        body: input.body,
        proposedChange: input.proposedChange,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "comment.created",
      actorId: actor.userId,
      projectId: actor.projectId,
      payload: { commentId: created.id, parentId: null, clauseId },
    });
    return created;
  });
  await notifyAfterCommit(
    actor,
    [
      {
        userIds: await mentionsIn(actor, `${input.body}\n${input.proposedChange}`),
        kind: "comment.mention",
        titleZh: `${author.name} 在意见中提到了您`,
        titleEn: `${author.name} mentioned you in a comment`,
      },
    ],
    comment.id,
  );
  signalCommentsChanged(actor.documentId);
  return comment;
}

async function findComment(actor: CommentActor, commentId: string, db: Pick<Tx, "comment"> = prisma) {
  // Scoped to the document the guard checked: an id from another document is "not found".
  const comment = await db.comment.findFirst({
    where: { id: commentId, documentId: actor.documentId },
    select: {
      id: true,
      parentId: true,
      authorId: true,
      status: true,
      anchorStart: true,
      proposedChange: true,
      disposition: { select: { id: true } },
      _count: { select: { replies: true } },
    },
  });
  if (!comment) throw new AppError("NOT_FOUND", "comments.errors.notFound");
  return comment;
}

export async function replyToComment(actor: CommentActor, input: { commentId: string; body: string }) {
  const period = await openPeriodOf(actor.projectId);
  // Those who answer comments (editors, secretary, chair) may reply even when a period's rules keep
  // them from commenting; everyone else needs the right to comment.
  if (!mayComment(actor.standing, period) && !canOnProject(actor.standing, "resolveComment")) {
    throw new AppError("FORBIDDEN", "comments.errors.mayNotComment");
  }
  const target = await findComment(actor, input.commentId);
  const rootId = target.parentId ?? target.id;
  const root = await prisma.comment.findUniqueOrThrow({ where: { id: rootId }, select: { authorId: true, periodId: true, versionId: true, clauseId: true } });
  const author = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { affiliation: true, name: true } });
  const reply = await prisma.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        documentId: actor.documentId,
        parentId: rootId,
        periodId: root.periodId,
        versionId: root.versionId,
        clauseId: root.clauseId,
        authorId: actor.userId,
        organization: author.affiliation,
        body: input.body,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "comment.created",
      actorId: actor.userId,
      projectId: actor.projectId,
      payload: { commentId: created.id, parentId: rootId, clauseId: root.clauseId },
    });
    return created;
  });
  const participants = await prisma.comment.findMany({
    where: { OR: [{ id: rootId }, { parentId: rootId }] },
    select: { authorId: true },
  });
  const mentioned = await mentionsIn(actor, input.body);
  await notifyAfterCommit(
    actor,
    [
      {
        userIds: mentioned,
        kind: "comment.mention",
        titleZh: `${author.name} 在回复中提到了您`,
        titleEn: `${author.name} mentioned you in a reply`,
      },
      {
        userIds: [...new Set(participants.map((p) => p.authorId))].filter((id) => !mentioned.includes(id)),
        kind: "comment.reply",
        titleZh: `${author.name} 回复了意见`,
        titleEn: `${author.name} replied to a comment`,
      },
    ],
    rootId,
  );
  signalCommentsChanged(actor.documentId);
  return reply;
}

export async function editComment(
  actor: CommentActor,
  input: { commentId: string; body: string; type?: CommentType; proposedChange?: string },
) {
  await prisma.$transaction(async (tx) => {
    // Locked so a reply arriving at the same moment cannot slip in between the check and the edit.
    await tx.$queryRaw`SELECT id FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE`;
    const comment = await findComment(actor, input.commentId, tx);
    let replyCount = comment._count.replies;
    if (comment.parentId) {
      // A reply counts as answered once a later reply exists in its thread.
      const own = await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { createdAt: true } });
      replyCount = await tx.comment.count({ where: { parentId: comment.parentId, createdAt: { gt: own.createdAt } } });
    }
    const verdict = mayEditComment(actor.userId, {
      authorId: comment.authorId,
      replyCount,
      disposed: comment.disposition !== null,
      isReply: comment.parentId !== null,
    });
    if (verdict === "notYours") throw new AppError("FORBIDDEN", "comments.errors.notYours");
    if (verdict === "answered") throw new AppError("CONFLICT", "comments.errors.answered");
    await tx.comment.update({
      where: { id: comment.id },
      data: {
        body: input.body,
        editedAt: new Date(),
        ...(comment.parentId === null && input.type ? { type: input.type } : {}),
        ...(comment.parentId === null && input.proposedChange !== undefined ? { proposedChange: input.proposedChange } : {}),
      },
    });
    await recordAudit(tx, { type: "comment.edited", actorId: actor.userId, projectId: actor.projectId, payload: { commentId: comment.id } });
  });
  signalCommentsChanged(actor.documentId);
}

export async function setCommentResolved(actor: CommentActor, input: { commentId: string; resolved: boolean }) {
  const comment = await findComment(actor, input.commentId);
  if (comment.parentId) throw new AppError("BAD_REQUEST", "comments.errors.replyHasNoStatus");
  if (!mayResolve(actor.standing, actor.userId, comment)) throw new AppError("FORBIDDEN", "comments.errors.mayNotResolve");
  const wanted = input.resolved ? "RESOLVED" : "OPEN";
  if (comment.status === wanted) return;
  await prisma.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: comment.id },
      data: input.resolved ? { status: "RESOLVED", resolvedById: actor.userId, resolvedAt: new Date() } : { status: "OPEN", resolvedById: null, resolvedAt: null },
    });
    await recordAudit(tx, {
      type: input.resolved ? "comment.resolved" : "comment.reopened",
      actorId: actor.userId,
      projectId: actor.projectId,
      payload: { commentId: comment.id },
    });
  });
  signalCommentsChanged(actor.documentId);
}

/** Records (or revises) the committee's decision on a comment; who and when are kept, and audited. */
export async function disposeComment(actor: CommentActor, input: { commentId: string; decision: Decision; reason: string }) {
  if (!mayDispose(actor.standing)) throw new AppError("FORBIDDEN", "comments.errors.mayNotDispose");
  const comment = await findComment(actor, input.commentId);
  if (comment.parentId) throw new AppError("BAD_REQUEST", "comments.errors.replyHasNoDisposition");
  const decider = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  await prisma.$transaction(async (tx) => {
    const data = { decision: input.decision, reason: input.reason, decidedById: actor.userId, decidedAt: new Date() };
    await tx.disposition.upsert({ where: { commentId: comment.id }, create: { commentId: comment.id, ...data }, update: data });
    await recordAudit(tx, {
      type: "comment.disposed",
      actorId: actor.userId,
      projectId: actor.projectId,
      payload: { commentId: comment.id, decision: input.decision, reason: input.reason },
    });
  });
  await notifyAfterCommit(
    actor,
    [{ userIds: [comment.authorId], kind: "comment.disposed", titleZh: `${decider.name} 处理了您的意见`, titleEn: `${decider.name} recorded a decision on your comment` }],
    comment.id,
  );
  signalCommentsChanged(actor.documentId);
}

/**
 * Records that an editor applied a comment's proposed change. The edit itself is a normal edit made
 * in the editor by that editor (it travels over their socket like any keystroke); this is its audit.
 */
export async function recordChangeApplied(actor: CommentActor, input: { commentId: string }) {
  const facts = await editingFacts(actor.projectId);
  if (!facts || !canEditText(actor.standing, facts)) throw new AppError("FORBIDDEN", "comments.errors.mayNotApply");
  const comment = await findComment(actor, input.commentId);
  if (!comment.proposedChange || !comment.anchorStart) throw new AppError("BAD_REQUEST", "comments.errors.nothingToApply");
  await prisma.$transaction((tx) =>
    recordAudit(tx, { type: "comment.change_applied", actorId: actor.userId, projectId: actor.projectId, payload: { commentId: comment.id } }),
  );
}
