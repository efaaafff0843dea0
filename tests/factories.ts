// Test data with unique values, so tests never collide on unique columns.
import { randomBytes } from "node:crypto";
import type { Role } from "~/policies/roles";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

export const TEST_PASSWORD = "correct-horse-battery";
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString("hex");

export async function createUser(overrides: { email?: string; name?: string; isAdmin?: boolean; affiliation?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${id}@test.example`,
      name: overrides.name ?? `User ${id}`,
      affiliation: overrides.affiliation ?? `Company ${id}`,
      isAdmin: overrides.isAdmin ?? false,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, name: true, isAdmin: true, affiliation: true, locale: true },
  });
}

export async function createOrganization() {
  const id = unique();
  return prisma.organization.create({
    data: { slug: `org-${id}`, nameZh: `联盟${id}`, nameEn: `Alliance ${id}`, codePrefix: "T/TST" },
    select: { id: true, slug: true },
  });
}

export async function createCommittee(options: { organizationId: string; parentId?: string; kind?: "TC" | "SC" | "WG" }) {
  const id = unique();
  return prisma.committee.create({
    data: {
      organizationId: options.organizationId,
      parentId: options.parentId ?? null,
      kind: options.kind ?? (options.parentId ? "WG" : "TC"),
      code: `C-${id}`,
      nameZh: `委员会${id}`,
      nameEn: `Committee ${id}`,
    },
    select: { id: true, code: true, organizationId: true },
  });
}

export async function addMember(committeeId: string, userId: string, role: Role, votingRight = true) {
  return prisma.membership.create({ data: { committeeId, userId, role, votingRight }, select: { id: true } });
}

export async function createProjectWithDocument(options: { committeeId: string; createdById: string; content?: object; convention?: "GB" | "ISO" }) {
  const id = unique();
  const { createTemplate } = await import("~/editor/templates");
  const convention = options.convention ?? "GB";
  const content = options.content ?? createTemplate(convention, { titleZh: `标准${id}`, titleEn: `Standard ${id}` }).toJSON();
  return prisma.project.create({
    data: {
      committeeId: options.committeeId,
      reference: `REF-${id}`,
      titleZh: `标准${id}`,
      titleEn: `Standard ${id}`,
      convention,
      createdById: options.createdById,
      documents: { create: { titleZh: `标准${id}`, titleEn: `Standard ${id}`, content } },
    },
    select: { id: true, documents: { select: { id: true } } },
  });
}

/** A committee with one person in each role, for permission tests. */
export async function createStaffedCommittee() {
  const org = await createOrganization();
  const committee = await createCommittee({ organizationId: org.id });
  const people = {} as Record<Role | "outsider", Awaited<ReturnType<typeof createUser>>>;
  for (const role of ["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"] as const) {
    people[role] = await createUser({ name: role.toLowerCase() });
    await addMember(committee.id, people[role].id, role, role !== "OBSERVER");
  }
  people.outsider = await createUser({ name: "outsider" });
  return { org, committee, people };
}
