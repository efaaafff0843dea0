import { describe, expect, test } from "vitest";
import { validateDoc, type ProblemCode } from "./validate";
import { clause, doc, foreword, p, title, xref } from "./test-builders";

const text = (value: string) => ({ type: "text", text: value });
const para = (...content: object[]) => ({ type: "paragraph", content });
const heading = (value: string) => ({ type: "clause_title", content: [text(value)] });
const section = (id: string, ...content: object[]) => ({ type: "clause", attrs: { id, kind: "general" }, content: [heading(id), ...content] });
const docJson = (...clauses: object[]) => ({
  type: "doc",
  content: [{ type: "foreword", attrs: { id: "fw" }, content: [para(text("前言"))] }, ...clauses],
});

function codes(json: unknown): [ProblemCode, string][] {
  return validateDoc(json).map((problem) => [problem.code, problem.path]);
}

describe("validateDoc", () => {
  test("accepts a valid document, including one built with the builders", () => {
    expect(validateDoc(docJson(section("c1", para(text("…")))))).toEqual([]);
    const built = doc(foreword(p("…")), clause({ id: "c1" }, title("范围"), p("见", xref("c1"))));
    expect(validateDoc(built.toJSON())).toEqual([]);
  });

  test("points at content that breaks the schema", () => {
    // A clause without a title, and a paragraph after a subclause.
    const noTitle = { type: "clause", attrs: { id: "c2" }, content: [para(text("…"))] };
    const late = section("c3", section("c3.1"), para(text("…")));
    expect(codes(docJson(section("c1"), noTitle, late))).toEqual([
      ["invalid_content", "/content/2/content/0"],
      ["invalid_content", "/content/3/content/2"],
    ]);
    const problems = validateDoc(docJson(noTitle));
    expect(problems[0].message).toContain("expected clause_title");
  });

  test("reports a document that is incomplete", () => {
    expect(codes({ type: "doc", content: [{ type: "foreword", attrs: { id: "fw" }, content: [para()] }] })).toEqual([
      ["invalid_content", ""],
    ]);
  });

  test("reports unknown types, attributes and marks, bad attribute values and empty text", () => {
    const json = docJson(
      section(
        "c1",
        { type: "paragraf", content: [] },
        { type: "paragraph", attrs: { id: "p1", colour: "red" }, content: [text("…")] },
        { type: "list", attrs: { style: "roman" }, content: [{ type: "list_item", content: [para()] }] },
        para({ type: "text", text: "x", marks: [{ type: "underline" }] }),
        para({ type: "text", text: "" }),
      ),
      { type: "annex", attrs: { id: "ax", normative: "yes" }, content: [heading("附录")] },
    );
    expect(codes(json)).toEqual([
      ["unknown_type", "/content/1/content/1"],
      ["unknown_attr", "/content/1/content/2/attrs/colour"],
      ["invalid_attr", "/content/1/content/3/attrs"],
      ["invalid_mark", "/content/1/content/4/content/0/marks/0"],
      ["invalid_text", "/content/1/content/5/content/0"],
      ["invalid_attr", "/content/2/attrs"],
    ]);
  });

  test("reports marks that may not be combined", () => {
    const both = { type: "text", text: "2", marks: [{ type: "sub" }, { type: "sup" }] };
    expect(codes(docJson(section("c1", para(both))))).toEqual([["invalid_mark", "/content/1/content/1/content/0"]]);
  });

  test("reports clauses nested deeper than five levels", () => {
    let inner = section("d6");
    for (let level = 5; level >= 0; level--) inner = section(`d${level}`, inner);
    const problems = validateDoc(docJson(inner));
    expect(problems.map((problem) => problem.code)).toEqual(["too_deep"]);
    expect(problems[0].path).toBe(`/content/1${"/content/1".repeat(6)}`);
  });

  test("reports duplicate and missing ids", () => {
    const noId = { type: "clause", content: [heading("无id")] };
    expect(codes(docJson(section("c1", { type: "note", attrs: { id: "c1" }, content: [para()] }), noId))).toEqual([
      ["duplicate_id", "/content/1/content/1"],
      ["missing_id", "/content/2"],
    ]);
  });

  test("reports cross-references to nothing and to things that cannot be referred to", () => {
    const json = docJson(
      section(
        "c1",
        { type: "paragraph", attrs: { id: "para" }, content: [{ type: "cross_ref", attrs: { target: "gone" } }] },
        para({ type: "cross_ref", attrs: { target: "para" } }, { type: "cross_ref", attrs: { target: "c1" } }),
      ),
    );
    expect(codes(json)).toEqual([
      ["dangling_cross_ref", "/content/1/content/1/content/0"],
      ["bad_cross_ref_target", "/content/1/content/2/content/0"],
    ]);
  });

  test("rejects what is not a document", () => {
    expect(codes(null)).toEqual([["not_a_node", ""]]);
    expect(codes({ type: "paragraph", content: [text("…")] })).toEqual([["invalid_content", ""]]);
    expect(codes({ type: "doc", content: "clauses" })).toEqual([["invalid_content", "/content"]]);
  });
});
