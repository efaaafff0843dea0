export { compareFractions, formatFraction, formatPercent, fraction, shareMeets } from "~/ballots/fraction";
export type { Comparison, Fraction, LowerBound, UpperBound } from "~/ballots/fraction";
export { ballotRuleSchema, parseBallotRule } from "~/ballots/rule";
export type {
  AbstentionLimit,
  BallotRule,
  ConsensusRule,
  NegativeCap,
  OrganizationCap,
  ParsedRule,
  PassMark,
  PassMarkBase,
  Quorum,
  VoteRule,
} from "~/ballots/rule";
export { ruleIssueTexts } from "~/ballots/rule-issues";
export type { RuleIssue, RuleIssueKey } from "~/ballots/rule-issues";
export {
  ballotRulePresets,
  chineseFourFifthsOfPanel,
  chineseThreeQuartersOfAttendees,
  consensusWithoutVote,
  findPreset,
  ieeeSa,
  isoApproval,
  isoCommittee,
  isoEnquiry,
  oasisFullMajority,
  simpleMajority,
} from "~/ballots/presets";
export type { BallotRulePreset, LocalizedText } from "~/ballots/presets";
export { tallyBallot } from "~/ballots/tally";
export type { StepCode, StepParams, TallyStep } from "~/ballots/tally-steps";
export { voteOptions } from "~/ballots/types";
export type {
  ChairDecision,
  CheckBase,
  CheckCount,
  CheckKind,
  CountsAs,
  OrganizationCapLine,
  TallyFigures,
  TallyInput,
  TallyOutcome,
  TallyResult,
  ThresholdCheck,
  Vote,
  VoteExclusion,
  VoteLine,
  VoteOption,
  Voter,
  VoterExclusion,
  VoterLine,
  VotingUnit,
} from "~/ballots/types";
