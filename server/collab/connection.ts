// One client's socket on one document: who it is, what it may do, and the bookkeeping the room keeps
// for it (awareness client ids it speaks for, which of its messages are stored).
import { WebSocket, type RawData } from "ws";
import type { Access, CollabUser } from "./types";

export type ConnectionInit = {
  socket: WebSocket;
  user: CollabUser;
  documentId: string;
  committeeId: string;
  access: Access;
  onMessage: (connection: Connection, data: Uint8Array, isBinary: boolean) => void;
  onClose: (connection: Connection) => void;
};

let nextConnectionId = 1;

export class Connection {
  readonly id = nextConnectionId++;
  readonly user: CollabUser;
  readonly documentId: string;
  readonly committeeId: string;
  access: Access;
  /** Awareness client ids this connection introduced; only it may change or remove them. */
  readonly awarenessClients = new Set<number>();
  /** Document messages (sync step 2, updates) received, counted from 1 like the client counts them. */
  documentMessages = 0;
  /** The last document message whose changes, and those of every accepted message before it, are stored. */
  storedThrough = 0;
  /** Accepted messages not yet stored: message number and the batcher sequence that must be stored. */
  readonly unstored: Array<{ messageNo: number; seq: number }> = [];
  /** When this connection was last told what is stored (message 100), and which of the room's versions. */
  lastAckAt = 0;
  ackedVersion = -1;
  /** Bumped per access re-evaluation, so a slow, older evaluation cannot override a newer one. */
  accessGeneration = 0;
  private alive = true;
  private readonly socket: WebSocket;

  constructor(init: ConnectionInit) {
    this.socket = init.socket;
    this.user = init.user;
    this.documentId = init.documentId;
    this.committeeId = init.committeeId;
    this.access = init.access;
    this.socket.on("message", (data: RawData, isBinary: boolean) => init.onMessage(this, toBytes(data), isBinary));
    this.socket.on("close", () => init.onClose(this));
    this.socket.on("pong", () => {
      this.alive = true;
    });
  }

  /**
   * Moves storedThrough past the messages whose updates are stored now that the batcher has stored
   * through `storedSeq`; true when it moved (some of this connection's own work was stored).
   */
  markStored(storedSeq: number): boolean {
    const before = this.storedThrough;
    while (this.unstored.length > 0 && this.unstored[0].seq <= storedSeq) {
      const stored = this.unstored.shift();
      if (stored) this.storedThrough = stored.messageNo;
    }
    return this.storedThrough !== before;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  /** Drops the socket without the closing handshake (shutdown, for peers that did not answer the close). */
  terminate(): void {
    this.socket.terminate();
  }

  /**
   * Called on the server's heartbeat: a peer that did not answer the previous ping is gone (a laptop
   * lid closed, a network dropped) and is terminated, so it does not pin its document in memory.
   */
  heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
