// Consensus without a vote: nothing is counted; the chair's recorded decision is the result. Votes
// that arrive anyway are listed as not counted, so the page shows they were seen and why they do not
// matter.
import { assessVoters } from "~/ballots/eligibility";
import { explain, explainVoterLine, type TallyStep } from "~/ballots/tally-steps";
import type { ChairDecision, TallyInput, TallyOutcome, TallyResult, VoteLine } from "~/ballots/types";
import { chronologicalOrder } from "~/ballots/vote-validity";

export function recordConsensus(input: TallyInput): TallyResult {
  // Everyone with a voting right takes part in reaching consensus; drafters included.
  const voters = assessVoters(input.eligible, false);
  const organizationOf = new Map<string, string>();
  for (const voter of voters)
    if (!organizationOf.has(voter.userId)) organizationOf.set(voter.userId, voter.organization);
  const votes = chronologicalOrder(input.votes).map((index): VoteLine => {
    const { userId, option, castAt } = input.votes[index];
    const organization = organizationOf.get(userId) ?? null;
    return { userId, organization, option, castAt, counted: false, reason: "no_tally_under_consensus" };
  });

  const decision = input.chairDecision ?? null;
  const outcome: TallyOutcome = !decision
    ? "awaiting_chair_decision"
    : decision.consensusReached
    ? "consensus_recorded"
    : "failed";
  const steps = [
    explain.ruleApplied({ ruleKind: "consensus", unit: "voter" }),
    ...voters.map(explainVoterLine),
    ...votes.map((line) =>
      explain.voteNotCounted({ userId: line.userId, option: line.option, reason: "no_tally_under_consensus" }),
    ),
    decisionStep(decision),
    explain.outcome({ outcome }),
  ];

  return {
    ruleKind: "consensus",
    outcome,
    passed: outcome === "consensus_recorded",
    voters,
    votes,
    organizationCaps: [],
    figures: null,
    checks: [],
    chairDecision: decision,
    steps,
  };
}

function decisionStep(decision: ChairDecision | null): TallyStep {
  if (!decision) return explain.awaitingChairDecision();
  const params = { decidedBy: decision.decidedBy, note: decision.note, decidedAt: decision.decidedAt.toISOString() };
  return decision.consensusReached ? explain.consensusRecorded(params) : explain.consensusNotReached(params);
}
