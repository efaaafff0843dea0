import { recordAudit } from "~/utils/audit.server";
import { ensureStageModels } from "~/models/stage-model.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

export async function listOrganizations() {
  return prisma.organization.findMany({
    select: { id: true, slug: true, nameZh: true, nameEn: true, codePrefix: true, _count: { select: { committees: true } } },
    orderBy: { slug: "asc" },
  });
}

export async function getOrganization(organizationId: string) {
  return prisma.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      codePrefix: true,
      admins: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
}

/** The creator administers the new organization, so they can set up its committees next. */
export async function createOrganization(options: {
  slug: string;
  nameZh: string;
  nameEn: string;
  codePrefix: string;
  actorId: string;
}): Promise<{ slug: string }> {
  return prisma.$transaction(async (tx) => {
    const taken = await tx.organization.findUnique({ where: { slug: options.slug }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "admin.slugTaken");
    const org = await tx.organization.create({
      data: {
        slug: options.slug,
        nameZh: options.nameZh,
        nameEn: options.nameEn,
        codePrefix: options.codePrefix,
        admins: { create: { userId: options.actorId } },
      },
      select: { id: true, slug: true },
    });
    // Every organization starts with the built-in stage models (Chinese group standard, ISO/IEC).
    await ensureStageModels(org.id, tx);
    await recordAudit(tx, { type: "organization.created", actorId: options.actorId, payload: { slug: org.slug } });
    return { slug: org.slug };
  });
}
