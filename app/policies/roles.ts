// Who someone is with respect to one committee, as the policies see it. Computed on the server from
// the database (models/access.server.ts); the policies themselves are pure and never query.
export const roles = ["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"] as const;
export type Role = (typeof roles)[number];

export type CommitteeStanding = {
  /** The user's own membership role in this committee, if any. */
  role: Role | null;
  /** A chair or secretary of an ancestor committee manages its sub-committees too. */
  inheritedRole: "CHAIR" | "SECRETARY" | null;
  /** Administrator of the committee's organization. */
  isOrgAdmin: boolean;
  /** Administrator of the whole installation. */
  isSiteAdmin: boolean;
};

export const noStanding: CommitteeStanding = {
  role: null,
  inheritedRole: null,
  isOrgAdmin: false,
  isSiteAdmin: false,
};

/** The role that decides, most powerful of own and inherited. */
export function effectiveRole(standing: CommitteeStanding): Role | null {
  const order: readonly Role[] = roles;
  const candidates = [standing.role, standing.inheritedRole].filter((r): r is Role => r !== null);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, r) => (order.indexOf(r) < order.indexOf(best) ? r : best));
}

export function isAdministrator(standing: CommitteeStanding): boolean {
  return standing.isSiteAdmin || standing.isOrgAdmin;
}
