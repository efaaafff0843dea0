// Caps on open connections per user and per document in this process. A slot is reserved before the
// (slow, asynchronous) authorization finishes, so a burst of upgrades cannot overshoot the cap.

export type Reservation = { release: () => void };

export class ConnectionLimits {
  private readonly perUser = new Map<string, number>();
  private readonly perDocument = new Map<string, number>();

  constructor(private readonly limits: { maxConnectionsPerUser: number; maxConnectionsPerDocument: number }) {}

  /** A reservation for one connection, or null when the user or the document is at its cap. */
  tryReserve(userId: string, documentId: string): Reservation | null {
    const userCount = this.perUser.get(userId) ?? 0;
    const documentCount = this.perDocument.get(documentId) ?? 0;
    if (userCount >= this.limits.maxConnectionsPerUser || documentCount >= this.limits.maxConnectionsPerDocument) {
      return null;
    }
    this.perUser.set(userId, userCount + 1);
    this.perDocument.set(documentId, documentCount + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        decrement(this.perUser, userId);
        decrement(this.perDocument, documentId);
      },
    };
  }
}

function decrement(counts: Map<string, number>, key: string): void {
  const next = (counts.get(key) ?? 1) - 1;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
