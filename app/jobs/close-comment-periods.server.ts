// Closes comment periods whose end has passed. The editing lock already treats such a period as
// closed (openCommentPeriodWhere compares closesAt with now); this records the closing (closedAt and
// its audit event) and tells open editors that editing is possible again. Safe to repeat and to run
// in several processes: closeCommentPeriodIn claims the row with a conditional update.
import { closeCommentPeriod } from "~/models/comment-period.server";
import type { Job } from "~/jobs/types";
import { prisma } from "~/utils/db.server";

export async function closeDueCommentPeriods(now: Date): Promise<number> {
  const due = await prisma.commentPeriod.findMany({
    where: { closedAt: null, closesAt: { lte: now } },
    select: { id: true, projectId: true },
    take: 100,
  });
  let closed = 0;
  for (const period of due) {
    const project = await prisma.project.findUnique({ where: { id: period.projectId }, select: { committeeId: true } });
    if (!project) continue;
    if (await closeCommentPeriod({ periodId: period.id, projectId: period.projectId, committeeId: project.committeeId, actorId: null })) closed += 1;
  }
  return closed;
}

export const closeCommentPeriodsJob: Job = { name: "close-comment-periods", run: closeDueCommentPeriods };
