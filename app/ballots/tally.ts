// Tallies a ballot under a parsed rule. Pure and DOM-free: the same function serves the result page,
// the chair's decision and tests. Order: who may vote → which ballots stand → attendance → what each
// ballot counts as (and which are not counted) → the organization cap → figures → thresholds → outcome.
import { recordAttendance } from "~/ballots/attendance";
import { recordConsensus } from "~/ballots/consensus";
import { assessVoters, draftingOrganizations } from "~/ballots/eligibility";
import { applyOrganizationCap } from "~/ballots/organization-cap";
import type { BallotRule, VoteRule } from "~/ballots/rule";
import { explain, explainVoterLine, type TallyStep } from "~/ballots/tally-steps";
import { checkThresholds } from "~/ballots/thresholds";
import type {
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
  VoterLine,
  VotingUnit,
} from "~/ballots/types";
import { standingBallots, type StandingBallot } from "~/ballots/vote-validity";

export function tallyBallot(rule: BallotRule, input: TallyInput): TallyResult {
  return rule.kind === "consensus" ? recordConsensus(input) : countVotes(rule, input);
}

const hasReasons = (vote: Vote) => (vote.reasons ?? "").trim().length > 0;

/** What a ballot counts as under the rule, before any is set aside. */
function countsAs(rule: VoteRule, vote: Vote): CountsAs {
  switch (vote.option) {
    case "approve":
      return "approval";
    case "approve_with_comments":
      return rule.approveWithCommentsCountsAs;
    case "disapprove":
      return "disapproval";
    case "abstain":
      return rule.abstentions === "counted_as_disapproval" ? "disapproval" : "abstention";
  }
}

/** Only a vote against chosen by the voter needs reasons; an abstention counted as one does not. */
const needsReasons = (rule: VoteRule, vote: Vote, as: CountsAs) =>
  rule.disapprovalRequiresReasons && as === "disapproval" && vote.option !== "abstain";

const needsAttendance = (rule: VoteRule) =>
  rule.quorum?.measure === "attendance" || rule.passMarks.some((mark) => mark.base === "attendees");

function countVotes(rule: VoteRule, input: TallyInput): TallyResult {
  const unit: VotingUnit = rule.oneVotePerOrganization ? "organization" : "voter";
  const unitOf = (voter: { userId: string; organization: string }) =>
    unit === "organization" ? voter.organization : voter.userId;

  const voters = assessVoters(input.eligible, rule.draftersExcluded);
  const eligibleUnits = new Set(voters.flatMap((voter) => (voter.canVote ? [unitOf(voter)] : [])));
  const { chronological, setAside, standing } = standingBallots(rule, voters, input.votes);

  const attendance = input.attendees ? recordAttendance(input.attendees, voters, standing, unitOf) : null;

  // What each standing ballot counts as; unreasoned disapprovals and excluded abstentions drop out here.
  const counted = new Map<number, CountsAs>();
  for (const { index, vote } of standing) {
    const as = countsAs(rule, vote);
    if (needsReasons(rule, vote, as) && !hasReasons(vote)) setAside.set(index, "disapproval_without_reasons");
    else if (as === "abstention" && rule.abstentions === "excluded") setAside.set(index, "abstention_excluded");
    else counted.set(index, as);
  }

  const drafting = draftingOrganizations(input.eligible);
  const cap = rule.organizationCap
    ? applyOrganizationCap(
        standing.filter((ballot) => counted.has(ballot.index)),
        rule.organizationCap.fraction,
        rule.organizationCap.appliesTo === "every_organization" ? () => true : (org) => drafting.has(org),
      )
    : null;
  for (const index of cap?.setAside ?? []) {
    counted.delete(index);
    setAside.set(index, "over_organization_cap");
  }

  const lines = voteLines(input.votes, voters, chronological, setAside, counted);
  const figures = tallyFigures({
    rule,
    unit,
    eligible: eligibleUnits.size,
    standing,
    setAside,
    counted,
    presentUnits: attendance?.presentUnits ?? null,
  });
  const cannotTally = needsAttendance(rule) && !input.attendees;
  const checks = cannotTally ? [] : checkThresholds(rule, figures);
  const outcome = decideOutcome(cannotTally, checks);

  const steps = [
    explain.ruleApplied({ ruleKind: "vote", unit }),
    ...voters.map(explainVoterLine),
    ...(cannotTally ? [explain.attendanceNotRecorded()] : []),
    ...(attendance?.steps ?? []),
    ...(figures.present === null
      ? []
      : [explain.attendanceRecorded({ present: figures.present, eligible: figures.eligible })]),
    ...(cap?.lines ?? []).map(explainCapLine),
    ...lines.map(explainVoteLine),
    explainFigures(figures),
    ...checks.map(explainCheck),
    explain.outcome({ outcome }),
  ];

  return {
    ruleKind: "vote",
    outcome,
    passed: outcome === "passed",
    voters,
    votes: lines,
    organizationCaps: cap?.lines ?? [],
    figures,
    checks,
    chairDecision: null,
    steps,
  };
}

/** One line per vote received, oldest first: every vote either counts or was set aside with a reason. */
function voteLines(
  votes: readonly Vote[],
  voters: readonly VoterLine[],
  chronological: readonly number[],
  setAside: ReadonlyMap<number, VoteExclusion>,
  counted: ReadonlyMap<number, CountsAs>,
): VoteLine[] {
  const organizationOf = new Map<string, string>();
  for (const voter of voters) {
    if (!organizationOf.has(voter.userId)) organizationOf.set(voter.userId, voter.organization);
  }
  const base = (index: number) => {
    const { userId, option, castAt } = votes[index];
    return { userId, organization: organizationOf.get(userId) ?? null, option, castAt };
  };
  const lineByIndex = new Map<number, VoteLine>();
  for (const [index, reason] of setAside) lineByIndex.set(index, { ...base(index), counted: false, reason });
  for (const [index, as] of counted) lineByIndex.set(index, { ...base(index), counted: true, countsAs: as });
  return chronological.flatMap((index) => lineByIndex.get(index) ?? []);
}

const explainVoteLine = (line: VoteLine): TallyStep =>
  line.counted
    ? explain.voteCounted({
        userId: line.userId,
        organization: line.organization ?? "",
        option: line.option,
        countsAs: line.countsAs,
      })
    : explain.voteNotCounted({ userId: line.userId, option: line.option, reason: line.reason });

const explainCapLine = (line: OrganizationCapLine): TallyStep =>
  explain.organizationCapped({
    organization: line.organization,
    validVotes: line.validVotes,
    allowedVotes: line.allowedVotes,
    capNumerator: line.cap.numerator,
    capDenominator: line.cap.denominator,
    totalAfterCap: line.totalAfterCap,
  });

const explainFigures = (figures: TallyFigures): TallyStep =>
  explain.figures({
    unit: figures.unit,
    eligible: figures.eligible,
    returned: figures.returned,
    approvals: figures.approvals,
    disapprovals: figures.disapprovals,
    abstentions: figures.abstentions,
  });

const explainCheck = ({ required, ...check }: ThresholdCheck): TallyStep =>
  explain.thresholdChecked({
    ...check,
    requiredNumerator: required.numerator,
    requiredDenominator: required.denominator,
  });

type FiguresOptions = {
  rule: VoteRule;
  unit: VotingUnit;
  eligible: number;
  standing: readonly StandingBallot[];
  setAside: ReadonlyMap<number, VoteExclusion>;
  counted: ReadonlyMap<number, CountsAs>;
  presentUnits: ReadonlySet<string> | null;
};

function tallyFigures({
  rule,
  unit,
  eligible,
  standing,
  setAside,
  counted,
  presentUnits,
}: FiguresOptions): TallyFigures {
  const countOf = (as: CountsAs) => [...counted.values()].filter((value) => value === as).length;
  const abstain = standing.filter((ballot) => ballot.vote.option === "abstain");
  // Abstentions that stand: counted, or excluded only from the pass mark. One set aside for another
  // reason (the organization cap) is not a vote cast.
  const abstentions = abstain.filter(
    ({ index }) => counted.has(index) || setAside.get(index) === "abstention_excluded",
  ).length;
  const approvals = countOf("approval");
  const disapprovals = countOf("disapproval");
  const disapprovalsChosen = rule.abstentions === "counted_as_disapproval" ? disapprovals - abstentions : disapprovals;
  return {
    unit,
    eligible,
    returned: standing.length,
    present: presentUnits ? presentUnits.size : null,
    overOrganizationCap: [...setAside.values()].filter((reason) => reason === "over_organization_cap").length,
    approvals,
    disapprovals,
    abstentions,
    abstentionsReturned: abstain.length,
    votesCastExcludingAbstentions: approvals + disapprovalsChosen,
    allVotesCast: approvals + disapprovalsChosen + abstentions,
  };
}

function decideOutcome(cannotTally: boolean, checks: readonly ThresholdCheck[]): TallyOutcome {
  if (cannotTally) return "cannot_tally";
  // Below quorum the ballot is repeated whatever the votes say: it was never valid, so not failed.
  if (checks.some((c) => c.kind === "quorum" && !c.met)) return "no_quorum";
  return checks.every((c) => c.met) ? "passed" : "failed";
}
