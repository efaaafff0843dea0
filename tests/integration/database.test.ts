// The database layer as the app uses it: the 7.x client over the 7.x pg adapter, on a schema that the
// 6.19 CLI migrates (docs/decisions/018), so transactions, enums, dates, Bytes and Json are checked here.
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

describe("database round-trips", () => {
  test("enums, dates, Bytes and Json survive a round-trip", async () => {
    const user = await createUser();
    const org = await createOrganization();
    const committee = await prisma.committee.create({
      data: { organizationId: org.id, code: "TC9", kind: "SC", nameZh: "测试", nameEn: "Test" },
      select: { id: true, kind: true, createdAt: true },
    });
    expect(committee.kind).toBe("SC");
    expect(committee.createdAt).toBeInstanceOf(Date);
    const project = await prisma.project.create({
      data: { committeeId: committee.id, reference: "R-1", titleZh: "题", titleEn: "T", createdById: user.id },
      select: { id: true },
    });
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    const doc = await prisma.document.create({
      data: { projectId: project.id, titleZh: "正文", titleEn: "Text", content: { type: "doc", nested: [1, "二", null] }, yState: bytes },
      select: { id: true, content: true, yState: true },
    });
    expect(doc.content).toEqual({ type: "doc", nested: [1, "二", null] });
    expect(new Uint8Array(doc.yState ?? [])).toEqual(bytes);
  });

  test("a failed transaction leaves nothing behind", async () => {
    const before = await prisma.organization.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.organization.create({ data: { slug: "rolled-back", nameZh: "甲", nameEn: "A" }, select: { id: true } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await prisma.organization.count()).toBe(before);
  });

  test("the audit log refuses updates and deletes", async () => {
    const event = await prisma.auditEvent.create({ data: { type: "test", payload: {} }, select: { id: true } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { type: "changed" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).type).toBe("test");
  });
});
