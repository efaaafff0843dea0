// Comment periods: a frozen text (a named version) on which members comment while nobody edits.
// Opening and closing change who may edit, so open editors are told at once (access events).
import type { Prisma } from "~/generated/prisma/client";
import { openCommentPeriodWhere } from "~/models/editing-lock.server";
import { emitAccessChanged } from "~/utils/access-events.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

type Tx = Prisma.TransactionClient;

export type OpenPeriodInput = {
  projectId: string;
  documentId: string;
  /** The version being commented on; the caller freezes it first (createVersion). */
  versionId: string | null;
  title: string;
  closesAt: Date;
  observersMayComment?: boolean;
  actorId: string;
  committeeId: string;
};

/**
 * Opens a period inside the caller's transaction. After the commit the caller must call
 * `emitAccessChanged({ committeeId })` (or use openCommentPeriod, which does).
 */
export async function openCommentPeriodIn(tx: Tx, input: OpenPeriodInput) {
  if (input.closesAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "comments.period.closesInPast");
  const already = await tx.commentPeriod.findFirst({
    where: { projectId: input.projectId, ...openCommentPeriodWhere() },
    select: { id: true },
  });
  if (already) throw new AppError("CONFLICT", "comments.period.alreadyOpen");
  const period = await tx.commentPeriod.create({
    data: {
      projectId: input.projectId,
      documentId: input.documentId,
      versionId: input.versionId,
      title: input.title,
      closesAt: input.closesAt,
      observersMayComment: input.observersMayComment ?? false,
      openedById: input.actorId,
    },
  });
  await recordAudit(tx, {
    type: "comment_period.opened",
    actorId: input.actorId,
    projectId: input.projectId,
    committeeId: input.committeeId,
    payload: { periodId: period.id, title: period.title, closesAt: period.closesAt.toISOString() },
  });
  return period;
}

export async function openCommentPeriod(input: OpenPeriodInput) {
  const period = await prisma.$transaction((tx) => openCommentPeriodIn(tx, input));
  emitAccessChanged({ committeeId: input.committeeId });
  return period;
}

/** Closes a period (early, or when its end has passed); a closed period stays closed. */
export async function closeCommentPeriodIn(
  tx: Tx,
  input: { periodId: string; projectId: string; committeeId: string; actorId: string | null },
) {
  const closed = await tx.commentPeriod.updateMany({
    where: { id: input.periodId, projectId: input.projectId, closedAt: null },
    data: { closedAt: new Date() },
  });
  if (closed.count === 0) return false;
  await recordAudit(tx, {
    type: "comment_period.closed",
    actorId: input.actorId,
    projectId: input.projectId,
    committeeId: input.committeeId,
    payload: { periodId: input.periodId },
  });
  return true;
}

export async function closeCommentPeriod(input: { periodId: string; projectId: string; committeeId: string; actorId: string | null }) {
  const closed = await prisma.$transaction((tx) => closeCommentPeriodIn(tx, input));
  if (closed) emitAccessChanged({ committeeId: input.committeeId });
  return closed;
}
