// Reminds voters who have not voted, once, when a ballot is within a day of closing. The ballot is
// claimed by setting remindedAt in a conditional update, so the reminder goes out once.
import { storedEligible, storedRule } from "~/models/ballot.server";
import { assessVoters } from "~/ballots/eligibility";
import type { Job } from "~/jobs/types";
import { notify } from "~/models/notification.server";
import { prisma } from "~/utils/db.server";

export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

export const ballotRemindersJob: Job = {
  name: "ballot-reminders",
  async run(now) {
    const due = await prisma.ballot.findMany({
      where: { status: "OPEN", remindedAt: null, closesAt: { gt: now, lte: new Date(now.getTime() + REMINDER_BEFORE_MS) } },
      select: { id: true },
      take: 50,
    });
    let sent = 0;
    for (const { id } of due) {
      const claimed = await prisma.ballot.updateMany({ where: { id, remindedAt: null, status: "OPEN" }, data: { remindedAt: now } });
      if (claimed.count === 0) continue;
      const ballot = await prisma.ballot.findUniqueOrThrow({
        where: { id },
        select: { projectId: true, question: true, closesAt: true, rule: true, eligible: true, project: { select: { reference: true } }, votes: { select: { voterId: true } } },
      });
      const rule = storedRule(ballot.rule);
      const voted = new Set(ballot.votes.map((v) => v.voterId));
      const waiting = assessVoters(storedEligible(ballot.eligible), rule.kind === "vote" && rule.draftersExcluded)
        .filter((line) => line.canVote && !voted.has(line.userId))
        .map((line) => line.userId);
      await notify({
        userIds: waiting,
        kind: "ballot.reminder",
        payload: {
          titleZh: `${ballot.project.reference} 投票即将截止，您尚未投票：${ballot.question}`,
          titleEn: `${ballot.project.reference}: the ballot closes soon and you have not voted — ${ballot.question}`,
          href: `/projects/${ballot.projectId}/ballots/${id}`,
          projectId: ballot.projectId,
        },
        mail: {
          subject: `[${ballot.project.reference}] 投票提醒 / Ballot reminder`,
          text: `${ballot.question}\n截止 / closes ${ballot.closesAt.toISOString()}`,
        },
      });
      sent++;
    }
    return sent;
  },
};
