// Offers the collaboration server's live documents to app code (versions, restores, imports) through
// the LiveDocuments bridge in app/utils/live-documents.server.ts.
import * as Y from "yjs";
import { registerLiveDocuments } from "~/utils/live-documents.server";
import type { CollabServer } from "./collab";
import { DocumentStore } from "./collab/document-store";

export function exposeLiveDocuments(server: CollabServer, store = new DocumentStore()): () => void {
  registerLiveDocuments({
    async readState(documentId) {
      // Everything accepted so far is stored first, so the read sees every acknowledged edit.
      await server.flush();
      const loaded = await store.load(documentId);
      return loaded ? Y.mergeUpdates(loaded.updates) : null;
    },
    applyServerEdit: (documentId, edit, options) => server.applyServerEdit(documentId, edit, options),
    commentsChanged: (documentId) => server.commentsChanged(documentId),
  });
  return () => registerLiveDocuments(undefined);
}
