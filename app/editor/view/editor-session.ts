/*
 * What the editor UI needs from wherever the document lives: the shared Y.XmlFragment, the awareness
 * (cursors, presence) and a small observable state. The live implementation is CollabSession
 * (WebSocket + IndexedDB); the bench opens the same editor on a LocalSession with no server.
 */
import type * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { PROSEMIRROR_FRAGMENT } from "../collab-protocol";
import type { CloseReason } from "./close-reason";
import type { SaveStatus } from "./save-status";

export interface SessionState {
  connection: "connecting" | "connected" | "disconnected";
  /** The content is here: from the server, or (for an editor) from this browser's IndexedDB. */
  ready: boolean;
  /** Whether this person may edit now: the page's answer at first, then the server's (message 101). */
  editable: boolean;
  save: SaveStatus;
  /** The server may lack a change this browser holds (the beforeunload warning). */
  unsaved: boolean;
  /** Why the server closed the connection, when that needs explaining. */
  closeReason: CloseReason | null;
}

export interface PresenceUser {
  /** Awareness client id: one per open tab. */
  clientId: number;
  name: string;
  /** A #rrggbb colour, as y-prosemirror's cursors need. */
  color: string;
  isSelf: boolean;
}

export interface EditorSession {
  readonly doc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly awareness: Awareness;
  /** Called on any change of getState() or getPresence(); both keep their identity while unchanged. */
  subscribe(listener: () => void): () => void;
  getState(): SessionState;
  getPresence(): readonly PresenceUser[];
  /** Called when the server says the document's comments changed (message 102); absent offline. */
  onCommentsChanged?(listener: () => void): () => void;
  destroy(): void;
}

/** Notifies listeners; shared by the session implementations. */
export class Listeners {
  private readonly listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const NO_ONE: readonly PresenceUser[] = [];

/** A session on a Y.Doc that already holds the document, with no server: for benchmarks and demos. */
export class LocalSession implements EditorSession {
  readonly doc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly awareness: Awareness;
  private readonly listeners = new Listeners();
  private readonly state: SessionState;

  constructor(doc: Y.Doc, editable = true) {
    this.doc = doc;
    this.fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    this.awareness = new Awareness(doc);
    this.state = { connection: "connected", ready: true, editable, save: editable ? "saved" : "readOnly", unsaved: false, closeReason: null };
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
  }

  getState(): SessionState {
    return this.state;
  }

  getPresence(): readonly PresenceUser[] {
    // The same array every time: React's useSyncExternalStore re-renders on every new snapshot.
    return NO_ONE;
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
