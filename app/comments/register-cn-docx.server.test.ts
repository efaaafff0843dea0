import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { exportChineseRegisterDocx } from "./register-cn-docx.server";
import { sampleHeader, sampleRows } from "./register-fixtures";

async function part(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async("string");
}

/** The text of each paragraph, in order, with XML entities decoded. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map(([, text]) => text)
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

describe("exportChineseRegisterDocx", () => {
  test("has the title, the header lines and a table with the column titles and every comment", async () => {
    const rows = sampleRows(5);
    const xml = await part(await exportChineseRegisterDocx(sampleHeader, rows, { handler: "张敏" }), "word/document.xml");
    const texts = paragraphTexts(xml);

    expect(texts.slice(0, 4)).toEqual([
      "智能网联汽车 数据记录系统征求意见汇总处理表",
      "标准名称：智能网联汽车 数据记录系统",
      "文件：T/GBA 001—2026 征求意见稿\u3000\u3000项目编号：GBA-2026-001",
      "承办人：张敏\u3000\u3000日期：2026-03-01",
    ]);
    expect(texts.slice(4, 11)).toEqual(["序号", "章条编号", "意见内容", "理由", "提出单位", "处理意见", "备注"]);
    expect(texts.slice(11, 18)).toEqual(["1", "5.2 表 2", "将“应”改为“宜”。", rows[0].comment, "CN", "采纳", "一般"]);
    expect(texts).toContain("不采纳：理由 3");
    expect(texts).toContain("中国标准化研究院");
    // Markup in a comment is text in the document, escaped in its XML.
    expect(texts).toContain(rows[2].comment);
    expect(xml).toContain("&lt;script&gt;alert(");
    expect(xml).not.toContain("<script>");
    // A comment's own line breaks become paragraphs.
    expect(texts).toContain("第一行");
    expect(texts).toContain("第二行：多行意见。 (#5)");
  });

  test("is an A4 landscape page with a table whose header row repeats on every page", async () => {
    const xml = await part(await exportChineseRegisterDocx(sampleHeader, sampleRows(2)), "word/document.xml");

    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.indexOf("<w:tblHeader/>")).toBeLessThan(xml.indexOf(">序号<"));
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(3);
  });

  test("sets Chinese text in SimSun, tagged zh-CN", async () => {
    const buffer = await exportChineseRegisterDocx(sampleHeader, sampleRows(1));
    const styles = await part(buffer, "word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="SimSun"[\s\S]*<\/w:docDefaults>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang [^>]*w:eastAsia="zh-CN"[\s\S]*<\/w:docDefaults>/);
    expect(await part(buffer, "word/document.xml")).toContain('w:eastAsia="SimHei"');
  });

  test("an empty register gives the table with its header row only", async () => {
    const xml = await part(await exportChineseRegisterDocx(sampleHeader, []), "word/document.xml");
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(1);
    expect(paragraphTexts(xml)).toContain("备注");
  });
});
