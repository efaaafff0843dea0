import { describe, expect, test } from "vitest";
import type { Node } from "prosemirror-model";
import { EditorState, TextSelection } from "prosemirror-state";
import { insertClauseAfter, insertNote } from "../commands";
import { schema } from "../schema";
import {
  annex,
  bib,
  bibliography,
  clause,
  doc,
  foreword,
  formula,
  note,
  p,
  posOf,
  ref,
  simpleTable,
  stateIn,
  title,
} from "../test-builders";
import { decorationLabel, isTextOnlyChange, numberingOf, numberingPlugin, numberingVersion } from "./numbering";
import { numberingKey } from "../keys";

function withNumbering(document: Node, convention: "GB" | "ISO" = "GB"): EditorState {
  return EditorState.create({ doc: document, plugins: [numberingPlugin(convention)] });
}

/** "label@text" for every numbering decoration, in document order. */
function shown(state: EditorState): string[] {
  const set = numberingKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find()
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .map((decoration) => {
      const node = state.doc.nodeAt(decoration.from);
      const text = node?.type.name === "formula" ? String(node.attrs.latex) : (node?.textContent ?? "");
      return `${decorationLabel(decoration)}@${text.slice(0, 6)}`;
    });
}

const sample = () =>
  doc(
    foreword({ id: "fw" }, p("前言文字")),
    clause({ id: "c1" }, title("范围"), p({ id: "p1" }, "范围文本")),
    clause({ id: "c2" }, title("要求"), p("要求"), note({ id: "n1" }, p("注文")), simpleTable({ id: "t1" }, "参数"), formula({ id: "f1", latex: "a=b" })),
    annex({ id: "a1", normative: true }, title("试验"), clause({ id: "a11" }, title("总则"), simpleTable({ id: "t2" }, "附表"))),
    bibliography(bib("文献一")),
  );

describe("numbering plugin", () => {
  test("decorates titles, captions, notes, formulas, annexes and fixed headings with their labels", () => {
    expect(shown(withNumbering(sample()))).toEqual([
      "前言@前言文字",
      "1@范围",
      "2@要求",
      "注：@注文",
      "表 1@参数",
      "(1)@a=b",
      "附录 A（规范性）@试验",
      "A.1@总则",
      "表 A.1@附表",
      "参考文献@文献一",
      "[1]@文献一",
    ]);
  });

  test("ISO wording", () => {
    expect(shown(withNumbering(sample(), "ISO"))).toContain("Annex A (normative)@试验");
  });

  test("typing maps the decorations without renumbering", () => {
    const state = stateIn(sample(), "c1");
    const withPlugin = EditorState.create({ doc: state.doc, selection: state.selection, plugins: [numberingPlugin("GB")] });
    const tr = withPlugin.tr.insertText("新", posOf(withPlugin.doc, "p1") + 1);
    expect(isTextOnlyChange(tr)).toBe(true);
    const next = withPlugin.apply(tr);
    expect(numberingVersion(next)).toBe(numberingVersion(withPlugin));
    expect(shown(next)).toContain("2@要求");
    // Positions moved by one, and the labels moved with them.
    expect(numberingOf(next).byId.get("c2")?.pos).toBe(posOf(next.doc, "c2"));
  });

  test("inserting a clause renumbers the clauses after it", () => {
    const state = EditorState.create({ doc: sample(), plugins: [numberingPlugin("GB")] });
    const inFirst = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, "p1") + 1)));
    let next = inFirst;
    insertClauseAfter(inFirst, (tr) => {
      expect(isTextOnlyChange(tr)).toBe(false);
      next = inFirst.apply(tr);
    });
    expect(numberingVersion(next)).toBe(numberingVersion(inFirst) + 1);
    expect(shown(next).filter((label) => /^\d@/.test(label))).toEqual(["1@范围", "2@", "3@要求"]);
  });

  test("a second note numbers both", () => {
    const state = EditorState.create({ doc: sample(), plugins: [numberingPlugin("GB")] });
    const inNote = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, "n1") + 2)));
    let next = inNote;
    insertNote(inNote, (tr) => (next = inNote.apply(tr)));
    expect(shown(next).filter((label) => label.startsWith("注"))).toEqual(["注1：@注文", "注2：@"]);
  });

  test("a whole-document replacement, as Yjs applies remote changes, renumbers", () => {
    const state = withNumbering(sample());
    const changed = doc(foreword({ id: "fw" }, p("前言文字")), clause({ id: "c2" }, title("要求"), p("x")));
    const next = state.apply(state.tr.replaceWith(0, state.doc.content.size, changed.content));
    expect(shown(next)).toEqual(["前言@前言文字", "1@要求"]);
  });

  test("typing in a normative reference renumbers, because cross-references show its designation", () => {
    const document = doc(foreword(p("x")), clause({ id: "c1" }, title("规范性引用文件"), ref({ id: "r1" }, "GB/T 1")));
    const state = withNumbering(document);
    const tr = state.tr.insertText("2", posOf(state.doc, "r1") + 7);
    expect(isTextOnlyChange(tr)).toBe(false);
    expect(numberingOf(state.apply(tr)).byId.get("r1")?.refText).toBe("GB/T 12");
  });

  test("splitting a paragraph is structural", () => {
    const state = withNumbering(sample());
    const tr = state.tr.split(posOf(state.doc, "p1") + 2);
    expect(isTextOnlyChange(tr)).toBe(false);
  });

  test("marks are text-only", () => {
    const state = withNumbering(sample());
    const from = posOf(state.doc, "p1") + 1;
    expect(isTextOnlyChange(state.tr.addMark(from, from + 2, schema.marks.strong.create()))).toBe(true);
  });
});
