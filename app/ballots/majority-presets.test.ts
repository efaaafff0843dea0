// IEEE SA (75 % returns, 75 % approval, fails at 30 % abstentions), OASIS full majority (> 50 % of
// all voting members) and simple majority (> 50 % of votes cast).
import { describe, expect, test } from "vitest";
import { ballots, committee, member, vote } from "~/ballots/ballot-fixtures";
import { ieeeSa, oasisFullMajority, simpleMajority } from "~/ballots/presets";
import { tallyBallot } from "~/ballots/tally";

const checksOf = (result: ReturnType<typeof tallyBallot>) =>
  result.checks.map(({ kind, count, baseCount, met }) => ({ kind, count, baseCount, met }));

describe("IEEE SA", () => {
  const ballotGroup = committee(20);

  test("exactly 75 % return and exactly 75 % approve, 20 % abstain: passes", () => {
    const result = tallyBallot(ieeeSa.rule, {
      eligible: ballotGroup,
      votes: ballots(ballotGroup, { approve: 9, disapprove: 3, abstain: 3 }),
    });
    expect(checksOf(result)).toEqual([
      { kind: "quorum", count: 15, baseCount: 20, met: true },
      { kind: "pass_mark", count: 9, baseCount: 12, met: true },
      { kind: "abstention_limit", count: 3, baseCount: 15, met: true },
    ]);
    expect(result.outcome).toBe("passed");
  });

  test("returns one short of 75 %: no quorum, the ballot is repeated", () => {
    const result = tallyBallot(ieeeSa.rule, { eligible: ballotGroup, votes: ballots(ballotGroup, { approve: 14 }) });
    expect(result.outcome).toBe("no_quorum");
  });

  test("approval just below 75 % (8 of 11): fails", () => {
    const result = tallyBallot(ieeeSa.rule, {
      eligible: ballotGroup,
      votes: ballots(ballotGroup, { approve: 8, disapprove: 3, abstain: 4 }),
    });
    expect(result.outcome).toBe("failed");
  });

  test("exactly 30 % abstain: fails even with every other vote approving", () => {
    const result = tallyBallot(ieeeSa.rule, {
      eligible: ballotGroup,
      votes: ballots(ballotGroup, { approve: 14, abstain: 6 }),
    });
    expect(checksOf(result)).toContainEqual({ kind: "abstention_limit", count: 6, baseCount: 20, met: false });
    expect(result.outcome).toBe("failed");
  });

  test("just under 30 % abstain (5 of 17): passes", () => {
    const group = committee(17);
    expect(
      tallyBallot(ieeeSa.rule, { eligible: group, votes: ballots(group, { approve: 12, abstain: 5 }) }).outcome,
    ).toBe("passed");
  });

  test("abstentions only: fails", () => {
    expect(
      tallyBallot(ieeeSa.rule, { eligible: ballotGroup, votes: ballots(ballotGroup, { abstain: 20 }) }).outcome,
    ).toBe("failed");
  });
});

describe("OASIS full majority", () => {
  const members = committee(10);

  test("exactly 50 % of the voting members approve: fails, more than half is needed", () => {
    const result = tallyBallot(oasisFullMajority.rule, {
      eligible: members,
      votes: ballots(members, { approve: 5, disapprove: 1 }),
    });
    expect(checksOf(result)).toEqual([{ kind: "pass_mark", count: 5, baseCount: 10, met: false }]);
    expect(result.outcome).toBe("failed");
  });

  test("one more than half: passes, even with most members silent", () => {
    expect(
      tallyBallot(oasisFullMajority.rule, { eligible: members, votes: ballots(members, { approve: 6 }) }).outcome,
    ).toBe("passed");
  });

  test("abstentions do not count as approval", () => {
    const result = tallyBallot(oasisFullMajority.rule, {
      eligible: members,
      votes: ballots(members, { approve: 5, abstain: 5 }),
    });
    expect(result.outcome).toBe("failed");
  });

  test("votes from people who are not voting members are ignored", () => {
    const eligible = [...members, member("obs", "org-obs", { votingRight: false })];
    const result = tallyBallot(oasisFullMajority.rule, {
      eligible,
      votes: [...ballots(members, { approve: 5 }), vote("obs", "approve"), vote("stranger", "approve")],
    });
    expect(result.votes.filter((line) => !line.counted)).toEqual([
      expect.objectContaining({ userId: "obs", organization: "org-obs", reason: "no_voting_right" }),
      expect.objectContaining({ userId: "stranger", organization: null, reason: "not_a_member" }),
    ]);
    expect(result.figures).toMatchObject({ eligible: 10, approvals: 5, returned: 5 });
    expect(result.outcome).toBe("failed");
  });
});

describe("simple majority", () => {
  const members = committee(12);

  test("a tie fails", () => {
    expect(
      tallyBallot(simpleMajority.rule, { eligible: members, votes: ballots(members, { approve: 3, disapprove: 3 }) })
        .outcome,
    ).toBe("failed");
  });

  test("one more approval than disapprovals passes", () => {
    expect(
      tallyBallot(simpleMajority.rule, { eligible: members, votes: ballots(members, { approve: 4, disapprove: 3 }) })
        .outcome,
    ).toBe("passed");
  });

  test("abstentions do not matter: 1 for, 0 against, 11 abstain passes", () => {
    expect(
      tallyBallot(simpleMajority.rule, { eligible: members, votes: ballots(members, { approve: 1, abstain: 11 }) })
        .outcome,
    ).toBe("passed");
  });

  test("abstentions only: fails", () => {
    expect(
      tallyBallot(simpleMajority.rule, { eligible: members, votes: ballots(members, { abstain: 12 }) }).outcome,
    ).toBe("failed");
  });
});
