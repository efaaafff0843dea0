import { describe, expect, test } from "vitest";
import { columnLetter, isoColumns, isoFieldOfHeading, isoFields } from "./register-iso-template";

describe("ISO template columns", () => {
  test("are the template's eight, in its order", () => {
    expect(isoColumns.map((column) => column.field)).toEqual([...isoFields]);
    expect(isoColumns.map((column) => column.title)).toEqual([
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

  test("every title, with its hint, names its own column", () => {
    for (const column of isoColumns) {
      expect(isoFieldOfHeading(column.title)).toBe(column.field);
      expect(isoFieldOfHeading(`${column.title}\n${column.hint}`)).toBe(column.field);
    }
  });

  test("titles are recognized through small variations", () => {
    const cases: [string, string][] = [
      ["MB/NC1", "organization"],
      ["mb / nc ¹", "organization"],
      ["Clause/Subclause (e.g. 3.1)", "clause"],
      ["CLAUSE / SUBCLAUSE", "clause"],
      ["Paragraph/Figure/Table/Note\n(e.g. Table 1)", "element"],
      ["Type of comment 2", "type"],
      ["type  of  comment²", "type"],
      ["comments", "comment"],
      ["Proposed  Change", "proposedChange"],
      ["Observations of the Secretariat", "observations"],
      ["章条编号", "clause"],
      ["意见类型", "type"],
      ["修改建议", "proposedChange"],
      ["提出单位", "organization"],
      ["处理意见", "observations"],
      ["Line number (e.g. 17)", "lineNumber"],
    ];
    expect(cases.map(([title]) => isoFieldOfHeading(title))).toEqual(cases.map(([, field]) => field));
    expect(["", "Budget", "Amount", "Date:", "备注"].map(isoFieldOfHeading)).toEqual(Array(5).fill(null));
  });

  test("column letters are Excel's", () => {
    expect([1, 5, 8, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "E", "H", "Z", "AA", "AZ", "AAA"]);
  });
});
