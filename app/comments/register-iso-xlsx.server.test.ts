import ExcelJS, { type Worksheet } from "exceljs";
import { describe, expect, test } from "vitest";
import { sampleAuthor, sampleHeader, sampleInstant, sampleRows } from "./register-fixtures";
import { importIsoRegisterXlsx, type ImportedRegisterRow } from "./register-import.server";
import { isoColumns, isoFootnotes } from "./register-iso-template";
import { exportIsoRegisterXlsx, isoLayout } from "./register-iso-xlsx.server";
import type { RegisterRow } from "./register-types";

async function readBack(buffer: Buffer): Promise<Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error("The workbook has no sheet");
  return sheet;
}

function text(sheet: Worksheet, row: number, column: number): string {
  return sheet.getCell(row, column).text;
}

const withoutSource = (rows: ImportedRegisterRow[]): RegisterRow[] => rows.map(({ source: _source, ...row }) => row);

describe("exportIsoRegisterXlsx", () => {
  test("writes the header block and the template's eight columns in order", async () => {
    const sheet = await readBack(await exportIsoRegisterXlsx(sampleHeader, sampleRows(3)));

    expect(text(sheet, isoLayout.titleRow, 1)).toBe("Template for comments and secretariat observations");
    const block = [1, 2, 4, 5, 7, 8].map((c) => text(sheet, isoLayout.headerBlockRow, c));
    expect(block).toEqual(["Date:", "2026-03-01", "Document:", "T/GBA 001—2026 征求意见稿", "Project:", "GBA-2026-001"]);

    const titles = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(sheet, isoLayout.columnTitleRow, c).split("\n")[0]);
    expect(titles).toEqual([
      "MB/NC¹",
      "Line number",
      "Clause/ Subclause",
      "Paragraph/ Figure/ Table/",
      "Type of comment²",
      "Comments",
      "Proposed change",
      "Observations of the secretariat",
    ]);
  });

  test("writes each comment with its type code and the decision in the project's language", async () => {
    const rows = sampleRows(3);
    const zh = await readBack(await exportIsoRegisterXlsx(sampleHeader, rows));
    const first = isoLayout.firstDataRow;

    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => text(zh, first, c))).toEqual([
      "CN",
      "",
      "5.2",
      "表 2",
      "ge",
      `${rows[0].comment}`,
      "将“应”改为“宜”。",
      "采纳",
    ]);
    expect(text(zh, first + 1, 5)).toBe("te");
    expect(text(zh, first + 1, 8)).toBe("部分采纳：理由 2");
    expect(text(zh, first + 2, 5)).toBe("ed");
    expect(text(zh, first + 2, 8)).toBe("不采纳：理由 3");

    const en = await readBack(await exportIsoRegisterXlsx({ ...sampleHeader, language: "en" }, rows));
    expect([0, 1, 2].map((i) => text(en, first + i, 8))).toEqual(["Accepted", "Accepted in principle: 理由 2", "Not accepted: 理由 3"]);
  });

  test("undecided comments have empty observations", async () => {
    const rows = sampleRows(4);
    expect(rows[3].disposition).toBeNull();
    const sheet = await readBack(await exportIsoRegisterXlsx(sampleHeader, rows));
    expect(text(sheet, isoLayout.firstDataRow + 3, 8)).toBe("");
  });

  test("is readable: widths, wrapped text, frozen column titles, footnotes under the comments", async () => {
    const sheet = await readBack(await exportIsoRegisterXlsx(sampleHeader, sampleRows(2)));

    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: isoLayout.columnTitleRow });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getColumn(c).width)).toEqual(isoColumns.map((c) => c.width));
    expect(Math.min(...isoColumns.map((c) => c.width))).toBeGreaterThanOrEqual(10);
    expect(sheet.getColumn(6).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getCell(isoLayout.firstDataRow, 6).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(sheet.getCell(isoLayout.columnTitleRow, 1).font).toMatchObject({ bold: true });

    const footnoteRow = isoLayout.firstDataRow + 2;
    expect([text(sheet, footnoteRow, 1), text(sheet, footnoteRow + 1, 1)]).toEqual([...isoFootnotes]);
    expect(isoFootnotes[0]).toMatch(/^¹ MB = Member body \/ NC = National Committee/);
    expect(isoFootnotes[1]).toMatch(/^² Type of comment: ge = general, te = technical, ed = editorial/);
  });

  test("text that looks like a formula or markup is written as a plain string", async () => {
    const sheet = await readBack(await exportIsoRegisterXlsx(sampleHeader, sampleRows(4)));
    expect(sheet.getCell(isoLayout.firstDataRow + 3, 6).value).toBe("=SUM(A1:A2) is not a formula. (#4)");
    expect(sheet.getCell(isoLayout.firstDataRow + 2, 6).value).toBe("<script>alert('x')</script> is shown as text, <b>not bold</b>. (#3)");
  });

  test("export then import gives back the same rows", async () => {
    const rows = sampleRows(20);
    for (const language of ["zh-CN", "en"] as const) {
      const file = await exportIsoRegisterXlsx({ ...sampleHeader, language }, rows);
      const result = await importIsoRegisterXlsx(file, {
        importedBy: sampleAuthor,
        importedAt: sampleInstant,
        dispositions: "import",
      });

      expect(result.ok ? withoutSource(result.rows) : result.errors).toEqual(rows);
      expect(result.ok && [result.document, result.project]).toEqual([sampleHeader.document, sampleHeader.project]);
    }
  });

  test("an empty register exports a blank template that the import recognizes", async () => {
    const file = await exportIsoRegisterXlsx(sampleHeader, []);
    const result = await importIsoRegisterXlsx(file, { importedBy: sampleAuthor, importedAt: sampleInstant });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ messageKey: "register.import.empty" })] });
  });

  test("the header date is the calendar day in the project's time zone", async () => {
    const header = { ...sampleHeader, date: new Date("2026-02-28T16:30:00Z") };
    const utc = await readBack(await exportIsoRegisterXlsx(header, []));
    const beijing = await readBack(await exportIsoRegisterXlsx(header, [], { timeZone: "Asia/Shanghai" }));
    expect(text(utc, isoLayout.headerBlockRow, 2)).toBe("2026-02-28");
    expect(text(beijing, isoLayout.headerBlockRow, 2)).toBe("2026-03-01");
  });
});
