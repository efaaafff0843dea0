// The session ledger decides which edit-session activity is written with a batch and which waits.
// Pure: no database, both clocks in the test's hands.
import { describe, expect, test } from "vitest";
import { ActivityAccumulator, SESSION_GAP_MS, SessionLedger } from "./edit-sessions";

const INTERVAL = 10_000;
const T0 = Date.parse("2026-12-01T08:00:00Z");

type Edits = { userId: string; clauseIds: string[]; at: number; updates: number };

/** `updates` edits by one person at `at`, all in the given parts. */
function activity(userId: string, clauseIds: string[], at: number, updates = 1): Edits {
  return { userId, clauseIds, at, updates };
}

/** A batch's activity, as the batcher accumulates it from its updates. */
function batch(edits: Edits[]) {
  const accumulator = new ActivityAccumulator();
  for (const { userId, clauseIds, at, updates } of edits) {
    for (let i = 0; i < updates; i++) accumulator.add(userId, clauseIds, at);
  }
  return accumulator.activities();
}

function setup() {
  let realNow = 1_000_000;
  const ledger = new SessionLedger(INTERVAL, () => realNow);
  return {
    ledger,
    advance: (ms: number) => (realNow += ms),
    /** Plans and, as after a successful store, settles. */
    store: (edits: Edits[], force = false) => {
      const plan = ledger.plan("doc", batch(edits), force);
      ledger.settle(plan);
      return plan.write.map((a) => ({ userId: a.userId, clauseIds: a.clauseIds, updates: a.updates, startedAt: a.startedAt.getTime(), endedAt: a.endedAt.getTime() }));
    },
  };
}

describe("SessionLedger", () => {
  test("a person's first activity is written at once; more in the same parts waits, then goes with the next new part", () => {
    const { store, advance } = setup();
    expect(store([activity("li", ["c-1"], T0)])).toEqual([{ userId: "li", clauseIds: ["c-1"], updates: 1, startedAt: T0, endedAt: T0 }]);
    advance(1_000);
    expect(store([activity("li", ["c-1"], T0 + 1_000)])).toEqual([]);
    advance(1_000);
    expect(store([activity("li", ["c-1"], T0 + 2_000, 3)])).toEqual([]);
    advance(1_000);
    // A part not written yet: written now, carrying what waited (4 updates, from T0 + 1 s).
    expect(store([activity("li", ["c-2"], T0 + 3_000)])).toEqual([
      { userId: "li", clauseIds: ["c-1", "c-2"], updates: 5, startedAt: T0 + 1_000, endedAt: T0 + 3_000 },
    ]);
  });

  test("what waits is due after the interval, and the ledger names its document for a batch of no rows", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0)]);
    advance(2_000);
    store([activity("li", ["c-1"], T0 + 2_000)]);
    expect(ledger.dueDocuments(false)).toEqual([]);
    expect(ledger.nextDue()).toBe(1_000_000 + INTERVAL);
    advance(INTERVAL - 2_000);
    expect(ledger.dueDocuments(false)).toEqual(["doc"]);
    expect(store([])).toEqual([{ userId: "li", clauseIds: ["c-1"], updates: 1, startedAt: T0 + 2_000, endedAt: T0 + 2_000 }]);
    expect(ledger.nextDue()).toBe(Infinity);
  });

  test("a forced plan (flush, shutdown) writes everything waiting", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0), activity("wang", ["c-3"], T0)]);
    advance(500);
    store([activity("li", ["c-1"], T0 + 500), activity("wang", ["c-3"], T0 + 500)]);
    expect(ledger.dueDocuments(true)).toEqual(["doc"]);
    expect(store([], true).map((a) => a.userId).sort()).toEqual(["li", "wang"]);
    expect(ledger.dueDocuments(true)).toEqual([]);
  });

  test("a plan that is not settled (the store failed) changes nothing", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0)]);
    advance(500);
    store([activity("li", ["c-1"], T0 + 500)]);
    advance(500);
    const failed = ledger.plan("doc", batch([activity("li", ["c-2"], T0 + 1_000)]), false);
    expect(failed.write).toHaveLength(1);
    // The retry plans the same updates again: counted once, with what waited.
    expect(store([activity("li", ["c-2"], T0 + 1_000)])).toEqual([
      { userId: "li", clauseIds: ["c-1", "c-2"], updates: 2, startedAt: T0 + 500, endedAt: T0 + 1_000 },
    ]);
  });

  test("waiting activity and a new session's start are not merged across a long pause", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0)]);
    advance(500);
    store([activity("li", ["c-1"], T0 + 500)]);
    // The sessions' clock jumps past the gap (tests do; a real pause outlasts the interval anyway).
    const later = T0 + 500 + SESSION_GAP_MS + 60_000;
    expect(store([activity("li", ["c-5"], later)])).toEqual([{ userId: "li", clauseIds: ["c-1"], updates: 1, startedAt: T0 + 500, endedAt: T0 + 500 }]);
    // The new session's start is written at the next chance, on its own.
    expect(ledger.nextDue()).toBe(0);
    expect(ledger.dueDocuments(false)).toEqual(["doc"]);
    expect(store([])).toEqual([{ userId: "li", clauseIds: ["c-5"], updates: 1, startedAt: later, endedAt: later }]);
    // A part only the old session named is new to this one: written at once.
    advance(500);
    expect(store([activity("li", ["c-1"], later + 1_000)]).map((a) => a.clauseIds)).toEqual([["c-1"]]);
    advance(500);
    expect(store([activity("li", ["c-5"], later + 2_000)])).toEqual([]);
  });

  test("people are planned apart, and someone idle longer than the interval is written at once again", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0)]);
    advance(1_000);
    expect(store([activity("li", ["c-1"], T0 + 1_000), activity("wang", ["c-1"], T0 + 1_000)]).map((a) => a.userId)).toEqual(["wang"]);
    advance(INTERVAL);
    // Li's waiting activity is due; Wang's entry, with nothing waiting and written long ago, is gone.
    expect(ledger.dueDocuments(false)).toEqual(["doc"]);
    expect(store([]).map((a) => a.userId)).toEqual(["li"]);
    advance(INTERVAL);
    expect(ledger.dueDocuments(false)).toEqual([]);
    expect(store([activity("wang", ["c-1"], T0 + 30_000)]).map((a) => a.userId)).toEqual(["wang"]);
  });

  test("documents fall due each by its own waiting activity, and one still waiting outlives its room", () => {
    const { ledger, advance } = setup();
    const settle = (documentId: string, edits: Edits[]) => ledger.settle(ledger.plan(documentId, batch(edits), false));
    settle("a", [activity("li", ["c-1"], T0)]);
    advance(1_000);
    settle("b", [activity("wang", ["c-9"], T0 + 1_000)]);
    advance(1_000);
    settle("a", [activity("li", ["c-1"], T0 + 2_000)]);
    settle("b", [activity("wang", ["c-9"], T0 + 2_000)]);
    // Li's waiting activity in "a" falls due an interval after "a" was first written, Wang's in "b" a second later.
    expect(ledger.nextDue()).toBe(1_000_000 + INTERVAL);
    advance(INTERVAL - 2_000);
    expect(ledger.dueDocuments(false)).toEqual(["a"]);
    settle("a", []);
    expect(ledger.nextDue()).toBe(1_000_000 + 1_000 + INTERVAL);
    // "b"'s room goes away with activity still waiting: kept until it is written.
    ledger.forgetSettled("b");
    advance(1_000);
    expect(ledger.dueDocuments(false)).toEqual(["b"]);
    settle("b", []);
    expect(ledger.dueDocuments(true)).toEqual([]);
    expect(ledger.nextDue()).toBe(Infinity);
    // Written, "b" is gone from the ledger: Wang's next activity there is written at once.
    const next = ledger.plan("b", batch([activity("wang", ["c-9"], T0 + INTERVAL + 1_000)]), false);
    expect(next.write.map((a) => a.userId)).toEqual(["wang"]);
  });

  test("a document held back by a failing store is not due before its retry", () => {
    const { ledger, store, advance } = setup();
    store([activity("li", ["c-1"], T0)]);
    store([activity("li", ["c-1"], T0)]);
    expect(ledger.nextDue((documentId) => (documentId === "doc" ? 1_000_000 + 60_000 : 0))).toBe(1_000_000 + 60_000);
    advance(1);
    ledger.forget("doc");
    expect(ledger.nextDue()).toBe(Infinity);
  });
});
