import { describe, expect, test } from "vitest";
import { EditorState, TextSelection } from "prosemirror-state";
import { clause, doc, foreword, note, p, posOf, title } from "../test-builders";
import { clausesAllowedAt } from "./paste";

const document = () =>
  doc(
    foreword({ id: "fw" }, p({ id: "fwp" }, "前言")),
    clause({ id: "c1" }, title("要求"), p({ id: "a" }, "第一段"), note({ id: "n" }, p({ id: "np" }, "注")), p({ id: "b" }, "末段"), clause({ id: "c11" }, title("子条"))),
  );

/** A cursor `offset` characters into the node with this id. */
function at(id: string, offset: number): EditorState {
  const d = document();
  return EditorState.create({ doc: d, selection: TextSelection.create(d, posOf(d, id) + 1 + offset) });
}

describe("where pasted headings may become clauses", () => {
  test("at the end of the last block before the subclauses", () => {
    expect(clausesAllowedAt(at("b", 2))).toBe(true);
  });

  test("not in the middle of the text, where the rest would need a clause of its own", () => {
    expect(clausesAllowedAt(at("b", 1))).toBe(false);
    expect(clausesAllowedAt(at("a", 3))).toBe(false);
  });

  test("not in a note or the foreword", () => {
    expect(clausesAllowedAt(at("np", 1))).toBe(false);
    expect(clausesAllowedAt(at("fwp", 2))).toBe(false);
  });
});
