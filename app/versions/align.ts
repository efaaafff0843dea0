/*
 * Aligns the children of one block in two versions: which old child became which new child, which
 * were deleted, inserted, or moved.
 *
 * 1. Children with an id found on both sides are the same element, whatever their text. Of those,
 *    the longest run that kept its order stays in place (a longest increasing subsequence of old
 *    indices taken in new order); the rest moved. Inserting a clause shifts the others' numbers but
 *    not their order, so they are not moves.
 * 2. Between those fixed points, children without an id are aligned by exact content (Myers over
 *    content hashes), so an unchanged paragraph is never mistaken for an edited one.
 * 3. What is left in each gap is paired by similarity (a small weighted LCS), so that an edited
 *    paragraph or table row shows as edited rather than deleted + inserted. Types that fill a fixed
 *    slot (a clause title, a term's definition, a table row) pair however different they are; a
 *    paragraph only pairs with one that shares enough of its words, or when it is the only candidate
 *    on each side.
 * A child with an id is never paired by content: ids are stable, so a clause with a new id is new.
 */
import { diffSequences } from "./myers";

export interface AlignItem {
  /** The id shared with a child on the other side, or null. */
  key: string | null;
  /** Content hash: equal hashes are candidates for an exact match, confirmed by `same`. */
  hash: number;
  type: string;
  /** Whether the item may be paired by content (false for elements whose id is their identity). */
  pairable: boolean;
}

export type AlignOp =
  | { op: "pair"; oldIndex: number; newIndex: number }
  | { op: "delete"; oldIndex: number }
  | { op: "insert"; newIndex: number }
  /** Where a child that kept its id but left its order stood. */
  | { op: "move_from"; oldIndex: number; newIndex: number }
  /** Where it stands now. */
  | { op: "move_to"; oldIndex: number; newIndex: number };

export interface AlignOptions {
  same(oldIndex: number, newIndex: number): boolean;
  /** 0 (nothing shared) … 1 (same words). */
  similarity(oldIndex: number, newIndex: number): number;
}

/** Minimum similarity for pairing by content; types that fill a fixed slot pair at any similarity. */
const SLOT_TYPES: ReadonlySet<string> = new Set([
  "clause_title",
  "caption",
  "term_preferred",
  "term_preferred_en",
  "term_admitted",
  "term_definition",
  "term_source",
  "note_to_entry",
  "table",
  "table_row",
  "table_cell",
  "table_header",
  "column",
]);
const MIN_SIMILARITY = 0.5;
// A pair is worth a little more than no pair, so that slot types with nothing in common still pair.
const PAIR_BONUS = 0.01;
// Past this many candidate pairs in one gap, pairing goes in order instead of by weighted LCS.
const MAX_PAIRING_CELLS = 250_000;

function minSimilarity(type: string): number {
  return SLOT_TYPES.has(type) ? 0 : MIN_SIMILARITY;
}

type Pair = [oldIndex: number, newIndex: number];

export function alignChildren(older: readonly AlignItem[], newer: readonly AlignItem[], options: AlignOptions): AlignOp[] {
  const newByKey = new Map<string, number>();
  newer.forEach((item, index) => {
    if (item.key !== null) newByKey.set(item.key, index);
  });

  // 1. Keyed pairs in new order; those outside the longest increasing run of old indices moved.
  const keyed: Pair[] = [];
  older.forEach((item, oldIndex) => {
    const newIndex = item.key === null ? undefined : newByKey.get(item.key);
    if (newIndex !== undefined) keyed.push([oldIndex, newIndex]);
  });
  keyed.sort((x, y) => x[1] - y[1]);
  const stable = new Set(longestIncreasing(keyed.map(([oldIndex]) => oldIndex)));
  const anchors: Pair[] = [];
  const moves: Pair[] = [];
  keyed.forEach((pair, i) => (stable.has(i) ? anchors : moves).push(pair));

  // 2 and 3. Children without an id, gap by gap between the anchors.
  const pairs: Pair[] = [];
  let oldFrom = 0;
  let newFrom = 0;
  for (const anchor of [...anchors, [older.length, newer.length] as Pair]) {
    const oldGap = range(oldFrom, anchor[0]).filter((i) => older[i].key === null);
    const newGap = range(newFrom, anchor[1]).filter((j) => newer[j].key === null);
    pairs.push(...alignGap(older, newer, oldGap, newGap, options));
    if (anchor[0] < older.length) pairs.push(anchor);
    oldFrom = anchor[0] + 1;
    newFrom = anchor[1] + 1;
  }

  return opsFromPairs(older.length, newer.length, pairs, moves);
}

/**
 * The merged sequence of operations for pairs that keep their order on both sides, with moved pairs
 * reported where they stood and where they stand. Unpaired old children come before unpaired new
 * ones in each gap, as Word shows a replacement: deletion first.
 */
export function opsFromPairs(oldLength: number, newLength: number, pairs: readonly Pair[], moves: readonly Pair[] = []): AlignOp[] {
  const movedFrom = new Map(moves.map(([oldIndex, newIndex]) => [oldIndex, newIndex]));
  const movedTo = new Map(moves.map(([oldIndex, newIndex]) => [newIndex, oldIndex]));
  const ops: AlignOp[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [oldIndex, newIndex] of [...pairs, [oldLength, newLength] as Pair]) {
    for (; oldAt < oldIndex; oldAt++) {
      const to = movedFrom.get(oldAt);
      ops.push(to === undefined ? { op: "delete", oldIndex: oldAt } : { op: "move_from", oldIndex: oldAt, newIndex: to });
    }
    for (; newAt < newIndex; newAt++) {
      const from = movedTo.get(newAt);
      ops.push(from === undefined ? { op: "insert", newIndex: newAt } : { op: "move_to", oldIndex: from, newIndex: newAt });
    }
    if (oldIndex < oldLength) ops.push({ op: "pair", oldIndex, newIndex });
    oldAt = oldIndex + 1;
    newAt = newIndex + 1;
  }
  return ops;
}

function range(from: number, to: number): number[] {
  const result: number[] = [];
  for (let i = from; i < to; i++) result.push(i);
  return result;
}

export function longestIncreasing(values: readonly number[]): number[] {
  // Patience sorting: tails[l] is the index of the smallest tail of an increasing run of length l + 1.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]] < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const result: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result.push(i);
  return result.reverse();
}

/** Pairs within one gap: exact matches first, then the rest by similarity between them. */
function alignGap(
  older: readonly AlignItem[],
  newer: readonly AlignItem[],
  oldGap: readonly number[],
  newGap: readonly number[],
  options: AlignOptions,
): Pair[] {
  if (oldGap.length === 0 || newGap.length === 0) return [];
  // Exact matches as positions within the gap.
  const exact: Pair[] = [];
  for (const edit of diffSequences(
    oldGap.map((i) => older[i].hash),
    newGap.map((j) => newer[j].hash),
  )) {
    if (edit.op !== "equal") continue;
    for (let k = 0; k < edit.oldEnd - edit.oldStart; k++) {
      const at: Pair = [edit.oldStart + k, edit.newStart + k];
      // A hash collision is left to the similarity pass rather than taken as equal.
      if (options.same(oldGap[at[0]], newGap[at[1]])) exact.push(at);
    }
  }

  const pairs: Pair[] = [];
  let o = 0;
  let n = 0;
  for (const at of [...exact, [oldGap.length, newGap.length] as Pair]) {
    pairs.push(...pairBySimilarity(older, newer, oldGap.slice(o, at[0]), newGap.slice(n, at[1]), options));
    if (at[0] < oldGap.length) pairs.push([oldGap[at[0]], newGap[at[1]]]);
    o = at[0] + 1;
    n = at[1] + 1;
  }
  return pairs;
}

function canPair(a: AlignItem, b: AlignItem): boolean {
  return a.pairable && b.pairable && a.type === b.type;
}

function pairBySimilarity(
  older: readonly AlignItem[],
  newer: readonly AlignItem[],
  oldRun: readonly number[],
  newRun: readonly number[],
  options: AlignOptions,
): Pair[] {
  const rows = oldRun.length;
  const cols = newRun.length;
  if (rows === 0 || cols === 0) return [];

  // One block replaced by one block of the same type: an edit, however much of it changed.
  if (rows === 1 && cols === 1) {
    return canPair(older[oldRun[0]], newer[newRun[0]]) ? [[oldRun[0], newRun[0]]] : [];
  }

  const score = (i: number, j: number): number => {
    const a = older[oldRun[i]];
    const b = newer[newRun[j]];
    if (!canPair(a, b)) return -1;
    const similarity = options.similarity(oldRun[i], newRun[j]);
    return similarity >= minSimilarity(a.type) ? similarity + PAIR_BONUS : -1;
  };

  if (rows * cols > MAX_PAIRING_CELLS) {
    // Too many to weigh against each other: pair in order, each with the next one that qualifies.
    const pairs: Pair[] = [];
    let j = 0;
    for (let i = 0; i < rows && j < cols; i++) {
      for (let k = j; k < cols && k < j + 8; k++) {
        if (score(i, k) >= 0) {
          pairs.push([oldRun[i], newRun[k]]);
          j = k + 1;
          break;
        }
      }
    }
    return pairs;
  }

  // Weighted LCS: best[i][j] is the best total score pairing oldRun[i…] with newRun[j…].
  const width = cols + 1;
  const best = new Float64Array((rows + 1) * width);
  const scores = new Float64Array(rows * cols);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const s = score(i, j);
      scores[i * cols + j] = s;
      let value = Math.max(best[(i + 1) * width + j], best[i * width + j + 1]);
      if (s >= 0) value = Math.max(value, s + best[(i + 1) * width + j + 1]);
      best[i * width + j] = value;
    }
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    const s = scores[i * cols + j];
    if (s >= 0 && best[i * width + j] === s + best[(i + 1) * width + j + 1]) {
      pairs.push([oldRun[i], newRun[j]]);
      i++;
      j++;
    } else if (best[i * width + j] === best[(i + 1) * width + j]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}
