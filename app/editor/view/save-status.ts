/*
 * What the save indicator may claim. DOM-free, so the rule is tested apart from sockets and React.
 *
 * "Saved" is a promise that closing the tab loses nothing: the server has durably stored every change
 * this browser holds. The server says what it has stored in message 100 (collab-protocol.ts):
 * - a Yjs state vector: our Y.Doc's own state vector says what we hold (including changes from
 *   earlier sessions restored from IndexedDB, under other client ids, and others' changes the server
 *   relayed before storing them); every clock we hold must be stored;
 * - how many of the document messages this socket sent are stored: a deletion adds no clock, so the
 *   state vector alone cannot show that a deletion is stored.
 * A socket that closes before all it sent was confirmed leaves that unknown until a later socket's
 * sync step 2, which carries everything the server lacks (every deletion included), is confirmed.
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

/** Counts the document messages of the current socket and the server's confirmations of them. */
export class AcknowledgementTracker {
  private sent = 0;
  private acknowledged = 0;
  /** The number of this socket's first sync step 2, once sent. */
  private syncStep2At: number | null = null;
  /** An earlier socket closed with messages the server never confirmed. */
  private unconfirmed = false;

  /** A new socket: its messages are counted from 1, as the server counts them. */
  socketOpened(): void {
    this.settleSocket();
    this.sent = 0;
    this.acknowledged = 0;
    this.syncStep2At = null;
  }

  socketClosed(): void {
    this.settleSocket();
    this.sent = 0;
    this.acknowledged = 0;
    this.syncStep2At = null;
  }

  messageSent(kind: "syncStep2" | "update"): void {
    this.sent++;
    if (kind === "syncStep2" && this.syncStep2At === null) this.syncStep2At = this.sent;
  }

  /** Message 100's count: the server has stored this socket's messages up to this one. */
  storedThrough(count: number): void {
    this.acknowledged = Math.max(this.acknowledged, count);
    if (this.syncStep2At !== null && this.acknowledged >= this.syncStep2At) this.unconfirmed = false;
  }

  /** Whether every document message this browser sent is known to be stored. */
  get allConfirmed(): boolean {
    return !this.unconfirmed && this.acknowledged >= this.sent;
  }

  private settleSocket(): void {
    if (this.acknowledged < this.sent) this.unconfirmed = true;
  }
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
  /** The last stored state vector the server sent; null before any. */
  stored: StateVector | null;
  local: StateVector;
  /** Every document message sent is known to be stored (AcknowledgementTracker.allConfirmed). */
  messagesConfirmed: boolean;
}

function everythingStored({ stored, local, messagesConfirmed }: SaveInputs): boolean {
  return stored !== null && messagesConfirmed && coversStateVector(stored, local);
}

export function saveStatus(inputs: SaveInputs): SaveStatus {
  if (!inputs.editable) return "readOnly";
  if (!inputs.connected) return "offline";
  return everythingStored(inputs) ? "saved" : "saving";
}

/**
 * Whether the server may lack a change this browser holds, whatever the connection: the beforeunload
 * warning shows while it may. Before the server's first acknowledgement nothing is known to be stored.
 */
export function hasUnsavedChanges(inputs: SaveInputs): boolean {
  return inputs.editable && !everythingStored(inputs);
}
