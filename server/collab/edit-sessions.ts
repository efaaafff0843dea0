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
//   round trip per batch.
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
 * The ids of the named elements a transaction changed or created, in the order first met. Cost:
 * a short walk up per changed type and one look at each struct the transaction added.
 */
export function touchedElementIds(transaction: Y.Transaction): string[] {
  const ids = new Set<string>();
  const cache = new Map<unknown, string | null>();
  for (const type of transaction.changed.keys()) {
    const id = nearestNamedId(type, cache);
    if (id !== null) ids.add(id);
  }
  // Elements created by this transaction are not in `changed` (only types that existed before are);
  // a new clause is named by its own id, or by where it went.
  const { store } = transaction.doc;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
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

/** Accumulates the activity of a batch's updates, per user; updates without a user are skipped. */
export class ActivityAccumulator {
  private readonly byUser = new Map<string, { clauseIds: Set<string>; updates: number; first: number; last: number }>();

  add(userId: string | null, touched: readonly string[], at: number): void {
    if (userId === null) return;
    let entry = this.byUser.get(userId);
    if (!entry) {
      entry = { clauseIds: new Set(), updates: 0, first: at, last: at };
      this.byUser.set(userId, entry);
    }
    for (const id of touched) entry.clauseIds.add(id);
    entry.updates += 1;
    entry.first = Math.min(entry.first, at);
    entry.last = Math.max(entry.last, at);
  }

  activities(documentId: string): SessionActivity[] {
    return [...this.byUser].map(([userId, entry]) => ({
      documentId,
      userId,
      clauseIds: [...entry.clauseIds],
      updates: entry.updates,
      startedAt: new Date(entry.first),
      endedAt: new Date(entry.last),
    }));
  }
}
