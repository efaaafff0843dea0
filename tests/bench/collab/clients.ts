// One benchmark client, whichever server it talks to: the y-websocket provider for our server and
// the reference server, Hocuspocus's own provider for Hocuspocus. Each makes the same small edits.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import { WebSocket as WsWebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { messageType } from "~/editor/collab-protocol";
import { webSocketWithHeaders } from "../../integration/collab/support/node-websocket";
import { now } from "./measure";

export type ServerKind = "ours" | "reference" | "hocuspocus";

/** `name` is unique per run; it prefixes the keys of the client's timed edits. */
export type ClientSpec = { kind: ServerKind; baseUrl: string; documentName: string; cookie: string | null; name: string };

export interface BenchClient {
  readonly doc: Y.Doc;
  synced(): boolean;
  /** Ours only: every local change acknowledged as stored (message 100). */
  saved(): boolean;
  destroy(): void;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** A small edit: one or two characters at a random place, as typing does. */
export function typeSomething(doc: Y.Doc, extra?: (doc: Y.Doc) => void): void {
  const text = doc.getText("bench");
  const chars = ALPHABET[Math.floor(Math.random() * 26)] + (Math.random() < 0.5 ? ALPHABET[Math.floor(Math.random() * 26)] : "");
  doc.transact(() => {
    text.insert(Math.floor(Math.random() * (text.length + 1)), chars);
    extra?.(doc);
  });
}

export function connectClient(spec: ClientSpec): BenchClient {
  const doc = new Y.Doc();
  if (spec.kind === "hocuspocus") {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: spec.baseUrl, WebSocketPolyfill: WsWebSocket });
    const provider = new HocuspocusProvider({ websocketProvider, name: spec.documentName, document: doc });
    provider.attach();
    return {
      doc,
      synced: () => provider.isSynced,
      saved: () => true,
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
        doc.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(spec.baseUrl, spec.documentName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(spec.cookie ? { Cookie: spec.cookie } : {}),
    disableBc: true,
  });
  let persisted = new Map<number, number>();
  if (spec.kind === "ours") {
    provider.messageHandlers[messageType.persisted] = (_encoder, decoder) => {
      persisted = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    };
    provider.messageHandlers[messageType.access] = () => undefined;
  }
  return {
    doc,
    synced: () => provider.synced,
    saved: () => {
      const own = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
      return (persisted.get(doc.clientID) ?? 0) >= own;
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * One timed edit: a small insertion plus its send time under a key of its own in the "latency" map,
 * in one transaction, so the time arrives exactly when the edit does. Returns the send time.
 */
export function timedEdit(doc: Y.Doc, key: string): number {
  const sentAt = now();
  typeSomething(doc, () => doc.getMap<number>("latency").set(key, sentAt));
  return sentAt;
}

/**
 * Calls `onArrival` for every measured edit of another client as it arrives in `doc`: its send time
 * and the time it took. `ownPrefix` skips the client's own measured edits.
 */
export function observeArrivals(doc: Y.Doc, ownPrefix: string | null, onArrival: (sentAt: number, latency: number) => void): void {
  const marks = doc.getMap<number>("latency");
  marks.observe((event) => {
    const arrived = now();
    for (const key of event.keysChanged) {
      if (ownPrefix !== null && key.startsWith(ownPrefix)) continue;
      const sentAt = marks.get(key);
      if (sentAt !== undefined) onArrival(sentAt, arrived - sentAt);
    }
  });
}
