// Serves an uploaded file (a figure image) to those who may read its document's project; everybody
// else, outsiders and committee members without that right alike, gets 404, so ids cannot be probed.
// Not under /assets, which is Vite's immutable static path. The type is the one sniffed at upload,
// with nosniff, and the file may never run as a page of ours (CSP sandbox). Caching is private,
// validated by the content's SHA-256.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/models/access.server";
import { findAssetProjectId, getAssetForServing } from "~/models/asset.server";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const assetId = params.assetId ?? "";
  const projectId = await findAssetProjectId(assetId);
  if (!projectId) throw notFound();
  try {
    await requireProjectAccess(request, projectId, "readDocument");
  } catch (thrown) {
    // A redirect to the sign-in page passes; a refusal of any kind reads as "not found".
    if (thrown instanceof Response && (thrown.status === 403 || thrown.status === 404)) throw notFound();
    throw thrown;
  }
  const asset = await getAssetForServing(assetId);
  if (!asset) throw notFound();
  const etag = `"${asset.sha256}"`;
  const headers = new Headers({
    "Content-Type": asset.mimeType,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, max-age=3600, must-revalidate",
    ETag: etag,
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(asset.fileName || asset.id)}`,
  });
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(asset.byteSize));
  return new Response(Buffer.from(asset.data), { status: 200, headers });
}
