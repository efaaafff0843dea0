// Figure uploads: who may upload (editors while the text may change), what is accepted (PNG, JPEG,
// GIF, WebP by their bytes, at most 5 MB), how it is stored (bytes, SHA-256, audit event) and who may
// fetch it back from /files/<id>.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { readImageHeader } from "~/models/asset-image.server";
import { prisma } from "~/utils/db.server";
import { FIGURE_MAX_BYTES } from "~/utils/figure-limits";
import { action as uploadAction } from "~/routes/documents.$documentId_.figures";
import { loader as fileLoader } from "~/routes/files.$assetId";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { createProjectWithDocument, createStaffedCommittee } from "../../factories";
import { call, getRequest, sessionCookieFor } from "../../route-helpers";
import { useTestDatabase } from "../../setup/test-database";
import { gifHeader, HTML_PAGE, jpegHeader, pngImage, SVG_WITH_SCRIPT, webpLosslessHeader } from "./images";

useTestDatabase();

let staffed: Awaited<ReturnType<typeof createStaffedCommittee>>;
let projectId: string;
let documentId: string;

beforeAll(async () => {
  staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id });
  projectId = project.id;
  documentId = project.documents[0].id;
});

function uploadRequest(bytes: Uint8Array, cookie: string, fileName = "figure.png", type = "image/png", headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type }));
  return new Request(`http://test.local/documents/${documentId}/figures`, { method: "POST", body: form, headers: { Cookie: cookie, ...headers } });
}

async function upload(bytes: Uint8Array, userId: string, fileName?: string, type?: string) {
  return call(uploadAction, uploadRequest(bytes, await sessionCookieFor(userId), fileName, type), { documentId });
}

async function json(result: { body: unknown }): Promise<Record<string, unknown>> {
  return JSON.parse(String(result.body)) as Record<string, unknown>;
}

const assetCount = () => prisma.asset.count({ where: { documentId } });

describe("reading image headers", () => {
  test("accepts PNG, JPEG, GIF and WebP with their sizes, from the bytes alone", () => {
    expect(readImageHeader(pngImage(31, 17))).toEqual({ mimeType: "image/png", width: 31, height: 17 });
    expect(readImageHeader(jpegHeader(640, 480))).toEqual({ mimeType: "image/jpeg", width: 640, height: 480 });
    expect(readImageHeader(gifHeader(12, 34))).toEqual({ mimeType: "image/gif", width: 12, height: 34 });
    expect(readImageHeader(webpLosslessHeader(300, 200))).toEqual({ mimeType: "image/webp", width: 300, height: 200 });
  });

  test("refuses SVG, HTML, truncated headers and absurd sizes", () => {
    expect(readImageHeader(SVG_WITH_SCRIPT)).toBeNull();
    expect(readImageHeader(HTML_PAGE)).toBeNull();
    expect(readImageHeader(pngImage(4, 4).slice(0, 20))).toBeNull();
    expect(readImageHeader(gifHeader(0, 10))).toBeNull();
    expect(readImageHeader(gifHeader(30_000, 10))).toBeNull();
  });
});

test("an editor uploads a PNG: stored with its SHA-256, audited, and served back to members", async () => {
  const png = pngImage(40, 20);
  const result = await upload(png, staffed.people.EDITOR.id);
  expect(result.status).toBe(201);
  const body = await json(result);
  expect(body).toMatchObject({ ok: true, width: 40, height: 20, mimeType: "image/png" });
  const assetId = String(body.assetId);
  expect(body.src).toBe(`/files/${assetId}`);

  const stored = await prisma.asset.findUniqueOrThrow({ where: { id: assetId }, select: { sha256: true, byteSize: true, data: true, createdById: true, fileName: true } });
  const sha256 = createHash("sha256").update(png).digest("hex");
  expect(stored).toMatchObject({ sha256, byteSize: png.byteLength, createdById: staffed.people.EDITOR.id, fileName: "figure.png" });
  expect(Buffer.from(stored.data).equals(Buffer.from(png))).toBe(true);
  const events = await prisma.auditEvent.findMany({ where: { projectId, type: "asset.uploaded" }, select: { payload: true, actorId: true } });
  expect(events).toContainEqual({ actorId: staffed.people.EDITOR.id, payload: { assetId, documentId, mimeType: "image/png", byteSize: png.byteLength } });
  expect(await verifyAuditChain({ projectId })).toMatchObject({ ok: true });

  // A member who may only read fetches it, with the sniffed type, nosniff and the hash as ETag.
  const memberCookie = await sessionCookieFor(staffed.people.MEMBER.id);
  const served = await fileLoader({ request: getRequest(`/files/${assetId}`, memberCookie), params: { assetId }, context: { cspNonce: "test" } });
  expect(served).toBeInstanceOf(Response);
  const response = served as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("image/png");
  expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(response.headers.get("ETag")).toBe(`"${sha256}"`);
  expect(response.headers.get("Cache-Control")).toMatch(/^private/);
  expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(png))).toBe(true);

  // The browser's revalidation gets 304 without the bytes.
  const revalidated = (await fileLoader({
    request: new Request(`http://test.local/files/${assetId}`, { headers: { Cookie: memberCookie, "If-None-Match": `"${sha256}"` } }),
    params: { assetId },
    context: { cspNonce: "test" },
  })) as Response;
  expect(revalidated.status).toBe(304);
});

test("someone outside the committee cannot fetch a figure: 404, as if it did not exist", async () => {
  const result = await upload(pngImage(8, 8), staffed.people.EDITOR.id);
  const assetId = String((await json(result)).assetId);
  const outsider = await call(fileLoader, getRequest(`/files/${assetId}`, await sessionCookieFor(staffed.people.outsider.id)), { assetId });
  expect(outsider.status).toBe(404);
  const unknown = await call(fileLoader, getRequest(`/files/nope`, await sessionCookieFor(staffed.people.EDITOR.id)), { assetId: "nope" });
  expect(unknown.status).toBe(404);
  // Not signed in: sent to sign in, never the bytes.
  const anonymous = await call(fileLoader, getRequest(`/files/${assetId}`), { assetId });
  expect(anonymous.status).toBe(302);
});

test("a member who may not edit the text is refused with 403 and nothing is stored", async () => {
  const before = await assetCount();
  const result = await upload(pngImage(8, 8), staffed.people.MEMBER.id);
  expect(result.status).toBe(403);
  expect(await json(result)).toMatchObject({ ok: false, code: "forbidden" });
  expect(await assetCount()).toBe(before);
});

test("an outsider uploading gets 404", async () => {
  const result = await upload(pngImage(8, 8), staffed.people.outsider.id);
  expect(result.status).toBe(404);
});

test("a file over 5 MB is refused with 413 and a message naming the limit, with or without a declared length", async () => {
  const before = await assetCount();
  const big = new Uint8Array(FIGURE_MAX_BYTES + 1);
  big.set(pngImage(8, 8));
  const cookie = await sessionCookieFor(staffed.people.EDITOR.id);

  const streamed = await call(uploadAction, uploadRequest(big, cookie), { documentId });
  expect(streamed.status).toBe(413);
  const body = await json(streamed);
  expect(body).toMatchObject({ ok: false, code: "tooLarge" });
  // The editor's language is the default, Chinese; the limit is named.
  expect(String(body.message)).toContain("5 MB");

  const declared = await call(uploadAction, uploadRequest(pngImage(8, 8), cookie, "a.png", "image/png", { "Content-Length": String(50 * 1024 * 1024) }), { documentId });
  expect(declared.status).toBe(413);
  expect(await assetCount()).toBe(before);
});

test("SVG and HTML named .png and sent as image/png are refused with 415", async () => {
  const before = await assetCount();
  for (const bytes of [SVG_WITH_SCRIPT, HTML_PAGE]) {
    const result = await upload(bytes, staffed.people.EDITOR.id, "innocent.png", "image/png");
    expect(result.status).toBe(415);
    expect(await json(result)).toMatchObject({ ok: false, code: "unsupportedType" });
  }
  expect(await assetCount()).toBe(before);
});

test("a request without a file is a 400 with a clear code", async () => {
  const cookie = await sessionCookieFor(staffed.people.EDITOR.id);
  const form = new FormData();
  form.set("other", "x");
  const result = await call(uploadAction, new Request(`http://test.local/documents/${documentId}/figures`, { method: "POST", body: form, headers: { Cookie: cookie } }), { documentId });
  expect(result.status).toBe(400);
  expect(await json(result)).toMatchObject({ ok: false, code: "empty" });
});

test("once the text is locked (a released standard), even an editor is refused", async () => {
  const locked = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id });
  await prisma.project.update({ where: { id: locked.id }, data: { status: "RELEASED" }, select: { id: true } });
  const lockedDocumentId = locked.documents[0].id;
  const form = new FormData();
  form.set("file", new File([pngImage(8, 8)], "a.png", { type: "image/png" }));
  const request = new Request(`http://test.local/documents/${lockedDocumentId}/figures`, {
    method: "POST",
    body: form,
    headers: { Cookie: await sessionCookieFor(staffed.people.EDITOR.id) },
  });
  const result = await call(uploadAction, request, { documentId: lockedDocumentId });
  expect(result.status).toBe(403);
  expect(await prisma.asset.count({ where: { documentId: lockedDocumentId } })).toBe(0);
});
