// Turns "this user, this committee" into the standing the pure policies decide on, and the guards
// that routes call first. Someone outside a committee gets 404, so they cannot learn it exists.
import { z } from "zod";
import { Role } from "~/generated/prisma/enums";
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

const standingRow = z.object({
  organizationId: z.string(),
  memberships: z.array(z.object({ committeeId: z.string(), role: z.nativeEnum(Role) })),
  isOrgAdmin: z.boolean(),
});

/**
 * What the user is in the committee: their own role, a chair's or secretary's role inherited from a
 * committee above (committee trees are shallow: TC → SC → WG; the walk stops after 10 levels), and
 * whether they administer its organization. Null when the committee does not exist.
 *
 * One statement: this runs first in every committee page, project page and collaboration socket,
 * and as separate queries (the chain a level at a time, memberships, administrators) it cost more
 * than the rest of many pages.
 */
export async function getCommitteeStanding(
  user: Pick<SessionUser, "id" | "isAdmin">,
  committeeId: string,
): Promise<{ standing: CommitteeStanding; organizationId: string } | null> {
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", "organizationId", 0 AS depth FROM "Committee" WHERE id = ${committeeId}
      UNION ALL
      SELECT c.id, c."parentId", c."organizationId", chain.depth + 1
      FROM "Committee" c JOIN chain ON c.id = chain."parentId"
      WHERE chain.depth < 9
    ), self AS (SELECT "organizationId" FROM chain WHERE depth = 0)
    SELECT
      self."organizationId" AS "organizationId",
      COALESCE((
        SELECT json_agg(json_build_object('committeeId', m."committeeId", 'role', m.role))
        FROM "Membership" m WHERE m."userId" = ${user.id} AND m."committeeId" IN (SELECT id FROM chain)
      ), '[]'::json) AS memberships,
      EXISTS (
        SELECT 1 FROM "OrganizationAdmin" a WHERE a."organizationId" = self."organizationId" AND a."userId" = ${user.id}
      ) AS "isOrgAdmin"
    FROM self`;
  if (rows.length === 0) return null;
  const { organizationId, memberships, isOrgAdmin } = standingRow.parse(rows[0]);
  const own = memberships.find((m) => m.committeeId === committeeId)?.role ?? null;
  const inherited = memberships
    .filter((m) => m.committeeId !== committeeId)
    .map((m) => m.role)
    .filter((r): r is "CHAIR" | "SECRETARY" => r === "CHAIR" || r === "SECRETARY")
    .sort((a, b) => (a === "CHAIR" ? -1 : b === "CHAIR" ? 1 : 0))[0];
  return {
    organizationId,
    standing: {
      role: own,
      inheritedRole: inherited ?? null,
      isOrgAdmin,
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
