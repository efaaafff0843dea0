import { describe, expect, it } from "vitest";
import { validateDoc } from "../../app/editor/validate";
import { demoDraftEn, demoDraftZh, type PMNode } from "./demo-drafts";

function textOf(node: PMNode): string {
  return (node.text ?? "") + (node.content ?? []).map(textOf).join("");
}

function childOfType(doc: PMNode, type: string): PMNode {
  const child = doc.content?.find((c) => c.type === type);
  if (!child) throw new Error(`no ${type} in the document`);
  return child;
}

describe("demo drafts", () => {
  it.each([
    ["Chinese (GB) draft", demoDraftZh],
    ["English (ISO) draft", demoDraftEn],
  ])("the %s validates with no problems", (_name, draft) => {
    expect(validateDoc(draft)).toEqual([]);
  });

  it("the Chinese foreword carries the prescribed statements", () => {
    const foreword = textOf(childOfType(demoDraftZh, "foreword"));
    expect(foreword).toContain(
      "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。",
    );
    expect(foreword).toContain("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。");
    expect(foreword).toMatch(/本文件由.+提出。/);
    expect(foreword).toMatch(/本文件由.+归口。/);
  });

  it("uses only the verbal forms the drafting rules allow", () => {
    // 必不可少 is part of the prescribed normative-references lead-in.
    expect(textOf(demoDraftZh).replace("必不可少", "")).not.toMatch(/必须|不得|不可/);
    expect(textOf(demoDraftEn)).not.toMatch(/\bmust\b/i);
  });

  it("the Chinese draft is a full-length draft", () => {
    const han = textOf(demoDraftZh).match(/\p{Script=Han}/gu) ?? [];
    expect(han.length).toBeGreaterThanOrEqual(5000);
    expect(han.length).toBeLessThanOrEqual(8000);
  });
});
