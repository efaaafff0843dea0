// The whole ability matrix: every standing × every action, written out so a change to the rules is
// a visible change here.
import { describe, expect, test } from "vitest";
import {
  canAssignRole,
  canInCommittee,
  canInOrganization,
  canManageMember,
  canOnProject,
  committeeActions,
  organizationActions,
  projectActions,
  type CommitteeAction,
  type ProjectAction,
} from "~/policies/committee";
import { noStanding, roles, type CommitteeStanding, type Role } from "~/policies/roles";

const standings: Record<string, CommitteeStanding> = {
  siteAdmin: { ...noStanding, isSiteAdmin: true },
  orgAdmin: { ...noStanding, isOrgAdmin: true },
  CHAIR: { ...noStanding, role: "CHAIR" },
  SECRETARY: { ...noStanding, role: "SECRETARY" },
  EDITOR: { ...noStanding, role: "EDITOR" },
  MEMBER: { ...noStanding, role: "MEMBER" },
  OBSERVER: { ...noStanding, role: "OBSERVER" },
  parentChair: { ...noStanding, inheritedRole: "CHAIR" },
  parentSecretary: { ...noStanding, inheritedRole: "SECRETARY" },
  memberWithParentSecretary: { ...noStanding, role: "MEMBER", inheritedRole: "SECRETARY" },
  outsider: noStanding,
};

type Row = Record<CommitteeAction | ProjectAction, boolean>;
const all = (value: boolean, overrides: Partial<Row> = {}): Row => ({
  view: value,
  viewMembers: value,
  invite: value,
  changeRole: value,
  removeMember: value,
  revokeInvitation: value,
  createSubcommittee: value,
  createProject: value,
  readDocument: value,
  editMetadata: value,
  editDocument: value,
  createVersion: value,
  restoreVersion: value,
  comment: value,
  resolveComment: value,
  disposeComment: value,
  manageCommentPeriods: value,
  importRegister: value,
  proposeTransition: value,
  openBallot: value,
  vote: value,
  decideTransition: value,
  release: value,
  ...overrides,
});
const reader = all(false, { view: true, viewMembers: true, readDocument: true });

const secretaryOnly = { proposeTransition: false, openBallot: false } as const;
const chairOnly = { decideTransition: false, release: false } as const;
const noGovernance = { ...secretaryOnly, ...chairOnly, vote: false } as const;

const expected: Record<keyof typeof standings, Row> = {
  siteAdmin: all(true, noGovernance),
  orgAdmin: all(true, noGovernance),
  CHAIR: all(true, secretaryOnly),
  SECRETARY: all(true, chairOnly),
  EDITOR: {
    ...reader,
    editDocument: true,
    createVersion: true,
    restoreVersion: true,
    comment: true,
    resolveComment: true,
    disposeComment: true,
    vote: true,
  },
  MEMBER: { ...reader, comment: true, vote: true },
  OBSERVER: reader,
  // Inherited offices act in sub-committees; voting needs a membership of the committee itself.
  parentChair: all(true, { ...secretaryOnly, vote: false }),
  parentSecretary: all(true, { ...chairOnly, vote: false }),
  memberWithParentSecretary: all(true, chairOnly),
  outsider: all(false),
};

describe("committee and project abilities", () => {
  for (const [name, standing] of Object.entries(standings)) {
    test(`${name}`, () => {
      const actual = {} as Row;
      for (const action of Object.keys(committeeActions) as CommitteeAction[]) {
        actual[action] = canInCommittee(standing, action);
      }
      for (const action of Object.keys(projectActions) as ProjectAction[]) {
        actual[action] = canOnProject(standing, action);
      }
      expect(actual).toEqual(expected[name]);
    });
  }
});

describe("who may appoint and manage whom", () => {
  const appointable: Record<string, readonly Role[]> = {
    siteAdmin: roles,
    orgAdmin: roles,
    CHAIR: roles,
    SECRETARY: ["SECRETARY", "EDITOR", "MEMBER", "OBSERVER"],
    EDITOR: [],
    MEMBER: [],
    OBSERVER: [],
    parentChair: roles,
    parentSecretary: ["SECRETARY", "EDITOR", "MEMBER", "OBSERVER"],
    memberWithParentSecretary: ["SECRETARY", "EDITOR", "MEMBER", "OBSERVER"],
    outsider: [],
  };
  for (const [name, standing] of Object.entries(standings)) {
    test(`${name} appoints and manages exactly ${appointable[name]?.join(", ") || "nobody"}`, () => {
      expect(roles.filter((r) => canAssignRole(standing, r))).toEqual(appointable[name]);
      expect(roles.filter((r) => canManageMember(standing, r))).toEqual(appointable[name]);
    });
  }
});

describe("organization abilities", () => {
  const cases = [
    { who: "site admin", standing: { isSiteAdmin: true, isOrgAdmin: false, hasAnyMembership: false }, view: true, manage: true },
    { who: "org admin", standing: { isSiteAdmin: false, isOrgAdmin: true, hasAnyMembership: false }, view: true, manage: true },
    { who: "member of a committee", standing: { isSiteAdmin: false, isOrgAdmin: false, hasAnyMembership: true }, view: true, manage: false },
    { who: "outsider", standing: { isSiteAdmin: false, isOrgAdmin: false, hasAnyMembership: false }, view: false, manage: false },
  ];
  for (const c of cases) {
    test(c.who, () => {
      expect(canInOrganization(c.standing, "view")).toBe(c.view);
      expect(canInOrganization(c.standing, "createCommittee")).toBe(c.manage);
      expect(canInOrganization(c.standing, "viewAllCommittees")).toBe(c.manage);
      expect(canInOrganization(c.standing, "manageStageModels")).toBe(c.manage);
      expect(Object.keys(organizationActions)).toEqual(["view", "createCommittee", "viewAllCommittees", "manageStageModels"]);
    });
  }
});
