// ISO DIS/FDIS: ≥ 2/3 of votes cast approve, ≤ 1/4 of votes cast negative, abstentions and negatives
// without reasons not counted. Committee stage: 2/3 of those voting.
import { describe, expect, test } from "vitest";
import { ballots, committee, vote } from "~/ballots/ballot-fixtures";
import { fraction } from "~/ballots/fraction";
import { isoApproval, isoCommittee, isoEnquiry } from "~/ballots/presets";
import type { VoteRule } from "~/ballots/rule";
import { tallyBallot } from "~/ballots/tally";

const checksOf = (result: ReturnType<typeof tallyBallot>) =>
  result.checks.map(({ kind, count, baseCount, met }) => ({ kind, count, baseCount, met }));

describe.each([
  ["enquiry (DIS)", isoEnquiry.rule],
  ["approval (FDIS)", isoApproval.rule],
])("ISO %s", (_, rule) => {
  const members = committee(16);

  test("exactly 3/4 approve and exactly 1/4 negative: passes", () => {
    const result = tallyBallot(rule, { eligible: members, votes: ballots(members, { approve: 9, disapprove: 3 }) });
    expect(result.outcome).toBe("passed");
    expect(checksOf(result)).toEqual([
      { kind: "pass_mark", count: 9, baseCount: 12, met: true },
      { kind: "negative_cap", count: 3, baseCount: 12, met: true },
    ]);
  });

  test("one more negative: 2/3 still approve, but over 1/4 negative fails", () => {
    const result = tallyBallot(rule, { eligible: members, votes: ballots(members, { approve: 8, disapprove: 4 }) });
    expect(result.outcome).toBe("failed");
    expect(checksOf(result)).toEqual([
      { kind: "pass_mark", count: 8, baseCount: 12, met: true },
      { kind: "negative_cap", count: 4, baseCount: 12, met: false },
    ]);
  });

  test("abstentions are not counted: 3 approve, 1 against, 12 abstain passes", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve: 3, disapprove: 1, abstain: 12 }),
    });
    expect(result.outcome).toBe("passed");
    expect(result.figures).toMatchObject({
      approvals: 3,
      disapprovals: 1,
      abstentions: 12,
      votesCastExcludingAbstentions: 4,
    });
    expect(result.votes.filter((line) => !line.counted).map((line) => !line.counted && line.reason)).toEqual(
      Array(12).fill("abstention_excluded"),
    );
  });

  test("abstentions only: nothing approved, fails", () => {
    const result = tallyBallot(rule, { eligible: members, votes: ballots(members, { abstain: 16 }) });
    expect(result.outcome).toBe("failed");
    expect(checksOf(result)).toEqual([
      { kind: "pass_mark", count: 0, baseCount: 0, met: false },
      { kind: "negative_cap", count: 0, baseCount: 0, met: true },
    ]);
  });

  test("no votes at all: fails", () => {
    expect(tallyBallot(rule, { eligible: members, votes: [] }).outcome).toBe("failed");
  });

  test("a disapproval without reasons is not counted", () => {
    // 6 approve, 2 against with reasons, 2 against without: counted, 6 of 8 = 3/4 and 2/8 = 1/4.
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve: 6, disapprove: 2, disapprove_without_reasons: 2 }),
    });
    expect(result.outcome).toBe("passed");
    expect(result.figures).toMatchObject({ disapprovals: 2, returned: 10 });
    expect(result.votes.filter((line) => !line.counted)).toEqual([
      expect.objectContaining({ userId: "u9", reason: "disapproval_without_reasons" }),
      expect.objectContaining({ userId: "u10", reason: "disapproval_without_reasons" }),
    ]);
  });

  test("reasons of only white space are no reasons", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: [vote("u1", "approve"), vote("u2", "disapprove", { reasons: "  \n" })],
    });
    expect(result.votes[1]).toMatchObject({ counted: false, reason: "disapproval_without_reasons" });
    expect(result.outcome).toBe("passed");
  });

  test("approve with comments counts as approval", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve_with_comments: 3, disapprove: 1 }),
    });
    expect(result.figures?.approvals).toBe(3);
    expect(result.outcome).toBe("passed");
  });
});

describe("ISO with the cap over all votes cast, abstentions included", () => {
  // The reading where "all votes cast" includes abstentions: the 2/3 and the 1/4 can then both bind.
  const rule: VoteRule = {
    ...isoEnquiry.rule,
    negativeCap: { comparison: "at_most", fraction: fraction(1, 4), base: "all_votes_cast" },
  };
  const members = committee(20);

  test("exactly 2/3 approve with exactly 1/4 negative: passes", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve: 8, disapprove: 4, abstain: 4 }),
    });
    expect(checksOf(result)).toEqual([
      { kind: "pass_mark", count: 8, baseCount: 12, met: true },
      { kind: "negative_cap", count: 4, baseCount: 16, met: true },
    ]);
    expect(result.outcome).toBe("passed");
  });

  test("one abstention fewer: negatives are over 1/4 and it fails", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve: 8, disapprove: 4, abstain: 3 }),
    });
    expect(result.outcome).toBe("failed");
  });

  test("one approval fewer than 2/3: fails", () => {
    const result = tallyBallot(rule, {
      eligible: members,
      votes: ballots(members, { approve: 7, disapprove: 4, abstain: 5 }),
    });
    expect(checksOf(result)[0]).toEqual({ kind: "pass_mark", count: 7, baseCount: 11, met: false });
    expect(result.outcome).toBe("failed");
  });
});

describe("ISO committee stage", () => {
  const members = committee(10);

  test("exactly 2/3 of those voting: passes", () => {
    const result = tallyBallot(isoCommittee.rule, {
      eligible: members,
      votes: ballots(members, { approve: 4, disapprove: 2, abstain: 4 }),
    });
    expect(result.outcome).toBe("passed");
  });

  test("one below 2/3: fails", () => {
    const result = tallyBallot(isoCommittee.rule, {
      eligible: members,
      votes: ballots(members, { approve: 3, disapprove: 2 }),
    });
    expect(result.outcome).toBe("failed");
  });

  test("a disapproval without reasons still counts (reasons are not required at this stage)", () => {
    const result = tallyBallot(isoCommittee.rule, {
      eligible: members,
      votes: ballots(members, { approve: 2, disapprove_without_reasons: 2 }),
    });
    expect(result.figures?.disapprovals).toBe(2);
    expect(result.outcome).toBe("failed");
  });
});
