import { prisma } from "~/utils/db.server";
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
