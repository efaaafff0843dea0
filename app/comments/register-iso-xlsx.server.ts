// Writes the register as the ISO/IEC commenting template (XLSX): the header block (date, document,
// project), the eight template columns, one row per comment in the order given, and the footnotes
// that explain the ¹ and ² marks. The secretariat's observations are written in the project's
// language; the template's own titles stay in English, as the template has them, so that every
// national body's tooling (and our import) recognizes the file.
import ExcelJS from "exceljs";
import type { Borders, Worksheet } from "exceljs";
import { isoColumns, isoFootnotes, isoHeaderLabels, isoTemplateTitle, type IsoField } from "./register-iso-template";
import type { RegisterHeader, RegisterRow } from "./register-types";
import { formatDisposition, formatRegisterDate, isoTypeCodes } from "./register-vocabulary";

export type IsoRegisterExportOptions = {
  /** The zone in which the header date is a calendar day; UTC unless the project says otherwise. */
  timeZone?: string;
};

/** Row numbers of the layout; the import does not rely on them, tests and print titles do. */
export const isoLayout = { titleRow: 1, headerBlockRow: 2, columnTitleRow: 3, firstDataRow: 4 } as const;

const thin: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** The cell text for each template column. The template has no place for author or dates. */
function isoCells(row: RegisterRow, header: RegisterHeader): Record<IsoField, string> {
  return {
    organization: row.organization,
    // Comments here are anchored to text, not to line numbers of one rendering of the draft.
    lineNumber: "",
    clause: row.clause,
    element: row.element,
    type: isoTypeCodes[row.type],
    comment: row.comment,
    proposedChange: row.proposedChange,
    observations: formatDisposition(row.disposition, header.language),
  };
}

function writeHeaderBlock(sheet: Worksheet, header: RegisterHeader, options: IsoRegisterExportOptions): void {
  const last = isoColumns.length;
  sheet.mergeCells(isoLayout.titleRow, 1, isoLayout.titleRow, last);
  const title = sheet.getCell(isoLayout.titleRow, 1);
  title.value = isoTemplateTitle;
  title.font = { bold: true, size: 12 };

  // Label and value in separate cells (A|B–C, D|E–F, G|H) so each value has room to be read.
  const r = isoLayout.headerBlockRow;
  const entries: { label: string; value: string; labelColumn: number; valueFrom: number; valueTo: number }[] = [
    { label: isoHeaderLabels.date, value: formatRegisterDate(header.date, options.timeZone), labelColumn: 1, valueFrom: 2, valueTo: 3 },
    { label: isoHeaderLabels.document, value: header.document, labelColumn: 4, valueFrom: 5, valueTo: 6 },
    { label: isoHeaderLabels.project, value: header.project, labelColumn: 7, valueFrom: 8, valueTo: 8 },
  ];
  for (const entry of entries) {
    const label = sheet.getCell(r, entry.labelColumn);
    label.value = entry.label;
    label.font = { bold: true };
    if (entry.valueTo > entry.valueFrom) sheet.mergeCells(r, entry.valueFrom, r, entry.valueTo);
    const value = sheet.getCell(r, entry.valueFrom);
    // Always a string: "12345" must not become a number, nor a date a serial the reader's zone shifts.
    value.value = entry.value;
    value.alignment = { vertical: "top", wrapText: true };
  }
}

function writeColumnTitles(sheet: Worksheet): void {
  const row = sheet.getRow(isoLayout.columnTitleRow);
  isoColumns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.value = column.hint ? `${column.title}\n${column.hint}` : column.title;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    cell.border = thin;
  });
}

function writeFootnotes(sheet: Worksheet, firstRow: number): void {
  isoFootnotes.forEach((text, index) => {
    const r = firstRow + index;
    sheet.mergeCells(r, 1, r, isoColumns.length);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
}

/** The register as an ISO/IEC commenting template workbook. Rows are written in the order given. */
export async function exportIsoRegisterXlsx(
  header: RegisterHeader,
  rows: readonly RegisterRow[],
  options: IsoRegisterExportOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Standards Studio";
  workbook.title = `${header.document} — ${header.title}`;
  const sheet = workbook.addWorksheet("Comments", {
    views: [{ state: "frozen", xSplit: 0, ySplit: isoLayout.columnTitleRow }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${isoLayout.columnTitleRow}:${isoLayout.columnTitleRow}`,
    },
  });
  sheet.columns = isoColumns.map((column) => ({ width: column.width }));

  writeHeaderBlock(sheet, header, options);
  writeColumnTitles(sheet);

  rows.forEach((registerRow, index) => {
    const cells = isoCells(registerRow, header);
    const row = sheet.getRow(isoLayout.firstDataRow + index);
    isoColumns.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      // Strings stay strings: text starting with "=" is never a formula, "<script>" never markup.
      cell.value = cells[column.field];
      cell.alignment = { vertical: "top", wrapText: true };
      cell.border = thin;
    });
  });

  writeFootnotes(sheet, isoLayout.firstDataRow + rows.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
