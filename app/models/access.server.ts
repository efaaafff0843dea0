// Turns "this user, this committee" into the standing the pure policies decide on, and the guards
// that routes call first. Someone outside a committee gets 404, so they cannot learn it exists.
import { prisma } from "~/utils/db.server";
import {
  canInCommittee,
  canInOrganization,
  canOnProject,
  type CommitteeAction,
  type OrganizationAction,
  type OrganizationStanding,
  type ProjectAction,
} from "~/policies/committee";
import type { CommitteeStanding } from "~/policies/roles";
import { requireUser, type SessionUser } from "~/utils/session.server";

type CommitteeNode = { id: string; parentId: string | null; organizationId: string };

/** The committee and its ancestors, nearest first. Committee trees are shallow (TC → SC → WG). */
async function committeeChain(committeeId: string): Promise<CommitteeNode[]> {
  const chain: CommitteeNode[] = [];
  let nextId: string | null = committeeId;
  while (nextId && chain.length < 10) {
    const node: CommitteeNode | null = await prisma.committee.findUnique({
      where: { id: nextId },
      select: { id: true, parentId: true, organizationId: true },
    });
    if (!node) break;
    chain.push(node);
    nextId = node.parentId;
  }
  return chain;
}

export async function getCommitteeStanding(
  user: Pick<SessionUser, "id" | "isAdmin">,
  committeeId: string,
): Promise<{ standing: CommitteeStanding; organizationId: string } | null> {
  const chain = await committeeChain(committeeId);
  const self = chain[0];
  if (!self) return null;
  const memberships = await prisma.membership.findMany({
    where: { userId: user.id, committeeId: { in: chain.map((c) => c.id) } },
    select: { committeeId: true, role: true },
  });
  const orgAdmin = await prisma.organizationAdmin.findUnique({
    where: { organizationId_userId: { organizationId: self.organizationId, userId: user.id } },
    select: { userId: true },
  });
  const own = memberships.find((m) => m.committeeId === self.id)?.role ?? null;
  const inherited = memberships
    .filter((m) => m.committeeId !== self.id)
    .map((m) => m.role)
    .filter((r): r is "CHAIR" | "SECRETARY" => r === "CHAIR" || r === "SECRETARY")
    .sort((a, b) => (a === "CHAIR" ? -1 : b === "CHAIR" ? 1 : 0))[0];
  return {
    organizationId: self.organizationId,
    standing: {
      role: own,
      inheritedRole: inherited ?? null,
      isOrgAdmin: orgAdmin !== null,
      isSiteAdmin: user.isAdmin,
    },
  };
}

const notFound = () => new Response("Not found", { status: 404 });
const forbidden = () => new Response("Forbidden", { status: 403 });

export type CommitteeAccess = { user: SessionUser; standing: CommitteeStanding; organizationId: string };

/** Guard: the signed-in user may do `action` in the committee; 404 if they may not even see it. */
export async function requireCommitteeAccess(
  request: Request,
  committeeId: string,
  action: CommitteeAction,
): Promise<CommitteeAccess> {
  const user = await requireUser(request);
  const found = await getCommitteeStanding(user, committeeId);
  if (!found || !canInCommittee(found.standing, "view")) throw notFound();
  if (!canInCommittee(found.standing, action)) throw forbidden();
  return { user, ...found };
}

export async function requireProjectAccess(
  request: Request,
  projectId: string,
  action: ProjectAction,
): Promise<CommitteeAccess & { committeeId: string }> {
  const user = await requireUser(request);
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { committeeId: true } });
  if (!project) throw notFound();
  const found = await getCommitteeStanding(user, project.committeeId);
  if (!found || !canOnProject(found.standing, "view")) throw notFound();
  if (!canOnProject(found.standing, action)) throw forbidden();
  return { user, committeeId: project.committeeId, ...found };
}

export async function getOrganizationStanding(
  user: Pick<SessionUser, "id" | "isAdmin">,
  organizationId: string,
): Promise<OrganizationStanding> {
  const [orgAdmin, membership] = await Promise.all([
    prisma.organizationAdmin.findUnique({
      where: { organizationId_userId: { organizationId, userId: user.id } },
      select: { userId: true },
    }),
    prisma.membership.findFirst({
      where: { userId: user.id, committee: { organizationId } },
      select: { id: true },
    }),
  ]);
  return { isSiteAdmin: user.isAdmin, isOrgAdmin: orgAdmin !== null, hasAnyMembership: membership !== null };
}

export async function requireOrganizationAccess(
  request: Request,
  slug: string,
  action: OrganizationAction,
): Promise<{ user: SessionUser; organizationId: string; standing: OrganizationStanding }> {
  const user = await requireUser(request);
  const org = await prisma.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!org) throw notFound();
  const standing = await getOrganizationStanding(user, org.id);
  if (!canInOrganization(standing, "view")) throw notFound();
  if (!canInOrganization(standing, action)) throw forbidden();
  return { user, organizationId: org.id, standing };
}
