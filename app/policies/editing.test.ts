import { describe, expect, test } from "vitest";
import { canEditText, editingLockReason, type EditingFacts } from "~/policies/editing";
import { noStanding, type CommitteeStanding } from "~/policies/roles";

const open: EditingFacts = { policy: "DRAFTERS", status: "ACTIVE", commentPeriodOpen: false };
const who: Record<string, CommitteeStanding> = {
  chair: { ...noStanding, role: "CHAIR" },
  secretary: { ...noStanding, role: "SECRETARY" },
  editor: { ...noStanding, role: "EDITOR" },
  member: { ...noStanding, role: "MEMBER" },
  orgAdmin: { ...noStanding, isOrgAdmin: true },
};
const editors = (facts: EditingFacts) =>
  Object.entries(who)
    .filter(([, standing]) => canEditText(standing, facts))
    .map(([name]) => name);

describe("who may edit the text", () => {
  test("drafting stage: drafters", () => {
    expect(editors(open)).toEqual(["chair", "secretary", "editor", "orgAdmin"]);
    expect(editingLockReason(open)).toBeNull();
  });
  test("secretariat-only stage: chair, secretary and administrators", () => {
    const facts = { ...open, policy: "SECRETARIAT" as const };
    expect(editors(facts)).toEqual(["chair", "secretary", "orgAdmin"]);
    expect(editingLockReason(facts)).toBe("stageSecretariat");
  });
  test("a stage that forbids editing, an open comment period, a released or abandoned project: nobody", () => {
    const cases: Array<[EditingFacts, string]> = [
      [{ ...open, policy: "NOBODY" }, "stage"],
      [{ ...open, commentPeriodOpen: true }, "commentPeriod"],
      [{ ...open, status: "RELEASED" }, "released"],
      [{ ...open, status: "ABANDONED", commentPeriodOpen: true }, "abandoned"],
    ];
    for (const [facts, reason] of cases) {
      expect(editors(facts)).toEqual([]);
      expect(editingLockReason(facts)).toBe(reason);
    }
  });
});
