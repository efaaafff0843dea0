// How a tally treats individual ballots, whatever the preset: changed votes, one vote per
// organization, conditional approvals, abstentions as disapprovals, and the explanation it gives.
import { describe, expect, test } from "vitest";
import { at, ballots, committee, member, vote } from "~/ballots/ballot-fixtures";
import { fraction } from "~/ballots/fraction";
import { consensusWithoutVote, isoEnquiry, simpleMajority } from "~/ballots/presets";
import type { VoteRule } from "~/ballots/rule";
import { tallyBallot } from "~/ballots/tally";

const notCounted = (result: ReturnType<typeof tallyBallot>) =>
  result.votes.flatMap((line) => (line.counted ? [] : [{ userId: line.userId, reason: line.reason }]));

describe("changed votes", () => {
  const members = committee(3);

  test("a voter's latest vote replaces earlier ones, whatever the order they arrive in", () => {
    const result = tallyBallot(simpleMajority.rule, {
      eligible: members,
      votes: [
        vote("u1", "approve", { minute: 30 }),
        vote("u1", "disapprove", { minute: 5, reasons: "x" }),
        vote("u2", "disapprove", { reasons: "y", minute: 10 }),
      ],
    });
    expect(notCounted(result)).toEqual([{ userId: "u1", reason: "superseded_by_own_later_vote" }]);
    expect(result.votes.map((line) => line.castAt)).toEqual([at(5), at(10), at(30)]);
    expect(result.figures).toMatchObject({ approvals: 1, disapprovals: 1, returned: 2 });
  });

  test("two votes at the same instant: the one received last stands", () => {
    const result = tallyBallot(simpleMajority.rule, {
      eligible: members,
      votes: [vote("u1", "disapprove", { reasons: "x", minute: 1 }), vote("u1", "approve", { minute: 1 })],
    });
    expect(result.figures?.approvals).toBe(1);
  });
});

describe("one vote per organization", () => {
  const rule: VoteRule = { ...simpleMajority.rule, oneVotePerOrganization: true };
  const eligible = [
    member("a1", "acme"),
    member("a2", "acme"),
    member("a3", "acme"),
    member("b1", "beta"),
    member("c1", "gamma"),
  ];

  test("the organization's latest ballot stands; organizations are the units of every base", () => {
    const result = tallyBallot(rule, {
      eligible,
      votes: [
        vote("a1", "approve", { minute: 1 }),
        vote("a2", "approve", { minute: 2 }),
        vote("a3", "disapprove", { reasons: "x", minute: 3 }),
        vote("b1", "approve", { minute: 4 }),
      ],
    });
    expect(notCounted(result)).toEqual([
      { userId: "a1", reason: "superseded_within_organization" },
      { userId: "a2", reason: "superseded_within_organization" },
    ]);
    expect(result.figures).toMatchObject({
      unit: "organization",
      eligible: 3,
      returned: 2,
      approvals: 1,
      disapprovals: 1,
    });
    expect(result.outcome).toBe("failed");
  });
});

describe("what a ballot counts as", () => {
  const members = committee(4);

  test("with comments as conditions (approve on condition), an approval with comments is a disapproval", () => {
    const rule: VoteRule = { ...isoEnquiry.rule, approveWithCommentsCountsAs: "disapproval" };
    const result = tallyBallot(rule, {
      eligible: members,
      votes: [
        vote("u1", "approve"),
        vote("u2", "approve"),
        vote("u3", "approve_with_comments", { reasons: "Only if 5.2 is dropped." }),
        vote("u4", "approve_with_comments"),
      ],
    });
    expect(result.votes[2]).toMatchObject({ counted: true, countsAs: "disapproval" });
    // Conditions not stated are like a negative without reasons: not counted.
    expect(result.votes[3]).toMatchObject({ counted: false, reason: "disapproval_without_reasons" });
    expect(result.figures).toMatchObject({ approvals: 2, disapprovals: 1 });
    expect(result.outcome).toBe("failed");
  });

  test("abstentions counted as disapprovals count against the cap on negatives and need no reasons", () => {
    const rule: VoteRule = {
      ...isoEnquiry.rule,
      abstentions: "counted_as_disapproval",
      passMarks: [{ comparison: "at_least", fraction: fraction(2, 3), base: "all_votes_cast" }],
      negativeCap: { comparison: "at_most", fraction: fraction(1, 4), base: "all_votes_cast" },
    };
    const result = tallyBallot(rule, {
      eligible: committee(8),
      votes: ballots(committee(8), { approve: 6, abstain: 2 }),
    });
    expect(result.figures).toMatchObject({ approvals: 6, disapprovals: 2, abstentions: 2, allVotesCast: 8 });
    expect(result.outcome).toBe("passed");
    const oneMore = tallyBallot(rule, {
      eligible: committee(8),
      votes: ballots(committee(8), { approve: 5, abstain: 3 }),
    });
    expect(oneMore.outcome).toBe("failed");
  });

  test("abstentions counted in the base lower the share approving", () => {
    const rule: VoteRule = {
      ...simpleMajority.rule,
      abstentions: "counted_in_base",
      passMarks: [{ comparison: "more_than", fraction: fraction(1, 2), base: "all_votes_cast" }],
    };
    const result = tallyBallot(rule, { eligible: members, votes: ballots(members, { approve: 2, abstain: 2 }) });
    expect(result.votes.every((line) => line.counted)).toBe(true);
    expect(result.outcome).toBe("failed");
  });
});

describe("who may vote", () => {
  test("a member listed twice counts once", () => {
    const eligible = [member("u1", "acme"), member("u1", "acme"), member("u2", "beta")];
    const result = tallyBallot(simpleMajority.rule, { eligible, votes: [vote("u1", "approve")] });
    expect(result.voters[1]).toEqual({ userId: "u1", organization: "acme", canVote: false, reason: "listed_twice" });
    expect(result.figures?.eligible).toBe(2);
  });

  test("drafters vote when the rule does not exclude them", () => {
    const eligible = [member("d1", "acme", { isDrafter: true })];
    const result = tallyBallot(simpleMajority.rule, { eligible, votes: [vote("d1", "approve")] });
    expect(result.outcome).toBe("passed");
  });

  test("nobody eligible: a pass mark over the eligible members is not met", () => {
    const rule: VoteRule = {
      ...simpleMajority.rule,
      passMarks: [{ comparison: "more_than", fraction: fraction(1, 2), base: "eligible" }],
    };
    expect(tallyBallot(rule, { eligible: [], votes: [vote("x", "approve")] }).outcome).toBe("failed");
  });
});

describe("the explanation", () => {
  const members = committee(4);
  const eligible = [...members, member("obs", "org-obs", { votingRight: false })];
  const result = tallyBallot(isoEnquiry.rule, {
    eligible,
    votes: [...ballots(members, { approve: 3, disapprove_without_reasons: 1 }), vote("obs", "approve", { minute: 9 })],
  });

  test("tells the story in order: voters, votes, figures, thresholds, outcome", () => {
    expect(result.steps.map((step) => step.code)).toEqual([
      "rule_applied",
      "voter_can_vote",
      "voter_can_vote",
      "voter_can_vote",
      "voter_can_vote",
      "voter_excluded",
      "vote_counted",
      "vote_counted",
      "vote_counted",
      "vote_not_counted",
      "vote_not_counted",
      "figures",
      "threshold_checked",
      "threshold_checked",
      "outcome",
    ]);
  });

  test("gives flat parameters for translation and an English text", () => {
    for (const step of result.steps) {
      expect(step.text.length).toBeGreaterThan(0);
      for (const value of Object.values(step.params)) expect(["string", "number", "boolean"]).toContain(typeof value);
    }
    const texts = result.steps.map((step) => step.text);
    expect(texts).toContain("obs (org-obs) may not vote: has no voting right.");
    expect(texts).toContain(
      "u4: disapprove is not counted because it gives no reasons, and votes against without reasons are not counted.",
    );
    expect(texts).toContain(
      "Pass mark 1: approvals 3 of 3 votes cast excluding abstentions (100 %); at least 2/3 (66.7 %) required — met.",
    );
    expect(texts.at(-1)).toBe("The ballot passed.");
  });

  test("the threshold step carries the exact figures", () => {
    expect(result.steps).toContainEqual({
      code: "threshold_checked",
      params: {
        kind: "negative_cap",
        index: 0,
        counts: "disapprovals",
        count: 0,
        base: "votes_cast_excluding_abstentions",
        baseCount: 3,
        comparison: "at_most",
        requiredNumerator: 1,
        requiredDenominator: 4,
        met: true,
      },
      text: expect.any(String),
    });
  });
});

describe("consensus without a vote", () => {
  const members = committee(3);

  test("waits for the chair's decision", () => {
    const result = tallyBallot(consensusWithoutVote.rule, { eligible: members, votes: [] });
    expect(result).toMatchObject({ outcome: "awaiting_chair_decision", passed: false, figures: null, checks: [] });
  });

  test("records the chair's decision; votes are listed but not counted", () => {
    const decidedAt = new Date("2026-03-02T10:00:00Z");
    const result = tallyBallot(consensusWithoutVote.rule, {
      eligible: members,
      votes: [vote("u1", "disapprove", { reasons: "x" })],
      chairDecision: { decidedBy: "chair", consensusReached: true, note: "No sustained objection.", decidedAt },
    });
    expect(result).toMatchObject({ outcome: "consensus_recorded", passed: true });
    expect(notCounted(result)).toEqual([{ userId: "u1", reason: "no_tally_under_consensus" }]);
    expect(result.steps).toContainEqual({
      code: "consensus_recorded",
      params: { decidedBy: "chair", note: "No sustained objection.", decidedAt: "2026-03-02T10:00:00.000Z" },
      text: "chair recorded consensus on 2026-03-02T10:00:00.000Z: No sustained objection.",
    });
  });

  test("a chair who records no consensus fails the ballot", () => {
    const result = tallyBallot(consensusWithoutVote.rule, {
      eligible: members,
      votes: [],
      chairDecision: { decidedBy: "chair", consensusReached: false, note: "", decidedAt: new Date() },
    });
    expect(result.outcome).toBe("failed");
    expect(result.steps.map((step) => step.code)).toContain("consensus_not_reached");
  });
});
