// The live documents as the app sees them. The collaboration server (server/collab) owns them and
// registers this service at start; app code (versions, restores, imports) goes through it, so every
// server-side read sees every accepted edit and every server-side edit reaches connected clients.
// Kept on globalThis because the Remix build and the custom server are separate module graphs.
import type * as Y from "yjs";
import { AppError } from "~/utils/errors";

export interface LiveDocuments {
  /** The document's full state (a Yjs update) including every accepted edit, or null if unknown. */
  readState(documentId: string): Promise<Uint8Array | null>;
  /** Edits through the live document, so connected clients see it; resolves once stored. */
  applyServerEdit(documentId: string, edit: (doc: Y.Doc) => void, options: { userId: string | null }): Promise<void>;
  /** Tells every open editor of the document, in every process, that its comments changed. */
  commentsChanged?(documentId: string): void;
}

type Global = typeof globalThis & { __studioLiveDocuments?: LiveDocuments };

export function registerLiveDocuments(service: LiveDocuments | undefined): void {
  (globalThis as Global).__studioLiveDocuments = service;
}

export function liveDocuments(): LiveDocuments {
  const service = (globalThis as Global).__studioLiveDocuments;
  if (!service) throw new AppError("CONFLICT", "errors.liveUnavailable", "no collaboration server runs in this process");
  return service;
}
