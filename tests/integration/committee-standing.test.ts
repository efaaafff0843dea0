// getCommitteeStanding: what the policies decide on, read in one statement for every page and socket.
import { describe, expect, test } from "vitest";
import { getCommitteeStanding } from "~/models/access.server";
import { prisma } from "~/utils/db.server";
import { addMember, createCommittee, createOrganization, createUser } from "../factories";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

async function threeLevels() {
  const org = await createOrganization();
  const tc = await createCommittee({ organizationId: org.id, kind: "TC" });
  const sc = await createCommittee({ organizationId: org.id, parentId: tc.id, kind: "SC" });
  const wg = await createCommittee({ organizationId: org.id, parentId: sc.id, kind: "WG" });
  return { org, tc, sc, wg };
}

const plain = { isAdmin: false };

describe("getCommitteeStanding", () => {
  test("a member of the committee itself has that role and nothing inherited", async () => {
    const { org, wg } = await threeLevels();
    const user = await createUser();
    await addMember(wg.id, user.id, "EDITOR");
    expect(await getCommitteeStanding({ id: user.id, ...plain }, wg.id)).toEqual({
      organizationId: org.id,
      standing: { role: "EDITOR", inheritedRole: null, isOrgAdmin: false, isSiteAdmin: false },
    });
  });

  test("a chair or secretary two levels up runs the working group too; the chair wins over a secretary", async () => {
    const { tc, sc, wg } = await threeLevels();
    const secretary = await createUser();
    await addMember(tc.id, secretary.id, "SECRETARY");
    expect((await getCommitteeStanding({ id: secretary.id, ...plain }, wg.id))?.standing).toMatchObject({ role: null, inheritedRole: "SECRETARY" });

    const both = await createUser();
    await addMember(tc.id, both.id, "SECRETARY");
    await addMember(sc.id, both.id, "CHAIR");
    await addMember(wg.id, both.id, "MEMBER");
    expect((await getCommitteeStanding({ id: both.id, ...plain }, wg.id))?.standing).toMatchObject({ role: "MEMBER", inheritedRole: "CHAIR" });
  });

  test("other roles above are not inherited, and nothing is inherited downwards or from a sibling", async () => {
    const { org, tc, sc, wg } = await threeLevels();
    const sibling = await createCommittee({ organizationId: org.id, parentId: sc.id, kind: "WG" });
    const user = await createUser();
    await addMember(tc.id, user.id, "EDITOR");
    await addMember(sibling.id, user.id, "CHAIR");
    await addMember(wg.id, user.id, "SECRETARY");
    expect((await getCommitteeStanding({ id: user.id, ...plain }, wg.id))?.standing).toMatchObject({ role: "SECRETARY", inheritedRole: null });
    expect((await getCommitteeStanding({ id: user.id, ...plain }, sc.id))?.standing).toMatchObject({ role: null, inheritedRole: null });
  });

  test("an organization administrator and a site administrator are marked as such, without a membership", async () => {
    const { org, wg } = await threeLevels();
    const orgAdmin = await createUser();
    await prisma.organizationAdmin.create({ data: { organizationId: org.id, userId: orgAdmin.id } });
    expect((await getCommitteeStanding({ id: orgAdmin.id, ...plain }, wg.id))?.standing).toEqual({
      role: null,
      inheritedRole: null,
      isOrgAdmin: true,
      isSiteAdmin: false,
    });
    const site = await createUser({ isAdmin: true });
    expect((await getCommitteeStanding({ id: site.id, isAdmin: true }, wg.id))?.standing).toMatchObject({ isOrgAdmin: false, isSiteAdmin: true });
  });

  test("an administrator of another organization is not one here", async () => {
    const { wg } = await threeLevels();
    const other = await createOrganization();
    const user = await createUser();
    await prisma.organizationAdmin.create({ data: { organizationId: other.id, userId: user.id } });
    expect((await getCommitteeStanding({ id: user.id, ...plain }, wg.id))?.standing.isOrgAdmin).toBe(false);
  });

  test("an unknown committee gives null", async () => {
    const user = await createUser();
    expect(await getCommitteeStanding({ id: user.id, ...plain }, "no-such-committee")).toBeNull();
  });
});
