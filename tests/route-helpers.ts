// Calls Remix loaders and actions the way the server does, with a real Request, and normalizes what
// they answer (a value, `data(...)`, a thrown Response or redirect) to { status, body, headers }.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createSession } from "~/utils/session.server";

type RouteFunction = (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown;

export type RouteResult = { status: number; headers: Headers; body: unknown };

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && "type" in value && (value as { type: unknown }).type === "DataWithResponseInit";
}

async function normalize(outcome: unknown): Promise<RouteResult> {
  if (outcome instanceof Response) {
    const text = await outcome.text();
    return { status: outcome.status, headers: outcome.headers, body: text };
  }
  if (isDataWithInit(outcome)) {
    return { status: outcome.init?.status ?? 200, headers: new Headers(outcome.init?.headers), body: outcome.data };
  }
  return { status: 200, headers: new Headers(), body: outcome };
}

export async function call(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<RouteResult> {
  try {
    return await normalize(await fn({ request, params, context: { cspNonce: "test" } }));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return normalize(thrown);
    throw thrown;
  }
}

/** The `name=value` part of a Set-Cookie header, usable as a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

export async function sessionCookieFor(userId: string): Promise<string> {
  const { cookie } = await createSession(userId, new Request("http://test.local/"));
  return cookiePair(cookie);
}

/** A form POST; each comes from its own client address unless one is given, so per-address
 * sign-in throttling does not leak between tests. */
export function formRequest(path: string, fields: Record<string, string>, cookie?: string, address?: string): Request {
  return new Request(`http://test.local${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Client-Address": address ?? `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`http://test.local${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}
