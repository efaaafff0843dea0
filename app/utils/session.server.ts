// Server-side sessions. The signed cookie carries a random token; the Session row (keyed by the
// token's hash) is the truth, so deleting or revoking it signs that browser out everywhere at once.
import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newToken } from "~/utils/token.server";

const SESSION_DAYS = 30;
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
export const SESSION_COOKIE = "__session";

function sessionCookie() {
  const env = getEnv();
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env.APP_URL.startsWith("https://"),
    secrets: [env.SESSION_SECRET ?? "dev-only-session-secret-not-for-production-use"],
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  affiliation: string;
  isAdmin: boolean;
  locale: "zh_CN" | "en";
};

export type SessionLookup =
  | { status: "none" }
  | { status: "invalid" } // a cookie was sent but its signature or session is not valid
  | { status: "ok"; sessionId: string; user: SessionUser };

function hasSessionCookie(request: Request): boolean {
  const header = request.headers.get("Cookie") ?? "";
  return header.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** Reads the session token from a raw Cookie header (also used by the WebSocket upgrade). */
export async function readSessionToken(cookieHeader: string | null): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function lookupSessionByToken(token: string): Promise<SessionLookup> {
  const id = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, affiliation: true, isAdmin: true, locale: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt < new Date()) return { status: "invalid" };
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date() }, select: { id: true } });
  }
  return { status: "ok", sessionId: session.id, user: session.user };
}

export async function getSession(request: Request): Promise<SessionLookup> {
  const token = await readSessionToken(request.headers.get("Cookie"));
  if (!token) return hasSessionCookie(request) ? { status: "invalid" } : { status: "none" };
  return lookupSessionByToken(token);
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  return session.status === "ok" ? session.user : null;
}

function loginRedirect(request: Request, reason?: "invalid-session"): never {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (reason) params.set("reason", reason);
  throw redirect(`/login?${params.toString()}`, {
    headers: reason ? { "Set-Cookie": clearedCookieHeader() } : undefined,
  });
}

/** First line of every signed-in loader and action: returns the user or redirects to sign-in. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSession(request);
  if (session.status === "ok") return session.user;
  return loginRedirect(request, session.status === "invalid" ? "invalid-session" : undefined);
}

export async function requireUserId(request: Request): Promise<string> {
  return (await requireUser(request)).id;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!user.isAdmin) throw new Response("Forbidden", { status: 403 });
  return user;
}

export async function createSession(
  userId: string,
  request: Request,
): Promise<{ cookie: string; sessionId: string }> {
  const token = newToken();
  const id = hashToken(token);
  await prisma.session.create({
    data: {
      id,
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
      userAgent: (request.headers.get("User-Agent") ?? "").slice(0, 300),
      ip: clientAddress(request),
    },
    select: { id: true },
  });
  return { cookie: await sessionCookie().serialize(token), sessionId: id };
}

export async function destroySession(request: Request): Promise<string> {
  const session = await getSession(request);
  if (session.status === "ok") {
    await prisma.session.update({
      where: { id: session.sessionId },
      data: { revokedAt: new Date() },
      select: { id: true },
    });
  }
  return clearedCookieHeader();
}

function clearedCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** The server's request logger sets X-Forwarded-For only behind a trusted proxy; otherwise the socket. */
export function clientAddress(request: Request): string {
  return (request.headers.get("X-Client-Address") ?? "unknown").slice(0, 64);
}
