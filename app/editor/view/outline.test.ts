import { describe, expect, test } from "vitest";
import { computeNumbering } from "../numbering";
import { annex, bib, bibliography, clause, definition, doc, foreword, formula, p, preferred, ref, simpleTable, term, title } from "../test-builders";
import { outlineOf, referenceTargets } from "./outline";

const sample = () =>
  doc(
    foreword({ id: "fw" }, p("前言")),
    clause({ id: "c1" }, title("范围"), p("x")),
    clause({ id: "c2" }, title("规范性引用文件"), ref({ id: "r1" }, "GB/T 20234.3—2023 连接装置")),
    clause({ id: "c3" }, title("术语和定义"), term({ id: "t1" }, preferred("充电桩"), definition("装置"))),
    clause({ id: "c4" }, title("要求"), simpleTable({ id: "tb1" }, "参数"), formula({ id: "f1", latex: "P=UI" }), clause({ id: "c41" }, title("温升"))),
    annex({ id: "a1", normative: false }, title("试验"), clause({ id: "a11" }, title("总则"))),
    bibliography({ id: "bib" }, bib({ id: "b1" }, "文献")),
  );

describe("outline", () => {
  test("lists the fixed parts, clauses and annexes with their numbers, depth and whether they can move", () => {
    const document = sample();
    const rows = outlineOf(document, computeNumbering(document, "GB")).map(
      (item) => `${"  ".repeat(item.depth - 1)}${item.label} ${item.title}${item.canMoveUp ? " ↑" : ""}${item.canMoveDown ? " ↓" : ""}`,
    );
    expect(rows).toEqual([
      "前言 ",
      "1 范围 ↓",
      "2 规范性引用文件 ↑ ↓",
      "3 术语和定义 ↑ ↓",
      "4 要求 ↑",
      "  4.1 温升",
      "附录 A（资料性） 试验",
      "  A.1 总则",
      "参考文献 ",
    ]);
  });
});

describe("reference targets", () => {
  test("everything referable with the text a reference shows and words to find it by", () => {
    const document = sample();
    const targets = referenceTargets(document, computeNumbering(document, "GB")).map((target) => `${target.kind}:${target.refText}:${target.description}`);
    expect(targets).toEqual([
      "clause:第1章:范围",
      "clause:第2章:规范性引用文件",
      "reference:GB/T 20234.3—2023:GB/T 20234.3—2023 连接装置",
      "clause:第3章:术语和定义",
      "term:3.1:充电桩",
      "clause:第4章:要求",
      "table:表 1:参数",
      "formula:公式(1):P=UI",
      "clause:4.1:温升",
      "annex:附录 A:试验",
      "clause:A.1:总则",
      "bibliography_entry:[1]:文献",
    ]);
  });
});
