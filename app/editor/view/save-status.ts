/*
 * What the save indicator may claim. DOM-free, so the rule is tested apart from sockets and React.
 *
 * "Saved" is a promise that closing the tab loses nothing: the server has durably stored every change
 * this browser holds. The server tells us what it has stored as a Yjs state vector (message 100 in
 * collab-protocol.ts); our Y.Doc's own state vector says what we hold, including changes from earlier
 * sessions restored from IndexedDB (other client ids) and other people's changes the server relayed
 * to us before storing them. We are saved when, for every client id we hold, the stored clock is at
 * least ours.
 */

/** A Yjs state vector: client id → number of operations held from that client. */
export type StateVector = ReadonlyMap<number, number>;

/** Whether `stored` holds everything `local` holds. */
export function coversStateVector(stored: StateVector, local: StateVector): boolean {
  for (const [client, clock] of local) {
    if ((stored.get(client) ?? 0) < clock) return false;
  }
  return true;
}

export type SaveStatus =
  /** The server has stored everything this browser holds. */
  | "saved"
  /** Connected, some changes not yet acknowledged as stored. */
  | "saving"
  /** Not connected: changes stay in this browser (IndexedDB) until the connection returns. */
  | "offline"
  /** This person may not edit, so there is nothing of theirs to save. */
  | "readOnly";

export interface SaveInputs {
  editable: boolean;
  connected: boolean;
  /** The last stored state vector the server sent on this or an earlier connection; null before any. */
  stored: StateVector | null;
  local: StateVector;
}

export function saveStatus({ editable, connected, stored, local }: SaveInputs): SaveStatus {
  if (!editable) return "readOnly";
  if (!connected) return "offline";
  return stored !== null && coversStateVector(stored, local) ? "saved" : "saving";
}

/**
 * Whether the server may lack a change this browser holds, whatever the connection: the beforeunload
 * warning shows while it may. Before the server's first acknowledgement nothing is known to be stored.
 */
export function hasUnsavedChanges({ editable, stored, local }: SaveInputs): boolean {
  return editable && (stored === null || !coversStateVector(stored, local));
}
