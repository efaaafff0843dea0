// One loaded document and the connections editing it: the Y.Doc every change goes through, the
// awareness (presence) of its clients, and the fan-out to other processes.
//
// Broadcasting: in a room of fewer than 100 connections each accepted change is sent at once, as the
// reference server does: its clients keep up, and deferring to the end of the event-loop turn held
// every change behind all the other messages the same poll had read (the p95 of the many-documents
// benchmark doubled). In a big room (100 connections or more) changes are merged over a window that
// widens with the number of connections (50 µs per connection: 10 ms at 200), which caps the messages
// every client must apply per second; without that, 200 typists send each client hundreds of
// messages a second and the clients, not the server, become the bottleneck.
// Awareness is coalesced over a longer interval that grows the same way: presence is
// latest-state-wins, and sending it less often keeps it from crowding out edits.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { messageType } from "~/editor/collab-protocol";
import type { AckScheduler } from "./ack-scheduler";
import type { BackgroundSends } from "./background-sends";
import { Connection } from "./connection";
import { structEnds, touchedElementIds } from "./edit-sessions";
import type { FanOut, FanOutMessage } from "./fan-out";
import { presenceFor, sanitizeAwarenessUpdate } from "./identity";
import { mergeAll } from "./merge-updates";
import { receiveMessage, type MessageTarget } from "./message-receiver";
import { accessMessage, awarenessMessage, withVarUint } from "./messages";
import type { Access, CollabLimits } from "./types";
import type { UpdateBatcher } from "./update-batcher";

/** How much the merge window of broadcasts grows per connection of the room (see the top). */
const BROADCAST_WINDOW_PER_CONNECTION_MS = 0.05;
const MAX_BROADCAST_WINDOW_MS = 20;
/** Below this many connections clients keep up with per-turn merging, and a window only adds delay. */
const BROADCAST_WINDOW_MIN_CONNECTIONS = 100;
/** The shortest time between two acknowledgements (message 100) of one room. */
const PERSISTED_INTERVAL_MS = 200;
/** The longest a connection waits to hear that the others' edits it received are stored. */
const PASSIVE_ACK_INTERVAL_MS = 1_000;

/** Transaction origin of changes that arrived from another process: shown here, stored there. */
export class FanOutOrigin {}

/** Transaction origin of a change made by the server itself (restore, import, template). */
export class ServerEditOrigin {
  constructor(readonly userId: string | null) {}
}

export type RoomOptions = {
  documentId: string;
  /** Names this server on the fan-out, which then does not hand it back its own messages. */
  serverId: string;
  batcher: UpdateBatcher;
  /** When acknowledgement passes run (one timer for every room). */
  acks: AckScheduler;
  /** Where acknowledgements wait for their turn (they are many, and no edit should wait for them). */
  backgroundSends: BackgroundSends;
  fanOut: FanOut;
  limits: CollabLimits;
  awarenessIntervalMs: number;
  /** Told when the last connection or hold goes away. */
  onIdle: (room: Room) => void;
};

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export class Room implements MessageTarget {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Set<Connection>();
  /** Who may speak for each awareness client id: a local connection, or another process. */
  private readonly awarenessOwners = new Map<number, Connection | FanOutOrigin>();
  private readonly fanOutOrigin = new FanOutOrigin();
  private storedStateVector: Map<number, number>;
  /** storedStateVector encoded, until it changes (every acknowledgement carries it). */
  private encodedStoredStateVector: Uint8Array | null = null;
  /** The part of message 100 before storedThrough, until storedStateVector changes. */
  private persistedPrefix: Uint8Array | null = null;
  /**
   * Updates this process queued for storing and not yet stored: the batcher's sequence number and
   * where the update's structs end, as client, clock pairs (from the transaction, which already
   * knows them: decoding each stored row again to find them was a large share of what the
   * server allocated). Updates that add no structs (deletions) have no entry.
   */
  private readonly unstoredEnds: Array<{ seq: number; ends: number[] }> = [];
  /** Counts advances of storedStateVector, so a connection already told of the latest is skipped. */
  private storedVersion = 0;
  /** This process stored more since the other processes were last told (they hear it with a pass). */
  private storedUnpublished = false;
  private holds = 0;
  private destroyed = false;

  private pendingUpdates: Uint8Array[] = [];
  private pendingLocalUpdates: Uint8Array[] = [];
  private readonly pendingUpdateOrigins = new Set<Connection | null>();
  private broadcastTimer: NodeJS.Timeout | null = null;

  private readonly pendingAwareness = new Set<number>();
  private readonly pendingLocalAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private lastPersistedSent = 0;
  private lastAwarenessFlush = 0;

  private readonly unsubscribeFanOut: () => void;
  /** Rows stored since the last compaction, for the compaction policy. */
  rowsSinceCompaction = 0;
  lastCompactionAt = Date.now();
  compacting = false;

  /** `doc` holds exactly what is stored (see DocumentStore.load and foldUpdates). */
  constructor(
    doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.documentId = options.documentId;
    // Listeners are attached only now: loading is not a change to store or broadcast.
    this.doc = doc;
    this.storedStateVector = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server is not a participant
    this.doc.on("update", this.onDocumentUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.unsubscribeFanOut = options.fanOut.subscribe(this.documentId, options.serverId, this.onFanOut);
  }

  get isIdle(): boolean {
    return this.connections.size === 0 && this.holds === 0;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Keeps the room loaded while something other than a connection uses it (an upgrade, a server edit). */
  hold(): void {
    this.holds += 1;
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.isIdle) this.options.onIdle(this);
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection);
    // The server opens the sync: its step 1 makes the client send what the server lacks (edits made
    // offline), while the client's own step 1 is answered in receiveMessage.
    const syncStep1 = encoding.createEncoder();
    encoding.writeVarUint(syncStep1, messageType.sync);
    syncProtocol.writeSyncStep1(syncStep1, this.doc);
    connection.send(encoding.toUint8Array(syncStep1));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) {
      connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
    }
    connection.send(accessMessage(connection.access));
    connection.send(this.persistedMessage(0));
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.pendingUpdateOrigins.delete(connection);
    const owned = [...connection.awarenessClients];
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection);
    if (this.isIdle) this.options.onIdle(this);
  }

  receive(connection: Connection, data: Uint8Array): void {
    receiveMessage(this, connection, data);
  }

  applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const messageNo = ++connection.documentMessages;
    // Read-only: dropped here, on the server, so it is never applied, broadcast or stored.
    if (connection.access !== "edit") return;
    Y.applyUpdate(this.doc, update, connection);
    const seq = this.options.batcher.lastSeq(this.documentId);
    if (seq <= this.options.batcher.storedSeq(this.documentId) && connection.unstored.length === 0) {
      // Nothing new (typically the answer to the server's sync step 1 when the client has no
      // offline edits): already stored, and said so now, since no commit will come to say it.
      connection.storedThrough = messageNo;
      connection.send(this.persistedMessage(messageNo));
    } else {
      connection.unstored.push({ messageNo, seq });
    }
  }

  applyClientAwareness(connection: Connection, update: Uint8Array): void {
    const sanitized = sanitizeAwarenessUpdate(update, {
      presence: presenceFor(connection.user),
      maxStateBytes: this.options.limits.maxAwarenessStateBytes,
      mayUpdate: (clientId) => {
        const owner = this.awarenessOwners.get(clientId);
        if (owner !== undefined) return owner === connection;
        return connection.awarenessClients.size < this.options.limits.maxAwarenessClientsPerConnection;
      },
    });
    if (!sanitized) return;
    for (const entry of sanitized.entries) {
      if (entry.state !== "null" && !this.awarenessOwners.has(entry.clientId)) {
        this.awarenessOwners.set(entry.clientId, connection);
        connection.awarenessClients.add(entry.clientId);
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, sanitized.update, connection);
  }

  /** A change made by the server, through the live document, so every client sees it. */
  applyServerEdit(edit: (doc: Y.Doc) => void, userId: string | null): void {
    this.doc.transact(() => edit(this.doc), new ServerEditOrigin(userId));
  }

  /** After a commit: what is stored now, told to every connection. */
  acknowledgeStored(rowCount: number): void {
    this.rowsSinceCompaction += rowCount;
    // This process stores every update it integrated, in order, so everything up to the ends of the
    // updates stored so far is stored.
    const storedSeq = this.options.batcher.storedSeq(this.documentId);
    let done = 0;
    for (; done < this.unstoredEnds.length && this.unstoredEnds[done].seq <= storedSeq; done++) {
      const { ends } = this.unstoredEnds[done];
      for (let i = 0; i < ends.length; i += 2) {
        if ((this.storedStateVector.get(ends[i]) ?? 0) < ends[i + 1]) this.storedStateVector.set(ends[i], ends[i + 1]);
      }
    }
    this.unstoredEnds.splice(0, done);
    // Also when no clock moved: a deletion adds none, and its sender still waits to hear it is stored.
    this.storedAdvanced();
    this.storedUnpublished = true;
    this.schedulePersisted();
  }

  private storedAdvanced(): void {
    this.storedVersion += 1;
    this.encodedStoredStateVector = null;
    this.persistedPrefix = null;
  }

  /**
   * Acknowledgements go out after the commit, at most every PERSISTED_INTERVAL_MS per room; a saved
   * indicator needs no finer grain than a fifth of a second. A browser's "saved" also covers the
   * others' edits it holds, so every editing connection needs to hear of those too, but they are not
   * its own work: a connection whose own messages were not stored since its last acknowledgement
   * hears at most every PASSIVE_ACK_INTERVAL_MS. Read-only connections have nothing to save and are
   * not told. In a room where everyone types, that halves the acknowledgements, which were more than
   * half of all the messages the server sent. The other processes hear what this one stored with
   * the same pass (they too tell their connections no more often).
   */
  private schedulePersisted(): void {
    if (this.destroyed) return;
    const now = Date.now();
    const due = this.lastPersistedSent + PERSISTED_INTERVAL_MS;
    if (due <= now) this.sendPersisted(now);
    else this.options.acks.request(this, due);
  }

  /** One acknowledgement pass (called by the AckScheduler, or at once when none ran for a while). */
  sendPersisted(now: number): void {
    if (this.destroyed) return;
    this.lastPersistedSent = now;
    this.publishStored();
    const storedSeq = this.options.batcher.storedSeq(this.documentId);
    let nextPassiveDue = Infinity;
    for (const connection of this.connections) {
      if (connection.access !== "edit" || connection.ackedVersion === this.storedVersion) continue;
      const ownStored = connection.markStored(storedSeq);
      if (!ownStored && now - connection.lastAckAt < PASSIVE_ACK_INTERVAL_MS) {
        nextPassiveDue = Math.min(nextPassiveDue, connection.lastAckAt + PASSIVE_ACK_INTERVAL_MS);
        continue;
      }
      connection.lastAckAt = now;
      connection.ackedVersion = this.storedVersion;
      const message = this.persistedMessage(connection.storedThrough);
      this.options.backgroundSends.enqueue(() => connection.send(message));
    }
    if (nextPassiveDue !== Infinity) this.options.acks.request(this, nextPassiveDue);
  }

  private publishStored(): void {
    if (!this.storedUnpublished) return;
    this.storedUnpublished = false;
    if (!this.reachesOtherProcesses()) return;
    this.options.fanOut.publish(this.documentId, { kind: "stored", stateVector: this.storedStateVectorBytes() }, this.options.serverId);
  }

  private reachesOtherProcesses(): boolean {
    return this.options.fanOut.reachesOthers(this.documentId, this.options.serverId);
  }

  /**
   * Encoded as Y.encodeStateVector does but in the map's order: Yjs sorts the entries only to make
   * the bytes canonical, which no reader needs, and the sort's copies were most of what encoding
   * allocated (this runs after every commit of every room).
   */
  private storedStateVectorBytes(): Uint8Array {
    if (this.encodedStoredStateVector === null) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, this.storedStateVector.size);
      this.storedStateVector.forEach((clock, client) => {
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, clock);
      });
      this.encodedStoredStateVector = encoding.toUint8Array(encoder);
    }
    return this.encodedStoredStateVector;
  }

  setAccess(connection: Connection, access: Access): void {
    if (connection.access === access) return;
    connection.access = access;
    connection.send(accessMessage(access));
    if (access === "edit") {
      // Updates dropped while read-only are still in the client's Y.Doc, and every later edit of it
      // builds on them, so they could never integrate here. A fresh sync step 1 makes the client send
      // what the server lacks; with edit rights it is now accepted. (A browser in read-only mode does
      // not let anyone type: this concerns keystrokes in flight when the rights were taken away.)
      const syncStep1 = encoding.createEncoder();
      encoding.writeVarUint(syncStep1, messageType.sync);
      syncProtocol.writeSyncStep1(syncStep1, this.doc);
      connection.send(encoding.toUint8Array(syncStep1));
    }
  }

  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }

  /** Sends what is pending now; used before the room is unloaded. */
  flushBroadcasts(): void {
    this.flushUpdates();
    this.flushAwareness();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.flushBroadcasts();
    this.publishStored();
    this.destroyed = true;
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.options.acks.cancel(this);
    this.unsubscribeFanOut();
    this.doc.off("update", this.onDocumentUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Message 100: what is stored (shared by every connection until it changes), then storedThrough. */
  private persistedMessage(storedThrough: number): Uint8Array {
    if (this.persistedPrefix === null) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageType.persisted);
      encoding.writeVarUint8Array(encoder, this.storedStateVectorBytes());
      this.persistedPrefix = encoding.toUint8Array(encoder);
    }
    return withVarUint(this.persistedPrefix, storedThrough);
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin instanceof FanOutOrigin) {
      // Stored by the process whose client made it; here it is only shown.
      this.queueBroadcast(update, null, false);
      return;
    }
    // Relayed first: the others are waiting for it, while storing it waits for the batch window
    // anyway. Queued for storing whatever relaying does: the change is in the document now.
    try {
      this.queueBroadcast(update, origin instanceof Connection ? origin : null, true);
    } finally {
      const userId =
        origin instanceof Connection ? origin.user.id : origin instanceof ServerEditOrigin ? origin.userId : null;
      const ends = structEnds(transaction);
      // What the edit touched, for the history's edit sessions (only people's edits are recorded).
      const seq = this.options.batcher.enqueue(this.documentId, userId, update, userId === null ? [] : touchedElementIds(transaction, ends));
      if (ends.length > 0) this.unstoredEnds.push({ seq, ends });
    }
  };

  private queueBroadcast(update: Uint8Array, origin: Connection | null, local: boolean): void {
    if (this.connections.size < BROADCAST_WINDOW_MIN_CONNECTIONS && this.pendingUpdates.length === 0) {
      // A small room sends each change as it comes: its clients keep up, and waiting for the end of
      // the turn would hold it behind every other message the same poll read.
      this.sendUpdate(update, origin, local ? update : null);
      return;
    }
    this.pendingUpdates.push(update);
    if (local) this.pendingLocalUpdates.push(update);
    this.pendingUpdateOrigins.add(origin);
    if (this.broadcastTimer) return;
    // Only rooms of BROADCAST_WINDOW_MIN_CONNECTIONS or more get here: a window of 5 ms or more.
    const windowMs = Math.min(this.connections.size * BROADCAST_WINDOW_PER_CONNECTION_MS, MAX_BROADCAST_WINDOW_MS);
    this.broadcastTimer = setTimeout(() => {
      this.broadcastTimer = null;
      this.flushUpdates();
    }, windowMs);
  }

  private flushUpdates(): void {
    if (this.pendingUpdates.length === 0) return;
    const update = mergeAll(this.pendingUpdates);
    // A sender needs no echo of its own change, but only when it was the sole source of the batch.
    const [onlyOrigin] = this.pendingUpdateOrigins.size === 1 ? [...this.pendingUpdateOrigins] : [null];
    const local = this.pendingLocalUpdates;
    const allLocal = local.length === this.pendingUpdates.length;
    this.pendingUpdates = [];
    this.pendingLocalUpdates = [];
    this.pendingUpdateOrigins.clear();
    this.sendUpdate(update, onlyOrigin, local.length === 0 ? null : allLocal ? update : mergeAll(local));
  }

  /** Sends a change to every connection but `skip`, and what this process accepted of it to the others. */
  private sendUpdate(update: Uint8Array, skip: Connection | null, localUpdate: Uint8Array | null): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.sync);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections) {
      if (connection !== skip) connection.send(message);
    }
    if (localUpdate && this.reachesOtherProcesses()) this.options.fanOut.publish(this.documentId, { kind: "update", update: localUpdate }, this.options.serverId);
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    for (const clientId of removed) {
      const owner = this.awarenessOwners.get(clientId);
      if (owner instanceof Connection) owner.awarenessClients.delete(clientId);
      this.awarenessOwners.delete(clientId);
    }
    const fromFanOut = origin instanceof FanOutOrigin;
    for (const clientId of [...added, ...updated, ...removed]) {
      this.pendingAwareness.add(clientId);
      if (!fromFanOut) this.pendingLocalAwareness.add(clientId);
    }
    if (this.awarenessTimer || this.destroyed) return;
    const interval = this.options.awarenessIntervalMs * (1 + this.connections.size / 100);
    const wait = Math.max(0, this.lastAwarenessFlush + interval - Date.now());
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      this.flushAwareness();
    }, wait);
  };

  private flushAwareness(): void {
    if (this.pendingAwareness.size === 0) return;
    this.lastAwarenessFlush = Date.now();
    const changed = [...this.pendingAwareness];
    const local = [...this.pendingLocalAwareness];
    this.pendingAwareness.clear();
    this.pendingLocalAwareness.clear();
    // Sent to every connection, the senders included: that echo is also what keeps an idle
    // provider's "no message for 30 s" watchdog from dropping a healthy connection.
    const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const connection of this.connections) connection.send(message);
    if (local.length > 0 && this.reachesOtherProcesses()) {
      this.options.fanOut.publish(
        this.documentId,
        { kind: "awareness", update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, local) },
        this.options.serverId,
      );
    }
  }

  /** Tells this room's connections, and through the fan-out every other process's, that comments changed. */
  announceCommentsChanged(): void {
    this.sendCommentsChanged();
    this.options.fanOut.publish(this.documentId, { kind: "comments" }, this.options.serverId);
  }

  private sendCommentsChanged(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.commentsChanged);
    const message = encoding.toUint8Array(encoder);
    for (const connection of this.connections) connection.send(message);
  }

  private readonly onFanOut = (message: FanOutMessage): void => {
    if (this.destroyed) return;
    if (message.kind === "update") {
      Y.applyUpdate(this.doc, message.update, this.fanOutOrigin);
      return;
    }
    if (message.kind === "stored") {
      let advanced = false;
      for (const [client, clock] of Y.decodeStateVector(message.stateVector)) {
        if ((this.storedStateVector.get(client) ?? 0) < clock) {
          this.storedStateVector.set(client, clock);
          advanced = true;
        }
      }
      if (advanced) {
        this.storedAdvanced();
        this.schedulePersisted();
      }
      return;
    }
    if (message.kind === "comments") {
      this.sendCommentsChanged();
      return;
    }
    // Remote clients' presence: already identity-checked by their server; marked as theirs so no
    // local connection can speak for them.
    const decoder = decoding.createDecoder(message.update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (state !== "null" && !this.awarenessOwners.has(clientId)) this.awarenessOwners.set(clientId, this.fanOutOrigin);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, this.fanOutOrigin);
  };
}
