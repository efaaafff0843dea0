import { describe, expect, test } from "vitest";
import { fraction } from "~/ballots/fraction";
import { applyOrganizationCap } from "~/ballots/organization-cap";

/** Votes oldest first, from organizations given as a string: "AAAB" is three from A then one from B. */
const votesFrom = (organizations: string) => [...organizations].map((organization, index) => ({ index, organization }));
const everyone = () => true;

describe("applyOrganizationCap", () => {
  test("an organization at its cap keeps every vote", () => {
    const { setAside, lines } = applyOrganizationCap(votesFrom("ABCD"), fraction(1, 4), everyone);
    expect(setAside.size).toBe(0);
    expect(lines).toEqual([]);
  });

  test("keeps the largest number that fits after the total shrinks, earliest first", () => {
    // A has 6 of 12. Capped at 1/4: 3 of 12 would fit, but setting 3 aside leaves 9, of which 3 is
    // over 1/4; 2 of 8 fits.
    const { setAside, lines } = applyOrganizationCap(votesFrom("AAAAAABBCCDD"), fraction(1, 4), (org) => org === "A");
    expect([...setAside].sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
    expect(lines).toEqual([
      { organization: "A", validVotes: 6, allowedVotes: 2, cap: fraction(1, 4), totalAfterCap: 8 },
    ]);
  });

  test("only the organizations the cap applies to are reduced", () => {
    const { setAside } = applyOrganizationCap(votesFrom("AAAABBBB"), fraction(1, 4), (org) => org === "A");
    // 4 B votes: A may keep k with k ≤ (4 + k)/4, so k = 1.
    expect([...setAside]).toEqual([1, 2, 3]);
  });

  test("every organization capped: each is reduced against the others", () => {
    const { lines } = applyOrganizationCap(votesFrom("AAABBBCDEF"), fraction(1, 4), everyone);
    // Keeping 2 each leaves 8 votes; 2 of 8 is exactly 1/4.
    expect(
      lines.map(({ organization, allowedVotes, totalAfterCap }) => ({ organization, allowedVotes, totalAfterCap })),
    ).toEqual([
      { organization: "A", allowedVotes: 2, totalAfterCap: 8 },
      { organization: "B", allowedVotes: 2, totalAfterCap: 8 },
    ]);
  });

  test("a capped organization voting alone keeps nothing: it cannot hold more than its share of itself", () => {
    const { setAside } = applyOrganizationCap(votesFrom("AAA"), fraction(1, 4), everyone);
    expect(setAside.size).toBe(3);
  });

  test("no votes, nothing to do", () => {
    expect(applyOrganizationCap([], fraction(1, 4), everyone)).toEqual({ setAside: new Set(), lines: [] });
  });
});
