// Shared by the comment tests: a live collaboration server (comments read the live text), anchors made
// the way the browser makes them, and calls to the comment routes as a given person.
import { afterAll, beforeAll } from "vitest";
import { encodeAnchor, openText } from "~/comments/anchors";
import { liveDocuments } from "~/utils/live-documents.server";
import { exposeLiveDocuments } from "../../../server/live-documents";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";
import { call, formRequest, getRequest, sessionCookieFor } from "../../route-helpers";
import { action as commentsAction, loader as commentsLoader } from "~/routes/documents.$documentId_.comments";

export function useLiveServer(): { server: () => TestServer } {
  let server: TestServer;
  let unexpose: () => void;
  beforeAll(async () => {
    server = await startCollabTestServer();
    unexpose = exposeLiveDocuments(server.collab);
  });
  afterAll(async () => {
    unexpose();
    await server.close();
  });
  return { server: () => server };
}

/** The anchor of the first occurrence of `text` in the document's live text, as the browser sends it. */
export async function anchorOf(documentId: string, text: string, convention: "GB" | "ISO" = "GB") {
  const state = await liveDocuments().readState(documentId);
  if (!state) throw new Error("no live state");
  const opened = openText(state, convention);
  let found: { from: number; to: number } | null = null;
  opened.doc.descendants((node, pos) => {
    if (found || !node.isText || !node.text) return !found;
    const index = node.text.indexOf(text);
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  const { from, to } = found;
  const anchor = encodeAnchor(opened.fragment, opened.mapping, from, to);
  opened.ydoc.destroy();
  return { anchorStart: anchor.start, anchorEnd: anchor.end };
}

const cookies = new Map<string, string>();
async function cookieOf(userId: string): Promise<string> {
  let cookie = cookies.get(userId);
  if (!cookie) {
    cookie = await sessionCookieFor(userId);
    cookies.set(userId, cookie);
  }
  return cookie;
}

/** POSTs one comment action as this person; answers { status, body }. */
export async function commentAs(userId: string, documentId: string, fields: Record<string, string>) {
  const cookie = await cookieOf(userId);
  const result = await call(commentsAction, formRequest(`/documents/${documentId}/comments`, fields, cookie), { documentId });
  // The route answers JSON; a guard's refusal is plain text.
  let body: unknown = result.body;
  try {
    body = JSON.parse(String(result.body));
  } catch {
    // not JSON: keep the text
  }
  return { ...result, body };
}

export async function listAs(userId: string, documentId: string) {
  const cookie = await cookieOf(userId);
  const result = await call(commentsLoader, getRequest(`/documents/${documentId}/comments`, cookie), { documentId });
  return result;
}

/** The JSON a loader answered with Response.json. */
export function jsonOf<T>(body: unknown): T {
  return JSON.parse(String(body)) as T;
}
