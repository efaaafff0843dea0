// A believable example: a Guangdong NEV alliance with a technical committee, two working groups,
// every role, and two projects with drafts. Seeded on the embedded default's first start, or on
// request with `npm run seed`; never into a DATABASE_URL database unasked.
import type { Prisma } from "~/generated/prisma/client";
import { ensureStageModels } from "~/models/stage-model.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { DEMO_PASSWORD, demoAccounts, type DemoAccountKey } from "./demo-accounts";
import { demoDraftEn, demoDraftZh } from "./demo-drafts";

type Membership = [DemoAccountKey, "CHAIR" | "SECRETARY" | "EDITOR" | "MEMBER" | "OBSERVER", boolean];

export async function seedDemo(): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const ids = new Map<DemoAccountKey, string>();
      for (const account of demoAccounts) {
        const user = await tx.user.create({
          data: {
            email: account.email,
            name: account.name,
            affiliation: account.affiliation,
            isAdmin: account.isAdmin,
            locale: account.locale,
            passwordHash,
          },
          select: { id: true },
        });
        ids.set(account.key, user.id);
      }
      const id = (key: DemoAccountKey) => ids.get(key) ?? "";

      const org = await tx.organization.create({
        data: {
          slug: "gba",
          nameZh: "粤港澳大湾区新能源汽车产业技术联盟",
          nameEn: "Greater Bay Area New Energy Vehicle Technology Alliance",
          codePrefix: "T/GBA",
          admins: { create: { userId: id("admin") } },
        },
        select: { id: true },
      });
      await recordAudit(tx, { type: "organization.created", actorId: id("admin"), payload: { slug: "gba" } });
      // The built-in stage models; demo projects start drafting under the model of their convention.
      await ensureStageModels(org.id, tx);
      const models = await tx.stageModel.findMany({ where: { organizationId: org.id }, select: { id: true, key: true } });
      const modelOf = (convention: "GB" | "ISO") => models.find((m) => m.key === (convention === "GB" ? "cn_group_standard" : "iso_iec"))?.id ?? null;

      const committee = async (
        code: string,
        kind: "TC" | "SC" | "WG",
        nameZh: string,
        nameEn: string,
        parentId: string | null,
        members: Membership[],
      ) => {
        const created = await tx.committee.create({
          data: {
            organizationId: org.id,
            code,
            kind,
            nameZh,
            nameEn,
            parentId,
            memberships: { create: members.map(([key, role, votingRight]) => ({ userId: id(key), role, votingRight })) },
          },
          select: { id: true },
        });
        await recordAudit(tx, { type: "committee.created", actorId: id("admin"), committeeId: created.id, payload: { code, parentId } });
        return created.id;
      };

      const tc1 = await committee("TC1", "TC", "标准化技术委员会", "Technical Committee on Standardization", null, [
        ["chair", "CHAIR", true],
        ["secretary", "SECRETARY", false],
        ["editor1", "EDITOR", true],
        ["editor2", "EDITOR", true],
        ["member1", "MEMBER", true],
        ["member2", "MEMBER", true],
        ["member3", "MEMBER", true],
        ["member4", "MEMBER", true],
        ["observer", "OBSERVER", false],
      ]);
      await committee("WG1", "WG", "充电与换电工作组", "Working Group on Charging and Battery Swapping", tc1, [
        ["editor1", "EDITOR", true],
        ["member1", "MEMBER", true],
        ["member2", "MEMBER", true],
      ]);
      const wg2 = await committee("WG2", "WG", "动力电池安全工作组", "Working Group on Traction Battery Safety", tc1, [
        ["editor2", "EDITOR", true],
        ["member3", "MEMBER", true],
        ["member4", "MEMBER", true],
      ]);

      const project = async (
        committeeId: string,
        reference: string,
        titleZh: string,
        titleEn: string,
        convention: "GB" | "ISO",
        scope: string,
        content: Prisma.InputJsonValue,
      ) => {
        const created = await tx.project.create({
          data: {
            committeeId,
            reference,
            titleZh,
            titleEn,
            convention,
            scope,
            stage: convention === "GB" ? "drafting" : "preparatory",
            stageModelId: modelOf(convention),
            createdById: id("secretary"),
            documents: { create: { kind: "main", titleZh, titleEn, content } },
          },
          select: { id: true },
        });
        await recordAudit(tx, { type: "project.created", actorId: id("secretary"), committeeId, projectId: created.id, payload: { reference } });
      };

      await project(
        tc1,
        "GBA-2026-001",
        "电动汽车大功率直流充电连接装置 技术要求及试验方法",
        "High-power DC charging coupler for electric vehicles — Technical requirements and test methods",
        "GB",
        "规定电动汽车大功率直流充电连接装置的技术要求、试验方法和检验规则。",
        demoDraftZh as unknown as Prisma.InputJsonValue,
      );
      await project(
        wg2,
        "GBA-2026-002",
        "电动汽车换电站 安全要求",
        "Battery swapping station — Safety requirements",
        "ISO",
        "Safety requirements for battery swapping stations of electric passenger cars.",
        demoDraftEn as unknown as Prisma.InputJsonValue,
      );

      // Some editing history for the history page: yesterday's sessions on the Chinese draft.
      const draft = await tx.document.findFirstOrThrow({ where: { project: { reference: "GBA-2026-001" } }, select: { id: true } });
      const yesterdayAt = (hour: number) => {
        const day = new Date();
        day.setDate(day.getDate() - 1);
        day.setHours(hour, 0, 0, 0);
        return day;
      };
      await tx.editSession.createMany({
        data: [
          { documentId: draft.id, userId: id("editor1"), startedAt: yesterdayAt(14), endedAt: yesterdayAt(15), clauseIds: ["c-4-3", "c-a-1"], updates: 41 },
          { documentId: draft.id, userId: id("secretary"), startedAt: yesterdayAt(15), endedAt: yesterdayAt(16), clauseIds: ["c-4-3"], updates: 9 },
        ],
      });
    },
    { timeout: 60_000 },
  );
}

/** Seeds only a database with no users at all, so a restart never duplicates or overwrites data. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  await seedDemo();
  return true;
}
