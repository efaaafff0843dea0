import { describe, expect, test } from "vitest";
import { Node } from "prosemirror-model";
import { newId } from "./ids";
import { schema } from "./schema";
import { annex, clause, doc, figure, caption, formula, foreword, li, list, p, strong, title, xref } from "./test-builders";

describe("schema", () => {
  test("uses the agreed vocabulary", () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        "doc", "foreword", "introduction", "clause", "clause_title", "annex", "bibliography", "paragraph", "list",
        "list_item", "note", "example", "term_entry", "term_preferred", "term_preferred_en", "term_admitted",
        "term_definition", "note_to_entry", "term_source", "reference_entry", "bibliography_entry", "table_block",
        "caption", "table", "table_row", "table_cell", "table_header", "figure", "formula", "text", "hard_break",
        "cross_ref",
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(["code", "em", "link", "strong", "sub", "sup"]);
  });

  test("a document survives a JSON round trip", () => {
    const original = doc(
      foreword(p("本文件", strong("按照"), "起草。")),
      clause({ id: "c1", kind: "scope" }, title("范围"), p("见", xref("ax")), list({ style: "alpha" }, li(p("一")))),
      annex({ id: "ax", normative: true }, title("附录"), figure({ id: "f", src: "/a.png", width: 320 }, caption("图")), formula({ id: "m", latex: "a^2" })),
    );
    const copy = Node.fromJSON(schema, original.toJSON());
    copy.check();
    expect(copy.eq(original)).toBe(true);
  });

  test("attribute values are checked", () => {
    expect(() => schema.nodes.clause.create({ kind: "chapter" })).toThrow(/general, scope/);
    expect(() => schema.nodes.list.create({ style: "roman" })).toThrow(RangeError);
    expect(() => schema.nodes.annex.create({ normative: "yes" })).toThrow(RangeError);
    expect(() => schema.nodes.cross_ref.create({})).toThrow(/target/);
    expect(schema.nodes.clause.create().attrs).toEqual({ id: null, kind: "general" });
  });

  test("the document needs a foreword and a clause, and a formula has no content", () => {
    expect(schema.nodes.formula.isAtom && schema.nodes.formula.isLeaf).toBe(true);
    expect(() => schema.nodes.doc.createChecked(null, [schema.nodes.foreword.create(null, schema.nodes.paragraph.create())])).toThrow();
  });

  test("new ids are short, start with a letter and do not repeat", () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(ids.every((id) => /^[a-z][a-z2-9]{9}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
