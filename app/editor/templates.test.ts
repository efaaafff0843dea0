import { describe, expect, test } from "vitest";
import { computeNumbering } from "./numbering";
import { BOILERPLATE, createTemplate } from "./templates";
import { validateDoc } from "./validate";

const titles = { titleZh: "电动汽车充电设施运行维护规范", titleEn: "Specification for operation of EV charging facilities" };

function clauses(convention: "GB" | "ISO") {
  const document = createTemplate(convention, titles);
  const numbering = computeNumbering(document, convention);
  const result: string[] = [];
  document.descendants((node, pos) => {
    if (node.type.name === "clause") result.push(`${numbering.byPos.get(pos)?.label} ${node.child(0).textContent} (${node.attrs.kind})`);
    return node.type.name === "doc";
  });
  return result;
}

describe("templates", () => {
  test.each(["GB", "ISO"] as const)("the %s template is a valid document", (convention) => {
    expect(validateDoc(createTemplate(convention, titles).toJSON())).toEqual([]);
  });

  test("GB: the foreword carries the drafting-rules and patent statements; clauses 1–3 are in place", () => {
    const document = createTemplate("GB", titles);
    const foreword = document.child(0);
    expect(foreword.type.name).toBe("foreword");
    expect(foreword.child(0).textContent).toBe(
      "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。",
    );
    expect(foreword.child(1).textContent).toBe("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。");
    expect(clauses("GB")).toEqual(["1 范围 (scope)", "2 规范性引用文件 (normative_references)", "3 术语和定义 (terms)", "4  (general)"]);
    expect(document.child(1).textContent).toContain(titles.titleZh);
    expect(document.child(3).child(1).textContent).toBe("下列术语和定义适用于本文件。");
    expect(document.child(2).child(1).textContent).toBe(BOILERPLATE.GB.normativeReferences);
  });

  test("ISO: Foreword, Scope, Normative references and Terms and definitions with their lead-ins", () => {
    const document = createTemplate("ISO", titles);
    expect(document.child(0).textContent).toContain("patent rights");
    expect(clauses("ISO")).toEqual([
      "1 Scope (scope)",
      "2 Normative references (normative_references)",
      "3 Terms and definitions (terms)",
      "4  (general)",
    ]);
    expect(document.child(3).child(1).textContent).toBe("For the purposes of this document, the following terms and definitions apply.");
    expect(document.child(2).child(1).textContent).toMatch(/^The following documents are referred to in the text/);
  });

  test("the placeholder term entry is numbered 3.1", () => {
    const document = createTemplate("GB", titles);
    const numbering = computeNumbering(document, "GB");
    const terms = [...numbering.byPos.values()].filter((item) => item.kind === "term");
    expect(terms.map((item) => item.label)).toEqual(["3.1"]);
  });

  test("every template gets fresh ids", () => {
    const ids = (convention: "GB" | "ISO") => {
      const found: string[] = [];
      createTemplate(convention, titles).descendants((node) => {
        if (typeof node.attrs.id === "string") found.push(node.attrs.id);
      });
      return found;
    };
    const first = ids("GB");
    expect(new Set(first).size).toBe(first.length);
    expect(first.filter((id) => ids("GB").includes(id))).toEqual([]);
  });
});
