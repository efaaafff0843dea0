// Committee and project rules, built from small predicates so the matrix test reads like the rules.
// Used by every loader and action, by the collaboration WebSocket and by the UI to hide controls.
import { effectiveRole, isAdministrator, type CommitteeStanding, type Role } from "~/policies/roles";

const isOneOf = (standing: CommitteeStanding, allowed: readonly Role[]) => {
  const role = effectiveRole(standing);
  return role !== null && allowed.includes(role);
};

/** Any member, observers included, or an administrator. */
const isInCommittee = (s: CommitteeStanding) => isAdministrator(s) || effectiveRole(s) !== null;
/** Chair or secretary: they run the committee. */
const runsCommittee = (s: CommitteeStanding) => isAdministrator(s) || isOneOf(s, ["CHAIR", "SECRETARY"]);
/** Those who write drafts. */
const drafts = (s: CommitteeStanding) => isAdministrator(s) || isOneOf(s, ["CHAIR", "SECRETARY", "EDITOR"]);
/** Members with a say on the text; observers only when a comment period invites them (decided by the model). */
const comments = (s: CommitteeStanding) => isAdministrator(s) || isOneOf(s, ["CHAIR", "SECRETARY", "EDITOR", "MEMBER"]);
/**
 * Acts of governance belong to the office holders, never to administrators: an administrator can
 * appoint a chair or secretary but not act as one.
 */
const holdsOffice = (office: Role) => (s: CommitteeStanding) => effectiveRole(s) === office;
/** Votes are cast by members of this very committee; the ballot's list of eligible voters decides finally. */
const mayVote = (s: CommitteeStanding) => s.role !== null && s.role !== "OBSERVER";

export const committeeActions = {
  view: isInCommittee,
  viewMembers: isInCommittee,
  invite: runsCommittee,
  changeRole: runsCommittee,
  removeMember: runsCommittee,
  revokeInvitation: runsCommittee,
  createSubcommittee: runsCommittee,
  createProject: runsCommittee,
} as const;

export const projectActions = {
  view: isInCommittee,
  readDocument: isInCommittee,
  editMetadata: runsCommittee,
  editDocument: drafts,
  createVersion: drafts,
  restoreVersion: drafts,
  comment: comments,
  resolveComment: drafts,
  disposeComment: drafts,
  manageCommentPeriods: runsCommittee,
  importRegister: runsCommittee,
  proposeTransition: holdsOffice("SECRETARY"),
  openBallot: holdsOffice("SECRETARY"),
  vote: mayVote,
  decideTransition: holdsOffice("CHAIR"),
  release: holdsOffice("CHAIR"),
} as const;

export type CommitteeAction = keyof typeof committeeActions;
export type ProjectAction = keyof typeof projectActions;

export function canInCommittee(standing: CommitteeStanding, action: CommitteeAction): boolean {
  return committeeActions[action](standing);
}

export function canOnProject(standing: CommitteeStanding, action: ProjectAction): boolean {
  return projectActions[action](standing);
}

/** A chair may appoint any role; a secretary anyone but a chair, so a secretary cannot depose a chair. */
export function canAssignRole(standing: CommitteeStanding, target: Role): boolean {
  if (isAdministrator(standing)) return true;
  const role = effectiveRole(standing);
  if (role === "CHAIR") return true;
  if (role === "SECRETARY") return target !== "CHAIR";
  return false;
}

/** Changing or removing someone who holds `current`: a secretary may not touch a chair. */
export function canManageMember(standing: CommitteeStanding, current: Role): boolean {
  return runsCommittee(standing) && canAssignRole(standing, current);
}

export type OrganizationStanding = { isSiteAdmin: boolean; isOrgAdmin: boolean; hasAnyMembership: boolean };

export const organizationActions = {
  view: (s: OrganizationStanding) => s.isSiteAdmin || s.isOrgAdmin || s.hasAnyMembership,
  createCommittee: (s: OrganizationStanding) => s.isSiteAdmin || s.isOrgAdmin,
  viewAllCommittees: (s: OrganizationStanding) => s.isSiteAdmin || s.isOrgAdmin,
  manageStageModels: (s: OrganizationStanding) => s.isSiteAdmin || s.isOrgAdmin,
} as const;

export type OrganizationAction = keyof typeof organizationActions;

export function canInOrganization(standing: OrganizationStanding, action: OrganizationAction): boolean {
  return organizationActions[action](standing);
}
