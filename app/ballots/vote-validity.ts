// Which ballots stand before anything is counted: a ballot from someone who may not vote is
// ignored, a person's later vote replaces an earlier one (votes may change until the close), and
// with one vote per organization the organization's latest ballot stands. What remains are the
// ballots *returned*, which is what a returns quorum and the abstention share measure.
import type { VoteRule } from "~/ballots/rule";
import type { Vote, VoteExclusion, VoterLine } from "~/ballots/types";

export type StandingBallot = { index: number; vote: Vote; organization: string; unitId: string };

export type BallotStanding = {
  /** Input index of each vote, oldest first (ties keep input order). */
  chronological: number[];
  /** Votes set aside before counting, by input index. */
  setAside: Map<number, VoteExclusion>;
  /** One per voting unit, oldest first. */
  standing: StandingBallot[];
};

export function chronologicalOrder(votes: readonly Vote[]): number[] {
  return votes
    .map((vote, index) => ({ time: vote.castAt.getTime(), index }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ index }) => index);
}

export function standingBallots(
  rule: Pick<VoteRule, "oneVotePerOrganization">,
  voters: readonly VoterLine[],
  votes: readonly Vote[],
): BallotStanding {
  const chronological = chronologicalOrder(votes);
  const setAside = new Map<number, VoteExclusion>();

  // The first entry for a user decides: a second listing is already marked "listed twice".
  const voterById = new Map<string, VoterLine>();
  for (const voter of voters) if (!voterById.has(voter.userId)) voterById.set(voter.userId, voter);

  // Walking newest first, the first ballot seen per person (or organization) is the one that stands.
  const standingByIndex = new Map<number, StandingBallot>();
  const latestByUnit = new Set<string>();
  const latestByUser = new Set<string>();
  for (const index of [...chronological].reverse()) {
    const vote = votes[index];
    const voter = voterById.get(vote.userId);
    if (!voter) {
      setAside.set(index, "not_a_member");
      continue;
    }
    if (!voter.canVote) {
      setAside.set(index, voter.reason === "drafter" ? "drafter" : "no_voting_right");
      continue;
    }
    if (latestByUser.has(vote.userId)) {
      setAside.set(index, "superseded_by_own_later_vote");
      continue;
    }
    latestByUser.add(vote.userId);
    const unitId = rule.oneVotePerOrganization ? voter.organization : voter.userId;
    if (latestByUnit.has(unitId)) {
      setAside.set(index, "superseded_within_organization");
      continue;
    }
    latestByUnit.add(unitId);
    standingByIndex.set(index, { index, vote, organization: voter.organization, unitId });
  }

  const standing = chronological.flatMap((index) => standingByIndex.get(index) ?? []);
  return { chronological, setAside, standing };
}
