// A cap on one organization's share of the counted votes ("the drafting organization holds at most
// 1/4"). An organization over the cap keeps the largest number k of its votes such that k is at most
// the cap's share of all counted votes *after* the reduction (setting votes aside shrinks the total,
// so k is found as a fixed point); its earliest-cast votes stand and the latest are set aside.
// Earliest-first because the order of casting is an objective record every voter could see, and it
// never depends on how the votes went.
import { floorTimes, type Fraction } from "~/ballots/fraction";
import type { OrganizationCapLine } from "~/ballots/types";

export type CappableVote = { index: number; organization: string };

export type CapResult = { setAside: Set<number>; lines: OrganizationCapLine[] };

/**
 * `votes` must be oldest first. `isCapped` says which organizations the cap applies to (every one, or
 * the drafting organizations). When every voting organization is capped the reduction can reach 0:
 * with a cap of 1/4 no single organization can hold the majority of a ballot on its own.
 */
export function applyOrganizationCap(
  votes: readonly CappableVote[],
  cap: Fraction,
  isCapped: (organization: string) => boolean,
): CapResult {
  const cast = new Map<string, number>();
  for (const vote of votes) cast.set(vote.organization, (cast.get(vote.organization) ?? 0) + 1);

  const capped = [...cast.keys()].filter(isCapped);
  const uncappedTotal = [...cast].filter(([org]) => !isCapped(org)).reduce((sum, [, n]) => sum + n, 0);

  // Start from every vote standing and lower the allowances until none changes. Each pass can only
  // lower the total, so allowances only fall and the loop ends at the greatest allowances that fit.
  const allowed = new Map(capped.map((org) => [org, cast.get(org) ?? 0]));
  const total = () => uncappedTotal + [...allowed.values()].reduce((sum, n) => sum + n, 0);
  for (let changed = true; changed; ) {
    changed = false;
    const limit = floorTimes(cap, total());
    for (const [org, n] of allowed) {
      if (n > limit) {
        allowed.set(org, limit);
        changed = true;
      }
    }
  }

  const setAside = new Set<number>();
  const kept = new Map<string, number>();
  for (const vote of votes) {
    const allowance = allowed.get(vote.organization);
    if (allowance === undefined) continue;
    const soFar = kept.get(vote.organization) ?? 0;
    if (soFar < allowance) kept.set(vote.organization, soFar + 1);
    else setAside.add(vote.index);
  }

  const totalAfterCap = total();
  const lines = capped
    .filter((org) => (allowed.get(org) ?? 0) < (cast.get(org) ?? 0))
    .map((org) => ({
      organization: org,
      validVotes: cast.get(org) ?? 0,
      allowedVotes: allowed.get(org) ?? 0,
      cap,
      totalAfterCap,
    }));
  return { setAside, lines };
}
