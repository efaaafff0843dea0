// Verifies an audit chain: recomputes every hash from the stored rows, in order. The first row whose
// content, position or link does not match is where the record was altered.
import { prisma } from "~/utils/db.server";
import { auditHash, auditScope } from "~/utils/audit.server";

export type ChainVerification =
  | { ok: true; scope: string; events: number }
  | { ok: false; scope: string; events: number; brokenAt: { id: string; seq: number; reason: "hash" | "link" | "sequence" } };

export async function verifyAuditChain(target: { projectId?: string; committeeId?: string }): Promise<ChainVerification> {
  const scope = auditScope(target);
  const rows = await prisma.auditEvent.findMany({
    where: { scope },
    orderBy: { seq: "asc" },
    select: { id: true, scope: true, seq: true, at: true, actorId: true, type: true, committeeId: true, projectId: true, payload: true, prevHash: true, hash: true },
  });
  let previous = "";
  for (const [index, row] of rows.entries()) {
    const brokenAt = (reason: "hash" | "link" | "sequence") =>
      ({ ok: false, scope, events: rows.length, brokenAt: { id: row.id.toString(), seq: row.seq, reason } }) as const;
    if (row.seq !== index + 1) return brokenAt("sequence");
    if (row.prevHash !== previous) return brokenAt("link");
    const { id: _id, hash, ...fields } = row;
    if (auditHash(fields) !== hash) return brokenAt("hash");
    previous = hash;
  }
  return { ok: true, scope, events: rows.length };
}
