// Committee management through the real route action: each intent, for the roles that may and may
// not use it, and the bad input that must change nothing.
import { describe, expect, test } from "vitest";
import { action as committeeAction, loader as committeeLoader } from "~/routes/committees.$committeeId";
import { loader as projectLoader } from "~/routes/projects.$projectId";
import { prisma } from "~/utils/db.server";
import { addMember, createCommittee, createProjectWithDocument, createStaffedCommittee, createUser } from "../factories";
import { call, formRequest, getRequest, sessionCookieFor } from "../route-helpers";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

async function act(committeeId: string, userId: string, fields: Record<string, string>) {
  const cookie = await sessionCookieFor(userId);
  return call(committeeAction, formRequest(`/committees/${committeeId}`, fields, cookie), { committeeId });
}

describe("inviting", () => {
  test("the secretary invites: an invitation row, an audit event, and a mail with a link", async () => {
    const { committee, people } = await createStaffedCommittee();
    const result = await act(committee.id, people.SECRETARY.id, { intent: "invite", email: "New.Person@Example.org", role: "EDITOR", votingRight: "on" });
    expect(result.status).toBe(200);
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { committeeId: committee.id }, select: { email: true, role: true, votingRight: true } });
    expect(invitation).toEqual({ email: "new.person@example.org", role: "EDITOR", votingRight: true });
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: "new.person@example.org" }, select: { text: true } });
    expect(mail.text).toMatch(/\/invitations\/[\w-]{20,}/);
    expect(await prisma.auditEvent.count({ where: { committeeId: committee.id, type: "invitation.created" } })).toBe(1);
  });

  test("members, editors and observers may not invite; outsiders do not even see the committee", async () => {
    const { committee, people } = await createStaffedCommittee();
    for (const role of ["MEMBER", "EDITOR", "OBSERVER"] as const) {
      const result = await act(committee.id, people[role].id, { intent: "invite", email: `x-${role}@example.org`, role: "MEMBER" });
      expect(result.status, role).toBe(403);
    }
    const outsider = await act(committee.id, people.outsider.id, { intent: "invite", email: "y@example.org", role: "MEMBER" });
    expect(outsider.status).toBe(404);
    expect(await prisma.invitation.count({ where: { committeeId: committee.id } })).toBe(0);
  });

  test("a secretary cannot invite a chair; the chair can", async () => {
    const { committee, people } = await createStaffedCommittee();
    const bySecretary = await act(committee.id, people.SECRETARY.id, { intent: "invite", email: "c1@example.org", role: "CHAIR" });
    expect(bySecretary.status).toBe(403);
    const byChair = await act(committee.id, people.CHAIR.id, { intent: "invite", email: "c1@example.org", role: "CHAIR" });
    expect(byChair.status).toBe(200);
  });

  test("bad input: empty or malformed e-mail, unknown role, duplicate invitation, existing member", async () => {
    const { committee, people } = await createStaffedCommittee();
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "invite", email: "", role: "MEMBER" }, 400, "form.emailInvalid"],
      [{ intent: "invite", email: "not-an-address", role: "MEMBER" }, 400, "form.emailInvalid"],
      [{ intent: "invite", email: "ok@example.org", role: "PRESIDENT" }, 400, "form.roleRequired"],
      [{ intent: "invite", email: people.MEMBER.email, role: "MEMBER" }, 409, "committee.alreadyMember"],
    ];
    for (const [fields, status, key] of cases) {
      const result = await act(committee.id, people.SECRETARY.id, fields);
      expect(result.status, JSON.stringify(fields)).toBe(status);
      expect(JSON.stringify(result.body)).toContain(key);
    }
    expect(await prisma.invitation.count({ where: { committeeId: committee.id } })).toBe(0);
    await act(committee.id, people.SECRETARY.id, { intent: "invite", email: "twice@example.org", role: "MEMBER" });
    const again = await act(committee.id, people.SECRETARY.id, { intent: "invite", email: "twice@example.org", role: "MEMBER" });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain("committee.alreadyInvited");
    expect(await prisma.invitation.count({ where: { committeeId: committee.id } })).toBe(1);
  });
});

describe("changing roles and removing members", () => {
  test("the secretary changes a member to editor and records it", async () => {
    const { committee, people } = await createStaffedCommittee();
    const membership = await prisma.membership.findFirstOrThrow({ where: { committeeId: committee.id, userId: people.MEMBER.id }, select: { id: true } });
    const result = await act(committee.id, people.SECRETARY.id, { intent: "changeRole", membershipId: membership.id, role: "EDITOR" });
    expect(result.status).toBe(200);
    const after = await prisma.membership.findUniqueOrThrow({ where: { id: membership.id }, select: { role: true, votingRight: true } });
    expect(after).toEqual({ role: "EDITOR", votingRight: false });
    expect(await prisma.auditEvent.count({ where: { committeeId: committee.id, type: "membership.role_changed" } })).toBe(1);
  });

  test("a secretary cannot change or remove the chair", async () => {
    const { committee, people } = await createStaffedCommittee();
    const chair = await prisma.membership.findFirstOrThrow({ where: { committeeId: committee.id, role: "CHAIR" }, select: { id: true } });
    expect((await act(committee.id, people.SECRETARY.id, { intent: "changeRole", membershipId: chair.id, role: "MEMBER" })).status).toBe(403);
    expect((await act(committee.id, people.SECRETARY.id, { intent: "removeMember", membershipId: chair.id })).status).toBe(403);
    expect(await prisma.membership.findUnique({ where: { id: chair.id }, select: { role: true } })).toEqual({ role: "CHAIR" });
  });

  test("the last chair or secretary cannot be removed or demoted", async () => {
    const { committee, people } = await createStaffedCommittee();
    const secretary = await prisma.membership.findFirstOrThrow({ where: { committeeId: committee.id, role: "SECRETARY" }, select: { id: true } });
    const chair = await prisma.membership.findFirstOrThrow({ where: { committeeId: committee.id, role: "CHAIR" }, select: { id: true } });
    expect((await act(committee.id, people.CHAIR.id, { intent: "removeMember", membershipId: secretary.id })).status).toBe(200);
    const demote = await act(committee.id, people.CHAIR.id, { intent: "changeRole", membershipId: chair.id, role: "MEMBER" });
    expect(demote.status).toBe(409);
    expect(JSON.stringify(demote.body)).toContain("committee.cannotRemoveLastChair");
  });

  test("a membership of another committee cannot be touched through this one", async () => {
    const { committee, people, org } = await createStaffedCommittee();
    const other = await createCommittee({ organizationId: org.id });
    const stranger = await createUser();
    const foreign = await addMember(other.id, stranger.id, "MEMBER");
    const result = await act(committee.id, people.SECRETARY.id, { intent: "removeMember", membershipId: foreign.id });
    expect(result.status).toBe(404);
    expect(await prisma.membership.count({ where: { id: foreign.id } })).toBe(1);
  });
});

describe("visibility", () => {
  test("a working-group member sees the working group but not its parent committee or its projects", async () => {
    const { committee, people, org } = await createStaffedCommittee();
    const wg = await createCommittee({ organizationId: org.id, parentId: committee.id });
    const wgMember = await createUser();
    await addMember(wg.id, wgMember.id, "MEMBER");
    const project = await createProjectWithDocument({ committeeId: committee.id, createdById: people.SECRETARY.id });
    const cookie = await sessionCookieFor(wgMember.id);
    expect((await call(committeeLoader, getRequest(`/committees/${wg.id}`, cookie), { committeeId: wg.id })).status).toBe(200);
    expect((await call(committeeLoader, getRequest(`/committees/${committee.id}`, cookie), { committeeId: committee.id })).status).toBe(404);
    expect((await call(projectLoader, getRequest(`/projects/${project.id}`, cookie), { projectId: project.id })).status).toBe(404);
    // The parent's secretary runs the working group too.
    const secretaryCookie = await sessionCookieFor(people.SECRETARY.id);
    const asSecretary = await call(committeeLoader, getRequest(`/committees/${wg.id}`, secretaryCookie), { committeeId: wg.id });
    expect(asSecretary.status).toBe(200);
    expect(JSON.stringify(asSecretary.body)).toContain('"invite":true');
  });

  test("a new project starts from its convention's template and is recorded", async () => {
    const { committee, people } = await createStaffedCommittee();
    const result = await act(committee.id, people.CHAIR.id, {
      intent: "createProject",
      reference: "T-2026-9",
      titleZh: "测试标准",
      titleEn: "Test standard",
      convention: "GB",
    });
    expect(result.status).toBe(200);
    const project = await prisma.project.findUniqueOrThrow({ where: { reference: "T-2026-9" }, select: { stage: true, documents: { select: { content: true } } } });
    expect(project.stage).toBe("preparatory");
    expect(JSON.stringify(project.documents[0]?.content)).toContain("本文件按照GB/T 1.1—2020");
    const duplicate = await act(committee.id, people.CHAIR.id, { intent: "createProject", reference: "T-2026-9", titleZh: "甲", titleEn: "A", convention: "GB" });
    expect(duplicate.status).toBe(409);
    const byMember = await act(committee.id, people.MEMBER.id, { intent: "createProject", reference: "T-2026-10", titleZh: "乙", titleEn: "B", convention: "ISO" });
    expect(byMember.status).toBe(403);
  });
});
