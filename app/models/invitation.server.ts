// Invitations to a committee: created by its chair or secretary, accepted once from the e-mailed link.
import { AppError } from "~/utils/errors";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { absoluteUrl, sendMail } from "~/utils/mail.server";
import { hashPassword } from "~/utils/password.server";
import { serverT } from "~/utils/server-i18n.server";
import { hashToken, newToken } from "~/utils/token.server";
import type { Role } from "~/policies/roles";

const INVITATION_DAYS = 14;

export async function createInvitation(options: {
  committeeId: string;
  inviter: { id: string; name: string };
  email: string;
  name: string;
  role: Role;
  votingRight: boolean;
}): Promise<void> {
  const { committeeId, inviter, email } = options;
  const committee = await prisma.committee.findUniqueOrThrow({
    where: { id: committeeId },
    select: { code: true, nameZh: true, nameEn: true, organization: { select: { nameZh: true, nameEn: true } } },
  });
  const token = newToken();
  await prisma.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { committeeId, user: { email } },
      select: { id: true },
    });
    if (member) throw new AppError("CONFLICT", "committee.alreadyMember");
    const pending = await tx.invitation.findFirst({
      where: { committeeId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) throw new AppError("CONFLICT", "committee.alreadyInvited");
    await tx.invitation.create({
      data: {
        committeeId,
        email,
        name: options.name,
        role: options.role,
        votingRight: options.votingRight,
        tokenHash: hashToken(token),
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "invitation.created",
      actorId: inviter.id,
      committeeId,
      payload: { email, role: options.role },
    });
  });
  // After commit: a failed send leaves the mail in the outbox, never a half-made invitation.
  const link = absoluteUrl(`/invitations/${token}`);
  const zh = serverT("zh-CN");
  const en = serverT("en");
  await sendMail({
    to: email,
    subject: `${zh("invitation.mailSubject", { committee: committee.nameZh })} / ${en("invitation.mailSubject", { committee: committee.nameEn })}`,
    text: [
      zh("invitation.mailBody", {
        inviter: inviter.name,
        committee: `${committee.code} ${committee.nameZh}`,
        organization: committee.organization.nameZh,
        role: zh(`roles.${options.role}`),
        link,
      }),
      en("invitation.mailBody", {
        inviter: inviter.name,
        committee: `${committee.code} ${committee.nameEn}`,
        organization: committee.organization.nameEn,
        role: en(`roles.${options.role}`),
        link,
      }),
    ].join("\n\n———\n\n"),
  });
}

export type InvitationState = "valid" | "invalid" | "expired" | "used" | "revoked";

export async function findInvitation(token: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      votingRight: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      committeeId: true,
      invitedBy: { select: { name: true } },
      committee: { select: { id: true, code: true, nameZh: true, nameEn: true } },
    },
  });
  const state: InvitationState = !invitation
    ? "invalid"
    : invitation.revokedAt
      ? "revoked"
      : invitation.acceptedAt
        ? "used"
        : invitation.expiresAt < new Date()
          ? "expired"
          : "valid";
  return { invitation, state };
}

/**
 * Accepts an invitation once. A new person gets an account with the password they chose; someone
 * with an account must be signed in as the invited address. Returns the user id to sign in.
 */
export async function acceptInvitation(options: {
  token: string;
  signedInUserId: string | null;
  newAccount: { name: string; affiliation: string; password: string } | null;
}): Promise<{ userId: string; committeeId: string }> {
  const passwordHash = options.newAccount ? await hashPassword(options.newAccount.password) : null;
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(options.token) },
      select: { id: true, email: true, role: true, votingRight: true, committeeId: true, acceptedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "invitation.invalid");
    if (invitation.revokedAt) throw new AppError("GONE", "invitation.revoked");
    if (invitation.acceptedAt) throw new AppError("GONE", "invitation.used");
    if (invitation.expiresAt < new Date()) throw new AppError("GONE", "invitation.expired");
    // Claim it first: of two concurrent acceptances only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("GONE", "invitation.used");

    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    let userId: string;
    if (existing) {
      if (options.signedInUserId !== existing.id) throw new AppError("FORBIDDEN", "invitation.existingAccount");
      userId = existing.id;
    } else {
      if (!options.newAccount || !passwordHash) throw new AppError("BAD_REQUEST", "form.passwordRequired");
      const created = await tx.user.create({
        data: {
          email: invitation.email,
          name: options.newAccount.name,
          affiliation: options.newAccount.affiliation,
          passwordHash,
        },
        select: { id: true },
      });
      userId = created.id;
    }
    const already = await tx.membership.findUnique({
      where: { committeeId_userId: { committeeId: invitation.committeeId, userId } },
      select: { id: true },
    });
    if (!already) {
      await tx.membership.create({
        data: { committeeId: invitation.committeeId, userId, role: invitation.role, votingRight: invitation.votingRight },
        select: { id: true },
      });
    }
    await recordAudit(tx, {
      type: "invitation.accepted",
      actorId: userId,
      committeeId: invitation.committeeId,
      payload: { email: invitation.email, role: invitation.role },
    });
    return { userId, committeeId: invitation.committeeId };
  });
}

export async function revokeInvitation(options: { committeeId: string; invitationId: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: options.invitationId, committeeId: options.committeeId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "invitation.invalid");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() }, select: { id: true } });
    await recordAudit(tx, {
      type: "invitation.revoked",
      actorId: options.actorId,
      committeeId: options.committeeId,
      payload: { email: invitation.email },
    });
  });
}

