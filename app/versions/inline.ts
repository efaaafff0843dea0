/*
 * The text diff of one textblock in two versions, as runs a renderer or a .docx exporter can write
 * directly: equal, inserted and deleted stretches, each with its marks.
 *
 * Tokens carry their marks into the comparison, so making a word bold shows as that word deleted and
 * inserted bold: Word's tracked changes can hold that, and a reviewer sees it. Cross-references are
 * compared by their target, not their text: a reference whose target was renumbered ("见 5.3" →
 * "见 5.4") was not edited and shows as equal, with the newer number.
 *
 * After the token diff, an equal stretch no longer than the changes on both of its sides is folded
 * into them (the rule of diff-match-patch's semantic cleanup). A character diff of a rewritten Chinese
 * sentence otherwise keeps every shared 的 and 应 as equal and reads as noise.
 */
import { Mark, type Node } from "prosemirror-model";
import { marksKey } from "./hash";
import { markToJson } from "./json";
import { diffSequences } from "./myers";
import { tokenize } from "./tokenize";
import type { InlineAtom, Run, RunOp } from "./types";

export interface InlineToken {
  /** What the token is compared by: its text or atom, and its marks. */
  key: string;
  text: string;
  marks: readonly Mark[];
  atom: InlineAtom | null;
}

/** The text a cross-reference to `target` shows in one version ("5.2", "表 3"); "" when it points nowhere. */
export type RefText = (target: string) => string;

export function inlineTokens(block: Node, refText: RefText): InlineToken[] {
  const tokens: InlineToken[] = [];
  block.forEach((child) => {
    const marks = child.marks;
    const markPart = marksKey(marks);
    if (child.isText) {
      for (const text of tokenize(child.text ?? "")) tokens.push({ key: `${markPart}\u0001${text}`, text, marks, atom: null });
    } else if (child.type.name === "cross_ref") {
      const target = String(child.attrs.target);
      tokens.push({ key: `${markPart}\u0002ref:${target}`, text: refText(target), marks, atom: { type: "cross_ref", target } });
    } else if (child.type.name === "hard_break") {
      tokens.push({ key: `${markPart}\u0002br`, text: "\n", marks, atom: { type: "hard_break" } });
    } else {
      // The schema has no other inline node; should one be added, its text is compared as text.
      tokens.push({ key: `${markPart}\u0002${child.type.name}:${child.textContent}`, text: child.textContent, marks, atom: null });
    }
  });
  return tokens;
}

/** A stretch of the token diff: equal, or a change (old tokens replaced by new ones, either side may be empty). */
interface Segment {
  equal: boolean;
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function segmentsOf(oldTokens: readonly InlineToken[], newTokens: readonly InlineToken[]): Segment[] {
  const ids = new Map<string, number>();
  const intern = (token: InlineToken): number => {
    let id = ids.get(token.key);
    if (id === undefined) {
      id = ids.size;
      ids.set(token.key, id);
    }
    return id;
  };
  const edits = diffSequences(oldTokens.map(intern), newTokens.map(intern));
  const segments: Segment[] = [];
  for (const edit of edits) {
    const equal = edit.op === "equal";
    const last = segments[segments.length - 1];
    if (last && !last.equal && !equal) {
      last.oldEnd = Math.max(last.oldEnd, edit.oldEnd);
      last.newEnd = Math.max(last.newEnd, edit.newEnd);
    } else {
      segments.push({ equal, oldStart: edit.oldStart, oldEnd: edit.oldEnd, newStart: edit.newStart, newEnd: edit.newEnd });
    }
  }
  return segments;
}

function prefixLengths(tokens: readonly InlineToken[]): Int32Array {
  const sums = new Int32Array(tokens.length + 1);
  tokens.forEach((token, i) => {
    sums[i + 1] = sums[i] + token.text.length;
  });
  return sums;
}

/** Folds short equal stretches into the changes around them (see the top of the file). */
function foldShortEqualities(segments: Segment[], oldTokens: readonly InlineToken[], newTokens: readonly InlineToken[]): Segment[] {
  const oldLengths = prefixLengths(oldTokens);
  const newLengths = prefixLengths(newTokens);
  const size = (segment: Segment) =>
    Math.max(oldLengths[segment.oldEnd] - oldLengths[segment.oldStart], newLengths[segment.newEnd] - newLengths[segment.newStart]);
  const result = [...segments];
  let i = 1;
  while (i < result.length - 1) {
    const [before, equal, after] = [result[i - 1], result[i], result[i + 1]];
    if (equal.equal && !before.equal && !after.equal) {
      const length = size(equal);
      if (length <= size(before) && length <= size(after)) {
        result.splice(i - 1, 3, { equal: false, oldStart: before.oldStart, oldEnd: after.oldEnd, newStart: before.newStart, newEnd: after.newEnd });
        // The merged change is larger: the equality before it may now fold too.
        i = Math.max(1, i - 2);
        continue;
      }
    }
    i++;
  }
  return result;
}

class RunList {
  readonly runs: Run[] = [];
  private lastMarks: readonly Mark[] = [];

  push(op: RunOp, token: InlineToken): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last.op === op && !last.atom && !token.atom && Mark.sameSet(this.lastMarks, token.marks)) {
      last.text += token.text;
      return;
    }
    const run: Run = { op, text: token.text, marks: token.marks.map(markToJson) };
    if (token.atom) run.atom = token.atom;
    this.runs.push(run);
    this.lastMarks = token.marks;
  }
}

/** The runs that turn the older textblock's content into the newer one's, deletions before insertions. */
export function diffInline(older: Node, newer: Node, oldRefText: RefText, newRefText: RefText): Run[] {
  const oldTokens = inlineTokens(older, oldRefText);
  const newTokens = inlineTokens(newer, newRefText);
  const segments = foldShortEqualities(segmentsOf(oldTokens, newTokens), oldTokens, newTokens);
  const list = new RunList();
  for (const segment of segments) {
    if (segment.equal) {
      // Equal tokens have equal keys; the newer ones carry the newer cross-reference text.
      for (let j = segment.newStart; j < segment.newEnd; j++) list.push("equal", newTokens[j]);
      continue;
    }
    for (let i = segment.oldStart; i < segment.oldEnd; i++) list.push("delete", oldTokens[i]);
    for (let j = segment.newStart; j < segment.newEnd; j++) list.push("insert", newTokens[j]);
  }
  return list.runs;
}
