import { describe, expect, test } from "vitest";
import type { Node } from "prosemirror-model";
import {
  annexLetter,
  computeNumbering,
  crossRefText,
  fixedHeading,
  labelFor,
  referenceDesignation,
  type Convention,
} from "./numbering";
import {
  annex,
  bib,
  bibliography,
  caption,
  clause,
  definition,
  doc,
  example,
  figure,
  formula,
  foreword,
  introduction,
  li,
  list,
  note,
  noteToEntry,
  p,
  posOf,
  preferred,
  ref,
  simpleTable,
  term,
  title,
} from "./test-builders";

function labels(document: Node, convention: Convention = "GB") {
  const numbering = computeNumbering(document, convention);
  return {
    label: (id: string) => labelFor(numbering, id),
    refText: (id: string) => crossRefText(numbering, id),
    at: (pos: number) => numbering.byPos.get(pos)?.label,
  };
}

const sample = () =>
  doc(
    foreword(p("前言")),
    clause({ id: "c1", kind: "scope" }, title("范围"), p("本文件规定了……")),
    clause(
      { id: "c2" },
      title("要求"),
      clause({ id: "c2.1" }, title("一般要求")),
      clause(
        { id: "c2.2" },
        title("安全"),
        simpleTable({ id: "t1" }, "参数"),
        clause({ id: "c2.2.1" }, title("电气"), simpleTable({ id: "t2" }, "限值"), formula({ id: "f1", latex: "U=IR" })),
      ),
    ),
    clause({ id: "c3" }, title("试验"), figure({ id: "fig1" }, caption("布置")), formula({ id: "f2" })),
    annex(
      { id: "annexA", normative: true },
      title("附加要求"),
      simpleTable({ id: "tA1" }, "附表"),
      clause({ id: "A.1" }, title("概述"), clause({ id: "A.1.1" }, title("细节"), figure({ id: "figA1" }, caption("图")))),
      clause({ id: "A.2" }, title("其他"), formula({ id: "fA1" })),
    ),
    annex({ id: "annexB", normative: false }, title("资料"), simpleTable({ id: "tB1" }, "表"), formula({ id: "fB1" })),
    bibliography(bib({ id: "b1" }, "ISO 9001"), bib({ id: "b2" }, "IEC 61851-1")),
  );

describe("clauses and annexes", () => {
  test("clauses are numbered by their position, annex clauses after the annex letter", () => {
    const { label } = labels(sample());
    expect(["c1", "c2", "c2.1", "c2.2", "c2.2.1", "c3"].map(label)).toEqual(["1", "2", "2.1", "2.2", "2.2.1", "3"]);
    expect(["A.1", "A.1.1", "A.2"].map(label)).toEqual(["A.1", "A.1.1", "A.2"]);
  });

  test("annexes are lettered and labelled with their status in each convention", () => {
    const gb = labels(sample(), "GB");
    const iso = labels(sample(), "ISO");
    expect(gb.label("annexA")).toBe("附录 A（规范性）");
    expect(gb.label("annexB")).toBe("附录 B（资料性）");
    expect(iso.label("annexA")).toBe("Annex A (normative)");
    expect(iso.label("annexB")).toBe("Annex B (informative)");
    expect(gb.refText("annexB")).toBe("附录 B");
    expect(iso.refText("annexA")).toBe("Annex A");
  });

  test("a reference to a whole clause names it as such; a subclause is referred to by its number", () => {
    const gb = labels(sample(), "GB");
    const iso = labels(sample(), "ISO");
    expect(gb.refText("c2.2")).toBe("2.2");
    expect(iso.refText("c2.2.1")).toBe("2.2.1");
    expect(gb.refText("c3")).toBe("第3章");
    expect(iso.refText("c3")).toBe("Clause 3");
    expect(gb.refText("A.1")).toBe("A.1");
  });

  test("letters continue past Z", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(annexLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });

  test("fixed headings are localized", () => {
    expect(fixedHeading("foreword", "GB")).toBe("前言");
    expect(fixedHeading("introduction", "GB")).toBe("引言");
    expect(fixedHeading("bibliography", "GB")).toBe("参考文献");
    expect(fixedHeading("foreword", "ISO")).toBe("Foreword");
    expect(fixedHeading("introduction", "ISO")).toBe("Introduction");
    expect(fixedHeading("bibliography", "ISO")).toBe("Bibliography");
  });
});

describe("tables, figures and formulas", () => {
  test("count through the body and restart in each annex", () => {
    const gb = labels(sample(), "GB");
    expect(["t1", "t2", "tA1", "tB1"].map(gb.label)).toEqual(["表 1", "表 2", "表 A.1", "表 B.1"]);
    expect(["fig1", "figA1"].map(gb.label)).toEqual(["图 1", "图 A.1"]);
    expect(["f1", "f2", "fA1", "fB1"].map(gb.label)).toEqual(["(1)", "(2)", "(A.1)", "(B.1)"]);
  });

  test("are named in the convention's words", () => {
    const iso = labels(sample(), "ISO");
    expect(iso.label("t2")).toBe("Table 2");
    expect(iso.refText("tA1")).toBe("Table A.1");
    expect(iso.label("figA1")).toBe("Figure A.1");
    expect(iso.refText("f2")).toBe("Formula (2)");
    expect(labels(sample(), "GB").refText("t2")).toBe("表 2");
    expect(labels(sample(), "GB").refText("fA1")).toBe("公式(A.1)");
  });
});

describe("term entries", () => {
  test("number like subclauses and share the count with the subclauses after them", () => {
    const document = doc(
      foreword(p("…")),
      clause({ id: "scope" }, title("范围")),
      clause({ id: "refs" }, title("规范性引用文件")),
      clause(
        { id: "terms", kind: "terms" },
        title("术语和定义"),
        p("下列术语和定义适用于本文件。"),
        term({ id: "t3.1" }, preferred("充电桩"), definition("……")),
        term({ id: "t3.2" }, preferred("充电机"), definition("……")),
        clause({ id: "c3.3" }, title("通信"), term({ id: "t3.3.1" }, preferred("报文"), definition("……"))),
      ),
    );
    const { label, refText } = labels(document);
    expect(["t3.1", "t3.2", "c3.3", "t3.3.1"].map(label)).toEqual(["3.1", "3.2", "3.3", "3.3.1"]);
    expect(refText("t3.2")).toBe("3.2");
  });

  test("notes to entry: GB numbers them only when there are several, ISO always", () => {
    const single = noteToEntry(p("一条"));
    const first = noteToEntry(p("一"));
    const second = noteToEntry(p("二"));
    const document = doc(
      foreword(p("…")),
      clause(
        title("Terms"),
        term({ id: "one" }, preferred("a"), definition("…"), single),
        term({ id: "two" }, preferred("b"), definition("…"), first, second),
      ),
    );
    const at = (termId: string, child: number) => {
      const termPos = posOf(document, termId);
      const termNode = document.nodeAt(termPos);
      let offset = 0;
      for (let i = 0; i < child; i++) offset += termNode?.child(i).nodeSize ?? 0;
      return termPos + 1 + offset;
    };
    const gb = labels(document, "GB");
    const iso = labels(document, "ISO");
    expect(gb.at(at("one", 2))).toBe("注：");
    expect([gb.at(at("two", 2)), gb.at(at("two", 3))]).toEqual(["注1：", "注2："]);
    expect(iso.at(at("one", 2))).toBe("Note 1 to entry:");
    expect(iso.at(at("two", 3))).toBe("Note 2 to entry:");
  });
});

describe("notes and examples", () => {
  const document = () =>
    doc(
      foreword(p("…")),
      introduction(p("…"), note({ id: "in1" }, p("引言的注"))),
      clause(
        { id: "c1" },
        title("单注"),
        p("…"),
        note({ id: "lone" }, p("…")),
        example({ id: "ex-lone" }, p("…")),
        clause({ id: "c1.1" }, title("多注"), note({ id: "n1" }, p("…")), p("…"), note({ id: "n2" }, p("…")), example({ id: "e1" }, p("…")), example({ id: "e2" }, p("…"))),
      ),
    );

  test("a single note or example is unnumbered, several are numbered, per clause", () => {
    const gb = labels(document(), "GB");
    expect(gb.label("lone")).toBe("注：");
    expect([gb.label("n1"), gb.label("n2")]).toEqual(["注1：", "注2："]);
    expect(gb.label("ex-lone")).toBe("示例：");
    expect([gb.label("e1"), gb.label("e2")]).toEqual(["示例1：", "示例2："]);
    const iso = labels(document(), "ISO");
    expect(iso.label("lone")).toBe("NOTE");
    expect(iso.label("n2")).toBe("NOTE 2");
    expect(iso.label("ex-lone")).toBe("EXAMPLE");
    expect(iso.label("e1")).toBe("EXAMPLE 1");
  });

  test("references to notes and examples name the clause that holds them", () => {
    const gb = labels(document(), "GB");
    const iso = labels(document(), "ISO");
    expect(gb.refText("n2")).toBe("1.1的注2");
    expect(gb.refText("lone")).toBe("第1章的注");
    expect(iso.refText("n2")).toBe("1.1, Note 2");
    expect(iso.refText("e1")).toBe("1.1, Example 1");
    expect(gb.refText("in1")).toBe("引言的注");
  });
});

describe("lists", () => {
  test("items take the style of their list; dashes differ between conventions", () => {
    const alpha = list({ style: "alpha" }, li(p("一")), li(p("二"), list({ style: "numeric" }, li(p("甲")), li(p("乙")))), li(p("三")));
    const dash = list({ style: "dash" }, li(p("x")));
    const document = doc(foreword(p("…"), dash), clause(title("要求"), alpha));
    const itemLabels = (convention: Convention) => {
      const numbering = computeNumbering(document, convention);
      return [...numbering.byPos.values()].filter((item) => item.kind === "list_item").map((item) => item.label);
    };
    expect(itemLabels("GB")).toEqual(["——", "a)", "b)", "1)", "2)", "c)"]);
    expect(itemLabels("ISO")).toEqual(["—", "a)", "b)", "1)", "2)", "c)"]);
  });
});

describe("references and bibliography", () => {
  test("a normative reference is referred to by its designation", () => {
    const document = doc(
      foreword(p("…")),
      clause(title("范围")),
      clause(
        { kind: "normative_references" },
        title("规范性引用文件"),
        ref({ id: "r1" }, "GB/T 18487.1—2023 电动汽车传导充电系统 第1部分：通用要求"),
        ref({ id: "r2" }, "ISO 80000-1:2022, Quantities and units — Part 1: General"),
      ),
      bibliography(bib({ id: "b1" }, "ISO 9001"), bib({ id: "b2" }, "IEC 61851-1")),
    );
    const { refText, label } = labels(document);
    expect(refText("r1")).toBe("GB/T 18487.1—2023");
    expect(refText("r2")).toBe("ISO 80000-1:2022");
    expect([label("b1"), refText("b2")]).toEqual(["[1]", "[2]"]);
  });

  test("designations in the forms both conventions use", () => {
    expect(referenceDesignation("T/CSAE 123—2020 某某技术条件")).toBe("T/CSAE 123—2020");
    expect(referenceDesignation("ISO/IEC 17025:2017, General requirements")).toBe("ISO/IEC 17025:2017");
    expect(referenceDesignation("GB 7258 机动车运行安全技术条件")).toBe("GB 7258");
    expect(referenceDesignation("  企业内部规范  ")).toBe("企业内部规范");
  });
});

describe("a large document", () => {
  // 60 clauses × (9 subclauses, each with a table every 7th) plus 300 terms: about 600 clauses.
  function large(): Node {
    const terms = Array.from({ length: 300 }, (_, i) => term({ id: `term-${i}` }, preferred(`术语${i}`), definition("……")));
    const clauses = Array.from({ length: 60 }, (_, c) =>
      clause(
        { id: `c${c}` },
        title(`第${c}章`),
        p("……"),
        ...Array.from({ length: 9 }, (_, s) =>
          clause(
            { id: `c${c}.${s}` },
            title("条"),
            p("……"),
            ...((c * 9 + s) % 7 === 0 ? [simpleTable({ id: `t-${c}-${s}` }, "表")] : []),
            note({ id: `n-${c}-${s}` }, p("注")),
          ),
        ),
      ),
    );
    return doc(
      foreword(p("…")),
      clause({ id: "scope" }, title("范围")),
      clause({ id: "refs" }, title("规范性引用文件")),
      clause({ id: "terms" }, title("术语和定义"), ...terms),
      ...clauses,
      annex({ id: "ax", normative: true }, title("附录"), simpleTable({ id: "t-annex" }, "表")),
    );
  }

  test("is numbered correctly at its edges", () => {
    const { label } = labels(large());
    expect(label("term-0")).toBe("3.1");
    expect(label("term-299")).toBe("3.300");
    expect(label("c0")).toBe("4");
    expect(label("c59")).toBe("63");
    expect(label("c59.8")).toBe("63.9");
    expect(label("t-0-0")).toBe("表 1");
    // 540 subclauses, one table on every 7th: 78 tables, the last on subclause 539 (c59.8).
    expect(label("t-59-8")).toBe("表 78");
    expect(label("t-annex")).toBe("表 A.1");
    expect(label("n-30-4")).toBe("注：");
  });
});
