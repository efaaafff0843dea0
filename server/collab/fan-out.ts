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

export type FanOutListener = (message: FanOutMessage) => void;

export interface FanOut {
  /** `origin` names the publishing server: its own subscriptions do not hear the message. */
  publish(documentId: string, message: FanOutMessage, origin: string): void;
  /**
   * Whether a message `origin` publishes on the document now can reach another server, so a lone
   * process need not even encode what nobody would hear.
   */
  reachesOthers(documentId: string, origin: string): boolean;
  /** `subscriber` names the subscribing server. Returns the function that stops the subscription. */
  subscribe(documentId: string, subscriber: string, listener: FanOutListener): () => void;
  close(): Promise<void>;
}

/**
 * The servers subscribed to each document, kept the same way by every fan-out: a message is handed
 * to every subscription of its document but those of the server that published it.
 */
export class FanOutSubscriptions {
  private readonly byDocument = new Map<string, Set<{ subscriber: string; listener: FanOutListener }>>();

  has(documentId: string): boolean {
    return this.byDocument.has(documentId);
  }

  /** Returns the function that stops the subscription; `onLast` runs when the document has no more. */
  add(documentId: string, subscriber: string, listener: FanOutListener, onLast?: () => void): () => void {
    let subscriptions = this.byDocument.get(documentId);
    if (!subscriptions) {
      subscriptions = new Set();
      this.byDocument.set(documentId, subscriptions);
    }
    const subscription = { subscriber, listener };
    subscriptions.add(subscription);
    return () => {
      const current = this.byDocument.get(documentId);
      if (!current?.delete(subscription) || current.size > 0) return;
      this.byDocument.delete(documentId);
      onLast?.();
    };
  }

  hasOthers(documentId: string, origin: string): boolean {
    const subscriptions = this.byDocument.get(documentId);
    if (!subscriptions) return false;
    for (const { subscriber } of subscriptions) if (subscriber !== origin) return true;
    return false;
  }

  /** The listeners that are to hear a message `origin` published on the document. */
  listenersFor(documentId: string, origin: string): FanOutListener[] {
    const listeners: FanOutListener[] = [];
    for (const { subscriber, listener } of this.byDocument.get(documentId) ?? []) {
      if (subscriber !== origin) listeners.push(listener);
    }
    return listeners;
  }

  clear(): void {
    this.byDocument.clear();
  }
}

export class InProcessFanOut implements FanOut {
  private readonly subscriptions = new FanOutSubscriptions();

  publish(documentId: string, message: FanOutMessage, origin: string): void {
    const targets = this.subscriptions.listenersFor(documentId, origin);
    // One server alone (the usual single process) has no one to tell.
    if (targets.length === 0) return;
    // Delivered on a later turn, like a network hop: a publisher is never re-entered from its own
    // publish, and the order of messages per document is kept.
    queueMicrotask(() => {
      for (const listener of targets) listener(message);
    });
  }

  reachesOthers(documentId: string, origin: string): boolean {
    return this.subscriptions.hasOthers(documentId, origin);
  }

  subscribe(documentId: string, subscriber: string, listener: FanOutListener): () => void {
    return this.subscriptions.add(documentId, subscriber, listener);
  }

  async close(): Promise<void> {
    this.subscriptions.clear();
  }
}
