// applyServerEdit for code that does not hold the CollabServer instance (later: restore, import,
// template actions). The running server registers itself on globalThis, because the Remix build and
// the custom server are separate module graphs and would otherwise each see their own copy of this
// module.
import type * as Y from "yjs";
import type { CollabServer, EditOptions } from "./collab-server";

declare global {
  // `var` is how a global is declared to TypeScript; only this module assigns it.
  var __studioCollabServer: CollabServer | undefined;
}

export function registerActiveServer(server: CollabServer): void {
  globalThis.__studioCollabServer = server;
}

export function unregisterActiveServer(server: CollabServer): void {
  if (globalThis.__studioCollabServer === server) globalThis.__studioCollabServer = undefined;
}

/**
 * Edits a document through the live collaboration server of this process, so connected clients see
 * the change; resolves once it is stored. Throws when no collaboration server runs in this process.
 */
export function applyServerEdit(documentId: string, edit: (doc: Y.Doc) => void, options: EditOptions): Promise<void> {
  const server = globalThis.__studioCollabServer;
  if (!server) return Promise.reject(new Error("no collaboration server runs in this process"));
  return server.applyServerEdit(documentId, edit, options);
}
