// The append-only audit log. Event types are a closed list with a payload schema each, because
// these rows are persisted forever and read back by later code. Each event joins a hash chain for its
// scope (project, else committee, else global): hash = SHA-256 of the previous hash and the event's
// canonical content, so a changed or removed row shows when the chain is verified.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

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
  "version.created": z.object({ versionId: z.string(), label: z.string(), fingerprint: z.string() }),
  "version.restored": z.object({ versionId: z.string(), label: z.string() }),
  "version.exported": z.object({ from: z.string(), to: z.string(), format: z.string() }),
  "asset.uploaded": z.object({ assetId: z.string(), documentId: z.string(), mimeType: z.string(), byteSize: z.number() }),
  "comment.created": z.object({ commentId: z.string(), parentId: z.string().nullable(), clauseId: z.string().nullable() }),
  "comment.edited": z.object({ commentId: z.string() }),
  "comment.resolved": z.object({ commentId: z.string() }),
  "comment.reopened": z.object({ commentId: z.string() }),
  "comment.disposed": z.object({ commentId: z.string(), decision: z.string(), reason: z.string() }),
  "comment.change_applied": z.object({ commentId: z.string() }),
  "comment_period.opened": z.object({ periodId: z.string(), title: z.string(), closesAt: z.string() }),
  "comment_period.closed": z.object({ periodId: z.string() }),
  "register.exported": z.object({ periodId: z.string().nullable(), format: z.string() }),
  "register.imported": z.object({ periodId: z.string().nullable(), fileName: z.string(), count: z.number() }),
  "stage_model.updated": z.object({ stageModelId: z.string(), key: z.string() }),
  "stage.transition_proposed": z.object({ transitionId: z.string(), from: z.string(), to: z.string() }),
  "stage.transition_withdrawn": z.object({ transitionId: z.string() }),
  "stage.transition_decided": z.object({
    transitionId: z.string(),
    decision: z.string(),
    resultStage: z.string(),
    reason: z.string(),
  }),
  "stage.entered": z.object({ from: z.string(), to: z.string(), versionId: z.string().nullable() }),
  "ballot.opened": z.object({ ballotId: z.string(), versionId: z.string(), presetKey: z.string(), closesAt: z.string() }),
  "ballot.closed": z.object({ ballotId: z.string(), outcome: z.string(), passed: z.boolean() }),
  "ballot.cancelled": z.object({ ballotId: z.string(), reason: z.string() }),
  "vote.cast": z.object({ ballotId: z.string(), choice: z.string(), changed: z.boolean() }),
  "project.released": z.object({
    standardNumber: z.string(),
    versionId: z.string(),
    publishedOn: z.string(),
    implementedOn: z.string(),
  }),
} as const;

export type AuditType = keyof typeof auditPayloads;

type Db = Pick<Prisma.TransactionClient, "auditEvent" | "$executeRaw">;

type ChainedFields = {
  scope: string;
  seq: number;
  at: Date;
  actorId: string | null;
  type: string;
  committeeId: string | null;
  projectId: string | null;
  payload: unknown;
  prevHash: string;
};

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(fields: ChainedFields): string {
  const content = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash("sha256").update(content).digest("hex");
}

export function auditScope(event: { projectId?: string | null; committeeId?: string | null }): string {
  if (event.projectId) return `project:${event.projectId}`;
  if (event.committeeId) return `committee:${event.committeeId}`;
  return "global";
}

/**
 * Appends an event to its chain. Must run inside the transaction of the change it records: the
 * advisory lock serializes writers of one scope until that transaction ends, so the chain stays linear.
 */
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
  const scope = auditScope(event);
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}))`;
  const last = await db.auditEvent.findFirst({
    where: { scope },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const fields: ChainedFields = {
    scope,
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision, as the database keeps it, so the stored row hashes back to the same value.
    at: new Date(Math.floor(Date.now())),
    actorId: event.actorId,
    type: event.type,
    committeeId: event.committeeId ?? null,
    projectId: event.projectId ?? null,
    payload,
    prevHash: last?.hash ?? "",
  };
  await db.auditEvent.create({ data: { ...fields, payload, hash: auditHash(fields) }, select: { id: true } });
}

/** Records an event that has no other change to share a transaction with (e.g. a sign-in). */
export async function recordAuditAlone<T extends AuditType>(event: Parameters<typeof recordAudit<T>>[1]): Promise<void> {
  await prisma.$transaction((tx) => recordAudit(tx, event));
}
