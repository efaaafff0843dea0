import * as Y from "yjs";

/** Several Yjs updates as one; a single update as it is (merging would only copy it). */
export function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}
