// Who may open a document's socket, decided before the WebSocket is accepted, with the same policy
// functions as the pages: the session cookie names the user, getCommitteeStanding and canOnProject
// decide. Reading without editing gives a read-only connection, enforced here on the server.
import type { IncomingMessage } from "node:http";
import { closeCode } from "~/editor/collab-protocol";
import { getCommitteeStanding } from "~/models/access.server";
import { editingFacts } from "~/models/editing-lock.server";
import { canOnProject } from "~/policies/committee";
import { canEditText } from "~/policies/editing";
import { prisma } from "~/utils/db.server";
import { lookupSessionByToken, readSessionToken } from "~/utils/session.server";
import type { Access, CollabUser } from "./types";

export type UpgradeDecision =
  | { ok: true; user: CollabUser; committeeId: string; access: Access }
  | { ok: false; code: number; reason: string };

const reject = (code: number, reason: string): UpgradeDecision => ({ ok: false, code, reason });

/**
 * The order matters: the session is checked before the document, so someone without a session
 * cannot even learn whether a document id exists.
 */
export async function authenticateUpgrade(
  request: IncomingMessage,
  documentId: string,
  allowedOrigins: readonly string[],
): Promise<UpgradeDecision> {
  if (!originAllowed(request, allowedOrigins)) return reject(closeCode.forbidden, "origin not allowed");
  const token = await readSessionToken(request.headers.cookie ?? null);
  if (!token) return reject(closeCode.unauthenticated, "sign in required");
  const session = await lookupSessionByToken(token);
  if (session.status !== "ok") return reject(closeCode.unauthenticated, "session expired");
  const document = await prisma.document.findUnique({
    where: { id: documentId },
    select: { projectId: true, project: { select: { committeeId: true } } },
  });
  if (!document) return reject(closeCode.notFound, "no such document");
  const { user } = session;
  const committeeId = document.project.committeeId;
  const access = await evaluateAccess(user, committeeId, document.projectId);
  if (!access) return reject(closeCode.forbidden, "no access to this document");
  return { ok: true, user: { id: user.id, name: user.name, isAdmin: user.isAdmin }, committeeId, access };
}

/**
 * What the user may do with the project's documents now; null when they may not even read. Editing
 * also depends on the project: its stage, an open comment period, a release.
 */
export async function evaluateAccess(
  user: Pick<CollabUser, "id" | "isAdmin">,
  committeeId: string,
  projectId: string,
): Promise<Access | null> {
  const found = await getCommitteeStanding(user, committeeId);
  if (!found || !canOnProject(found.standing, "readDocument")) return null;
  const facts = await editingFacts(projectId);
  if (!facts) return null;
  return canEditText(found.standing, facts) ? "edit" : "read";
}

/** Re-reads the user (an administrator flag may have changed too) and the document's project. */
export async function reevaluateAccess(userId: string, documentId: string): Promise<Access | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, isAdmin: true } });
  const document = await prisma.document.findUnique({
    where: { id: documentId },
    select: { projectId: true, project: { select: { committeeId: true } } },
  });
  return user && document ? evaluateAccess(user, document.project.committeeId, document.projectId) : null;
}

/**
 * Browsers send the session cookie with a cross-site WebSocket handshake when SameSite allows it, so
 * the page's origin is checked too: same host as the request, or one of the configured origins.
 * Clients without an Origin header (not browsers) are judged by their cookie alone.
 */
function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
