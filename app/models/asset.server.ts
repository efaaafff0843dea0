// Uploaded figure images, stored in PostgreSQL with the text they belong to (one backup holds both),
// addressed by id and served by /files/<id> to those who may read the document's project.
import { createHash } from "node:crypto";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import type { ImageHeader } from "./asset-image.server";

export type StoreFigureOptions = {
  documentId: string;
  projectId: string;
  committeeId: string;
  actorId: string;
  bytes: Uint8Array<ArrayBuffer>;
  header: ImageHeader;
  fileName: string;
};

export type StoredFigure = { id: string; mimeType: string; width: number | null; height: number | null; sha256: string };

/** Stores an image that readImageHeader accepted, with its audit event, in one transaction. */
export async function storeFigure(options: StoreFigureOptions): Promise<StoredFigure> {
  const sha256 = createHash("sha256").update(options.bytes).digest("hex");
  return prisma.$transaction(async (tx) => {
    const asset = await tx.asset.create({
      data: {
        documentId: options.documentId,
        mimeType: options.header.mimeType,
        byteSize: options.bytes.byteLength,
        width: options.header.width,
        height: options.header.height,
        sha256,
        data: options.bytes,
        // Kept for people (a download name); never used to decide the type.
        fileName: options.fileName.slice(0, 200),
        createdById: options.actorId,
      },
      select: { id: true, mimeType: true, width: true, height: true, sha256: true },
    });
    await recordAudit(tx, {
      type: "asset.uploaded",
      actorId: options.actorId,
      projectId: options.projectId,
      committeeId: options.committeeId,
      payload: { assetId: asset.id, documentId: options.documentId, mimeType: asset.mimeType, byteSize: options.bytes.byteLength },
    });
    return asset;
  });
}

/** Where an asset belongs, for the access check that must come before its bytes are read. */
export async function findAssetProjectId(assetId: string): Promise<string | null> {
  const asset = await prisma.asset.findUnique({ where: { id: assetId }, select: { document: { select: { projectId: true } } } });
  return asset?.document.projectId ?? null;
}

export async function getAssetForServing(assetId: string) {
  return prisma.asset.findUnique({
    where: { id: assetId },
    select: { id: true, mimeType: true, byteSize: true, sha256: true, data: true, fileName: true },
  });
}

/** Every figure image source ("/files/<id>") in a stored ProseMirror document. */
export function figureSources(content: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(content)) {
    for (const child of content) figureSources(child, found);
  } else if (typeof content === "object" && content !== null) {
    if ("type" in content && content.type === "figure" && "attrs" in content && typeof content.attrs === "object" && content.attrs !== null) {
      const src: unknown = "src" in content.attrs ? content.attrs.src : null;
      if (typeof src === "string" && src.startsWith("/files/")) found.add(src);
    }
    if ("content" in content) figureSources(content.content, found);
  }
  return found;
}

function wordImageType(mimeType: string): FigureImageData["type"] | null {
  if (mimeType === "image/png") return "png";
  if (mimeType === "image/jpeg") return "jpg";
  if (mimeType === "image/gif") return "gif";
  return null;
}

/**
 * The figure images of some texts of a project, by src, for embedding in a Word file: only the
 * project's own assets, and only types Word embeds (WebP figures stay placeholders).
 */
export async function loadFigureImages(projectId: string, contents: readonly unknown[]) {
  const sources = new Set<string>();
  for (const content of contents) figureSources(content, sources);
  const ids = [...sources].map((src) => src.slice("/files/".length));
  if (ids.length === 0) return new Map<string, FigureImageData>();
  const assets = await prisma.asset.findMany({
    where: { id: { in: ids }, document: { projectId } },
    select: { id: true, mimeType: true, data: true, width: true, height: true },
  });
  const images = new Map<string, FigureImageData>();
  for (const asset of assets) {
    const type = wordImageType(asset.mimeType);
    if (!type || !asset.width || !asset.height) continue;
    images.set(`/files/${asset.id}`, { type, data: asset.data, width: asset.width, height: asset.height });
  }
  return images;
}

export type FigureImageData = { type: "png" | "jpg" | "gif"; data: Uint8Array; width: number; height: number };
