// A rule an organization stores is refused when no tally could meet it, when every tally would, or
// when its settings contradict each other — with the field and a specific message each time.
import { describe, expect, test } from "vitest";
import { parseBallotRule } from "~/ballots/rule";
import { ruleIssueTexts } from "~/ballots/rule-issues";

const valid = {
  kind: "vote",
  passMarks: [
    { comparison: "at_least", fraction: { numerator: 2, denominator: 3 }, base: "votes_cast_excluding_abstentions" },
  ],
  abstentions: "excluded",
  negativeCap: {
    comparison: "at_most",
    fraction: { numerator: 1, denominator: 4 },
    base: "votes_cast_excluding_abstentions",
  },
  quorum: { measure: "returns", fraction: { numerator: 2, denominator: 3 } },
  abstentionLimit: { comparison: "less_than", fraction: { numerator: 3, denominator: 10 } },
  organizationCap: { appliesTo: "drafting_organizations", fraction: { numerator: 1, denominator: 4 } },
  disapprovalRequiresReasons: true,
  approveWithCommentsCountsAs: "approval",
  oneVotePerOrganization: false,
  draftersExcluded: true,
};

/** The rule above with one setting changed (undefined removes it). */
const withSetting = (name: string, value: unknown) => {
  const copy: Record<string, unknown> = structuredClone(valid);
  if (value === undefined) delete copy[name];
  else copy[name] = value;
  return copy;
};
const frac = (numerator: number, denominator: number) => ({ numerator, denominator });
const passMark = (
  comparison: string,
  numerator: number,
  denominator: number,
  base = "votes_cast_excluding_abstentions",
) => [{ comparison, fraction: frac(numerator, denominator), base }];

function issuesOf(input: unknown) {
  const parsed = parseBallotRule(input);
  if (parsed.ok) throw new Error("expected the rule to be refused");
  return parsed.issues.map(({ path, key }) => ({ path, key }));
}

describe("parseBallotRule accepts", () => {
  test("a rule using every setting", () => {
    const parsed = parseBallotRule(valid);
    expect(parsed.ok).toBe(true);
  });

  test("consensus without a vote", () => {
    expect(parseBallotRule({ kind: "consensus" })).toEqual({ ok: true, rule: { kind: "consensus" } });
  });

  test("thresholds at the limits that can still be met: 100 %, at most 0 negatives", () => {
    expect(parseBallotRule(withSetting("passMarks", passMark("at_least", 1, 1))).ok).toBe(true);
    expect(
      parseBallotRule(
        withSetting("negativeCap", {
          comparison: "at_most",
          fraction: frac(0, 1),
          base: "votes_cast_excluding_abstentions",
        }),
      ).ok,
    ).toBe(true);
  });

  test("a cap on negatives over all votes cast while abstentions are excluded from the pass mark", () => {
    const rule = withSetting("negativeCap", { comparison: "at_most", fraction: frac(1, 4), base: "all_votes_cast" });
    expect(parseBallotRule(rule).ok).toBe(true);
  });
});

describe("parseBallotRule refuses impossible thresholds", () => {
  test("a pass mark over 100 %", () => {
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 5, 4)))).toEqual([
      { path: "passMarks.0.fraction", key: "ballots.rule.overHundredPercent" },
    ]);
  });

  test("more than 100 %, which no tally reaches", () => {
    expect(issuesOf(withSetting("passMarks", passMark("more_than", 3, 3)))).toEqual([
      { path: "passMarks.0.fraction", key: "ballots.rule.passMarkUnreachable" },
    ]);
  });

  test("a pass mark of at least 0, which every tally meets", () => {
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 0, 3)))).toEqual([
      { path: "passMarks.0.fraction", key: "ballots.rule.passMarkZero" },
    ]);
  });

  test("no pass mark at all", () => {
    expect(issuesOf(withSetting("passMarks", []))).toEqual([
      { path: "passMarks", key: "ballots.rule.passMarkRequired" },
    ]);
  });

  test("a quorum of zero", () => {
    expect(issuesOf(withSetting("quorum", { measure: "returns", fraction: frac(0, 3) }))).toEqual([
      { path: "quorum.fraction", key: "ballots.rule.quorumZero" },
    ]);
  });

  test("a quorum over 100 %", () => {
    expect(issuesOf(withSetting("quorum", { measure: "attendance", fraction: frac(3, 2) }))).toEqual([
      { path: "quorum.fraction", key: "ballots.rule.overHundredPercent" },
    ]);
  });

  test("a negative cap", () => {
    expect(
      issuesOf(withSetting("negativeCap", { comparison: "at_most", fraction: frac(-1, 4), base: "all_votes_cast" })),
    ).toEqual([{ path: "negativeCap.fraction.numerator", key: "ballots.rule.fractionNegative" }]);
  });

  test("fewer than 0 % negatives, which no tally meets", () => {
    expect(
      issuesOf(withSetting("negativeCap", { comparison: "less_than", fraction: frac(0, 4), base: "all_votes_cast" })),
    ).toEqual([{ path: "negativeCap.fraction", key: "ballots.rule.capUnreachable" }]);
  });

  test("an abstention limit over 100 %", () => {
    expect(issuesOf(withSetting("abstentionLimit", { comparison: "less_than", fraction: frac(11, 10) }))).toEqual([
      { path: "abstentionLimit.fraction", key: "ballots.rule.overHundredPercent" },
    ]);
  });

  test("a denominator of 0", () => {
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 2, 0)))).toEqual([
      { path: "passMarks.0.fraction.denominator", key: "ballots.rule.denominatorZero" },
    ]);
  });

  test("fractions that are not whole numbers", () => {
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 0.75, 1)))).toEqual([
      { path: "passMarks.0.fraction.numerator", key: "ballots.rule.fractionNotWhole" },
    ]);
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 1, 1e20)))).toEqual([
      { path: "passMarks.0.fraction.denominator", key: "ballots.rule.fractionTooLarge" },
    ]);
  });

  test("an organization cap of 0 or of 100 %", () => {
    expect(issuesOf(withSetting("organizationCap", { appliesTo: "every_organization", fraction: frac(0, 4) }))).toEqual(
      [{ path: "organizationCap.fraction", key: "ballots.rule.organizationCapZero" }],
    );
    expect(issuesOf(withSetting("organizationCap", { appliesTo: "every_organization", fraction: frac(4, 4) }))).toEqual(
      [{ path: "organizationCap.fraction", key: "ballots.rule.organizationCapNoEffect" }],
    );
  });
});

describe("parseBallotRule refuses contradictory settings", () => {
  test("abstentions excluded but the pass mark counts them", () => {
    expect(issuesOf(withSetting("passMarks", passMark("at_least", 2, 3, "all_votes_cast")))).toEqual([
      { path: "passMarks.0.base", key: "ballots.rule.abstentionsExcludedButInBase" },
    ]);
  });

  test("abstentions in the base but the pass mark leaves them out", () => {
    expect(issuesOf(withSetting("abstentions", "counted_in_base"))).toEqual([
      { path: "passMarks.0.base", key: "ballots.rule.abstentionsInBaseButExcluded" },
    ]);
  });

  test("abstentions counted as disapprovals but a base leaves them out", () => {
    expect(issuesOf(withSetting("abstentions", "counted_as_disapproval"))).toEqual([
      { path: "passMarks.0.base", key: "ballots.rule.abstentionsAsDisapprovalButExcluded" },
      { path: "negativeCap.base", key: "ballots.rule.abstentionsAsDisapprovalButExcluded" },
    ]);
  });
});

describe("parseBallotRule refuses malformed data", () => {
  test("a missing setting, an unknown choice, a misspelt setting", () => {
    const rule = { ...withSetting("draftersExcluded", undefined), abstentions: "ignored", quorom: {} };
    expect(issuesOf(rule)).toEqual(
      expect.arrayContaining([
        { path: "draftersExcluded", key: "ballots.rule.required" },
        { path: "abstentions", key: "ballots.rule.unknownChoice" },
        { path: "quorom", key: "ballots.rule.unknownSetting" },
      ]),
    );
  });

  test("an unknown kind of rule", () => {
    expect(issuesOf({ kind: "lottery" })).toEqual([{ path: "kind", key: "ballots.rule.unknownKind" }]);
  });

  test("every problem at once, each with its English text", () => {
    const rule = {
      ...valid,
      passMarks: passMark("at_least", 4, 3),
      quorum: { measure: "returns", fraction: frac(0, 1) },
      organizationCap: { appliesTo: "drafting_organizations", fraction: frac(1, 0) },
    };
    const parsed = parseBallotRule(rule);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      {
        path: "organizationCap.fraction.denominator",
        key: "ballots.rule.denominatorZero",
        text: ruleIssueTexts["ballots.rule.denominatorZero"],
      },
      { path: "passMarks.0.fraction", key: "ballots.rule.overHundredPercent", text: "A share cannot be over 100 %." },
      { path: "quorum.fraction", key: "ballots.rule.quorumZero", text: ruleIssueTexts["ballots.rule.quorumZero"] },
    ]);
  });
});
