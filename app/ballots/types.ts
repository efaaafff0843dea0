// What a tally reads and what it returns. The result is shaped for the result page: lines per voter
// and per vote, the figures, every threshold check, and the same story as ordered steps.
import type { Comparison, Fraction } from "~/ballots/fraction";
import type { TallyStep } from "~/ballots/tally-steps";

export const voteOptions = ["approve", "approve_with_comments", "disapprove", "abstain"] as const;
export type VoteOption = (typeof voteOptions)[number];

export type Voter = { userId: string; organization: string; votingRight: boolean; isDrafter: boolean };
/** `reasons` are the reasons of a disapproval, or the comments/conditions of an approval with comments. */
export type Vote = { userId: string; option: VoteOption; reasons?: string; castAt: Date };

/** Consensus without a vote: what the chair recorded. */
export type ChairDecision = { decidedBy: string; consensusReached: boolean; note: string; decidedAt: Date };

export type TallyInput = {
  /** The committee's members as listed for this ballot, including those who may not vote. */
  eligible: Voter[];
  votes: Vote[];
  /** userIds present at a review meeting; required when the rule counts attendees. */
  attendees?: string[];
  chairDecision?: ChairDecision;
};

/** Whether one person or one organization is a unit of voting, returns and attendance. */
export type VotingUnit = "voter" | "organization";

export type VoterExclusion = "no_voting_right" | "drafter" | "listed_twice";
export type VoterLine =
  | { userId: string; organization: string; canVote: true }
  | { userId: string; organization: string; canVote: false; reason: VoterExclusion };

export type CountsAs = "approval" | "disapproval" | "abstention";
export type VoteExclusion =
  | "not_a_member"
  | "no_voting_right"
  | "drafter"
  | "superseded_by_own_later_vote"
  | "superseded_within_organization"
  | "disapproval_without_reasons"
  | "abstention_excluded"
  | "over_organization_cap"
  | "no_tally_under_consensus";

type VoteLineBase = { userId: string; organization: string | null; option: VoteOption; castAt: Date };
export type VoteLine =
  | (VoteLineBase & { counted: true; countsAs: CountsAs })
  | (VoteLineBase & { counted: false; reason: VoteExclusion });

export type OrganizationCapLine = {
  organization: string;
  /** Valid votes the organization cast, and how many of them stand under the cap. */
  validVotes: number;
  allowedVotes: number;
  cap: Fraction;
  /** Valid votes of all organizations once the cap is applied: the organization holds allowed/total. */
  totalAfterCap: number;
};

export type TallyFigures = {
  unit: VotingUnit;
  eligible: number;
  /** Units whose ballot came back, counted or not. */
  returned: number;
  /** Units present; null when attendance was not recorded. */
  present: number | null;
  approvals: number;
  /** Includes abstentions when the rule counts them as disapprovals. */
  disapprovals: number;
  abstentions: number;
  /**
   * Ballots set aside under the organization cap. Their voters leave the eligible and attendee bases
   * of the pass marks too, as if not entitled on this ballot: otherwise an organization's excess
   * votes would count against approval instead of not counting. Quorum still counts them.
   */
  overOrganizationCap: number;
  /** Abstentions among ballots returned, before any vote is set aside: the IEEE abstention share. */
  abstentionsReturned: number;
  votesCastExcludingAbstentions: number;
  allVotesCast: number;
};

export type CheckKind = "quorum" | "pass_mark" | "negative_cap" | "abstention_limit";
export type CheckBase = "eligible" | "attendees" | "votes_cast_excluding_abstentions" | "all_votes_cast" | "returned";
export type CheckCount = "returned" | "present" | "approvals" | "disapprovals" | "abstentions";

export type ThresholdCheck = {
  kind: CheckKind;
  /** Position among the rule's pass marks; 0 for the other kinds. */
  index: number;
  counts: CheckCount;
  count: number;
  base: CheckBase;
  baseCount: number;
  comparison: Comparison;
  required: Fraction;
  met: boolean;
};

export type TallyOutcome =
  | "passed"
  | "failed"
  /** Quorum not reached: the ballot or review is repeated (ISO .93), not failed. */
  | "no_quorum"
  | "consensus_recorded"
  | "awaiting_chair_decision"
  /** The rule counts attendees but no attendance was recorded. */
  | "cannot_tally";

export type TallyResult = {
  ruleKind: "vote" | "consensus";
  outcome: TallyOutcome;
  passed: boolean;
  voters: VoterLine[];
  /** Every vote received, oldest first, with whether and as what it counted. */
  votes: VoteLine[];
  organizationCaps: OrganizationCapLine[];
  /** Null under consensus, where nothing is counted. */
  figures: TallyFigures | null;
  checks: ThresholdCheck[];
  chairDecision: ChairDecision | null;
  steps: TallyStep[];
};
