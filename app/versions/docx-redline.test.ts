import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Convention } from "~/editor/numbering";
import { demoDraftEn, demoDraftZh } from "../../prisma/seed/demo-drafts";
import { exportRedlineDocx } from "./docx-redline";
import { computeRedline } from "./redline";
import { clauseNode, cloneDoc, findId, insertAfter, insertInto, paragraph, removeId, replaceText, type PMNode } from "./test-documents";

const AUTHOR = "李晓峰";
const DATE = "2025-03-01T08:00:00Z";

async function exportDocx(older: PMNode, newer: PMNode, convention: Convention = "GB"): Promise<Uint8Array> {
  return exportRedlineDocx({
    older,
    newer,
    convention,
    redline: computeRedline(older, newer, convention),
    title: "电动汽车大功率直流充电连接装置 技术要求及试验方法",
    fromLabel: "工作组讨论稿",
    toLabel: "征求意见稿",
    author: AUTHOR,
    date: new Date(DATE),
  });
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async("string");
}

function decode(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

interface TrackedChange {
  kind: "ins" | "del";
  attrs: string;
  /** The text of <w:t> (insertions) or <w:delText> (deletions) inside it. */
  text: string;
  /** Whether an insertion holds <w:delText> or a deletion <w:t>: both would be wrong. */
  wrongText: boolean;
}

/** The tracked runs (<w:ins>…</w:ins>, <w:del>…</w:del>) in document order; paragraph and row marks are self-closing and left out. */
function trackedChanges(xml: string): TrackedChange[] {
  return [...xml.matchAll(/<w:(ins|del) ([^>]*[^/])>([\s\S]*?)<\/w:\1>/g)].map(([, kind, attrs, inner]) => {
    const own = kind === "ins" ? "t" : "delText";
    const other = kind === "ins" ? "delText" : "t";
    return {
      kind: kind === "ins" ? "ins" : "del",
      attrs,
      text: decode([...inner.matchAll(new RegExp(`<w:${own}(?: [^>]*)?>([^<]*)</w:${own}>`, "g"))].map((m) => m[1]).join("")),
      wrongText: new RegExp(`<w:${other}[ >]`).test(inner),
    };
  });
}

/**
 * The paragraph texts Word shows after "Accept all changes" or "Reject all changes": rows and
 * paragraphs whose mark is dropped disappear, dropped runs go, kept runs stay.
 */
function resolveAll(xml: string, action: "accept" | "reject"): string[] {
  const drop = action === "accept" ? "del" : "ins";
  let body = xml.replace(/<w:tr>[\s\S]*?<\/w:tr>/g, (row) => (new RegExp(`<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<w:${drop} `).test(row) ? "" : row));
  body = body.replace(new RegExp(`<w:${drop} [^>]*[^/]>[\\s\\S]*?</w:${drop}>`, "g"), "");
  const texts: string[] = [];
  for (const [paragraph] of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = decode([...paragraph.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join(""));
    const markDropped = new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:${drop} `).test(paragraph);
    if (markDropped) {
      // A paragraph whose mark goes merges into the next one; here nothing of it may be left to merge.
      expect(text).toBe("");
      continue;
    }
    texts.push(text);
  }
  return texts;
}

/** The three edits of issue 5: 4.3 edited, a clause inserted before it (so 4.3 becomes 4.4), 6.1 deleted. */
function threeEdits(): PMNode {
  const newer = cloneDoc(demoDraftZh);
  replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不应大于45 K");
  insertAfter(newer, "c-4-2", clauseNode("c-new", "接口兼容性", paragraph("车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。")));
  removeId(newer, "c-6-1");
  return newer;
}

describe("exportRedlineDocx", () => {
  it("holds an edit, an inserted clause and a deleted clause as exactly those tracked insertions and deletions, by the author", async () => {
    const xml = await part(await exportDocx(demoDraftZh, threeEdits()), "word/document.xml");
    const changes = trackedChanges(xml);

    expect(changes.map((change) => [change.kind, change.text])).toEqual([
      // 4.3 接口兼容性, inserted whole, with the number the newer text gives it.
      ["ins", "4.3\u3000"],
      ["ins", "接口兼容性"],
      ["ins", "车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。"],
      // The edit in 4.4 (formerly 4.3).
      ["del", "50"],
      ["ins", "45"],
      // 6.1 检验分类, deleted whole under its old number.
      ["del", "6.1\u3000"],
      ["del", "检验分类"],
      ["del", "充电连接装置的检验分为出厂检验和型式检验。"],
    ]);
    expect(changes.some((change) => change.wrongText)).toBe(false);
    for (const change of changes) {
      expect(change.attrs).toContain(`w:author="${AUTHOR}"`);
      expect(change.attrs).toContain(`w:date="${DATE}"`);
    }
    // Annotation ids are unique in the document, as Word requires.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);

    // The inserted clause's two paragraphs have inserted paragraph marks, the deleted clause's deleted ones,
    // so that neither leaves an empty paragraph behind.
    expect(xml.match(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:ins /g)).toHaveLength(2);
    expect(xml.match(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:del /g)).toHaveLength(2);
    // The edited clause is headed with its new number, untracked: renumbering is no change.
    expect(resolveAll(xml, "accept")).toContain("4.4\u3000温升");
    expect(resolveAll(xml, "reject")).toContain("4.4\u3000温升");
  });

  it("gives the newer text when every change is accepted and the older when every change is rejected", async () => {
    const older = demoDraftZh;
    const newer = cloneDoc(demoDraftZh);
    // Changes that renumber nothing, so that the older text's numbers are the newer one's.
    replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不宜大于45 K");
    insertInto(newer, "c-6", -1, clauseNode("c-6-new", "复检", paragraph("复检的样品应从同批产品中加倍抽取。"), paragraph("复检结果为最终结果。")));
    removeId(newer, "c-7-3");
    const grid = findId(newer, "t-rated").node.content?.[1];
    const cell = grid?.content?.[2].content?.[4].content?.[0].content?.[0];
    if (!grid?.content || !cell) throw new Error("test table changed shape");
    cell.text = "750";
    grid.content.splice(4, 1);
    replaceText(newer, "term-temp-rise", "同时刻环境温度之差", "同一时刻环境温度之差");

    const redlineXml = await part(await exportDocx(older, newer), "word/document.xml");
    const newerXml = await part(await exportDocx(newer, cloneDoc(newer)), "word/document.xml");
    const olderXml = await part(await exportDocx(older, cloneDoc(older)), "word/document.xml");
    expect(trackedChanges(newerXml)).toEqual([]);

    expect(resolveAll(redlineXml, "accept")).toEqual(resolveAll(newerXml, "accept"));
    expect(resolveAll(redlineXml, "reject")).toEqual(resolveAll(olderXml, "reject"));
    // The deleted table row is a tracked row, not only struck text.
    expect(redlineXml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:del w:id="\d+" w:author="李晓峰"/);
  });

  it("writes a moved clause as deleted where it stood and inserted where it stands, with a comment naming the other place", async () => {
    const newer = cloneDoc(demoDraftZh);
    insertInto(newer, "c-6", -1, removeId(newer, "c-5-4"));
    const bytes = await exportDocx(demoDraftZh, newer);
    const xml = await part(bytes, "word/document.xml");
    const changes = trackedChanges(xml).map((change) => `${change.kind} ${change.text}`);
    expect(changes.slice(0, 2)).toEqual(["del 5.4\u3000", "del 机械寿命试验"]);
    expect(changes).toContain("ins 6.5\u3000");
    expect(changes).toContain("ins 机械寿命试验");
    const comments = decode((await part(bytes, "word/comments.xml")).replace(/<[^>]+>/g, ""));
    expect(comments).toContain("本条已移至 6.5。");
    expect(comments).toContain("本条由 5.4 移来。");
    expect(xml.match(/<w:commentRangeStart /g)).toHaveLength(2);
  });

  it("tracks an annex's changed label, a term entry's field, a note and a formula", async () => {
    const older = cloneDoc(demoDraftEn);
    const newer = cloneDoc(demoDraftEn);
    const annex = newer.content?.find((node) => node.type === "annex");
    if (!annex?.attrs) throw new Error("the English draft has no annex");
    const was = annex.attrs.normative === true;
    annex.attrs.normative = !was;
    const xml = await part(await exportDocx(older, newer, "ISO"), "word/document.xml");
    expect(trackedChanges(xml).map((change) => `${change.kind} ${change.text}`)).toEqual([
      `del Annex A (${was ? "normative" : "informative"})`,
      `ins Annex A (${was ? "informative" : "normative"})`,
    ]);

    const zhNewer = cloneDoc(demoDraftZh);
    replaceText(zhNewer, "term-lc-cable", "液冷电缆", "液冷式电缆");
    replaceText(zhNewer, "n-4-5-4-crush", "乘用车", "乘用车或商用车");
    const formula = findId(zhNewer, "f-temp-rise").node;
    if (!formula.attrs) throw new Error("no formula attrs");
    formula.attrs.latex = "\\Delta T = T_{\\max} - T_{\\mathrm{a}}";
    const zhXml = await part(await exportDocx(demoDraftZh, zhNewer), "word/document.xml");
    expect(trackedChanges(zhXml).map((change) => `${change.kind} ${change.text}`)).toEqual([
      "ins 式",
      "ins 或商用车",
      "del \\Delta T = T_{\\max} - T_{\\mathrm{amb}}",
      "ins \\Delta T = T_{\\max} - T_{\\mathrm{a}}",
    ]);
  });

  it("is an A4 page in the convention's fonts, with revision tracking on", async () => {
    const gb = await exportDocx(demoDraftZh, threeEdits());
    expect(await part(gb, "word/document.xml")).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const gbStyles = await part(gb, "word/styles.xml");
    expect(gbStyles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="SimSun"[\s\S]*<\/w:docDefaults>/);
    expect(gbStyles).toMatch(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?w:eastAsia="SimHei"[\s\S]*?<\/w:style>/);
    expect(await part(gb, "word/settings.xml")).toContain("<w:trackRevisions/>");

    const iso = await exportDocx(demoDraftEn, cloneDoc(demoDraftEn), "ISO");
    expect(await part(iso, "word/styles.xml")).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Cambria"[\s\S]*<\/w:docDefaults>/);
  });

  it("refuses a date that is not one", async () => {
    await expect(
      exportRedlineDocx({
        older: demoDraftZh,
        newer: demoDraftZh,
        convention: "GB",
        redline: computeRedline(demoDraftZh, demoDraftZh, "GB"),
        title: "t",
        fromLabel: "a",
        toLabel: "b",
        author: AUTHOR,
        date: "not a date",
      }),
    ).rejects.toThrow(RangeError);
  });
});
