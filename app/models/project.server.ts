import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { visibleCommitteeIds } from "~/models/committee.server";
import type { SessionUser } from "~/utils/session.server";

export async function listVisibleProjects(user: Pick<SessionUser, "id" | "isAdmin">) {
  const ids = await visibleCommitteeIds(user);
  return prisma.project.findMany({
    where: { committeeId: { in: [...ids] } },
    select: {
      id: true,
      reference: true,
      titleZh: true,
      titleEn: true,
      stage: true,
      updatedAt: true,
      committee: { select: { id: true, code: true, nameZh: true, nameEn: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
}

export async function getProject(projectId: string) {
  return prisma.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      reference: true,
      titleZh: true,
      titleEn: true,
      convention: true,
      scope: true,
      stage: true,
      standardNumber: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      committee: {
        select: {
          id: true,
          code: true,
          nameZh: true,
          nameEn: true,
          organization: { select: { slug: true, nameZh: true, nameEn: true } },
        },
      },
      documents: {
        select: { id: true, kind: true, titleZh: true, titleEn: true, updatedAt: true, content: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

/** A new project starts in drafting with a main text made from its convention's template, on the
 * server, so no browser ever creates initial content. */
export async function createProject(options: {
  committeeId: string;
  actorId: string;
  reference: string;
  titleZh: string;
  titleEn: string;
  convention: "GB" | "ISO";
  scope: string;
}): Promise<{ id: string }> {
  const { createTemplate } = await import("~/editor/templates");
  const content = createTemplate(options.convention, { titleZh: options.titleZh, titleEn: options.titleEn }).toJSON() as Prisma.InputJsonObject;
  return prisma.$transaction(async (tx) => {
    const taken = await tx.project.findUnique({ where: { reference: options.reference }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "project.referenceTaken");
    const project = await tx.project.create({
      data: {
        committeeId: options.committeeId,
        reference: options.reference,
        titleZh: options.titleZh,
        titleEn: options.titleEn,
        convention: options.convention,
        scope: options.scope,
        createdById: options.actorId,
        documents: { create: { kind: "main", titleZh: options.titleZh, titleEn: options.titleEn, content } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "project.created",
      actorId: options.actorId,
      committeeId: options.committeeId,
      projectId: project.id,
      payload: { reference: options.reference },
    });
    return project;
  });
}
