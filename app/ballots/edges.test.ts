// Edges the preset files leave implicit, as the approval workflow uses them: online ballots with no
// attendance list (a returned ballot proves presence), abstentions only under each Chinese rule, the
// ISO approval (FDIS) preset on its own, and unreasoned disapprovals under rules that do not ask for
// reasons.
import { describe, expect, test } from "vitest";
import { ballots, committee, member } from "~/ballots/ballot-fixtures";
import { fraction } from "~/ballots/fraction";
import { chineseFourFifthsOfPanel, chineseThreeQuartersOfAttendees, ieeeSa, isoApproval, oasisFullMajority } from "~/ballots/presets";
import type { VoteRule } from "~/ballots/rule";
import { tallyBallot } from "~/ballots/tally";

const checksOf = (result: ReturnType<typeof tallyBallot>) =>
  result.checks.map(({ kind, count, baseCount, met }) => ({ kind, count, baseCount, met }));

describe("3/4 of attendees, online (no attendance list: returns are the attendance)", () => {
  const experts = committee(6);
  const rule = chineseThreeQuartersOfAttendees.rule;

  test("4 of 6 return (exactly 2/3) and all approve: passes", () => {
    const result = tallyBallot(rule, { eligible: experts, attendees: [], votes: ballots(experts, { approve: 4 }) });
    expect(checksOf(result)).toEqual([
      { kind: "quorum", count: 4, baseCount: 6, met: true },
      { kind: "pass_mark", count: 4, baseCount: 4, met: true },
    ]);
    expect(result.outcome).toBe("passed");
  });

  test("3 of 6 return: one short of 2/3, repeated", () => {
    expect(tallyBallot(rule, { eligible: experts, attendees: [], votes: ballots(experts, { approve: 3 }) }).outcome).toBe("no_quorum");
  });

  test("abstentions only: quorum met, nothing approved, fails", () => {
    const result = tallyBallot(rule, { eligible: experts, attendees: [], votes: ballots(experts, { abstain: 6 }) });
    expect(checksOf(result)[1]).toEqual({ kind: "pass_mark", count: 0, baseCount: 6, met: false });
    expect(result.outcome).toBe("failed");
  });

  test("a disapproval without reasons still counts against (the rule does not ask for reasons)", () => {
    const result = tallyBallot(rule, { eligible: experts, attendees: [], votes: ballots(experts, { approve: 3, disapprove_without_reasons: 1 }) });
    expect(result.figures).toMatchObject({ approvals: 3, disapprovals: 1 });
    expect(result.outcome).toBe("passed");
    const failing = tallyBallot(rule, { eligible: experts, attendees: [], votes: ballots(experts, { approve: 3, disapprove_without_reasons: 2 }) });
    expect(failing.outcome).toBe("failed");
  });

  test("drafting organization over its cap of 1/4: its latest votes are set aside", () => {
    const capped: VoteRule = { ...rule, organizationCap: { appliesTo: "drafting_organizations", fraction: fraction(1, 4) } };
    const panel = [member("d", "acme", { isDrafter: true }), member("a1", "acme"), member("a2", "acme"), ...committee(4)];
    const result = tallyBallot(capped, { eligible: panel, attendees: [], votes: ballots(panel.slice(1), { approve: 6 }) });
    expect(result.organizationCaps).toEqual([expect.objectContaining({ organization: "acme", validVotes: 2, allowedVotes: 1 })]);
    expect(result.votes.filter((v) => !v.counted).map((v) => v.userId)).toEqual(["a2"]);
  });
});

describe("4/5 of the panel", () => {
  const panel = committee(10);
  test("abstentions only: fails", () => {
    expect(tallyBallot(chineseFourFifthsOfPanel.rule, { eligible: panel, votes: ballots(panel, { abstain: 10 }) }).outcome).toBe("failed");
  });
  test("exactly 4/5 approve, the rest abstain: passes", () => {
    expect(tallyBallot(chineseFourFifthsOfPanel.rule, { eligible: panel, votes: ballots(panel, { approve: 8, abstain: 2 }) }).outcome).toBe("passed");
  });
});

describe("ISO approval (FDIS)", () => {
  const members = committee(12);
  test("exactly 2/3 approve with exactly 1/4 negative cannot both hold in one population: 9 for, 3 against passes", () => {
    const result = tallyBallot(isoApproval.rule, { eligible: members, votes: ballots(members, { approve: 9, disapprove: 3 }) });
    expect(result.outcome).toBe("passed");
  });
  test("a negative without reasons is not counted, so it cannot sink the ballot", () => {
    const result = tallyBallot(isoApproval.rule, { eligible: members, votes: ballots(members, { approve: 6, disapprove: 2, disapprove_without_reasons: 4 }) });
    expect(result.votes.filter((v) => !v.counted && v.reason === "disapproval_without_reasons")).toHaveLength(4);
    expect(result.outcome).toBe("passed");
  });
  test("abstentions only: fails", () => {
    expect(tallyBallot(isoApproval.rule, { eligible: members, votes: ballots(members, { abstain: 12 }) }).outcome).toBe("failed");
  });
});

describe("IEEE and OASIS at their edges", () => {
  test("IEEE: a disapproval without reasons is counted (IEEE resolves comments instead)", () => {
    const group = committee(4);
    const result = tallyBallot(ieeeSa.rule, { eligible: group, votes: ballots(group, { approve: 3, disapprove_without_reasons: 1 }) });
    expect(result.figures).toMatchObject({ approvals: 3, disapprovals: 1 });
    expect(result.outcome).toBe("passed");
  });
  test("OASIS: nobody voting fails", () => {
    expect(tallyBallot(oasisFullMajority.rule, { eligible: committee(5), votes: [] }).outcome).toBe("failed");
  });
});
