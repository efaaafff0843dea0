// The only part of the collaboration server that must cross processes: document updates and
// awareness changes of a document, published by the process whose client made them and delivered to
// every other process that has the document loaded. Storage does not go through here (each process
// stores what its own clients sent), so a lost fan-out message costs freshness, never data: the next
// sync of the affected clients repairs it.
//
// InProcessFanOut connects the servers of one process (tests run several); a Redis implementation
// can replace it without touching the rest (see docs/decisions, collaboration fan-out).

export type FanOutMessage =
  /** A Yjs update (merged from one flush) that the publishing process already applied and stored or queued. */
  | { kind: "update"; update: Uint8Array }
  /** An encoded awareness update (y-protocols/awareness), already identity-checked by the publisher. */
  | { kind: "awareness"; update: Uint8Array }
  /**
   * The publisher's stored state vector after a commit, so every process can acknowledge to its own
   * clients the edits they received from clients of other processes.
   */
  | { kind: "stored"; stateVector: Uint8Array }
  /** The document's comments changed: every process tells its clients (message 102). */
  | { kind: "comments" };

/** `origin` names the publishing server, so a subscriber can skip its own messages. */
export type FanOutListener = (message: FanOutMessage, origin: string) => void;

export interface FanOut {
  publish(documentId: string, message: FanOutMessage, origin: string): void;
  /** Returns the function that stops the subscription. */
  subscribe(documentId: string, listener: FanOutListener): () => void;
  close(): Promise<void>;
}

export class InProcessFanOut implements FanOut {
  private readonly listeners = new Map<string, Set<FanOutListener>>();

  publish(documentId: string, message: FanOutMessage, origin: string): void {
    const listeners = this.listeners.get(documentId);
    if (!listeners || listeners.size === 0) return;
    // Delivered on a later turn, like a network hop: a publisher is never re-entered from its own
    // publish, and the order of messages per document is kept.
    const targets = [...listeners];
    queueMicrotask(() => {
      for (const listener of targets) listener(message, origin);
    });
  }

  subscribe(documentId: string, listener: FanOutListener): () => void {
    let listeners = this.listeners.get(documentId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(documentId, listeners);
    }
    listeners.add(listener);
    return () => {
      const current = this.listeners.get(documentId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(documentId);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
