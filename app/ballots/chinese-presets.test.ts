// Chinese group standards: ≥ 3/4 of the experts present agree (or 4/5 of the whole panel); drafters do
// not vote; below 2/3 attendance or returns the review is repeated.
import { describe, expect, test } from "vitest";
import { ballots, committee, member, userIds, vote } from "~/ballots/ballot-fixtures";
import { fraction } from "~/ballots/fraction";
import { chineseFourFifthsOfPanel, chineseThreeQuartersOfAttendees } from "~/ballots/presets";
import type { VoteRule } from "~/ballots/rule";
import { tallyBallot } from "~/ballots/tally";

const threeQuarters = chineseThreeQuartersOfAttendees.rule;
const fourFifths = chineseFourFifthsOfPanel.rule;

const checksOf = (result: ReturnType<typeof tallyBallot>) =>
  result.checks.map(({ kind, count, baseCount, met }) => ({ kind, count, baseCount, met }));

describe("3/4 of attending experts", () => {
  const experts = committee(12);
  const drafter = member("d1", "acme", { isDrafter: true });
  const eligible = [drafter, ...experts];
  const firstEight = userIds(experts.slice(0, 8));

  test("exactly 3/4 of those present agree, with exactly 2/3 present: passes", () => {
    const result = tallyBallot(threeQuarters, {
      eligible,
      attendees: firstEight,
      votes: ballots(experts, { approve: 6, disapprove: 2 }),
    });
    expect(checksOf(result)).toEqual([
      { kind: "quorum", count: 8, baseCount: 12, met: true },
      { kind: "pass_mark", count: 6, baseCount: 8, met: true },
    ]);
    expect(result.outcome).toBe("passed");
  });

  test("one below 3/4: fails", () => {
    const result = tallyBallot(threeQuarters, {
      eligible,
      attendees: firstEight,
      votes: ballots(experts, { approve: 5, disapprove: 3 }),
    });
    expect(result.outcome).toBe("failed");
  });

  test("attendance one short of 2/3: the review is repeated, however the votes went", () => {
    const result = tallyBallot(threeQuarters, {
      eligible,
      attendees: firstEight.slice(0, 7),
      votes: ballots(experts, { approve: 7 }),
    });
    expect(checksOf(result)[0]).toEqual({ kind: "quorum", count: 7, baseCount: 12, met: false });
    expect(result.outcome).toBe("no_quorum");
    expect(result.passed).toBe(false);
  });

  test("abstentions and experts present who do not vote count against the 3/4", () => {
    const passing = ballots(experts, { approve: 6, abstain: 2 });
    expect(tallyBallot(threeQuarters, { eligible, attendees: firstEight, votes: passing }).outcome).toBe("passed");
    const failing = ballots(experts, { approve: 5, abstain: 3 });
    expect(tallyBallot(threeQuarters, { eligible, attendees: firstEight, votes: failing }).outcome).toBe("failed");
    const silent = ballots(experts, { approve: 5 });
    expect(tallyBallot(threeQuarters, { eligible, attendees: firstEight, votes: silent }).outcome).toBe("failed");
  });

  test("the drafter does not vote, is not in the base and is not counted as present", () => {
    const result = tallyBallot(threeQuarters, {
      eligible,
      attendees: ["d1", ...firstEight],
      votes: [vote("d1", "approve"), ...ballots(experts, { approve: 5, disapprove: 3 })],
    });
    expect(result.voters[0]).toEqual({ userId: "d1", organization: "acme", canVote: false, reason: "drafter" });
    expect(result.votes.find((line) => line.userId === "d1")).toMatchObject({ counted: false, reason: "drafter" });
    expect(result.figures).toMatchObject({ eligible: 12, present: 8, approvals: 5 });
    expect(result.steps).toContainEqual(
      expect.objectContaining({ code: "attendee_not_eligible", params: { userId: "d1" } }),
    );
    expect(result.outcome).toBe("failed");
  });

  test("a vote proves presence when the name is missing from the attendance list", () => {
    const result = tallyBallot(threeQuarters, {
      eligible,
      attendees: firstEight.slice(0, 7),
      votes: ballots(experts, { approve: 7, disapprove: 1 }),
    });
    expect(result.figures?.present).toBe(8);
    expect(result.steps).toContainEqual(
      expect.objectContaining({ code: "attendance_implied_by_vote", params: { userId: "u8" } }),
    );
    expect(result.outcome).toBe("passed");
  });

  test("without an attendance list it cannot be tallied", () => {
    const result = tallyBallot(threeQuarters, { eligible, votes: ballots(experts, { approve: 12 }) });
    expect(result.outcome).toBe("cannot_tally");
    expect(result.checks).toEqual([]);
    expect(result.steps.map((step) => step.code)).toContain("attendance_not_recorded");
  });

  describe("with the drafting organization capped at 1/4 of the votes", () => {
    const capped: VoteRule = {
      ...threeQuarters,
      organizationCap: { appliesTo: "drafting_organizations", fraction: fraction(1, 4) },
    };
    const acme = Array.from({ length: 6 }, (_, i) => member(`a${i + 1}`, "acme"));
    const others = committee(6, "o");
    const panel = [drafter, ...acme, ...others];
    const attendees = userIds([...acme, ...others]);
    // acme's six approve first; three of the six others approve, three disapprove.
    const votes = [...ballots(acme, { approve: 6 }), ...ballots(others, { approve: 3, disapprove: 3 }, 10)];

    test("uncapped, 9 of 12 present approve: passes", () => {
      expect(tallyBallot(threeQuarters, { eligible: panel, attendees, votes }).outcome).toBe("passed");
    });

    test("capped, acme keeps its 2 earliest votes (2 of 8 = 1/4) and the ballot fails", () => {
      const result = tallyBallot(capped, { eligible: panel, attendees, votes });
      expect(result.organizationCaps).toEqual([
        { organization: "acme", validVotes: 6, allowedVotes: 2, cap: fraction(1, 4), totalAfterCap: 8 },
      ]);
      expect(result.votes.filter((line) => !line.counted).map((line) => line.userId)).toEqual(["a3", "a4", "a5", "a6"]);
      expect(result.votes.find((line) => line.userId === "a6")).toMatchObject({ reason: "over_organization_cap" });
      expect(checksOf(result)).toEqual([
        { kind: "quorum", count: 12, baseCount: 12, met: true },
        { kind: "pass_mark", count: 5, baseCount: 8, met: false },
      ]);
      expect(result.outcome).toBe("failed");
    });

    test("an organization exactly at its cap keeps every vote", () => {
      const votesAtCap = [...ballots(acme, { approve: 2 }), ...ballots(others, { approve: 6 }, 10)];
      const present = userIds([...acme.slice(0, 2), ...others]);
      const result = tallyBallot(capped, { eligible: panel, attendees: present, votes: votesAtCap });
      expect(result.organizationCaps).toEqual([]);
      expect(result.figures?.approvals).toBe(8);
    });
  });
});

describe("4/5 of the review panel", () => {
  const panel = committee(10);
  const eligible = [member("d1", "acme", { isDrafter: true }), ...panel];

  test("exactly 4/5 of the whole panel approve: passes", () => {
    const result = tallyBallot(fourFifths, { eligible, votes: ballots(panel, { approve: 8 }) });
    expect(checksOf(result)).toEqual([
      { kind: "quorum", count: 8, baseCount: 10, met: true },
      { kind: "pass_mark", count: 8, baseCount: 10, met: true },
    ]);
    expect(result.outcome).toBe("passed");
  });

  test("one below 4/5: fails, abstentions counting against", () => {
    expect(tallyBallot(fourFifths, { eligible, votes: ballots(panel, { approve: 7, abstain: 3 }) }).outcome).toBe(
      "failed",
    );
  });

  test("returns one short of 2/3 (6 of 10): the review is repeated", () => {
    expect(tallyBallot(fourFifths, { eligible, votes: ballots(panel, { approve: 6 }) }).outcome).toBe("no_quorum");
  });

  test("returns at 2/3 or more but approvals short: fails rather than repeats", () => {
    expect(tallyBallot(fourFifths, { eligible, votes: ballots(panel, { approve: 7 }) }).outcome).toBe("failed");
  });

  test("the drafter's vote is ignored and the drafter is not in the panel base", () => {
    const result = tallyBallot(fourFifths, {
      eligible,
      votes: [vote("d1", "approve"), ...ballots(panel, { approve: 7 })],
    });
    expect(result.figures).toMatchObject({ eligible: 10, approvals: 7 });
    expect(result.outcome).toBe("failed");
  });
});
