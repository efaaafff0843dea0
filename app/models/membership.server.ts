// Changing and removing committee members. The policies decide who may; these functions keep the
// invariants (a committee always keeps a chair or secretary) and write the audit row in the same
// transaction as the change.
import { AppError } from "~/utils/errors";
import { emitAccessChanged } from "~/utils/access-events.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { canAssignRole, canManageMember } from "~/policies/committee";
import type { CommitteeStanding, Role } from "~/policies/roles";
import type { Prisma } from "~/generated/prisma/client";

const isLeader = (role: Role) => role === "CHAIR" || role === "SECRETARY";

/** A membership of this committee (never of another one reached by id), or 404. */
async function findMember(tx: Prisma.TransactionClient, committeeId: string, membershipId: string) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, committeeId },
    select: { id: true, role: true, userId: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "committee.memberNotFound");
  return member;
}

/** Chairs and secretaries of the committee other than the one being changed. */
async function leadersLeft(tx: Prisma.TransactionClient, committeeId: string, excludingMembershipId: string) {
  return tx.membership.count({
    where: { committeeId, role: { in: ["CHAIR", "SECRETARY"] }, id: { not: excludingMembershipId } },
  });
}

export async function changeMemberRole(options: {
  committeeId: string;
  membershipId: string;
  role: Role;
  votingRight: boolean;
  actorId: string;
  standing: CommitteeStanding;
}): Promise<void> {
  const userId = await prisma.$transaction(async (tx) => {
    const member = await findMember(tx, options.committeeId, options.membershipId);
    if (!canManageMember(options.standing, member.role) || !canAssignRole(options.standing, options.role)) {
      throw new AppError("FORBIDDEN", "committee.cannotAssignChair");
    }
    if (isLeader(member.role) && !isLeader(options.role) && (await leadersLeft(tx, options.committeeId, member.id)) === 0) {
      throw new AppError("CONFLICT", "committee.cannotRemoveLastChair");
    }
    await tx.membership.update({
      where: { id: member.id },
      data: { role: options.role, votingRight: options.votingRight },
      select: { id: true },
    });
    await recordAudit(tx, {
      type: "membership.role_changed",
      actorId: options.actorId,
      committeeId: options.committeeId,
      payload: { userId: member.userId, from: member.role, to: options.role, votingRight: options.votingRight },
    });
    return member.userId;
  });
  // After commit, so open editor connections are re-evaluated against the new role.
  emitAccessChanged({ committeeId: options.committeeId, userId });
}

export async function removeMember(options: {
  committeeId: string;
  membershipId: string;
  actorId: string;
  standing: CommitteeStanding;
}): Promise<void> {
  const userId = await prisma.$transaction(async (tx) => {
    const member = await findMember(tx, options.committeeId, options.membershipId);
    if (!canManageMember(options.standing, member.role)) throw new AppError("FORBIDDEN", "committee.cannotAssignChair");
    if (isLeader(member.role) && (await leadersLeft(tx, options.committeeId, member.id)) === 0) {
      throw new AppError("CONFLICT", "committee.cannotRemoveLastChair");
    }
    await tx.membership.delete({ where: { id: member.id }, select: { id: true } });
    await recordAudit(tx, {
      type: "membership.removed",
      actorId: options.actorId,
      committeeId: options.committeeId,
      payload: { userId: member.userId, role: member.role },
    });
    return member.userId;
  });
  // After commit: the removed member's open editor connections are closed.
  emitAccessChanged({ committeeId: options.committeeId, userId });
}
