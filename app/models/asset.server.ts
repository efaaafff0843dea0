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
