import ExcelJS, { type Worksheet } from "exceljs";
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { exportChineseRegisterDocx } from "./register-cn-docx.server";
import { exportChineseRegisterXlsx } from "./register-cn-xlsx.server";
import { sampleHeader, sampleRows } from "./register-fixtures";
import { importIsoRegisterXlsx, registerImportLimits, type RegisterImportOptions } from "./register-import.server";

const options: RegisterImportOptions = { importedBy: "王芳", importedAt: new Date("2026-04-02T09:30:00Z") };

type MemberRow = [org: string, line: string | number, clause: string | number, element: string, type: string, comment: string, proposed: string, observations?: string];
/** Cells of one row from column A on, for files whose columns are not the template's. */
type SheetRow = readonly (string | number | undefined)[];

// The titles as a member's copy of the real template has them: footnote marks as plain digits, the
// "(e.g. …)" hints, a missing space.
const templateTitles = [
  "MB/NC1",
  "Line number\n(e.g. 17)",
  "Clause/Subclause\n(e.g. 3.1)",
  "Paragraph/ Figure/ Table/\n(e.g. Table 1)",
  "Type of comment2",
  "Comments",
  "Proposed change",
  "Observations of the secretariat",
];

/** Rows 1–2: title and header block; row 3 blank; row 4 column titles; comments from row 5. */
const firstCommentRow = 5;

function memberRows(count: number): MemberRow[] {
  const types = ["ge", "te", "ed"];
  return Array.from({ length: count }, (_, i): MemberRow => [
    i % 2 === 0 ? "CN" : "DE",
    10 + i,
    i % 5 === 4 ? "A.1" : `5.${i + 1}`,
    i % 3 === 0 ? `Table ${i}` : "",
    types[i % 3],
    `Comment number ${i + 1}`,
    i % 2 === 0 ? `Proposal ${i + 1}` : "",
    "",
  ]);
}

/** A filled-in template as a member builds it in Excel, independent of our exporter. */
async function memberFile(
  rows: readonly SheetRow[],
  build: (sheet: Worksheet) => void = () => {},
  titles: readonly string[] = templateTitles,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Template");
  sheet.getCell("A1").value = "Template for comments and secretariat observations";
  sheet.getCell("A2").value = "Date: 2026-03-01";
  sheet.getCell("D2").value = "Document: ISO/CD 12345";
  sheet.getCell("G2").value = "Project:";
  sheet.getCell("H2").value = "ISO 12345";
  sheet.getRow(4).values = [...titles];
  rows.forEach((row, i) => {
    sheet.getRow(firstCommentRow + i).values = [...row];
  });
  build(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("importIsoRegisterXlsx", () => {
  test("a template with 20 comments gives 20 rows with their fields, source rows and columns", async () => {
    const result = await importIsoRegisterXlsx(await memberFile(memberRows(20)), options);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(20);
    expect(result.rows[0]).toEqual({
      sequence: 1,
      organization: "CN",
      clause: "5.1",
      element: "Table 0",
      type: "general",
      comment: "Comment number 1",
      proposedChange: "Proposal 1",
      author: "王芳",
      createdAt: options.importedAt,
      disposition: null,
      source: { row: 5, lineNumber: "10" },
    });
    expect(result.rows[4]).toMatchObject({ sequence: 5, clause: "A.1", type: "technical", element: "", proposedChange: "Proposal 5" });
    expect(result.rows[19]).toMatchObject({
      sequence: 20,
      organization: "DE",
      type: "technical",
      comment: "Comment number 20",
      proposedChange: "",
      source: { row: 24, lineNumber: "29" },
    });
    expect(result.rows.map((row) => row.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.columns).toEqual({
      organization: "A",
      lineNumber: "B",
      clause: "C",
      element: "D",
      type: "E",
      comment: "F",
      proposedChange: "G",
      observations: "H",
    });
    expect(result.document).toBe("ISO/CD 12345");
    expect(result.project).toBe("ISO 12345");
  });

  test("a bad type in row 7 and an empty comment in row 12 are reported exactly, and no row is returned", async () => {
    const rows = memberRows(20);
    rows[7 - firstCommentRow][4] = "major";
    rows[12 - firstCommentRow][5] = "   ";

    const result = await importIsoRegisterXlsx(await memberFile(rows), options);

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 7,
          column: "E",
          field: "type",
          message: "The type of comment must be ge (general), te (technical) or ed (editorial).",
          messageKey: "register.import.badType",
        },
        { row: 12, column: "F", field: "comment", message: "Enter the comment.", messageKey: "register.import.commentRequired" },
      ],
    });
    expect("rows" in result).toBe(false);
  });

  test("every fault of a row is reported, in column order", async () => {
    const result = await importIsoRegisterXlsx(await memberFile([["", 1, "see 5", "", "te/ed", "Fine", "", ""]]), options);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [5, "A", "register.import.organizationRequired"],
      [5, "C", "register.import.badClause"],
      [5, "E", "register.import.badType"],
    ]);
  });

  test("a file that is not an XLSX is refused with one error", async () => {
    const text = new TextEncoder().encode("MB/NC,Clause,Type of comment,Comments\nCN,5.2,te,Hello\n");
    expect(await importIsoRegisterXlsx(text, options)).toEqual({
      ok: false,
      errors: [
        {
          row: null,
          column: null,
          field: "file",
          message: expect.stringContaining("not an Excel workbook"),
          messageKey: "register.import.notXlsx",
        },
      ],
    });
  });

  test("a zip that holds no workbook, such as a Word file, is refused as not an XLSX", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const word = await exportChineseRegisterDocx(sampleHeader, sampleRows(2));
    for (const file of [await zip.generateAsync({ type: "uint8array" }), word]) {
      expect(await importIsoRegisterXlsx(file, options)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ row: null, column: null, field: "file", messageKey: "register.import.notXlsx" })],
      });
    }
  });

  test("our own 征求意见汇总处理表 XLSX is not the template: it has no type column", async () => {
    const table = await exportChineseRegisterXlsx(sampleHeader, sampleRows(2));
    expect(await importIsoRegisterXlsx(table, options)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: "file", messageKey: "register.import.noHeader" })],
    });
  });

  test("a spreadsheet without the template's column titles is refused with one error", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Budget");
    sheet.addRow(["Item", "Amount"]);
    sheet.addRow(["Travel", 1200]);
    const result = await importIsoRegisterXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), options);

    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ row: null, column: null, field: "file", messageKey: "register.import.noHeader" })],
    });
  });

  test("the template with no comments in it is refused, not imported as nothing", async () => {
    const result = await importIsoRegisterXlsx(await memberFile([]), options);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ messageKey: "register.import.empty" })] });
  });

  test("column titles are found whatever their case, language and order, and errors name the real columns", async () => {
    const titles = ["备注", "意见内容", "意见类型", "章条编号", "提出单位", "CLAUSE/ SUBCLAUSE"];
    const row: SheetRow = ["", "应改为宜", "技术", "5.2", "中国标准化研究院", "9.9"];
    const good = await importIsoRegisterXlsx(await memberFile([row], () => {}, titles), options);

    expect(good.ok).toBe(true);
    if (!good.ok) return;
    // The first column with a title wins over a later duplicate.
    expect(good.rows[0]).toMatchObject({ organization: "中国标准化研究院", clause: "5.2", type: "technical", comment: "应改为宜" });
    expect(good.columns).toEqual({ comment: "B", type: "C", clause: "D", organization: "E" });

    const bad = await importIsoRegisterXlsx(await memberFile([["", "应改为宜", "重要", "5.2", "CN", ""]], () => {}, titles), options);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.row, e.column, e.field])).toEqual([[5, "C", "type"]]);
  });

  test("types are read as people write them", async () => {
    const spellings = ["ge", "TE", " ed ", "General", "technical", "Editorial", "一般", "技术", "编辑", "ｔｅ"];
    const rows = spellings.map((type, i): MemberRow => ["CN", "", `${i + 1}`, "", type, "Text", ""]);
    const result = await importIsoRegisterXlsx(await memberFile(rows), options);

    expect(result.ok ? result.rows.map((row) => row.type) : result.errors).toEqual([
      "general",
      "technical",
      "editorial",
      "general",
      "technical",
      "editorial",
      "general",
      "technical",
      "editorial",
      "technical",
    ]);
  });

  test("clauses: numbers, annex numbers and named parts pass; anything else is named", async () => {
    const good = ["5", "5.2", "10.3.1", "A", "A.1", "B.2.3", "General", "general", "全文", "Foreword", "前言", "Bibliography"];
    const rows = good.map((clause): MemberRow => ["CN", "", clause, "", "ed", "Text", ""]);
    const accepted = await importIsoRegisterXlsx(await memberFile(rows), options);
    expect(accepted.ok ? accepted.rows.map((row) => row.clause) : accepted.errors).toEqual(good);

    const bad = ["5.2a", "see 5", "5..2", "Annex A", "A1", "5.2, 5.3"];
    const refused = await importIsoRegisterXlsx(
      await memberFile([...bad.map((clause): MemberRow => ["CN", "", clause, "", "ed", "Text", ""]), ["CN", "", "", "", "ed", "Text", ""]]),
      options,
    );
    expect(refused.ok ? [] : refused.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      ...bad.map((_, i) => [firstCommentRow + i, "C", "register.import.badClause"]),
      [firstCommentRow + bad.length, "C", "register.import.clauseRequired"],
    ]);
  });

  test("a clause typed as a number is read as the number shown", async () => {
    const result = await importIsoRegisterXlsx(await memberFile([["CN", 3, 5.2, "", "te", "Text", ""], ["CN", 4, 7, "", "te", "Text", ""]]), options);
    expect(result.ok ? result.rows.map((row) => row.clause) : result.errors).toEqual(["5.2", "7"]);
  });

  test("a comment may have 10,000 characters, not more", async () => {
    const limit = registerImportLimits.comment;
    const rows: MemberRow[] = [
      ["CN", "", "5", "", "te", "x".repeat(limit), ""],
      ["CN", "", "5", "", "te", "y".repeat(limit + 1), "z".repeat(limit + 1)],
    ];
    const result = await importIsoRegisterXlsx(await memberFile(rows), options);

    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [6, "F", "register.import.commentTooLong"],
      [6, "G", "register.import.proposedChangeTooLong"],
    ]);
  });

  test("HTML and script stay plain text, exactly as typed", async () => {
    const script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    const result = await importIsoRegisterXlsx(await memberFile([["<b>CN</b>", "", "5", "", "te", script, "=HYPERLINK(\"x\")"]]), options);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]).toMatchObject({ organization: "<b>CN</b>", comment: script, proposedChange: "=HYPERLINK(\"x\")" });
  });

  test("blank rows, a repeated header and the template's footnotes are skipped; a lone comment is not", async () => {
    const rows: MemberRow[] = [["CN", "", "5", "", "te", "First", ""]];
    const file = await memberFile(rows, (sheet) => {
      sheet.getRow(7).values = [...templateTitles];
      sheet.getRow(8).values = ["DE", "", "6", "", "ed", "Second", ""];
      sheet.getRow(10).values = ["¹ MB = Member body / NC = National Committee"];
      sheet.getRow(11).values = ["2 Type of comment: ge = general te = technical ed = editorial"];
      sheet.mergeCells("A11:H11");
      sheet.getRow(12).values = ["NOTE Columns 1, 2, 4, 5 are compulsory."];
    });
    const result = await importIsoRegisterXlsx(file, options);
    expect(result.ok ? result.rows.map((row) => [row.source.row, row.comment]) : result.errors).toEqual([
      [5, "First"],
      [8, "Second"],
    ]);

    // Text only in the comment column is a comment missing its other fields, never a footnote.
    const lone = await importIsoRegisterXlsx(await memberFile([["", "", "", "", "", "NOTE this is wrong", ""]]), options);
    expect(lone.ok ? [] : lone.errors.map((e) => e.field)).toEqual(["organization", "clause", "type"]);
  });

  test("rich text, hyperlinks and formula results are read as the text shown", async () => {
    const file = await memberFile([["CN", "", "5", "", "te", "placeholder", ""]], (sheet) => {
      sheet.getCell("A5").value = { richText: [{ text: "C", font: { bold: true } }, { text: "N" }] };
      sheet.getCell("F5").value = { text: "See the website", hyperlink: "https://example.org" };
      sheet.getCell("E5").value = { formula: "LOWER(\"TE\")", result: "te" };
    });
    const result = await importIsoRegisterXlsx(file, options);
    expect(result.ok ? result.rows[0] : result.errors).toMatchObject({ organization: "CN", comment: "See the website", type: "technical" });
  });

  test("observations are ignored unless dispositions are asked for", async () => {
    const rows: MemberRow[] = [
      ["CN", "", "5", "", "te", "One", "", "Accepted in principle. See new text."],
      ["CN", "", "6", "", "te", "Two", "", "不采纳：与上位标准不一致"],
      ["CN", "", "7", "", "te", "Three", "", ""],
    ];
    const file = await memberFile(rows);

    const ignored = await importIsoRegisterXlsx(file, options);
    expect(ignored.ok ? ignored.rows.map((row) => row.disposition) : ignored.errors).toEqual([null, null, null]);

    const imported = await importIsoRegisterXlsx(file, { ...options, dispositions: "import" });
    expect(imported.ok ? imported.rows.map((row) => row.disposition) : imported.errors).toEqual([
      { decision: "accepted_in_principle", reason: "See new text.", decidedBy: "王芳", decidedAt: options.importedAt },
      { decision: "not_accepted", reason: "与上位标准不一致", decidedBy: "王芳", decidedAt: options.importedAt },
      null,
    ]);
  });

  test("an observation that names no decision is an error when dispositions are imported", async () => {
    const file = await memberFile([["CN", "", "5", "", "te", "One", "", "We will think about it"]]);
    const result = await importIsoRegisterXlsx(file, { ...options, dispositions: "import" });
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [5, "H", "register.import.badObservation"],
    ]);
  });

  test("the caller's bytes are not changed", async () => {
    const file = await memberFile(memberRows(2));
    const copy = Buffer.from(file);
    await importIsoRegisterXlsx(file, options);
    expect(file.equals(copy)).toBe(true);
  });
});
