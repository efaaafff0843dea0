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
  /** `subscriber` names the subscribing server. Returns the function that stops the subscription. */
  subscribe(documentId: string, subscriber: string, listener: FanOutListener): () => void;
  close(): Promise<void>;
}

/** A server's subscription to one document (both fan-outs keep them so). */
export type FanOutSubscription = { subscriber: string; listener: FanOutListener };

export class InProcessFanOut implements FanOut {
  private readonly subscriptions = new Map<string, Set<FanOutSubscription>>();

  publish(documentId: string, message: FanOutMessage, origin: string): void {
    const targets: FanOutListener[] = [];
    for (const { subscriber, listener } of this.subscriptions.get(documentId) ?? []) {
      if (subscriber !== origin) targets.push(listener);
    }
    // One server alone (the usual single process) has no one to tell.
    if (targets.length === 0) return;
    // Delivered on a later turn, like a network hop: a publisher is never re-entered from its own
    // publish, and the order of messages per document is kept.
    queueMicrotask(() => {
      for (const listener of targets) listener(message);
    });
  }

  subscribe(documentId: string, subscriber: string, listener: FanOutListener): () => void {
    let subscriptions = this.subscriptions.get(documentId);
    if (!subscriptions) {
      subscriptions = new Set();
      this.subscriptions.set(documentId, subscriptions);
    }
    const subscription: FanOutSubscription = { subscriber, listener };
    subscriptions.add(subscription);
    return () => {
      const current = this.subscriptions.get(documentId);
      current?.delete(subscription);
      if (current?.size === 0) this.subscriptions.delete(documentId);
    };
  }

  async close(): Promise<void> {
    this.subscriptions.clear();
  }
}
