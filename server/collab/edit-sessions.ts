// Who edited which parts of a document, for the history page ("Li and Wang edited 5.2 and Annex A
// this afternoon"). Recorded on the hot path of every accepted update, so it is cheap by design:
//
// - Which parts an update touched is read from the room's own Y.Doc transaction, not decoded from the
//   update: the types it changed (transaction.changed: inserts, deletions and attribute changes in
//   types that existed before) and the elements it created, each walked up to the nearest element
//   that history names (a clause or subclause, a term entry, an annex, the foreword, the
//   introduction, the bibliography) and taken by its stable `id`. Numbers are not stored: the
//   history page computes them from the current text, so they follow renumbering.
// - The batcher accumulates the ids per user and document in memory and writes one row per user and
//   document with the batch it stores anyway (DocumentStore.append), merging into that person's latest
//   session when it ended less than SESSION_GAP_MS before: no database read per update, no extra
//   round trip per batch. Once a session names every part a person touches, its new end time and
//   count wait in memory up to SESSION_WRITE_INTERVAL_MS (the SessionLedger below).
import * as Y from "yjs";

/** A pause longer than this starts a new session. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

/** The elements history names an edit by (nearest one wins, so a subclause rather than its clause). */
const NAMED_ELEMENTS: ReadonlySet<string> = new Set(["clause", "term_entry", "annex", "foreword", "introduction", "bibliography"]);

// Yjs types its shared types generically over their event type; these helpers take any of them, so
// they accept `unknown` and narrow with instanceof.
function namedId(type: unknown): string | null {
  if (!(type instanceof Y.XmlElement) || !NAMED_ELEMENTS.has(type.nodeName)) return null;
  const id: unknown = type.getAttribute("id");
  return typeof id === "string" && id !== "" ? id : null;
}

/** The id of the nearest named element containing `type` (itself included), or null. */
function nearestNamedId(type: unknown, cache: Map<unknown, string | null>): string | null {
  const seen: unknown[] = [];
  let current: unknown = type;
  let found: string | null = null;
  while (current instanceof Y.AbstractType) {
    const cached = cache.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(current);
    found = namedId(current);
    if (found !== null) break;
    const item: Y.Item | null = current._item;
    current = item?.parent ?? null;
  }
  for (const visited of seen) cache.set(visited, found);
  return found;
}

/**
 * Where the structs a transaction added end: client, clock pairs, flat, for each client whose clock
 * the transaction moved. (The room also keeps them to know what a commit stored.)
 */
export function structEnds(transaction: Y.Transaction): number[] {
  const ends: number[] = [];
  transaction.afterState.forEach((clock, client) => {
    if (clock > (transaction.beforeState.get(client) ?? 0)) ends.push(client, clock);
  });
  return ends;
}

/**
 * The ids of the named elements a transaction changed or created, in the order first met. Cost:
 * a short walk up per changed type and one look at each struct the transaction added. `ends` is
 * structEnds(transaction), for a caller that has it already.
 */
export function touchedElementIds(transaction: Y.Transaction, ends: readonly number[] = structEnds(transaction)): string[] {
  const ids = new Set<string>();
  const cache = new Map<unknown, string | null>();
  for (const type of transaction.changed.keys()) {
    const id = nearestNamedId(type, cache);
    if (id !== null) ids.add(id);
  }
  // Elements created by this transaction are not in `changed` (only types that existed before are);
  // a new clause is named by its own id, or by where it went.
  const { store } = transaction.doc;
  for (let i = 0; i < ends.length; i += 2) {
    const client = ends[i];
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (let index = Y.findIndexSS(structs, transaction.beforeState.get(client) ?? 0); index < structs.length; index++) {
      const struct = structs[index];
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const own = struct.content instanceof Y.ContentType ? namedId(struct.content.type) : null;
      if (own !== null) {
        ids.add(own);
        continue;
      }
      const id = nearestNamedId(struct.parent, cache);
      if (id !== null) ids.add(id);
    }
  }
  return [...ids];
}

/** One person's edits of one document within one stored batch. */
export type SessionActivity = {
  documentId: string;
  userId: string;
  /** Named elements touched, in the order first touched. */
  clauseIds: string[];
  updates: number;
  startedAt: Date;
  endedAt: Date;
};

/** One person's edits of one document, as the ledger keeps them: times in ms since the epoch. */
export type Activity = {
  /** Named elements touched, in the order first touched, each once. Never changed once made. */
  readonly clauseIds: readonly string[];
  readonly updates: number;
  readonly first: number;
  readonly last: number;
};

/** Accumulates the activity of a batch's updates, per user; updates without a user are skipped. */
export class ActivityAccumulator {
  private readonly byUser = new Map<string, { clauseIds: string[]; updates: number; first: number; last: number }>();

  add(userId: string | null, touched: readonly string[], at: number): void {
    if (userId === null) return;
    const entry = this.byUser.get(userId);
    if (!entry) {
      this.byUser.set(userId, { clauseIds: [...new Set(touched)], updates: 1, first: at, last: at });
      return;
    }
    for (const id of touched) if (!entry.clauseIds.includes(id)) entry.clauseIds.push(id);
    entry.updates += 1;
    entry.first = Math.min(entry.first, at);
    entry.last = Math.max(entry.last, at);
  }

  /** Per user; the accumulator must not be used after this. */
  activities(): ReadonlyMap<string, Activity> {
    return this.byUser;
  }
}

/**
 * How long a person's further activity in a session may wait in memory before it is written. What
 * waits is only the session's growing end time and update count: a part they had not touched yet is
 * written with the batch that touched it, as is the start of a session. Writing every batch's
 * activity cost PostgreSQL more than appending the rows (ADR 023).
 */
export const SESSION_WRITE_INTERVAL_MS = 10_000;

type LedgerEntry = {
  /** Parts already written for this person's current session, by this process. */
  written: Set<string>;
  /** When it was last written (real time, Date.now). */
  writtenAt: number;
  waiting: Activity | null;
  /** Write `waiting` at the next chance (it began a session after a long pause). */
  urgent: boolean;
};

/** What to write for one document now, to be passed back to `settle` once it is written. */
export type SessionPlan = {
  documentId: string;
  write: SessionActivity[];
  /** What waits after the write, per person. */
  keep: Map<string, { waiting: Activity | null; urgent: boolean }>;
};

function sessionActivity(documentId: string, userId: string, activity: Activity): SessionActivity {
  return {
    documentId,
    userId,
    clauseIds: [...activity.clauseIds],
    updates: activity.updates,
    startedAt: new Date(activity.first),
    endedAt: new Date(activity.last),
  };
}

/** Both together; the parts list is shared when the later one adds no part (the usual case). */
function merged(a: Activity, b: Activity): Activity {
  const added = b.clauseIds.filter((id) => !a.clauseIds.includes(id));
  return {
    clauseIds: added.length === 0 ? a.clauseIds : [...a.clauseIds, ...added],
    updates: a.updates + b.updates,
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
  };
}

/**
 * Decides, per person and document, which session activity is written with a batch and which waits
 * (SESSION_WRITE_INTERVAL_MS at most). Plans change nothing until settled, so a batch that fails to
 * store leaves the ledger as it was and its updates' activity is planned again with the retry.
 */
export class SessionLedger {
  private readonly documents = new Map<string, Map<string, LedgerEntry>>();
  /**
   * Per document with activity waiting: when the earliest of it falls due (0: at the next chance).
   * Kept as each document settles, so asking what is due does not walk every person of every
   * document: it was asked twice per batch, and that walk grew with the documents loaded.
   */
  private readonly dueAt = new Map<string, number>();
  /** Documents whose room is gone while activity of theirs still waited: dropped once it is written. */
  private readonly unloaded = new Set<string>();

  constructor(
    private readonly intervalMs = SESSION_WRITE_INTERVAL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * `incoming` is the batch's activity per person; `force` writes everything waiting (shutdown,
   * unloading, tests). Runs for every document of every batch, so the usual case (more typing in
   * parts already written) allocates little.
   */
  plan(documentId: string, incoming: ReadonlyMap<string, Activity>, force: boolean): SessionPlan {
    const now = this.clock();
    const entries = this.documents.get(documentId);
    const plan: SessionPlan = { documentId, write: [], keep: new Map() };
    const planFor = (userId: string, entry: LedgerEntry | undefined, fresh: Activity | null): void => {
      const waiting = entry?.waiting ?? null;
      if (waiting && fresh && fresh.first - waiting.last > SESSION_GAP_MS) {
        // A pause long enough to start a new session lies between them: one statement cannot write
        // both, so the older one goes now and the new session's start right after.
        plan.write.push(sessionActivity(documentId, userId, waiting));
        plan.keep.set(userId, { waiting: fresh, urgent: true });
        return;
      }
      const combined = waiting && fresh ? merged(waiting, fresh) : (waiting ?? fresh);
      if (!combined) return;
      const due =
        force ||
        entry === undefined ||
        entry.urgent ||
        now - entry.writtenAt >= this.intervalMs ||
        combined.clauseIds.some((id) => !entry.written.has(id));
      if (due) plan.write.push(sessionActivity(documentId, userId, combined));
      plan.keep.set(userId, { waiting: due ? null : combined, urgent: false });
    };
    // forEach, not for…of, here and below: this runs for every document of every batch, and an
    // iterator's entry arrays were a noticeable share of what the server allocated.
    incoming.forEach((fresh, userId) => planFor(userId, entries?.get(userId), fresh));
    entries?.forEach((entry, userId) => {
      if (!incoming.has(userId)) planFor(userId, entry, null);
    });
    return plan;
  }

  /** Records that the plan was written. */
  settle(plan: SessionPlan): void {
    const now = this.clock();
    let entries = this.documents.get(plan.documentId);
    if (!entries) {
      entries = new Map();
      this.documents.set(plan.documentId, entries);
    }
    const written = plan.write.length === 0 ? null : new Map(plan.write.map((activity) => [activity.userId, activity]));
    plan.keep.forEach((keep, userId) => {
      const activity = written?.get(userId);
      let entry = entries.get(userId);
      if (!entry) {
        entry = { written: new Set(), writtenAt: now, waiting: null, urgent: false };
        entries.set(userId, entry);
      }
      // What waits urgently is a new session's start: every part written so far, this write's
      // included, was the old session's.
      if (keep.urgent) entry.written = new Set();
      else for (const id of activity?.clauseIds ?? []) entry.written.add(id);
      if (activity) entry.writtenAt = now;
      entry.waiting = keep.waiting;
      entry.urgent = keep.urgent;
    });
    this.tidy(plan.documentId, entries, now);
  }

  /** Documents with activity waiting that is due now (or everything waiting, with `force`). */
  dueDocuments(force: boolean): string[] {
    const now = this.clock();
    const due: string[] = [];
    this.dueAt.forEach((at, documentId) => {
      if (force || at <= now) due.push(documentId);
    });
    return due;
  }

  /**
   * When the earliest waiting activity falls due (real time), or Infinity; `notBefore` holds a
   * document back (its store is backing off after a failure).
   */
  nextDue(notBefore: (documentId: string) => number = () => 0): number {
    let next = Infinity;
    this.dueAt.forEach((at, documentId) => {
      next = Math.min(next, Math.max(notBefore(documentId), at));
    });
    return next;
  }

  /** Drops a document (deleted: its activity has nowhere to go). */
  forget(documentId: string): void {
    this.documents.delete(documentId);
    this.dueAt.delete(documentId);
    this.unloaded.delete(documentId);
  }

  /**
   * Drops a document whose room is gone, or, when activity of it still waits to be written, once
   * that is written. (Should the room load again first, the people's next activity in it is written
   * at once, as after any pause.)
   */
  forgetSettled(documentId: string): void {
    if (this.dueAt.has(documentId)) this.unloaded.add(documentId);
    else this.forget(documentId);
  }

  /**
   * After a document settled: drops its entries that have nothing waiting and were written longer
   * ago than the interval (such an entry plans exactly as a missing one would: its next activity is
   * written at once), so the ledger holds only the people editing now; and records when what still
   * waits falls due. A document whose room is gone goes once nothing of it waits.
   */
  private tidy(documentId: string, entries: Map<string, LedgerEntry>, now: number): void {
    let due = Infinity;
    entries.forEach((entry, userId) => {
      if (entry.waiting) due = Math.min(due, entry.urgent ? 0 : entry.writtenAt + this.intervalMs);
      else if (now - entry.writtenAt >= this.intervalMs) entries.delete(userId);
    });
    if (due !== Infinity) {
      this.dueAt.set(documentId, due);
      return;
    }
    this.dueAt.delete(documentId);
    if (entries.size === 0 || this.unloaded.has(documentId)) this.forget(documentId);
  }
}
