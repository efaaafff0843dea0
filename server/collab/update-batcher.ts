// Collects the updates that rooms accepted and appends them to the log within a short window, one
// transaction for every document that has something pending, one row per user and document.
//
// Each update gets a sequence number per document. `storedSeq` only moves forward over a prefix that
// is committed, so "stored through n" always means every update numbered up to n is in PostgreSQL;
// rooms acknowledge to clients only from that. A failed store is logged and retried with backoff, its
// updates stay queued in order, and nothing is acknowledged until it succeeds.
//
// Each update also carries the named elements it touched (edit-sessions.ts); the batch's activity per
// user and document is written in the same statement as its rows, for the history page, unless the
// session ledger lets it wait (only a session's end time and update count ever wait, at most
// SESSION_WRITE_INTERVAL_MS; then a batch with no rows writes them).
import type { UpdateLog, UpdateRow } from "./document-store";
import { ActivityAccumulator, SessionLedger, type Activity, type SessionActivity, type SessionPlan } from "./edit-sessions";
import { mergeAll } from "./merge-updates";
import type { CollabLogger } from "./types";

type PendingUpdate = {
  seq: number;
  userId: string | null;
  update: Uint8Array;
  queuedAt: number;
  /** Ids of the named elements the update touched. */
  touched: readonly string[];
  /** When it was accepted, by the sessions' clock. */
  at: number;
};

class DocumentQueue {
  pending: PendingUpdate[] = [];
  lastSeq = 0;
  storedSeq = 0;
  failures = 0;
  retryAt = 0;
  waiters: Array<{ seq: number; resolve: () => void }> = [];
}

export type UpdateBatcherOptions = {
  log: UpdateLog;
  logger: CollabLogger;
  /** The longest an update waits before its batch is written (the brief: at most 100 ms). */
  windowMs: number;
  /** Called after a commit with the number of rows written; storedSeq(documentId) has moved on by then. */
  onStored: (documentId: string, rowCount: number) => void;
  /** Called when a document disappeared while it had updates queued; they are dropped. */
  onDocumentGone: (documentId: string) => void;
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** The clock of edit sessions (tests move it); Date.now by default. */
  now?: () => number;
  /** How long session activity may wait before it is written (SESSION_WRITE_INTERVAL_MS by default). */
  sessionWriteIntervalMs?: number;
};

export class UpdateBatcher {
  private readonly queues = new Map<string, DocumentQueue>();
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Infinity;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly sessions: SessionLedger;

  constructor(private readonly options: UpdateBatcherOptions) {
    this.sessions = new SessionLedger(options.sessionWriteIntervalMs);
  }

  /** Queues an accepted update; returns its sequence number within the document. */
  enqueue(documentId: string, userId: string | null, update: Uint8Array, touched: readonly string[] = []): number {
    const queue = this.queue(documentId);
    const seq = ++queue.lastSeq;
    const at = this.options.now?.() ?? Date.now();
    queue.pending.push({ seq, userId, update, queuedAt: Date.now(), touched, at });
    this.schedule(Date.now() + this.options.windowMs);
    return seq;
  }

  lastSeq(documentId: string): number {
    return this.queues.get(documentId)?.lastSeq ?? 0;
  }

  storedSeq(documentId: string): number {
    return this.queues.get(documentId)?.storedSeq ?? 0;
  }

  hasPending(documentId: string): boolean {
    const queue = this.queues.get(documentId);
    return queue !== undefined && queue.storedSeq < queue.lastSeq;
  }

  /** Resolves once everything queued for the document so far is stored (or the document is gone). */
  whenStored(documentId: string): Promise<void> {
    const queue = this.queues.get(documentId);
    if (!queue || queue.storedSeq >= queue.lastSeq) return Promise.resolve();
    const seq = queue.lastSeq;
    return new Promise((resolve) => queue.waiters.push({ seq, resolve }));
  }

  /** Forgets a document's bookkeeping once its room is gone and nothing is pending. */
  forget(documentId: string): void {
    const queue = this.queues.get(documentId);
    if (queue && queue.pending.length === 0 && queue.waiters.length === 0) this.queues.delete(documentId);
    this.sessions.forgetSettled(documentId);
  }

  /** Writes whatever is queued now (retrying failed documents once more), waiting for it. */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    await this.run(true);
  }

  /** Stops timers; call after the last flush. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private queue(documentId: string): DocumentQueue {
    let queue = this.queues.get(documentId);
    if (!queue) {
      queue = new DocumentQueue();
      this.queues.set(documentId, queue);
    }
    return queue;
  }

  private schedule(due: number): void {
    if (this.closed || due >= this.timerDue) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      void this.run(false);
    }, Math.max(0, due - Date.now()));
  }

  private run(ignoreBackoff: boolean): Promise<void> {
    // One store at a time keeps every document's rows in the order their updates were accepted.
    if (this.running) return this.running;
    this.running = this.store(ignoreBackoff).finally(() => {
      this.running = null;
      this.scheduleNext();
    });
    return this.running;
  }

  private scheduleNext(): void {
    let due = this.sessions.nextDue((documentId) => this.queues.get(documentId)?.retryAt ?? 0);
    this.queues.forEach((queue) => {
      const first = queue.pending[0];
      if (first) due = Math.min(due, Math.max(queue.retryAt, first.queuedAt + this.options.windowMs));
    });
    if (due !== Infinity) this.schedule(due);
  }

  /** `ignoreBackoff` (a flush) also writes every session activity that waits. */
  private async store(ignoreBackoff: boolean): Promise<void> {
    const now = Date.now();
    const taken = new Map<string, PendingUpdate[]>();
    // forEach, not for…of: this runs 20 times a second over every live document, and the entry
    // arrays an iterator makes were a noticeable share of what the server allocated.
    this.queues.forEach((queue, documentId) => {
      if (queue.pending.length === 0 || (!ignoreBackoff && queue.retryAt > now)) return;
      taken.set(documentId, queue.pending);
      queue.pending = [];
    });
    // Documents whose waiting session activity is due, though no update of theirs is: no rows.
    for (const documentId of this.sessions.dueDocuments(ignoreBackoff)) {
      const retryAt = this.queues.get(documentId)?.retryAt ?? 0;
      if (!taken.has(documentId) && (ignoreBackoff || retryAt <= now)) taken.set(documentId, []);
    }
    if (taken.size === 0) return;
    try {
      await this.write(taken, ignoreBackoff);
      return;
    } catch (error) {
      if (taken.size === 1) {
        this.failed(taken, error);
        return;
      }
    }
    // The batch of several documents failed: try each alone, so one bad document cannot hold back
    // the others.
    for (const [documentId, updates] of taken) {
      const single = new Map([[documentId, updates]]);
      try {
        await this.write(single, ignoreBackoff);
      } catch (error) {
        this.failed(single, error);
      }
    }
  }

  private async write(taken: Map<string, PendingUpdate[]>, force: boolean): Promise<void> {
    const batches = new Map<string, UpdateRow[]>();
    const sessions: SessionActivity[] = [];
    const plans: SessionPlan[] = [];
    taken.forEach((updates, documentId) => {
      batches.set(documentId, rowsByUser(updates));
      const plan = this.sessions.plan(documentId, activityOf(updates), force);
      plans.push(plan);
      for (const activity of plan.write) sessions.push(activity);
    });
    const { missingDocumentIds } = await this.options.log.append(batches, sessions);
    const missing = new Set(missingDocumentIds);
    for (const plan of plans) {
      if (missing.has(plan.documentId)) this.sessions.forget(plan.documentId);
      else this.sessions.settle(plan);
    }
    taken.forEach((updates, documentId) => {
      const queue = this.queue(documentId);
      queue.storedSeq = updates.at(-1)?.seq ?? queue.storedSeq;
      queue.failures = 0;
      queue.retryAt = 0;
      const rowCount = batches.get(documentId)?.length ?? 0;
      if (missing.has(documentId)) this.options.onDocumentGone(documentId);
      else if (rowCount > 0) this.options.onStored(documentId, rowCount);
      this.settleWaiters(queue);
    });
  }

  private failed(taken: Map<string, PendingUpdate[]>, error: unknown): void {
    for (const [documentId, updates] of taken) {
      const queue = this.queue(documentId);
      // Back in front of anything queued meanwhile, so order is kept.
      queue.pending = [...updates, ...queue.pending];
      queue.failures += 1;
      const delay = Math.min(
        (this.options.retryInitialMs ?? 100) * 2 ** (queue.failures - 1),
        this.options.retryMaxMs ?? 5_000,
      );
      queue.retryAt = Date.now() + delay;
      this.options.logger.error(
        `collab: storing ${updates.length} update(s) of document ${documentId} failed (attempt ${queue.failures}); retrying in ${delay} ms, not acknowledged`,
        error,
      );
    }
  }

  private settleWaiters(queue: DocumentQueue): void {
    if (queue.waiters.length === 0) return;
    const ready = queue.waiters.filter((w) => w.seq <= queue.storedSeq);
    queue.waiters = queue.waiters.filter((w) => w.seq > queue.storedSeq);
    for (const waiter of ready) waiter.resolve();
  }
}

function activityOf(updates: readonly PendingUpdate[]): ReadonlyMap<string, Activity> {
  const accumulator = new ActivityAccumulator();
  for (const { userId, touched, at } of updates) accumulator.add(userId, touched, at);
  return accumulator.activities();
}

/** One row per user: their updates of this batch merged, in acceptance order. */
function rowsByUser(updates: readonly PendingUpdate[]): UpdateRow[] {
  // Usually one person's updates, often only one.
  const [first] = updates;
  if (first === undefined) return [];
  if (updates.every((pending) => pending.userId === first.userId)) {
    return [{ userId: first.userId, data: mergeAll(updates.map((pending) => pending.update)) }];
  }
  const byUser = new Map<string | null, Uint8Array[]>();
  for (const { userId, update } of updates) {
    const list = byUser.get(userId);
    if (list) list.push(update);
    else byUser.set(userId, [update]);
  }
  return [...byUser].map(([userId, list]) => ({ userId, data: mergeAll(list) }));
}
