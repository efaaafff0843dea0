// Scoped committee queries: every list is limited to what the user may see.
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import type { SessionUser } from "~/utils/session.server";
import type { Role } from "~/policies/roles";

export type VisibleCommittee = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: "TC" | "SC" | "WG";
  parentId: string | null;
  organization: { id: string; slug: string; nameZh: string; nameEn: string };
  myRole: Role | null;
  memberCount: number;
};

const committeeSelect = {
  id: true,
  code: true,
  nameZh: true,
  nameEn: true,
  kind: true,
  parentId: true,
  organization: { select: { id: true, slug: true, nameZh: true, nameEn: true } },
  _count: { select: { memberships: true } },
} as const;

/** Ids of committees the user can see: own memberships, sub-committees of those they chair or
 * run as secretary, every committee of organizations they administer (all, for site admins). */
export async function visibleCommitteeIds(user: Pick<SessionUser, "id" | "isAdmin">): Promise<Set<string>> {
  if (user.isAdmin) {
    const all = await prisma.committee.findMany({ select: { id: true } });
    return new Set(all.map((c) => c.id));
  }
  const [memberships, orgAdmins] = await Promise.all([
    prisma.membership.findMany({ where: { userId: user.id }, select: { committeeId: true, role: true } }),
    prisma.organizationAdmin.findMany({ where: { userId: user.id }, select: { organizationId: true } }),
  ]);
  const ids = new Set(memberships.map((m) => m.committeeId));
  if (orgAdmins.length > 0) {
    const orgCommittees = await prisma.committee.findMany({
      where: { organizationId: { in: orgAdmins.map((o) => o.organizationId) } },
      select: { id: true },
    });
    for (const c of orgCommittees) ids.add(c.id);
  }
  let frontier = memberships.filter((m) => m.role === "CHAIR" || m.role === "SECRETARY").map((m) => m.committeeId);
  while (frontier.length > 0) {
    const children = await prisma.committee.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  return ids;
}

export async function listVisibleCommittees(
  user: Pick<SessionUser, "id" | "isAdmin">,
  where: { organizationId?: string } = {},
): Promise<VisibleCommittee[]> {
  const ids = await visibleCommitteeIds(user);
  const [rows, mine] = await Promise.all([
    prisma.committee.findMany({
      where: { id: { in: [...ids] }, ...where },
      select: committeeSelect,
      orderBy: [{ organization: { slug: "asc" } }, { code: "asc" }],
    }),
    prisma.membership.findMany({ where: { userId: user.id }, select: { committeeId: true, role: true } }),
  ]);
  const roleByCommittee = new Map(mine.map((m) => [m.committeeId, m.role]));
  return rows.map(({ _count, ...c }) => ({
    ...c,
    myRole: roleByCommittee.get(c.id) ?? null,
    memberCount: _count.memberships,
  }));
}

export async function getCommittee(committeeId: string) {
  return prisma.committee.findUnique({
    where: { id: committeeId },
    select: {
      id: true,
      code: true,
      kind: true,
      nameZh: true,
      nameEn: true,
      description: true,
      parent: { select: { id: true, code: true, nameZh: true, nameEn: true } },
      organization: { select: { id: true, slug: true, nameZh: true, nameEn: true } },
      memberships: {
        select: {
          id: true,
          role: true,
          votingRight: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true, affiliation: true } },
        },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { id: true, email: true, name: true, role: true, createdAt: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
      },
      children: { select: { id: true, code: true, kind: true, nameZh: true, nameEn: true }, orderBy: { code: "asc" } },
      projects: {
        select: { id: true, reference: true, titleZh: true, titleEn: true, stage: true, updatedAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
}

export async function createCommittee(options: {
  organizationId: string;
  parentId: string | null;
  kind: "TC" | "SC" | "WG";
  code: string;
  nameZh: string;
  nameEn: string;
  actorId: string;
}): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const taken = await tx.committee.findUnique({
      where: { organizationId_code: { organizationId: options.organizationId, code: options.code } },
      select: { id: true },
    });
    if (taken) throw new AppError("CONFLICT", "organization.codeTaken");
    const created = await tx.committee.create({
      data: {
        organizationId: options.organizationId,
        parentId: options.parentId,
        kind: options.kind,
        code: options.code,
        nameZh: options.nameZh,
        nameEn: options.nameEn,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "committee.created",
      actorId: options.actorId,
      committeeId: created.id,
      payload: { code: options.code, parentId: options.parentId },
    });
    return created;
  });
}
