// A test client: the real y-websocket provider in Node, with the session cookie, plus the two
// messages our server adds (100 persisted, 101 access) and a record of how the socket closed.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket as WsWebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { messageType } from "~/editor/collab-protocol";
import { webSocketWithHeaders } from "./node-websocket";

export type CloseRecord = { code: number; reason: string };

export class CollabClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** The stored state vector from the latest message 100. */
  persisted = new Map<number, number>();
  /** The stored-message count from the latest message 100. */
  persistedMessages = 0;
  persistedAcks = 0;
  /** Payloads of message 101 in arrival order (1 read-only, 0 editable). */
  readonly accessMessages: number[] = [];
  readonly closes: CloseRecord[] = [];
  /** Awareness messages received. */
  awarenessMessages = 0;
  private socket: WsWebSocket | null = null;
  /** Document messages (sync step 2 and updates) this client sent on the current socket. */
  sentDocumentMessages = 0;

  constructor(serverUrl: string, documentId: string, cookie: string | null, options: { connect?: boolean } = {}) {
    this.provider = new WebsocketProvider(serverUrl, documentId, this.doc, {
      connect: options.connect ?? true,
      WebSocketPolyfill: webSocketWithHeaders(cookie ? { Cookie: cookie } : {}, (socket) => {
        this.socket = socket;
      }),
      // BroadcastChannel exists in Node: clients in one process would otherwise sync past the server.
      disableBc: true,
      maxBackoffTime: 300,
    });
    this.provider.messageHandlers[messageType.persisted] = (_encoder, decoder) => {
      this.persisted = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      this.persistedMessages = decoding.readVarUint(decoder);
      this.persistedAcks += 1;
    };
    const handleAwareness = this.provider.messageHandlers[messageType.awareness];
    this.provider.messageHandlers[messageType.awareness] = (encoder, decoder, provider, emitSynced, type) => {
      this.awarenessMessages += 1;
      handleAwareness(encoder, decoder, provider, emitSynced, type);
    };
    this.provider.messageHandlers[messageType.access] = (_encoder, decoder) => {
      this.accessMessages.push(decoding.readVarUint(decoder));
    };
    this.provider.on("connection-close", (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
    // Counts what the provider sends on each socket, as a browser would for its "saved" state: local
    // changes go out as updates and each answer to the server's sync step 1 is a step 2; wrapping
    // `send` is the one place that sees both. ('connected' is emitted before the first send.)
    this.provider.on("status", ({ status }) => {
      const ws = this.provider.ws;
      if (status !== "connected" || !ws) return;
      this.sentDocumentMessages = 0;
      const send = ws.send.bind(ws);
      ws.send = (data) => {
        if (data instanceof Uint8Array && isDocumentMessage(data)) this.sentDocumentMessages += 1;
        send(data);
      };
    });
  }

  get text(): Y.Text {
    return this.doc.getText("test");
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  /** True when the server has stored everything this client has (the browser's "saved"). */
  get saved(): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if ((this.persisted.get(client) ?? 0) < clock) return false;
    }
    return this.persistedMessages >= this.sentDocumentMessages;
  }

  /**
   * Inserts `text` at a random boundary between earlier insertions (after a ";"), so tests can look
   * every insertion up as a whole afterwards.
   */
  insert(text: string, index?: number): void {
    if (index === undefined) {
      const current = this.text.toString();
      const boundaries = [0];
      for (let i = 0; i < current.length; i++) if (current[i] === ";") boundaries.push(i + 1);
      index = boundaries[Math.floor(Math.random() * boundaries.length)];
    }
    this.text.insert(index, text);
  }

  /** Sends raw bytes (or a text frame) on the open socket: crafted messages. */
  sendRaw(bytes: Uint8Array | string): void {
    const ws = this.provider.ws;
    if (!ws) throw new Error("not connected");
    ws.send(bytes);
  }

  /** Drops the TCP connection without any goodbye (a closed laptop lid) and stays away. */
  vanish(): void {
    this.provider.shouldConnect = false;
    this.socket?.terminate();
  }

  disconnect(): void {
    this.provider.disconnect();
  }

  connect(): void {
    this.provider.connect();
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

function isDocumentMessage(data: Uint8Array): boolean {
  const decoder = decoding.createDecoder(data);
  if (decoding.readVarUint(decoder) !== messageType.sync) return false;
  return decoding.readVarUint(decoder) !== 0; // step 2 or update, not step 1
}

/** A sync-update message around a Yjs update, as the provider would send it. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
