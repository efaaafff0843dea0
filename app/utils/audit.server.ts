// The append-only audit log. Event types are a closed list with a payload schema each, because
// these rows are persisted forever and read back by later code.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";

const roleEnum = z.enum(["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"]);

export const auditPayloads = {
  "user.signed_in": z.object({}),
  "user.password_reset": z.object({}),
  "user.admin_created": z.object({ email: z.string() }),
  "organization.created": z.object({ slug: z.string() }),
  "committee.created": z.object({ code: z.string(), parentId: z.string().nullable() }),
  "invitation.created": z.object({ email: z.string(), role: roleEnum }),
  "invitation.revoked": z.object({ email: z.string() }),
  "invitation.accepted": z.object({ email: z.string(), role: roleEnum }),
  "membership.role_changed": z.object({ userId: z.string(), from: roleEnum, to: roleEnum, votingRight: z.boolean() }),
  "membership.removed": z.object({ userId: z.string(), role: roleEnum }),
  "project.created": z.object({ reference: z.string() }),
  "project.updated": z.object({ fields: z.array(z.string()) }),
} as const;

export type AuditType = keyof typeof auditPayloads;

type Db = Pick<Prisma.TransactionClient, "auditEvent">;

export async function recordAudit<T extends AuditType>(
  db: Db,
  event: {
    type: T;
    actorId: string | null;
    committeeId?: string | null;
    projectId?: string | null;
    payload: z.infer<(typeof auditPayloads)[T]>;
  },
): Promise<void> {
  const payload = auditPayloads[event.type].parse(event.payload) as Prisma.InputJsonObject;
  await db.auditEvent.create({
    data: {
      type: event.type,
      actorId: event.actorId,
      committeeId: event.committeeId ?? null,
      projectId: event.projectId ?? null,
      payload,
    },
    select: { id: true },
  });
}
