// The figures held against each threshold of a rule, in the order a reader checks them: quorum
// first (below it nothing else matters), then the pass marks, then the caps.
import { shareMeets, type Comparison, type Fraction } from "~/ballots/fraction";
import type { PassMarkBase, VoteRule } from "~/ballots/rule";
import type { CheckBase, CheckCount, CheckKind, TallyFigures, ThresholdCheck } from "~/ballots/types";

/** The base a pass mark or cap is computed over; see TallyFigures.overOrganizationCap for why it is subtracted. */
function baseCount(figures: TallyFigures, base: PassMarkBase): number {
  switch (base) {
    case "eligible":
      return figures.eligible - figures.overOrganizationCap;
    case "attendees":
      return (figures.present ?? 0) - figures.overOrganizationCap;
    case "votes_cast_excluding_abstentions":
      return figures.votesCastExcludingAbstentions;
    case "all_votes_cast":
      return figures.allVotesCast;
  }
}

type CheckSpec = {
  kind: CheckKind;
  index: number;
  counts: CheckCount;
  count: number;
  base: CheckBase;
  baseCount: number;
  comparison: Comparison;
  required: Fraction;
};

const check = (spec: CheckSpec): ThresholdCheck => ({
  ...spec,
  met: shareMeets(spec.count, spec.baseCount, spec.comparison, spec.required),
});

export function checkThresholds(rule: VoteRule, figures: TallyFigures): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  if (rule.quorum) {
    const byAttendance = rule.quorum.measure === "attendance";
    checks.push(
      check({
        kind: "quorum",
        index: 0,
        counts: byAttendance ? "present" : "returned",
        count: byAttendance ? figures.present ?? 0 : figures.returned,
        base: "eligible",
        baseCount: figures.eligible,
        comparison: "at_least",
        required: rule.quorum.fraction,
      }),
    );
  }
  rule.passMarks.forEach((mark, index) => {
    checks.push(
      check({
        kind: "pass_mark",
        index,
        counts: "approvals",
        count: figures.approvals,
        base: mark.base,
        baseCount: baseCount(figures, mark.base),
        comparison: mark.comparison,
        required: mark.fraction,
      }),
    );
  });
  if (rule.negativeCap) {
    checks.push(
      check({
        kind: "negative_cap",
        index: 0,
        counts: "disapprovals",
        count: figures.disapprovals,
        base: rule.negativeCap.base,
        baseCount: baseCount(figures, rule.negativeCap.base),
        comparison: rule.negativeCap.comparison,
        required: rule.negativeCap.fraction,
      }),
    );
  }
  if (rule.abstentionLimit) {
    checks.push(
      check({
        kind: "abstention_limit",
        index: 0,
        counts: "abstentions",
        count: figures.abstentionsReturned,
        base: "returned",
        baseCount: figures.returned,
        comparison: rule.abstentionLimit.comparison,
        required: rule.abstentionLimit.fraction,
      }),
    );
  }
  return checks;
}
