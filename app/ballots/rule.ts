// A body's voting rule as data. Every body counts differently (ISO's 2/3 with at most 1/4 negative,
// 3/4 of the experts present, IEEE's 75 %/75 %…), so the rule is a value an organization stores and
// edits, parsed here once at the edge; the tally trusts a parsed rule and never re-validates it.
//
// Bases a share is computed over:
//   votes_cast_excluding_abstentions  approvals + disapprovals
//   all_votes_cast                    approvals + disapprovals + abstentions
//   eligible                          everyone who could vote (organizations, with one vote each)
//   attendees                         eligible voters present (a returned ballot proves presence)
// `abstentions` says what an abstention is; a pass mark whose base disagrees is refused as contradictory.
// A cap on negatives may name either vote base "as the rule says", except that abstentions which
// count as disapprovals must be in every base.
import { z } from "zod";
import { compareFractions, type Fraction } from "~/ballots/fraction";
import { isRuleIssueKey, ruleIssueTexts, type RuleIssue, type RuleIssueKey } from "~/ballots/rule-issues";

const key = (k: RuleIssueKey) => k;

const whole = (n: number) => Number.isInteger(n);
const ONE: Fraction = { numerator: 1, denominator: 1 };
const ZERO: Fraction = { numerator: 0, denominator: 1 };

/** {numerator, denominator}: whole, non-negative, denominator not 0. */
const fractionSchema = z
  .object({ numerator: z.number(), denominator: z.number() })
  .strict()
  .superRefine((f, ctx) => {
    for (const part of ["numerator", "denominator"] as const) {
      const value = f[part];
      if (!whole(value)) ctx.addIssue({ code: "custom", path: [part], message: key("ballots.rule.fractionNotWhole") });
      else if (!Number.isSafeInteger(value))
        ctx.addIssue({ code: "custom", path: [part], message: key("ballots.rule.fractionTooLarge") });
      else if (value < 0) ctx.addIssue({ code: "custom", path: [part], message: key("ballots.rule.fractionNegative") });
    }
    if (f.denominator === 0)
      ctx.addIssue({ code: "custom", path: ["denominator"], message: key("ballots.rule.denominatorZero") });
  });

const voteBase = z.enum(["votes_cast_excluding_abstentions", "all_votes_cast"]);
const passMarkBase = z.enum(["votes_cast_excluding_abstentions", "all_votes_cast", "eligible", "attendees"]);

/** Approvals must reach this share of the base. Every pass mark of a rule must be met. */
const passMarkSchema = z
  .object({ comparison: z.enum(["at_least", "more_than"]), fraction: fractionSchema, base: passMarkBase })
  .strict();

/** Disapprovals may be at most this share of the votes cast (ISO: at most 1/4). */
const negativeCapSchema = z
  .object({ comparison: z.enum(["at_most", "less_than"]), fraction: fractionSchema, base: voteBase })
  .strict();

/**
 * Returns (ballots that came back) or attendance must reach this share of the eligible voters;
 * below it the ballot or meeting is repeated rather than failed.
 */
const quorumSchema = z.object({ measure: z.enum(["returns", "attendance"]), fraction: fractionSchema }).strict();

/** Abstentions, as a share of ballots returned, must stay under this (IEEE: fails at 30 %). */
const abstentionLimitSchema = z
  .object({ comparison: z.enum(["less_than", "at_most"]), fraction: fractionSchema })
  .strict();

/**
 * No organization (or no drafting organization) may hold more than this share of the valid votes.
 * An organization over the cap keeps the largest number of its votes that fits, its earliest cast
 * first; the votes set aside leave the bases of the pass marks too (see TallyFigures.overOrganizationCap).
 */
const organizationCapSchema = z
  .object({ appliesTo: z.enum(["drafting_organizations", "every_organization"]), fraction: fractionSchema })
  .strict();

const voteRuleSchema = z
  .object({
    kind: z.literal("vote"),
    passMarks: z.array(passMarkSchema).min(1, key("ballots.rule.passMarkRequired")),
    abstentions: z.enum(["excluded", "counted_in_base", "counted_as_disapproval"]),
    negativeCap: negativeCapSchema.optional(),
    quorum: quorumSchema.optional(),
    abstentionLimit: abstentionLimitSchema.optional(),
    organizationCap: organizationCapSchema.optional(),
    /** A disapproval (or a conditional approval) with no reasons is not counted (ISO). */
    disapprovalRequiresReasons: z.boolean(),
    /** "approval" normally; "disapproval" where comments are conditions ("approve on condition"). */
    approveWithCommentsCountsAs: z.enum(["approval", "disapproval"]),
    /** Each organization has one vote: its latest-cast ballot stands, like a person's changed vote. */
    oneVotePerOrganization: z.boolean(),
    /** Drafters do not vote on their own draft (Chinese group standards). */
    draftersExcluded: z.boolean(),
  })
  .strict();

/** No tally: the chair records whether consensus was reached. */
const consensusRuleSchema = z.object({ kind: z.literal("consensus") }).strict();

type VoteRuleShape = z.infer<typeof voteRuleSchema>;
type Issue = { path: (string | number)[]; message: RuleIssueKey };

/** Thresholds that no tally could meet, or that every tally would: refused with the field's path. */
function impossibleThresholds(rule: VoteRuleShape): Issue[] {
  const issues: Issue[] = [];
  const over = (f: Fraction) => compareFractions(f, ONE) > 0;
  const isZero = (f: Fraction) => compareFractions(f, ZERO) === 0;
  // Fractions the fraction schema already refused are not judged again (BigInt needs whole numbers).
  const validFraction = (f: Fraction) =>
    Number.isSafeInteger(f.numerator) && Number.isSafeInteger(f.denominator) && f.denominator > 0 && f.numerator >= 0;

  rule.passMarks.forEach((mark, i) => {
    const path = ["passMarks", i, "fraction"];
    if (!validFraction(mark.fraction)) return;
    if (over(mark.fraction)) issues.push({ path, message: "ballots.rule.overHundredPercent" });
    else if (mark.comparison === "more_than" && compareFractions(mark.fraction, ONE) === 0)
      issues.push({ path, message: "ballots.rule.passMarkUnreachable" });
    else if (mark.comparison === "at_least" && isZero(mark.fraction))
      issues.push({ path, message: "ballots.rule.passMarkZero" });
  });

  const caps = [
    ["negativeCap", rule.negativeCap],
    ["abstentionLimit", rule.abstentionLimit],
  ] as const;
  for (const [name, cap] of caps) {
    if (!cap || !validFraction(cap.fraction)) continue;
    const path = [name, "fraction"];
    if (over(cap.fraction)) issues.push({ path, message: "ballots.rule.overHundredPercent" });
    else if (cap.comparison === "less_than" && isZero(cap.fraction))
      issues.push({ path, message: "ballots.rule.capUnreachable" });
  }

  if (rule.quorum && validFraction(rule.quorum.fraction)) {
    const path = ["quorum", "fraction"];
    if (over(rule.quorum.fraction)) issues.push({ path, message: "ballots.rule.overHundredPercent" });
    else if (isZero(rule.quorum.fraction)) issues.push({ path, message: "ballots.rule.quorumZero" });
  }

  if (rule.organizationCap && validFraction(rule.organizationCap.fraction)) {
    const path = ["organizationCap", "fraction"];
    const f = rule.organizationCap.fraction;
    if (over(f)) issues.push({ path, message: "ballots.rule.overHundredPercent" });
    else if (compareFractions(f, ONE) === 0) issues.push({ path, message: "ballots.rule.organizationCapNoEffect" });
    else if (isZero(f)) issues.push({ path, message: "ballots.rule.organizationCapZero" });
  }
  return issues;
}

/** Settings that contradict what `abstentions` says an abstention is. */
function contradictions(rule: VoteRuleShape): Issue[] {
  const issues: Issue[] = [];
  rule.passMarks.forEach((mark, i) => {
    const path = ["passMarks", i, "base"];
    if (rule.abstentions === "excluded" && mark.base === "all_votes_cast")
      issues.push({ path, message: "ballots.rule.abstentionsExcludedButInBase" });
    if (rule.abstentions === "counted_in_base" && mark.base === "votes_cast_excluding_abstentions")
      issues.push({ path, message: "ballots.rule.abstentionsInBaseButExcluded" });
    if (rule.abstentions === "counted_as_disapproval" && mark.base === "votes_cast_excluding_abstentions")
      issues.push({ path, message: "ballots.rule.abstentionsAsDisapprovalButExcluded" });
  });
  if (rule.abstentions === "counted_as_disapproval" && rule.negativeCap?.base === "votes_cast_excluding_abstentions")
    issues.push({ path: ["negativeCap", "base"], message: "ballots.rule.abstentionsAsDisapprovalButExcluded" });
  return issues;
}

export const ballotRuleSchema = z
  .discriminatedUnion("kind", [voteRuleSchema, consensusRuleSchema])
  .superRefine((rule, ctx) => {
    if (rule.kind !== "vote") return;
    for (const issue of [...impossibleThresholds(rule), ...contradictions(rule)]) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export type BallotRule = z.infer<typeof ballotRuleSchema>;
export type VoteRule = Extract<BallotRule, { kind: "vote" }>;
export type ConsensusRule = Extract<BallotRule, { kind: "consensus" }>;
export type PassMark = VoteRule["passMarks"][number];
export type PassMarkBase = PassMark["base"];
export type NegativeCap = NonNullable<VoteRule["negativeCap"]>;
export type Quorum = NonNullable<VoteRule["quorum"]>;
export type AbstentionLimit = NonNullable<VoteRule["abstentionLimit"]>;
export type OrganizationCap = NonNullable<VoteRule["organizationCap"]>;

/** Zod's own issues (missing field, unknown enum value…) mapped to our keys, so every issue has one. */
const ruleErrorMap: z.ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return { message: issue.received === "undefined" ? key("ballots.rule.required") : key("ballots.rule.wrongType") };
    case "invalid_enum_value":
    case "invalid_literal":
      return { message: key("ballots.rule.unknownChoice") };
    case "invalid_union_discriminator":
      return { message: key("ballots.rule.unknownKind") };
    case "unrecognized_keys":
      return { message: key("ballots.rule.unknownSetting") };
    default:
      return { message: key("ballots.rule.invalid") };
  }
};

export type ParsedRule = { ok: true; rule: BallotRule } | { ok: false; issues: RuleIssue[] };

const issue = (path: (string | number)[], message: string): RuleIssue => {
  const k: RuleIssueKey = isRuleIssueKey(message) ? message : "ballots.rule.invalid";
  return { path: path.join("."), key: k, text: ruleIssueTexts[k] };
};

/** Parses a stored or submitted rule; a refused rule comes back with every problem and its field. */
export function parseBallotRule(input: unknown): ParsedRule {
  const result = ballotRuleSchema.safeParse(input, { errorMap: ruleErrorMap });
  if (result.success) return { ok: true, rule: result.data };
  const issues = result.error.issues.flatMap((zodIssue) =>
    // One issue per unknown key, pointing at the key itself, so the editor can highlight it.
    zodIssue.code === "unrecognized_keys"
      ? zodIssue.keys.map((k) => issue([...zodIssue.path, k], zodIssue.message))
      : [issue(zodIssue.path, zodIssue.message)],
  );
  return { ok: false, issues };
}
