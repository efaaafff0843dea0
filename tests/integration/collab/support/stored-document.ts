// Reads what PostgreSQL holds for a document, the way the server loads it.
import * as Y from "yjs";
import { DocumentStore } from "../../../../server/collab";

export async function loadStoredDoc(documentId: string): Promise<Y.Doc> {
  const loaded = await new DocumentStore().load(documentId);
  if (!loaded) throw new Error(`document ${documentId} is not stored`);
  const doc = new Y.Doc();
  for (const update of loaded.updates) Y.applyUpdate(doc, update);
  return doc;
}
