// Writes the 征求意见汇总处理表 as XLSX: title, header lines (标准名称, 文件, 项目编号, 承办人, 日期),
// then the seven columns. The strings come from register-cn-table.ts, shared with the DOCX export.
import ExcelJS from "exceljs";
import type { Borders } from "exceljs";
import {
  chineseHeaderFields,
  chineseTableColumns,
  chineseTableTitle,
  formatHeaderField,
  toChineseTableRow,
  type ChineseTableOptions,
} from "./register-cn-table";
import type { RegisterHeader, RegisterRow } from "./register-types";

/** Row numbers of the layout, for tests and print titles. */
export const chineseXlsxLayout = { titleRow: 1, firstInfoRow: 2, columnTitleRow: 4, firstDataRow: 5 } as const;

const thin: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

// Excel picks a font per cell; naming SimSun makes Chinese text print as the form expects where it is
// installed, and Excel falls back to the system's CJK font where it is not.
const bodyFont = { name: "SimSun", size: 10.5 } as const;

/** The register as a 征求意见汇总处理表 workbook. Rows are written in the order given. */
export async function exportChineseRegisterXlsx(
  header: RegisterHeader,
  rows: readonly RegisterRow[],
  options: ChineseTableOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Standards Studio";
  workbook.title = chineseTableTitle(header);
  const { columnTitleRow, firstDataRow, firstInfoRow, titleRow } = chineseXlsxLayout;
  const sheet = workbook.addWorksheet("征求意见汇总处理表", {
    views: [{ state: "frozen", xSplit: 0, ySplit: columnTitleRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${columnTitleRow}:${columnTitleRow}`,
    },
  });
  sheet.columns = chineseTableColumns.map((column) => ({ width: column.width }));
  const last = chineseTableColumns.length;

  sheet.mergeCells(titleRow, 1, titleRow, last);
  const title = sheet.getCell(titleRow, 1);
  title.value = chineseTableTitle(header);
  title.font = { ...bodyFont, bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(titleRow).height = 30;

  // Two info lines: 标准名称 and 文件 on the first, 项目编号, 承办人 and 日期 on the second, each
  // "label：value" in one merged cell so the line reads like the printed form.
  const info = chineseHeaderFields(header, options);
  const infoLines = [
    [
      { field: info.name, from: 1, to: 4 },
      { field: info.document, from: 5, to: 7 },
    ],
    [
      { field: info.project, from: 1, to: 3 },
      { field: info.handler, from: 4, to: 5 },
      { field: info.date, from: 6, to: 7 },
    ],
  ];
  infoLines.forEach((line, index) => {
    const r = firstInfoRow + index;
    for (const { field, from, to } of line) {
      sheet.mergeCells(r, from, r, to);
      const cell = sheet.getCell(r, from);
      cell.value = formatHeaderField(field);
      cell.font = bodyFont;
      cell.alignment = { vertical: "middle", wrapText: true };
    }
  });

  const titles = sheet.getRow(columnTitleRow);
  chineseTableColumns.forEach((column, index) => {
    const cell = titles.getCell(index + 1);
    cell.value = column.title;
    cell.font = { ...bodyFont, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    cell.border = thin;
  });

  rows.forEach((registerRow, index) => {
    const values = toChineseTableRow(registerRow);
    const row = sheet.getRow(firstDataRow + index);
    chineseTableColumns.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      // Strings stay strings, even 序号: the form is read, not computed on.
      cell.value = values[column.key];
      cell.font = bodyFont;
      const centered = column.key === "sequence" || column.key === "clause" || column.key === "remarks";
      cell.alignment = { vertical: "top", horizontal: centered ? "center" : "left", wrapText: true };
      cell.border = thin;
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
