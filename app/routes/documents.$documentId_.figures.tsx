// Upload of a figure image (multipart, field "file") for a document, by someone who may change its
// text now. Answers JSON: 201 { assetId, src, width, height, mimeType } or an error
// { code, message } with 403, 404, 400, 413 (too large) or 415 (not a PNG, JPEG, GIF or WebP),
// `message` in the user's language. The body is read with a cap, so an oversized upload is refused
// without ever being held in memory whole.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/access.server";
import { readImageHeader } from "~/models/asset-image.server";
import { storeFigure } from "~/models/asset.server";
import { findDocumentProjectId } from "~/models/document.server";
import { editingFacts } from "~/models/editing-lock.server";
import { canEditText } from "~/policies/editing";
import { FIGURE_MAX_BYTES, figureLimitText, type FigureErrorCode, type FigureUploadResult } from "~/utils/figure-limits";
import { resolveLocale } from "~/utils/locale.server";
import { serverT } from "~/utils/server-i18n.server";
import { requireUser } from "~/utils/session.server";

/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

class TooLarge extends Error {}

/** The request body, or TooLarge as soon as it passes `limit` bytes. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = serverT(locale);
  const fail = (status: number, code: FigureErrorCode) =>
    Response.json({ ok: false, code, message: t(`history.figures.errors.${code}`, { limit: figureLimitText() }) } satisfies FigureUploadResult, {
      status,
    });

  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  const documentId = params.documentId ?? "";
  const projectId = await findDocumentProjectId(documentId);
  if (!projectId) return fail(404, "notFound");
  // Outsiders get 404 from the guard, as everywhere; readers are refused below.
  const access = await requireProjectAccess(request, projectId, "readDocument");
  const facts = await editingFacts(projectId);
  if (!facts) return fail(404, "notFound");
  if (!canEditText(access.standing, facts)) return fail(403, "forbidden");

  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readCapped(request, FIGURE_MAX_BYTES + MULTIPART_OVERHEAD);
  } catch (error) {
    if (error instanceof TooLarge) return fail(413, "tooLarge");
    throw error;
  }
  let file: FormDataEntryValue | null;
  try {
    const form = await new Request(request.url, { method: "POST", headers: request.headers, body }).formData();
    file = form.get("file");
  } catch {
    return fail(400, "empty");
  }
  if (!(file instanceof File) || file.size === 0) return fail(400, "empty");
  if (file.size > FIGURE_MAX_BYTES) return fail(413, "tooLarge");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const header = readImageHeader(bytes);
  if (!header) return fail(415, "unsupportedType");

  const asset = await storeFigure({
    documentId,
    projectId,
    committeeId: access.committeeId,
    actorId: user.id,
    bytes,
    header,
    fileName: file.name,
  });
  return Response.json(
    {
      ok: true,
      assetId: asset.id,
      src: `/files/${asset.id}`,
      width: asset.width,
      height: asset.height,
      mimeType: asset.mimeType,
    } satisfies FigureUploadResult,
    { status: 201 },
  );
}
