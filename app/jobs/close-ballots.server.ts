// Closes ballots whose closing time has passed: tallies once and stores the result (closeBallot claims
// each ballot with a conditional update, so several processes never close one twice).
import { closeBallot } from "~/models/ballot.server";
import type { Job } from "~/jobs/types";
import { prisma } from "~/utils/db.server";

export const closeBallotsJob: Job = {
  name: "close-ballots",
  async run(now) {
    const due = await prisma.ballot.findMany({ where: { status: "OPEN", closesAt: { lte: now } }, select: { id: true }, take: 50 });
    let closed = 0;
    for (const ballot of due) if (await closeBallot({ ballotId: ballot.id, actorId: null })) closed++;
    return closed;
  },
};
