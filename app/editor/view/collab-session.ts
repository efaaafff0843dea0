/*
 * The live connection of one browser tab to one document: a Y.Doc synced over y-websocket with our
 * server at `/collab/<documentId>`, kept in IndexedDB for those who may edit, with a save state
 * that only says "saved" when the server has acknowledged storing everything this tab holds.
 *
 * Why it is built this way:
 * - IndexedDB only for editors, named per user and document: a reader has nothing to keep, and two
 *   people sharing a browser profile must not merge each other's unsent changes.
 * - No BroadcastChannel between tabs: every tab is a client of the server like any other, so what a
 *   tab holds came from the server or from itself, and the server's acknowledgements cover it.
 * - The editor is "ready" only once content is here (server sync, or an editor's IndexedDB copy):
 *   mounting ProseMirror on an empty fragment and typing would create a second copy of the initial
 *   content, which the server alone creates.
 * - Close codes decide reconnecting (close-reason.ts): refusals that would repeat stop it.
 */
import * as decoding from "lib0/decoding";
import { IndexeddbPersistence } from "y-indexeddb";
import { Awareness } from "y-protocols/awareness";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { COLLAB_PATH, messageType, PROSEMIRROR_FRAGMENT } from "../collab-protocol";
import { closeReasonOf, shouldReconnectAfter, type CloseReason } from "./close-reason";
import { Listeners, type EditorSession, type PresenceUser, type SessionState } from "./editor-session";
import { AcknowledgementTracker, hasUnsavedChanges, saveStatus, type StateVector } from "./save-status";

export interface CollabSessionOptions {
  documentId: string;
  userId: string;
  userName: string;
  /** What the page's loader decided; the server may change it later (message 101). */
  canEdit: boolean;
  /** ws(s)://host; defaults to this page's host. */
  serverUrl?: string;
}

/** The IndexedDB database an editor's copy of a document lives in. */
export function persistenceName(documentId: string, userId: string): string {
  return `standards-studio:${userId}:${documentId}`;
}

function defaultServerUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}${COLLAB_PATH}`;
}

/** The `user` field the server puts in every awareness state: who that client is. */
function awarenessUser(state: unknown): { name: string; color: string } | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== "object" || user === null || !("name" in user) || !("color" in user)) return null;
  return typeof user.name === "string" && typeof user.color === "string" ? { name: user.name, color: user.color } : null;
}

const SELF_FALLBACK_COLOR = "#1c7ed6";

/** Which document message a frame the provider sends is: sync step 2 or update (y-protocols' sync). */
function documentMessageKind(data: Parameters<WebSocket["send"]>[0]): "syncStep2" | "update" | null {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (!bytes || bytes[0] !== messageType.sync) return null;
  return bytes[1] === 1 ? "syncStep2" : bytes[1] === 2 ? "update" : null;
}

/**
 * The WebSocket the provider opens, counting the document messages it sends, as the server counts
 * them for message 100. Counting at the socket, rather than guessing from Y.Doc events, counts
 * exactly what went out on which socket.
 */
function countingWebSocket(tracker: AcknowledgementTracker): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tracker.socketOpened();
    }

    override send(data: Parameters<WebSocket["send"]>[0]): void {
      const kind = documentMessageKind(data);
      if (kind) tracker.messageSent(kind);
      super.send(data);
    }
  };
}

function mergeStored(previous: StateVector | null, next: StateVector): StateVector {
  // What is stored only grows; keep the larger clock per client in case acknowledgements cross.
  const merged = new Map(previous ?? []);
  for (const [client, clock] of next) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
  return merged;
}

function sameState(a: SessionState, b: SessionState): boolean {
  return (
    a.connection === b.connection &&
    a.ready === b.ready &&
    a.editable === b.editable &&
    a.save === b.save &&
    a.unsaved === b.unsaved &&
    a.closeReason === b.closeReason
  );
}

export class CollabSession implements EditorSession {
  readonly doc = new Y.Doc();
  readonly fragment: Y.XmlFragment;
  readonly awareness: Awareness;
  private readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private readonly listeners = new Listeners();
  private readonly commentListeners = new Listeners();
  private readonly options: CollabSessionOptions;

  private connection: SessionState["connection"] = "connecting";
  private ready = false;
  private editable: boolean;
  private closeReason: CloseReason | null = null;
  private stored: StateVector | null = null;
  private readonly acknowledgements = new AcknowledgementTracker();
  private state: SessionState;
  private presence: readonly PresenceUser[] = [];
  private presenceKey = "";
  private recomputeScheduled = false;
  private destroyed = false;

  constructor(options: CollabSessionOptions) {
    this.options = options;
    this.editable = options.canEdit;
    this.fragment = this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    this.awareness = new Awareness(this.doc);
    // A new Awareness holds {} at clock 0, and receivers only apply clocks above what they know (0
    // for a stranger): without this, nobody sees us until our cursor first moves.
    this.awareness.setLocalState({});
    this.state = this.computeState();
    if (this.editable) this.startPersistence();

    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), options.documentId, this.doc, {
      awareness: this.awareness,
      disableBc: true,
      shouldReconnect: (event) => shouldReconnectAfter(event.code),
      WebSocketPolyfill: countingWebSocket(this.acknowledgements),
    });
    // y-websocket calls a handler with (encoder, decoder, provider, emitSynced, messageType) and sends
    // whatever it wrote to the encoder back to the server; these messages need no answer, so the
    // handlers only read.
    this.provider.messageHandlers[messageType.persisted] = (_encoder, decoder) => {
      this.stored = mergeStored(this.stored, Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
      this.acknowledgements.storedThrough(decoding.readVarUint(decoder));
      this.recompute();
    };
    this.provider.messageHandlers[messageType.access] = (_encoder, decoder) => {
      this.setEditable(decoding.readVarUint(decoder) === 0);
    };
    this.provider.messageHandlers[messageType.commentsChanged] = () => {
      this.commentListeners.notify();
    };

    this.provider.on("status", ({ status }) => {
      this.connection = status;
      this.recompute();
    });
    this.provider.on("sync", (synced) => {
      if (!synced) return;
      this.ready = true;
      // A successful sync means whatever refused us before no longer applies.
      this.closeReason = null;
      this.recompute();
    });
    this.provider.on("connection-close", (event) => {
      this.acknowledgements.socketClosed();
      const reason = event ? closeReasonOf(event.code) : null;
      if (reason !== null) this.closeReason = reason;
      this.recompute();
    });
    this.doc.on("update", this.scheduleRecompute);
    this.awareness.on("change", this.updatePresence);
    this.updatePresence();
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  getState(): SessionState {
    return this.state;
  }

  getPresence(): readonly PresenceUser[] {
    return this.presence;
  }

  onCommentsChanged(listener: () => void): () => void {
    return this.commentListeners.add(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off("update", this.scheduleRecompute);
    this.awareness.off("change", this.updatePresence);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private startPersistence(): void {
    if (this.persistence) return;
    const persistence = new IndexeddbPersistence(persistenceName(this.options.documentId, this.options.userId), this.doc);
    this.persistence = persistence;
    void persistence.whenSynced.then(() => {
      // An editor with a copy of the document in this browser can start before the server answers
      // (e.g. offline); an empty copy is no content, so wait for the server then.
      if (!this.destroyed && this.fragment.length > 0) {
        this.ready = true;
        this.recompute();
      }
    });
  }

  private setEditable(editable: boolean): void {
    this.editable = editable;
    if (editable) this.startPersistence();
    this.recompute();
  }

  /** Keystrokes update the doc; the save state is worked out after the keystroke, not inside it. */
  private readonly scheduleRecompute = (): void => {
    if (this.recomputeScheduled) return;
    this.recomputeScheduled = true;
    setTimeout(() => {
      this.recomputeScheduled = false;
      if (!this.destroyed) this.recompute();
    }, 0);
  };

  private computeState(): SessionState {
    const inputs = {
      editable: this.editable,
      connected: this.connection === "connected",
      stored: this.stored,
      local: Y.decodeStateVector(Y.encodeStateVector(this.doc)),
      messagesConfirmed: this.acknowledgements.allConfirmed,
    };
    return {
      connection: this.connection,
      ready: this.ready,
      editable: this.editable,
      save: saveStatus(inputs),
      unsaved: hasUnsavedChanges(inputs),
      closeReason: this.closeReason,
    };
  }

  private recompute(): void {
    const next = this.computeState();
    if (sameState(next, this.state)) return;
    this.state = next;
    this.listeners.notify();
  }

  private readonly updatePresence = (): void => {
    const users: PresenceUser[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const isSelf = clientId === this.doc.clientID;
      const user = awarenessUser(state);
      // The server sets `user` on the states it relays; our own state may not carry it.
      if (isSelf) {
        users.push({ clientId, name: user?.name ?? this.options.userName, color: user?.color ?? SELF_FALLBACK_COLOR, isSelf });
      } else if (user) {
        users.push({ clientId, ...user, isSelf });
      }
    }
    users.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
    // Awareness changes with every remote cursor move; only a change of who is here re-renders.
    const key = users.map((user) => `${user.clientId}:${user.name}:${user.color}`).join("|");
    if (key === this.presenceKey) return;
    this.presenceKey = key;
    this.presence = users;
    this.listeners.notify();
  };
}
