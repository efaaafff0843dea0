// The facts behind "may this text change now?" (policies/editing.ts), read in one place for the
// editor page, the collaboration server, restores and any other writer of the text.
import type { Prisma } from "~/generated/prisma/client";
import type { EditingFacts } from "~/policies/editing";
import { prisma } from "~/utils/db.server";

type Db = Pick<Prisma.TransactionClient, "project" | "commentPeriod">;

/** A comment period is open from its opening until it is closed or its end passes. */
export function openCommentPeriodWhere(now: Date = new Date()): Prisma.CommentPeriodWhereInput {
  return { closedAt: null, opensAt: { lte: now }, closesAt: { gt: now } };
}

export async function editingFacts(projectId: string, db: Db = prisma): Promise<EditingFacts | null> {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { editingPolicy: true, status: true },
  });
  if (!project) return null;
  const period = await db.commentPeriod.findFirst({
    where: { projectId, ...openCommentPeriodWhere() },
    select: { id: true },
  });
  return { policy: project.editingPolicy, status: project.status, commentPeriodOpen: period !== null };
}
