/*
 * Shortest edit script between two sequences of numbers (interned tokens, content hashes), by
 * E. W. Myers, "An O(ND) Difference Algorithm and Its Variations" (1986). Its cost grows with the
 * number of differences D rather than with the product of the lengths, which is what a redline
 * needs: most compared sequences are long and nearly equal.
 *
 * The common prefix and suffix are stripped first (an edit in the middle of a paragraph then costs
 * only the changed part). The search keeps one copy of its frontier per step to walk back the path,
 * so memory grows as D²; past `maxEdits` differences the middle is reported as replaced as a whole,
 * which is also what a reader would make of a text that differs that much.
 */

export type EditOp = "equal" | "insert" | "delete";

/** A stretch of one operation: `old[oldStart, oldEnd)` and `new[newStart, newEnd)` (one side empty unless equal). */
export interface Edit {
  op: EditOp;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Enough for any paragraph a person edited rather than rewrote; keeps the trace under ~16 MB. */
export const DEFAULT_MAX_EDITS = 2000;

class EditList {
  readonly edits: Edit[] = [];

  add(op: EditOp, oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    if (oldStart === oldEnd && newStart === newEnd) return;
    const last = this.edits[this.edits.length - 1];
    if (last && last.op === op && last.oldEnd === oldStart && last.newEnd === newStart) {
      last.oldEnd = oldEnd;
      last.newEnd = newEnd;
      return;
    }
    this.edits.push({ op, oldStart, oldEnd, newStart, newEnd });
  }
}

/** The edits that turn `a` into `b`, in order, adjacent edits of one operation merged. */
export function diffSequences(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits = DEFAULT_MAX_EDITS): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const list = new EditList();
  list.add("equal", 0, start, 0, start);
  middle(a, b, start, endA, start, endB, maxEdits, list);
  list.add("equal", endA, a.length, endB, b.length);
  return list.edits;
}

function middle(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  maxEdits: number,
  list: EditList,
): void {
  const n = endA - startA;
  const m = endB - startB;
  if (n === 0 || m === 0) {
    list.add("delete", startA, endA, startB, startB);
    list.add("insert", endA, endA, startB, endB);
    return;
  }

  const dMax = Math.min(n + m, maxEdits);
  const offset = dMax + 1;
  const v = new Int32Array(2 * dMax + 3);
  // trace[d] holds v[-d-1 … d+1] as it was before step d: all that walking back from step d reads.
  const trace: Int32Array[] = [];
  let found = -1;

  search: for (let d = 0; d <= dMax; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[startA + x] === b[startB + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break search;
      }
    }
  }

  if (found < 0) {
    list.add("delete", startA, endA, startB, startB);
    list.add("insert", endA, endA, startB, endB);
    return;
  }

  // Walk back from (n, m), collecting steps in reverse.
  const steps: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d];
    const at = (k: number) => before[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeX = down ? prevX : prevX + 1;
    const snakeY = down ? prevY + 1 : prevY;
    if (x > snakeX) steps.push({ op: "equal", oldStart: startA + snakeX, oldEnd: startA + x, newStart: startB + snakeY, newEnd: startB + y });
    if (down) steps.push({ op: "insert", oldStart: startA + prevX, oldEnd: startA + prevX, newStart: startB + prevY, newEnd: startB + prevY + 1 });
    else steps.push({ op: "delete", oldStart: startA + prevX, oldEnd: startA + prevX + 1, newStart: startB + prevY, newEnd: startB + prevY });
    x = prevX;
    y = prevY;
  }
  if (x > 0) steps.push({ op: "equal", oldStart: startA, oldEnd: startA + x, newStart: startB, newEnd: startB + y });

  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    list.add(step.op, step.oldStart, step.oldEnd, step.newStart, step.newEnd);
  }
}
