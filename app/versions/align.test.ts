import { describe, expect, it } from "vitest";
import { alignChildren, longestIncreasing, type AlignItem, type AlignOp } from "./align";
import { diceSimilarity } from "./similarity";

/** Items from strings: "#id" is keyed, anything else is a paragraph compared by its words. */
function items(specs: readonly string[]): AlignItem[] {
  return specs.map((spec) => {
    const key = spec.startsWith("#") ? spec.slice(1).split(" ")[0] : null;
    let hash = 0;
    for (const char of spec) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return { key, hash, type: key === null ? "paragraph" : "clause", pairable: key === null };
  });
}

function bag(text: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const word of text.split(" ")) words.set(word, (words.get(word) ?? 0) + 1);
  return words;
}

function align(older: readonly string[], newer: readonly string[]): string[] {
  const ops = alignChildren(items(older), items(newer), {
    same: (i, j) => older[i] === newer[j],
    similarity: (i, j) => diceSimilarity(bag(older[i]), bag(newer[j])),
  });
  return ops.map((op: AlignOp) => {
    switch (op.op) {
      case "pair":
        return older[op.oldIndex] === newer[op.newIndex] ? `= ${older[op.oldIndex]}` : `~ ${older[op.oldIndex]} → ${newer[op.newIndex]}`;
      case "delete":
        return `- ${older[op.oldIndex]}`;
      case "insert":
        return `+ ${newer[op.newIndex]}`;
      case "move_from":
        return `< ${older[op.oldIndex]}`;
      case "move_to":
        return `> ${newer[op.newIndex]}`;
    }
  });
}

describe("alignChildren", () => {
  it("keeps keyed children in place when one is inserted before them", () => {
    expect(align(["#a", "#b", "#c"], ["#a", "#new", "#b", "#c"])).toEqual(["= #a", "+ #new", "= #b", "= #c"]);
  });

  it("reports a keyed child that left its order as moved, the others staying", () => {
    expect(align(["#a", "#b", "#c", "#d"], ["#d", "#a", "#b", "#c"])).toEqual(["> #d", "= #a", "= #b", "= #c", "< #d"]);
  });

  it("never pairs keyed children by content", () => {
    expect(align(["#a same text"], ["#b same text"])).toEqual(["- #a same text", "+ #b same text"]);
  });

  it("aligns unkeyed children by exact match first, then pairs edited ones by similarity", () => {
    expect(
      align(
        ["intro text", "the rated current shall be 250 A", "closing words here"],
        ["intro text", "a new paragraph", "the rated current shall be 300 A", "closing words here"],
      ),
    ).toEqual(["= intro text", "+ a new paragraph", "~ the rated current shall be 250 A → the rated current shall be 300 A", "= closing words here"]);
  });

  it("does not pair unrelated paragraphs when several are replaced", () => {
    expect(align(["alpha beta gamma", "one two three"], ["delta epsilon zeta", "one two four"])).toEqual([
      "- alpha beta gamma",
      "+ delta epsilon zeta",
      "~ one two three → one two four",
    ]);
  });

  it("pairs one paragraph replaced by one other as an edit", () => {
    expect(align(["#a", "old words", "#b"], ["#a", "entirely new", "#b"])).toEqual(["= #a", "~ old words → entirely new", "= #b"]);
  });
});

describe("longestIncreasing", () => {
  it("returns the indices of a longest strictly increasing run", () => {
    expect(longestIncreasing([])).toEqual([]);
    expect(longestIncreasing([3, 0, 1, 2])).toEqual([1, 2, 3]);
    expect(longestIncreasing([0, 4, 1, 2, 5, 3])).toEqual([0, 2, 3, 5]);
  });
});
