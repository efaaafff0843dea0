// The collaboration server: accepts WebSocket upgrades on /collab/<documentId>, authorizes them,
// and wires the parts together (rooms, message handling, persistence, limits, access changes,
// fan-out). Created once per process by server/index.ts; tests create their own on port 0.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type Server as WsServer } from "ws";
import type * as Y from "yjs";
import { closeCode, COLLAB_PATH, MAX_MESSAGE_BYTES } from "~/editor/collab-protocol";
import { log } from "../log";
import { AccessWatcher } from "./access-watch";
import { authenticateUpgrade, reevaluateAccess } from "./authentication";
import { AckScheduler } from "./ack-scheduler";
import { BackgroundSends } from "./background-sends";
import { Connection } from "./connection";
import { ConnectionLimits } from "./connection-limits";
import { DocumentStore, foldUpdates, type CompactionResult, type UpdateLog } from "./document-store";
import { DocumentNotFoundError, MalformedMessageError } from "./errors";
import { InProcessFanOut, type FanOut } from "./fan-out";
import { Room } from "./room";
import { RoomRegistry } from "./room-registry";
import { registerActiveServer, unregisterActiveServer } from "./server-edit";
import type { CollabLimits, CollabLogger } from "./types";
import { UpdateBatcher } from "./update-batcher";
import { CollabWebSocket } from "./websocket";

export type CollabServerOptions = {
  store?: DocumentStore;
  /** Where accepted updates are appended; the store by default (tests wrap it to inject failures). */
  updateLog?: UpdateLog;
  /** Shared with other servers to fan out between them; a private in-process one by default. */
  fanOut?: FanOut;
  logger?: CollabLogger;
  limits?: Partial<CollabLimits>;
  /** How long an accepted update may wait before its batch is stored. */
  batchWindowMs?: number;
  /** How long a document stays loaded after its last connection closed. */
  idleUnloadMs?: number;
  /** At most one awareness broadcast per document per this interval. */
  awarenessIntervalMs?: number;
  /** Compact while live once this many rows were stored since the last compaction… */
  compactAfterRows?: number;
  /** …but not more often than this. */
  compactMinIntervalMs?: number;
  heartbeatMs?: number;
  /** Page origins allowed besides the request's own host (APP_URL behind a proxy). */
  allowedOrigins?: string[];
  /** Follow access events (on by default). */
  watchAccess?: boolean;
  /** The clock of edit sessions (tests move it); Date.now by default. */
  now?: () => number;
  /** How long edit-session activity may wait in memory before it is written (edit-sessions.ts). */
  sessionWriteIntervalMs?: number;
};

export const defaultLimits: CollabLimits = {
  maxMessageBytes: MAX_MESSAGE_BYTES,
  maxConnectionsPerUser: 20,
  maxConnectionsPerDocument: 400,
  maxAwarenessClientsPerConnection: 4,
  maxAwarenessStateBytes: 16 * 1024,
};

export type EditOptions = { userId: string | null };

/**
 * RFC 6455 "internal error": a failure on our side (the database, a bug). Outside 4400–4499 on
 * purpose, so the provider reconnects and the next attempt is authorized and loaded afresh.
 */
const INTERNAL_ERROR = 1011;

export class CollabServer {
  readonly id = randomUUID();
  private readonly store: DocumentStore;
  private readonly fanOut: FanOut;
  private readonly ownsFanOut: boolean;
  private readonly logger: CollabLogger;
  private readonly limits: CollabLimits;
  private readonly connectionLimits: ConnectionLimits;
  private readonly batcher: UpdateBatcher;
  private readonly backgroundSends: BackgroundSends;
  private readonly acks = new AckScheduler();
  private readonly rooms: RoomRegistry;
  private readonly accessWatcher: AccessWatcher;
  private readonly wss: WsServer<typeof CollabWebSocket>;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly allowedOrigins: readonly string[];
  private closing: Promise<void> | null = null;

  constructor(private readonly options: CollabServerOptions = {}) {
    this.store = options.store ?? new DocumentStore();
    this.fanOut = options.fanOut ?? new InProcessFanOut();
    this.ownsFanOut = options.fanOut === undefined;
    this.logger = options.logger ?? log;
    this.limits = { ...defaultLimits, ...options.limits };
    this.allowedOrigins = options.allowedOrigins ?? [];
    this.connectionLimits = new ConnectionLimits(this.limits);
    this.wss = new WebSocketServer<typeof CollabWebSocket>({
      noServer: true,
      WebSocket: CollabWebSocket,
      maxPayload: this.limits.maxMessageBytes,
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.batcher = new UpdateBatcher({
      log: options.updateLog ?? this.store,
      logger: this.logger,
      windowMs: options.batchWindowMs ?? 50,
      onStored: (documentId, rowCount) => this.onStored(documentId, rowCount),
      onDocumentGone: (documentId) => this.rooms.get(documentId)?.closeAll(closeCode.notFound, "document deleted"),
      now: options.now,
      sessionWriteIntervalMs: options.sessionWriteIntervalMs,
    });
    this.backgroundSends = new BackgroundSends({
      onError: (error) => this.logger.error("collab: a background send failed", error),
    });
    this.rooms = new RoomRegistry({
      load: (documentId) => this.loadRoom(documentId),
      unload: (room) => this.unloadRoom(room),
      idleUnloadMs: options.idleUnloadMs ?? 30_000,
    });
    this.accessWatcher = new AccessWatcher({
      connections: () => this.connections,
      evaluate: reevaluateAccess,
      apply: (connection, access) => {
        const room = this.rooms.get(connection.documentId);
        if (access === null || !room) connection.close(closeCode.forbidden, "access revoked");
        else room.setAccess(connection, access);
      },
      fail: (connection) => connection.close(INTERNAL_ERROR, "could not check access"),
      logger: this.logger,
    });
    if (options.watchAccess ?? true) this.accessWatcher.start();
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
    }, options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    registerActiveServer(this);
  }

  /** Whether an upgrade request is for the collaboration server. */
  static handles(request: IncomingMessage): boolean {
    return (request.url ?? "").startsWith(`${COLLAB_PATH}/`);
  }

  /**
   * The HTTP server's `upgrade` listener. Returns false, touching nothing, when the request is not
   * for /collab/, so other upgrade handlers (Vite's HMR in development) can take it.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (!CollabServer.handles(request)) return false;
    void this.accept(request, socket, head);
    return true;
  }

  /**
   * Edits a document through its live Y.Doc (loading it if needed), so connected clients see the
   * change and it is stored like any other; resolves once it is stored. For restores, imports and
   * templates: never write Document.yState behind a live document's back.
   */
  async applyServerEdit(documentId: string, edit: (doc: Y.Doc) => void, options: EditOptions): Promise<void> {
    if (this.closing) throw new Error("the collaboration server is shutting down");
    const room = await this.rooms.acquire(documentId);
    if (!room) throw new DocumentNotFoundError(documentId);
    try {
      room.applyServerEdit(edit, options.userId);
    } finally {
      room.release();
    }
    await this.batcher.whenStored(documentId);
  }

  /**
   * Tells every open editor of the document, here and in other processes, that its comments changed
   * (message 102); they fetch the comments again over HTTP.
   */
  commentsChanged(documentId: string): void {
    const room = this.rooms.get(documentId);
    if (room) room.announceCommentsChanged();
    else this.fanOut.publish(documentId, { kind: "comments" }, this.id);
  }

  /** Folds the document's log into a new snapshot now. */
  compact(documentId: string): Promise<CompactionResult> {
    return this.store.compact(documentId);
  }

  /** Stores everything accepted so far (tests, shutdown). */
  flush(): Promise<void> {
    return this.batcher.flush();
  }

  get stats(): { rooms: number; connections: number } {
    return { rooms: this.rooms.rooms().length, connections: this.connections.size };
  }

  /**
   * Shutdown: closes every connection with 4503 (clients reconnect to the next process), stores what
   * was accepted, compacts and unloads every document. Call before the database disconnects.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.heartbeat);
      this.accessWatcher.stop();
      for (const connection of this.connections) connection.close(closeCode.serverShuttingDown, "server restarting");
      await this.rooms.unloadAll();
      this.batcher.close();
      this.acks.close();
      // Peers that never answered the close frame would keep the HTTP server's close waiting.
      for (const connection of this.connections) connection.terminate();
      await new Promise<void>((resolve) => this.wss.close(() => resolve()));
      if (this.ownsFanOut) await this.fanOut.close();
      unregisterActiveServer(this);
    })();
    return this.closing;
  }

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Until `ws` takes the socket over, its errors (a client that gave up) are ours to swallow.
    const onSocketError = () => socket.destroy();
    socket.on("error", onSocketError);
    const documentId = parseDocumentId(request.url ?? "");
    if (this.closing) return this.refuse(request, socket, head, closeCode.serverShuttingDown, "server restarting");
    if (!documentId) return this.refuse(request, socket, head, closeCode.notFound, "no such document");
    const epoch = this.accessWatcher.epoch;
    let decision;
    try {
      decision = await authenticateUpgrade(request, documentId, this.allowedOrigins);
    } catch (error) {
      this.logger.error(`collab: authorizing a connection to ${documentId} failed`, error);
      return this.refuse(request, socket, head, INTERNAL_ERROR, "internal error");
    }
    if (!decision.ok) return this.refuse(request, socket, head, decision.code, decision.reason);
    const { user, committeeId, access } = decision;
    const reservation = this.connectionLimits.tryReserve(user.id, documentId);
    if (!reservation) return this.refuse(request, socket, head, closeCode.tooManyConnections, "too many connections");
    let room: Room | null;
    try {
      room = await this.rooms.acquire(documentId);
    } catch (error) {
      reservation.release();
      this.logger.error(`collab: loading document ${documentId} failed`, error);
      return this.refuse(request, socket, head, INTERNAL_ERROR, "could not load the document");
    }
    if (!room) {
      reservation.release();
      return this.refuse(request, socket, head, closeCode.notFound, "no such document");
    }
    const joined = room;
    if (socket.destroyed || this.closing) {
      reservation.release();
      joined.release();
      if (!socket.destroyed) this.refuse(request, socket, head, closeCode.serverShuttingDown, "server restarting");
      return;
    }
    let upgraded = false;
    // `ws` destroys the socket without calling back when the handshake itself is invalid.
    socket.once("close", () => {
      if (upgraded) return;
      reservation.release();
      joined.release();
    });
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      upgraded = true;
      socket.off("error", onSocketError);
      const connection = new Connection({
        socket: ws,
        user,
        documentId,
        committeeId,
        access,
        onMessage: (c, data, isBinary) => this.receive(joined, c, data, isBinary),
        onClose: (c) => {
          this.connections.delete(c);
          joined.removeConnection(c);
          reservation.release();
        },
      });
      ws.on("error", (error) => this.logger.warn(`collab: connection of user ${user.id} to ${documentId}: ${error.message}`));
      this.connections.add(connection);
      joined.addConnection(connection);
      joined.release();
      if (this.accessWatcher.epoch !== epoch) void this.accessWatcher.reevaluate([connection]);
    });
  }

  /** Completes the WebSocket handshake only to close it with a code the provider understands. */
  private refuse(request: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on("error", () => undefined);
      ws.close(code, reason);
    });
  }

  private receive(room: Room, connection: Connection, data: Uint8Array, isBinary: boolean): void {
    // Frames still arriving after the shutdown's close frame: the client keeps them and sends them
    // again to the next process, which will store them; this one no longer can.
    if (this.closing || room.isDestroyed) return;
    if (!isBinary) {
      connection.close(closeCode.malformedMessage, "text messages are not part of the protocol");
      return;
    }
    try {
      room.receive(connection, data);
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.logger.warn(`collab: malformed message from user ${connection.user.id} on ${room.documentId}: ${error.message}`);
        connection.close(closeCode.malformedMessage, "malformed message");
      } else {
        this.logger.error(`collab: handling a message on ${room.documentId} failed`, error);
        connection.close(INTERNAL_ERROR, "internal error");
      }
    }
  }

  private async loadRoom(documentId: string): Promise<Room | null> {
    const loaded = await this.store.load(documentId);
    if (!loaded) return null;
    return new Room(await foldUpdates(loaded.updates), {
      documentId,
      serverId: this.id,
      batcher: this.batcher,
      acks: this.acks,
      backgroundSends: this.backgroundSends,
      fanOut: this.fanOut,
      limits: this.limits,
      awarenessIntervalMs: this.options.awarenessIntervalMs ?? 50,
      onIdle: (room) => this.rooms.noteIdle(room),
    });
  }

  /** Unloads only what is stored; compaction then folds the log and refreshes Document.content. */
  private async unloadRoom(room: Room): Promise<boolean> {
    room.flushBroadcasts();
    await this.batcher.flush();
    // At shutdown the process has about 10 s in all (server/index.ts); otherwise keep trying longer.
    const stored = await settlesWithin(this.batcher.whenStored(room.documentId), this.closing ? 5_000 : 10_000);
    if (!stored) {
      this.logger.warn(`collab: document ${room.documentId} stays loaded: its updates are not stored yet`);
      return false;
    }
    try {
      await this.store.compact(room.documentId);
    } catch (error) {
      // The log still holds everything; the next load or compaction folds it.
      this.logger.error(`collab: compacting document ${room.documentId} failed`, error);
    }
    this.batcher.forget(room.documentId);
    return true;
  }

  private onStored(documentId: string, rowCount: number): void {
    const room = this.rooms.get(documentId);
    if (!room) return;
    room.acknowledgeStored(rowCount);
    const afterRows = this.options.compactAfterRows ?? 2_000;
    const minInterval = this.options.compactMinIntervalMs ?? 30_000;
    if (room.compacting || room.rowsSinceCompaction < afterRows || Date.now() - room.lastCompactionAt < minInterval) return;
    room.compacting = true;
    room.rowsSinceCompaction = 0;
    room.lastCompactionAt = Date.now();
    this.store
      .compact(documentId)
      .catch((error: unknown) => this.logger.error(`collab: compacting document ${documentId} failed`, error))
      .finally(() => {
        room.compacting = false;
      });
  }
}

/** `/collab/<id>` (with an optional query string) → the id; null when the path names no document. */
function parseDocumentId(url: string): string | null {
  const path = url.split("?")[0].slice(COLLAB_PATH.length + 1);
  return /^[A-Za-z0-9_-]{1,64}$/.test(path) ? path : null;
}

function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
