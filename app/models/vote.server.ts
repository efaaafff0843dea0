// Casting (or changing) a vote. Checked and written in one transaction that holds a share lock on the
// ballot row: the close (an UPDATE of that row) waits for votes in flight and later votes wait for the
// close and then see it closed. The vote itself is one INSERT … ON CONFLICT DO UPDATE on (ballot,
// voter), so two concurrent votes of one person leave one row with the later choice and a change count.
// A vote's reasons or comments go into the comment register as a comment on the voted version.
import type { CommentType, VoteChoice } from "~/generated/prisma/client";
import { assessVoters } from "~/ballots/eligibility";
import { storedEligible, storedRule } from "~/models/ballot.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

export type CastVoteInput = { projectId: string; ballotId: string; voterId: string; choice: VoteChoice; reasons: string };

const commentTypeOf: Partial<Record<VoteChoice, CommentType>> = { DISAPPROVE: "TECHNICAL", APPROVE_WITH_COMMENTS: "GENERAL" };

export async function castVote(input: CastVoteInput) {
  const reasons = input.reasons.trim();
  if (input.choice === "DISAPPROVE" && reasons === "") throw new AppError("BAD_REQUEST", "approval.vote.reasonsRequired");
  if (input.choice === "APPROVE_WITH_COMMENTS" && reasons === "") throw new AppError("BAD_REQUEST", "approval.vote.commentsRequired");
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string; closesAt: Date; projectId: string }[]>`
      SELECT status::text AS status, "closesAt", "projectId" FROM "Ballot" WHERE id = ${input.ballotId} FOR SHARE`;
    const row = locked[0];
    if (!row || row.projectId !== input.projectId) throw new AppError("NOT_FOUND", "approval.ballot.notFound");
    if (row.status !== "OPEN" || row.closesAt.getTime() <= Date.now()) throw new AppError("CONFLICT", "approval.vote.ballotClosed");
    const ballot = await tx.ballot.findUniqueOrThrow({
      where: { id: input.ballotId },
      select: { rule: true, eligible: true, versionId: true, project: { select: { committeeId: true } } },
    });
    const rule = storedRule(ballot.rule);
    const line = assessVoters(storedEligible(ballot.eligible), rule.kind === "vote" && rule.draftersExcluded).find(
      (voter) => voter.userId === input.voterId,
    );
    if (!line) throw new AppError("FORBIDDEN", "approval.vote.notEligible");
    if (!line.canVote) throw new AppError("FORBIDDEN", line.reason === "drafter" ? "approval.vote.drafter" : "approval.vote.noVotingRight");

    const written = await tx.$queryRaw<{ id: string; changes: number }[]>`
      INSERT INTO "Vote" (id, "ballotId", "voterId", organization, choice, reasons, "castAt", changes)
      VALUES (${crypto.randomUUID()}, ${input.ballotId}, ${input.voterId}, ${line.organization}, ${input.choice}::"VoteChoice", ${reasons}, now(), 0)
      ON CONFLICT ("ballotId", "voterId") DO UPDATE
        SET choice = EXCLUDED.choice, reasons = EXCLUDED.reasons, "changedAt" = clock_timestamp(), changes = "Vote".changes + 1
      RETURNING id, changes`;
    const vote = written[0];
    if (!vote) throw new Error("the vote upsert returned no row");
    const changed = vote.changes > 0;

    // The vote's comment in the register follows the vote: written, rewritten, or removed if the vote
    // no longer carries one (unless the committee has already answered it).
    const existing = await tx.comment.findFirst({ where: { voteId: vote.id }, select: { id: true, disposition: { select: { id: true } } } });
    const type = commentTypeOf[input.choice];
    if (type && reasons) {
      if (existing) await tx.comment.update({ where: { id: existing.id }, data: { body: reasons, type, editedAt: new Date() } });
      else {
        const document = await tx.document.findFirst({ where: { projectId: input.projectId, kind: "main" }, select: { id: true } });
        if (document) {
          const comment = await tx.comment.create({
            data: {
              documentId: document.id,
              authorId: input.voterId,
              organization: line.organization,
              type,
              body: reasons,
              versionId: ballot.versionId,
              voteId: vote.id,
            },
            select: { id: true },
          });
          await recordAudit(tx, {
            type: "comment.created",
            actorId: input.voterId,
            projectId: input.projectId,
            committeeId: ballot.project.committeeId,
            payload: { commentId: comment.id, parentId: null, clauseId: null },
          });
        }
      }
    } else if (existing && !existing.disposition) {
      await tx.comment.delete({ where: { id: existing.id } });
    }

    await recordAudit(tx, {
      type: "vote.cast",
      actorId: input.voterId,
      projectId: input.projectId,
      committeeId: ballot.project.committeeId,
      payload: { ballotId: input.ballotId, choice: input.choice, changed },
    });
    return { voteId: vote.id, changed };
  });
}
