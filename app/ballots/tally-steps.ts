// The tally's explanation as data: each step has a code and flat parameters (strings, numbers,
// booleans) the UI can pass to a translation, plus an English `text` for logs, mail and any locale
// that lacks the key. One builder per code keeps code, parameters and text in step.
import { formatFraction, formatPercent, type Comparison } from "~/ballots/fraction";
import type {
  CheckBase,
  CheckCount,
  CheckKind,
  CountsAs,
  TallyOutcome,
  VoteExclusion,
  VoteOption,
  VoterExclusion,
  VoterLine,
  VotingUnit,
} from "~/ballots/types";

export type StepParams = {
  rule_applied: { ruleKind: "vote" | "consensus"; unit: VotingUnit };
  voter_can_vote: { userId: string; organization: string };
  voter_excluded: { userId: string; organization: string; reason: VoterExclusion };
  attendance_recorded: { present: number; eligible: number };
  attendance_not_recorded: Record<string, never>;
  attendee_not_eligible: { userId: string };
  attendance_implied_by_vote: { userId: string };
  vote_counted: { userId: string; organization: string; option: VoteOption; countsAs: CountsAs };
  vote_not_counted: { userId: string; option: VoteOption; reason: VoteExclusion };
  organization_capped: {
    organization: string;
    validVotes: number;
    allowedVotes: number;
    capNumerator: number;
    capDenominator: number;
    totalAfterCap: number;
  };
  figures: {
    unit: VotingUnit;
    eligible: number;
    returned: number;
    approvals: number;
    disapprovals: number;
    abstentions: number;
  };
  threshold_checked: {
    kind: CheckKind;
    index: number;
    counts: CheckCount;
    count: number;
    base: CheckBase;
    baseCount: number;
    comparison: Comparison;
    requiredNumerator: number;
    requiredDenominator: number;
    met: boolean;
  };
  consensus_recorded: { decidedBy: string; note: string; decidedAt: string };
  consensus_not_reached: { decidedBy: string; note: string; decidedAt: string };
  awaiting_chair_decision: Record<string, never>;
  outcome: { outcome: TallyOutcome };
};

export type StepCode = keyof StepParams;
export type TallyStep = { [C in StepCode]: { code: C; params: StepParams[C]; text: string } }[StepCode];

// Compile-time guard that every parameter stays flat, so i18next interpolation can use it directly.
type FlatParams<T extends Record<StepCode, Record<string, string | number | boolean>>> = T;
type _StepParamsAreFlat = FlatParams<StepParams>;

const voterExclusionText: Record<VoterExclusion, string> = {
  no_voting_right: "has no voting right",
  drafter: "is a drafter, and drafters do not vote",
  listed_twice: "is listed twice; the first entry stands",
};

const voteExclusionText: Record<VoteExclusion, string> = {
  not_a_member: "the voter is not an eligible member",
  no_voting_right: "the voter has no voting right",
  drafter: "drafters do not vote",
  superseded_by_own_later_vote: "a later vote by the same person replaces it",
  superseded_within_organization: "a later vote from the same organization replaces it (one vote per organization)",
  disapproval_without_reasons: "it gives no reasons, and votes against without reasons are not counted",
  abstention_excluded: "abstentions are not counted towards the pass mark",
  over_organization_cap: "the organization is over its cap on the share of votes",
  no_tally_under_consensus: "the rule is consensus without a vote",
};

const comparisonText: Record<Comparison, string> = {
  at_least: "at least",
  more_than: "more than",
  at_most: "at most",
  less_than: "less than",
};

const baseText: Record<CheckBase, string> = {
  eligible: "eligible voters",
  attendees: "voters present",
  votes_cast_excluding_abstentions: "votes cast excluding abstentions",
  all_votes_cast: "all votes cast",
  returned: "ballots returned",
};

const checkText: Record<CheckKind, string> = {
  quorum: "Quorum",
  pass_mark: "Pass mark",
  negative_cap: "Cap on negative votes",
  abstention_limit: "Limit on abstentions",
};

const outcomeText: Record<TallyOutcome, string> = {
  passed: "The ballot passed.",
  failed: "The ballot failed.",
  no_quorum: "No quorum: the ballot or review must be repeated.",
  consensus_recorded: "The chair recorded consensus.",
  awaiting_chair_decision: "Waiting for the chair to record whether consensus was reached.",
  cannot_tally: "Cannot tally: the rule counts attendees but no attendance was recorded.",
};

const unitText = (unit: VotingUnit) => (unit === "organization" ? "one vote per organization" : "one vote per person");

export const explain = {
  ruleApplied: (params: StepParams["rule_applied"]): TallyStep => ({
    code: "rule_applied",
    params,
    text:
      params.ruleKind === "consensus"
        ? "Consensus without a vote: the chair's decision is recorded, no votes are counted."
        : `Votes are counted with ${unitText(params.unit)}.`,
  }),
  voterCanVote: (params: StepParams["voter_can_vote"]): TallyStep => ({
    code: "voter_can_vote",
    params,
    text: `${params.userId} (${params.organization}) may vote.`,
  }),
  voterExcluded: (params: StepParams["voter_excluded"]): TallyStep => ({
    code: "voter_excluded",
    params,
    text: `${params.userId} (${params.organization}) may not vote: ${voterExclusionText[params.reason]}.`,
  }),
  attendanceRecorded: (params: StepParams["attendance_recorded"]): TallyStep => ({
    code: "attendance_recorded",
    params,
    text: `${params.present} of ${params.eligible} eligible present.`,
  }),
  attendanceNotRecorded: (): TallyStep => ({
    code: "attendance_not_recorded",
    params: {},
    text: "No attendance was recorded, but this rule counts the voters present.",
  }),
  attendeeNotEligible: (params: StepParams["attendee_not_eligible"]): TallyStep => ({
    code: "attendee_not_eligible",
    params,
    text: `${params.userId} attended but may not vote, so is not counted as present.`,
  }),
  attendanceImpliedByVote: (params: StepParams["attendance_implied_by_vote"]): TallyStep => ({
    code: "attendance_implied_by_vote",
    params,
    text: `${params.userId} is not on the attendance list but voted, so counts as present.`,
  }),
  voteCounted: (params: StepParams["vote_counted"]): TallyStep => ({
    code: "vote_counted",
    params,
    text: `${params.userId} (${params.organization}): ${params.option} counts as ${params.countsAs}.`,
  }),
  voteNotCounted: (params: StepParams["vote_not_counted"]): TallyStep => ({
    code: "vote_not_counted",
    params,
    text: `${params.userId}: ${params.option} is not counted because ${voteExclusionText[params.reason]}.`,
  }),
  organizationCapped: (params: StepParams["organization_capped"]): TallyStep => ({
    code: "organization_capped",
    params,
    text:
      `${params.organization} cast ${params.validVotes} valid votes; at most ` +
      `${formatFraction({ numerator: params.capNumerator, denominator: params.capDenominator })} of the votes ` +
      `allows ${params.allowedVotes} of ${params.totalAfterCap}, so its latest ${
        params.validVotes - params.allowedVotes
      } are set aside and leave the pass-mark bases.`,
  }),
  figures: (params: StepParams["figures"]): TallyStep => ({
    code: "figures",
    params,
    text:
      `${params.eligible} eligible (${unitText(params.unit)}), ${params.returned} returned: ` +
      `${params.approvals} approve, ${params.disapprovals} disapprove, ${params.abstentions} abstain.`,
  }),
  thresholdChecked: (params: StepParams["threshold_checked"]): TallyStep => {
    const required = { numerator: params.requiredNumerator, denominator: params.requiredDenominator };
    const which = params.kind === "pass_mark" ? `${checkText.pass_mark} ${params.index + 1}` : checkText[params.kind];
    return {
      code: "threshold_checked",
      params,
      text:
        `${which}: ${params.counts} ${params.count} of ${params.baseCount} ${baseText[params.base]} ` +
        `(${formatPercent(params.count, params.baseCount)}); ${comparisonText[params.comparison]} ` +
        `${formatFraction(required)} (${formatPercent(required.numerator, required.denominator)}) required — ` +
        `${params.met ? "met" : "not met"}.`,
    };
  },
  consensusRecorded: (params: StepParams["consensus_recorded"]): TallyStep => ({
    code: "consensus_recorded",
    params,
    text: `${params.decidedBy} recorded consensus on ${params.decidedAt}${params.note ? `: ${params.note}` : "."}`,
  }),
  consensusNotReached: (params: StepParams["consensus_not_reached"]): TallyStep => ({
    code: "consensus_not_reached",
    params,
    text: `${params.decidedBy} recorded that consensus was not reached on ${params.decidedAt}${
      params.note ? `: ${params.note}` : "."
    }`,
  }),
  awaitingChairDecision: (): TallyStep => ({
    code: "awaiting_chair_decision",
    params: {},
    text: outcomeText.awaiting_chair_decision,
  }),
  outcome: (params: StepParams["outcome"]): TallyStep => ({
    code: "outcome",
    params,
    text: outcomeText[params.outcome],
  }),
};

export const explainVoterLine = (line: VoterLine): TallyStep =>
  line.canVote
    ? explain.voterCanVote({ userId: line.userId, organization: line.organization })
    : explain.voterExcluded({ userId: line.userId, organization: line.organization, reason: line.reason });
