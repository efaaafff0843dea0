import { describe, expect, it } from "vitest";
import { diffSequences, type Edit } from "./myers";

/** Applies the edits to `a`, checking every equal stretch really is equal. */
function apply(a: readonly number[], b: readonly number[], edits: readonly Edit[]): number[] {
  const result: number[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const edit of edits) {
    expect(edit.oldStart).toBe(oldAt);
    expect(edit.newStart).toBe(newAt);
    if (edit.op === "equal") {
      expect(a.slice(edit.oldStart, edit.oldEnd)).toEqual(b.slice(edit.newStart, edit.newEnd));
      result.push(...a.slice(edit.oldStart, edit.oldEnd));
    } else if (edit.op === "insert") {
      expect(edit.oldEnd).toBe(edit.oldStart);
      result.push(...b.slice(edit.newStart, edit.newEnd));
    } else {
      expect(edit.newEnd).toBe(edit.newStart);
    }
    oldAt = edit.oldEnd;
    newAt = edit.newEnd;
  }
  expect([oldAt, newAt]).toEqual([a.length, b.length]);
  return result;
}

function lcsLength(a: readonly number[], b: readonly number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

function equalCount(edits: readonly Edit[]): number {
  return edits.filter((edit) => edit.op === "equal").reduce((sum, edit) => sum + edit.oldEnd - edit.oldStart, 0);
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
}

describe("diffSequences", () => {
  it("describes an edit in the middle as one deletion and one insertion between equal stretches", () => {
    expect(diffSequences([1, 2, 3, 4, 5], [1, 2, 9, 4, 5])).toEqual([
      { op: "equal", oldStart: 0, oldEnd: 2, newStart: 0, newEnd: 2 },
      { op: "delete", oldStart: 2, oldEnd: 3, newStart: 2, newEnd: 2 },
      { op: "insert", oldStart: 3, oldEnd: 3, newStart: 2, newEnd: 3 },
      { op: "equal", oldStart: 3, oldEnd: 5, newStart: 3, newEnd: 5 },
    ]);
  });

  it("handles empty sides", () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences([], [1, 2])).toEqual([{ op: "insert", oldStart: 0, oldEnd: 0, newStart: 0, newEnd: 2 }]);
    expect(diffSequences([1, 2], [])).toEqual([{ op: "delete", oldStart: 0, oldEnd: 2, newStart: 0, newEnd: 0 }]);
  });

  it("finds a shortest edit script: as many equal items as the longest common subsequence", () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 5));
      const b = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 5));
      const edits = diffSequences(a, b);
      expect(apply(a, b, edits)).toEqual(b);
      expect(equalCount(edits)).toBe(lcsLength(a, b));
    }
  });

  it("reports the middle as replaced when the sequences differ in more than maxEdits places", () => {
    const a = [0, 1, 2, 3, 4, 5, 6, 7, 9];
    const b = [0, 11, 12, 13, 14, 15, 16, 17, 9];
    expect(diffSequences(a, b, 4)).toEqual([
      { op: "equal", oldStart: 0, oldEnd: 1, newStart: 0, newEnd: 1 },
      { op: "delete", oldStart: 1, oldEnd: 8, newStart: 1, newEnd: 1 },
      { op: "insert", oldStart: 8, oldEnd: 8, newStart: 1, newEnd: 8 },
      { op: "equal", oldStart: 8, oldEnd: 9, newStart: 8, newEnd: 9 },
    ]);
  });

  // Speed is measured by `npm run bench:redline`; this checks the long, nearly equal case is exact.
  it("finds the few edits in long, nearly equal sequences", () => {
    const a = Array.from({ length: 200_000 }, (_, i) => i % 1000);
    const b = [...a];
    for (let i = 0; i < 50; i++) b[i * 3000 + 17] = -1;
    const edits = diffSequences(a, b);
    expect(equalCount(edits)).toBe(a.length - 50);
  });
});
