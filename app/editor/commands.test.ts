import { describe, expect, test } from "vitest";
import type { Node } from "prosemirror-model";
import { NodeSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import {
  demoteClause,
  insertClauseAfter,
  insertCrossRef,
  insertExample,
  insertFormula,
  insertNote,
  insertSubclause,
  insertTable,
  insertTermEntry,
  moveClauseDown,
  moveClauseUp,
  promoteClause,
} from "./commands";
import { idOf } from "./ids";
import { computeNumbering, crossRefText, labelFor, type Convention } from "./numbering";
import { MAX_CLAUSE_NESTING } from "./structure";
import {
  annex,
  caption,
  clause,
  doc,
  figure,
  foreword,
  introduction,
  note,
  p,
  posOf,
  simpleTable,
  stateAt,
  stateIn,
  stateSelecting,
  title,
  xref,
} from "./test-builders";
import { validateDoc } from "./validate";

/** Runs a command, asserting it applies and leaves a valid document. */
function run(state: EditorState, command: Command): EditorState {
  let result: Transaction | undefined;
  expect(command(state, (tr) => (result = tr))).toBe(true);
  if (!result) throw new Error("the command did not dispatch");
  const next = state.apply(result);
  next.doc.check();
  return next;
}

/** Clause ids in document order with their numbers: ["c1 1", "c2 2", "c2a 2.1"]. */
function outline(document: Node): string[] {
  const numbering = computeNumbering(document, "GB");
  return [...numbering.byPos.values()].filter((item) => item.kind === "clause").map((item) => `${item.id} ${item.number}`);
}

function label(document: Node, id: string, convention: Convention = "GB"): string | null {
  return labelFor(computeNumbering(document, convention), id);
}

/** The id of the clause around the cursor. */
function clauseAtCursor(state: EditorState): string | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === "clause") return idOf($from.node(depth));
  }
  return null;
}

const base = () =>
  doc(
    foreword(p("前言")),
    clause({ id: "c1" }, title("范围"), p("范围文本")),
    clause(
      { id: "c2" },
      title("要求"),
      p("要求文本"),
      clause({ id: "c2a" }, title("甲"), p("甲文本")),
      clause({ id: "c2b" }, title("乙"), p("乙文本")),
      clause({ id: "c2c" }, title("丙"), p("丙文本")),
    ),
    clause({ id: "c3" }, title("试验"), p("试验文本")),
  );

describe("inserting clauses", () => {
  test("a clause inserted after the current one renumbers those after it, cursor in its title", () => {
    const state = run(stateIn(base(), "c2a"), insertClauseAfter);
    const ids = outline(state.doc);
    expect(ids.slice(2, 6).map((entry) => entry.split(" ")[1])).toEqual(["2.1", "2.2", "2.3", "2.4"]);
    expect(ids[3]).toMatch(/ 2\.2$/);
    expect(ids).toContain("c2b 2.3");
    expect(state.selection.$from.parent.type.name).toBe("clause_title");
    expect(label(state.doc, clauseAtCursor(state) ?? "")).toBe("2.2");
  });

  test("a subclause goes after the existing subclauses", () => {
    const state = run(stateIn(base(), "c2"), insertSubclause);
    expect(label(state.doc, clauseAtCursor(state) ?? "")).toBe("2.4");
    expect(validateDoc(state.doc.toJSON())).toEqual([]);
  });

  test("an annex takes subclauses numbered after its letter", () => {
    const document = doc(foreword(p("…")), clause(title("范围")), annex({ id: "ax", normative: true }, title("附录")));
    const state = run(stateIn(document, "ax"), insertSubclause);
    expect(label(state.doc, clauseAtCursor(state) ?? "")).toBe("A.1");
  });

  test("nothing outside a clause gets a clause", () => {
    const inForeword = stateAt(base(), 2);
    expect(insertClauseAfter(inForeword)).toBe(false);
    expect(insertSubclause(inForeword)).toBe(false);
  });
});

/** A chain of clauses nested `levels` deep below a top-level clause, ids d0 (top) … d<levels>. */
function nested(levels: number): Node {
  let inner = clause({ id: `d${levels}` }, title(`level ${levels}`));
  for (let level = levels - 1; level >= 0; level--) inner = clause({ id: `d${level}` }, title(`level ${level}`), inner);
  return doc(foreword(p("…")), inner, clause({ id: "sibling" }, title("sibling")));
}

describe("the nesting limit", () => {
  test("subclauses may nest five levels deep (5.1.1.1.1.1) but not six", () => {
    expect(MAX_CLAUSE_NESTING).toBe(5);
    const deepest = nested(5);
    expect(label(deepest, "d5")).toBe("1.1.1.1.1.1");
    expect(insertSubclause(stateIn(deepest, "d4"))).toBe(true);
    expect(insertSubclause(stateIn(deepest, "d5"))).toBe(false);
    expect(validateDoc(deepest.toJSON())).toEqual([]);
  });

  test("demoting refuses to push a clause or its subclauses past the limit", () => {
    // d0 holds 4 levels below it; demoting `sibling` under d0 is fine (nesting 1).
    const state = stateIn(nested(4), "sibling");
    expect(demoteClause(state)).toBe(true);
    // A clause with 5 levels below it cannot go under anything.
    const tall = doc(foreword(p("…")), clause({ id: "first" }, title("first")), nested(5).child(1));
    expect(demoteClause(stateIn(tall, "d0"))).toBe(false);
    expect(demoteClause(stateIn(tall, "d1"))).toBe(false);
  });
});

describe("promoting and demoting", () => {
  test("demoting makes a clause the last subclause of the clause before it", () => {
    const state = run(stateIn(base(), "c3"), demoteClause);
    expect(outline(state.doc)).toEqual(["c1 1", "c2 2", "c2a 2.1", "c2b 2.2", "c2c 2.3", "c3 2.4"]);
    expect(clauseAtCursor(state)).toBe("c3");
  });

  test("demoting the first clause of its level is refused", () => {
    expect(demoteClause(stateIn(base(), "c1"))).toBe(false);
    expect(demoteClause(stateIn(base(), "c2a"))).toBe(false);
  });

  test("promoting keeps the text in order: the clauses after it become its subclauses", () => {
    const state = run(stateIn(base(), "c2b"), promoteClause);
    expect(outline(state.doc)).toEqual(["c1 1", "c2 2", "c2a 2.1", "c2b 3", "c2c 3.1", "c3 4"]);
    expect(clauseAtCursor(state)).toBe("c2b");
    expect(state.doc.textContent).toBe(base().textContent);
    expect(validateDoc(state.doc.toJSON())).toEqual([]);
  });

  test("promoting the last subclause and demoting it again restores the document", () => {
    const original = base();
    const promoted = run(stateIn(original, "c2c"), promoteClause);
    expect(outline(promoted.doc)).toEqual(["c1 1", "c2 2", "c2a 2.1", "c2b 2.2", "c2c 3", "c3 4"]);
    const back = run(promoted, demoteClause);
    expect(back.doc.eq(original)).toBe(true);
  });

  test("the cursor stays at the same place in the text", () => {
    const start = stateIn(base(), "c2b");
    const cursorText = (state: EditorState) => state.doc.textBetween(state.selection.from, state.selection.from + 1);
    expect(cursorText(start)).toBe("乙");
    expect(cursorText(run(start, promoteClause))).toBe("乙");
    expect(cursorText(run(run(start, promoteClause), demoteClause))).toBe("乙");
  });

  test("top-level clauses and clauses directly in an annex cannot be promoted", () => {
    expect(promoteClause(stateIn(base(), "c2"))).toBe(false);
    const document = doc(foreword(p("…")), clause(title("范围")), annex(title("附录"), clause({ id: "a1" }, title("概述"))));
    expect(promoteClause(stateIn(document, "a1"))).toBe(false);
  });
});

describe("moving clauses", () => {
  test("moving up and down swaps with the neighbouring clause and renumbers", () => {
    const up = run(stateIn(base(), "c2c"), moveClauseUp);
    expect(outline(up.doc).slice(2)).toEqual(["c2a 2.1", "c2c 2.2", "c2b 2.3", "c3 3"]);
    expect(clauseAtCursor(up)).toBe("c2c");
    const down = run(stateIn(base(), "c1"), moveClauseDown);
    expect(outline(down.doc).slice(0, 2)).toEqual(["c2 1", "c2a 1.1"]);
    expect(outline(down.doc)).toContain("c1 2");
    expect(clauseAtCursor(down)).toBe("c1");
  });

  test("there is nothing to swap with at the ends of a level", () => {
    expect(moveClauseUp(stateIn(base(), "c1"))).toBe(false);
    expect(moveClauseUp(stateIn(base(), "c2a"))).toBe(false);
    expect(moveClauseDown(stateIn(base(), "c2c"))).toBe(false);
    expect(moveClauseDown(stateIn(base(), "c3"))).toBe(false);
  });

  test("a selected clause node is the clause that moves", () => {
    expect(outline(run(stateSelecting(base(), "c3"), moveClauseUp).doc)).toContain("c3 2");
  });
});

describe("inserting blocks", () => {
  const withTables = () =>
    doc(
      foreword(p("…")),
      clause({ id: "c1" }, title("范围"), p("…")),
      clause({ id: "c2" }, title("要求"), p({ id: "para" }, "…"), simpleTable({ id: "tX" }, "旧表"), figure({ id: "fig" }, caption("图"))),
      clause({ id: "c3" }, title("试验"), simpleTable({ id: "tY" }, "另一表")),
    );

  test("a table is inserted after the current block, captioned and 2×2, and the tables after it renumber", () => {
    const state = run(stateIn(withTables(), "para"), insertTable);
    expect(state.selection.$from.parent.type.name).toBe("caption");
    const inserted = state.selection.$from.node(state.selection.$from.depth - 1);
    expect(inserted.type.name).toBe("table_block");
    const grid = inserted.child(1);
    expect([grid.childCount, grid.child(0).childCount]).toEqual([2, 2]);
    expect(grid.child(0).child(0).type.name).toBe("table_header");
    expect(label(state.doc, idOf(inserted) ?? "")).toBe("表 1");
    expect([label(state.doc, "tX"), label(state.doc, "tY", "ISO")]).toEqual(["表 2", "Table 3"]);
  });

  test("a second note numbers both; deleting one unnumbers the other", () => {
    const document = doc(foreword(p("…")), clause({ id: "c1" }, title("要求"), p({ id: "para" }, "…"), note({ id: "n1" }, p("旧注"))));
    expect(label(document, "n1")).toBe("注：");
    const state = run(stateIn(document, "para"), insertNote);
    const added = idOf(state.selection.$from.node(state.selection.$from.depth - 1)) ?? "";
    expect([label(state.doc, added), label(state.doc, "n1")]).toEqual(["注1：", "注2："]);
    const pos = posOf(state.doc, "n1");
    const deleted = state.apply(state.tr.delete(pos, pos + (state.doc.nodeAt(pos)?.nodeSize ?? 0)));
    expect(label(deleted.doc, added)).toBe("注：");
  });

  test("notes may go into the introduction, examples may not", () => {
    const document = doc(foreword(p("…")), introduction({ id: "intro" }, p("引言")), clause(title("范围")));
    expect(insertNote(stateIn(document, "intro"))).toBe(true);
    expect(insertExample(stateIn(document, "intro"))).toBe(false);
  });

  test("examples, term entries and formulas are inserted after the title when the cursor is in it", () => {
    const document = doc(foreword(p("…")), clause({ id: "c1" }, title("范围"), p("…")));
    const withExample = run(stateIn(document, "c1"), insertExample);
    expect(withExample.doc.child(1).child(1).type.name).toBe("example");
    const withTerm = run(stateIn(document, "c1"), insertTermEntry);
    expect(withTerm.selection.$from.parent.type.name).toBe("term_preferred");
    expect(label(withTerm.doc, idOf(withTerm.doc.child(1).child(1)) ?? "")).toBe("1.1");
    const withFormula = run(stateIn(document, "c1"), insertFormula("E=mc^2"));
    expect(withFormula.selection).toBeInstanceOf(NodeSelection);
    expect(withFormula.doc.child(1).child(1).attrs.latex).toBe("E=mc^2");
  });

  test("blocks cannot follow subclauses, nor go into the foreword", () => {
    expect(insertNote(stateSelecting(base(), "c2c"))).toBe(false);
    expect(insertTable(stateAt(base(), 2))).toBe(false);
  });
});

describe("cross-references", () => {
  test("a cross-reference follows its target through renumbering", () => {
    const document = doc(
      foreword(p("…")),
      clause({ id: "c1" }, title("范围"), p({ id: "para" }, "见")),
      clause({ id: "c2" }, title("要求"), clause({ id: "c2a" }, title("甲")), clause({ id: "c2b" }, title("乙"), simpleTable({ id: "tbl" }, "表"))),
    );
    let state = run(stateAt(document, posOf(document, "para") + 2), insertCrossRef("c2b"));
    state = run(state, insertCrossRef("tbl"));
    const refs = (s: EditorState, convention: Convention) => {
      const numbering = computeNumbering(s.doc, convention);
      const texts: (string | null)[] = [];
      s.doc.descendants((node) => {
        if (node.type.name === "cross_ref") texts.push(crossRefText(numbering, String(node.attrs.target)));
      });
      return texts;
    };
    expect(refs(state, "GB")).toEqual(["2.2", "表 1"]);
    // Move 2.2 up to 2.1, then insert a table before the referenced one.
    state = run(stateIn(state.doc, "c2b"), moveClauseUp);
    expect(refs(state, "GB")).toEqual(["2.1", "表 1"]);
    state = run(stateIn(state.doc, "c2b"), insertTable);
    expect(refs(state, "GB")).toEqual(["2.1", "表 2"]);
    expect(refs(state, "ISO")).toEqual(["2.1", "Table 2"]);
  });

  test("a cross-reference needs an existing target that can be referred to, and a place for inline content", () => {
    const document = doc(foreword(p("…")), clause({ id: "c1" }, title("范围"), p({ id: "para" }, "见", xref("c1"))));
    expect(insertCrossRef("c1")(stateIn(document, "para"))).toBe(true);
    expect(insertCrossRef("missing")(stateIn(document, "para"))).toBe(false);
    expect(insertCrossRef("para")(stateIn(document, "para"))).toBe(false);
    const formulaSelected = run(stateIn(document, "c1"), insertFormula());
    expect(insertCrossRef("c1")(formulaSelected)).toBe(false);
  });
});
