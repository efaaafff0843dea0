// Accepting invitations: once, in time, by the invited address only, even under concurrency.
import { describe, expect, test } from "vitest";
import { acceptInvitation, createInvitation, findInvitation } from "~/models/invitation.server";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { createStaffedCommittee, createUser } from "../factories";
import { call, formRequest, getRequest, sessionCookieFor } from "../route-helpers";
import { useTestDatabase } from "../setup/test-database";

useTestDatabase();

async function invite(email: string) {
  const { committee, people } = await createStaffedCommittee();
  await createInvitation({ committeeId: committee.id, inviter: people.SECRETARY, email, name: "", role: "MEMBER", votingRight: true });
  const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" }, select: { text: true } });
  const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
  return { committee, people, token };
}

const newAccount = { name: "New Person", affiliation: "Lab", password: "long-enough-password" };
const acceptForm = { name: "New Person", affiliation: "Lab", password: "long-enough-password", confirm: "long-enough-password" };

describe("accepting an invitation", () => {
  test("a new person sets a password, becomes a member and is signed in", async () => {
    const { committee, token } = await invite("fresh@example.org");
    const result = await call(invitationAction, formRequest(`/invitations/${token}`, acceptForm), { token });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/committees/${committee.id}?welcome=1`);
    expect(result.headers.get("Set-Cookie")).toMatch(/^__session=/);
    const member = await prisma.membership.findFirstOrThrow({ where: { committeeId: committee.id, user: { email: "fresh@example.org" } }, select: { role: true } });
    expect(member.role).toBe("MEMBER");
  });

  test("a reused link is refused and changes nothing", async () => {
    const { token } = await invite("twice@example.org");
    await call(invitationAction, formRequest(`/invitations/${token}`, acceptForm), { token });
    const users = await prisma.user.count();
    const second = await call(invitationAction, formRequest(`/invitations/${token}`, { ...acceptForm, name: "Impostor" }), { token });
    expect(second.status).toBe(410);
    expect(JSON.stringify(second.body)).toContain("invitation.used");
    expect(await prisma.user.count()).toBe(users);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "twice@example.org" }, select: { name: true } })).name).toBe("New Person");
  });

  test("an expired link is refused", async () => {
    const { token } = await invite("late@example.org");
    await prisma.invitation.updateMany({ where: { email: "late@example.org" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInvitation(token)).state).toBe("expired");
    const result = await call(invitationAction, formRequest(`/invitations/${token}`, acceptForm), { token });
    expect(result.status).toBe(410);
    expect(JSON.stringify(result.body)).toContain("invitation.expired");
    expect(await prisma.user.count({ where: { email: "late@example.org" } })).toBe(0);
  });

  test("an unknown or revoked link says so", async () => {
    expect((await call(invitationLoader, getRequest("/invitations/nope"), { token: "nope" })).body).toMatchObject({ state: "invalid" });
    const { token } = await invite("revoked@example.org");
    await prisma.invitation.updateMany({ where: { email: "revoked@example.org" }, data: { revokedAt: new Date() } });
    expect((await call(invitationLoader, getRequest(`/invitations/${token}`), { token })).body).toMatchObject({ state: "revoked" });
  });

  test("bad input: short password, different confirmation, empty name", async () => {
    const { token } = await invite("careful@example.org");
    const result = await call(invitationAction, formRequest(`/invitations/${token}`, { name: "", password: "short", confirm: "other" }), { token });
    expect(result.status).toBe(400);
    const body = JSON.stringify(result.body);
    expect(body).toContain("form.nameRequired");
    expect(body).toContain("form.passwordTooShort");
    expect(await prisma.invitation.count({ where: { email: "careful@example.org", acceptedAt: { not: null } } })).toBe(0);
  });

  test("an existing account must be signed in as the invited address", async () => {
    const existing = await createUser({ email: "known@example.org" });
    const { token, committee } = await invite("known@example.org");
    const other = await createUser();
    const asOther = await call(invitationAction, formRequest(`/invitations/${token}`, {}, await sessionCookieFor(other.id)), { token });
    expect(asOther.status).toBe(403);
    const asSelf = await call(invitationAction, formRequest(`/invitations/${token}`, {}, await sessionCookieFor(existing.id)), { token });
    expect(asSelf.status).toBe(302);
    expect(await prisma.membership.count({ where: { committeeId: committee.id, userId: existing.id } })).toBe(1);
  });

  test("two simultaneous acceptances: exactly one succeeds", async () => {
    const { token } = await invite("race@example.org");
    const outcomes = await Promise.allSettled([
      acceptInvitation({ token, signedInUserId: null, newAccount }),
      acceptInvitation({ token, signedInUserId: null, newAccount }),
      acceptInvitation({ token, signedInUserId: null, newAccount }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(AppError);
    expect(await prisma.user.count({ where: { email: "race@example.org" } })).toBe(1);
  });
});
