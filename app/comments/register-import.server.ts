// Reads a filled-in ISO/IEC commenting template (XLSX) into register rows, all or nothing: either every
// row is valid and all are returned, or the errors are returned, each naming the spreadsheet row and
// column at fault, and no row at all. The caller relies on that to import in one transaction.
//
// What this does not do: anchor rows to the draft's clauses (an unknown clause is for the caller, which
// knows the document — `registerImportMessages["register.import.unknownClause"]` and the `columns` of
// the result let it report one the same way), check permissions, or limit the upload's size (the
// route must cap it before the bytes reach here: unzipping is where a hostile file costs memory).
//
// Tolerance, because users hate comment files rejected for cosmetic reasons: the header row is found by
// its titles anywhere in the first rows of any sheet, whatever their case, spacing, footnote marks or
// "(e.g. …)" hints, in English or Chinese, and in any column order; blank rows, a repeated header row
// and the template's footnote lines are skipped. Text is kept exactly as typed (only trimmed): HTML or
// script in a comment is data, never interpreted here, and shown as text wherever it is rendered.
import ExcelJS from "exceljs";
import type { Cell, CellValue, Workbook, Worksheet } from "exceljs";
import { columnLetter, isoColumns, isoFieldOfHeading, isoHeaderLabels, normalizeHeading, type IsoField } from "./register-iso-template";
import type { RegisterRow } from "./register-types";
import { parseCommentType, parseDisposition } from "./register-vocabulary";
import commentsEn from "~/locales/en/comments";

export const registerImportLimits = {
  /** Characters in one comment; the same limit applies to a proposed change. */
  comment: 10_000,
  organization: 200,
  element: 200,
  clause: 50,
  /** Data rows in one file: ten times the largest national comment files we have seen. */
  rows: 5_000,
  /** How far down a sheet the column titles are looked for. */
  headerSearchRows: 50,
  /** How far right the column titles are looked for. */
  headerSearchColumns: 40,
} as const;

/**
 * Every message the import can give: the i18n key the UI translates (the locale namespace `comments`,
 * under `comments.register.import.*`) and, for logs and API clients, the English text.
 */
const importMessageTexts = commentsEn.register.import;
type ImportMessageName = keyof typeof importMessageTexts;

export const registerImportMessages = Object.fromEntries(
  Object.entries(importMessageTexts).map(([name, en]) => [`register.import.${name}`, { en }]),
) as { readonly [K in ImportMessageName as `register.import.${K}`]: { readonly en: string } };

export type RegisterImportMessageKey = keyof typeof registerImportMessages;

export type RegisterImportField = IsoField | "file";

export type RegisterImportError = {
  /** 1-based spreadsheet row; null for a fault of the whole file. */
  row: number | null;
  /** Column letter as Excel shows it, e.g. "E"; null for a fault of the whole file or row. */
  column: string | null;
  field: RegisterImportField;
  /** English, for logs and API clients; the UI translates messageKey. */
  message: string;
  messageKey: RegisterImportMessageKey;
};

/** A register row plus where it came from, so later checks (unknown clause) can name the row too. */
export type ImportedRegisterRow = RegisterRow & {
  source: {
    /** 1-based spreadsheet row. */
    row: number;
    /** The template's line number column as typed; informative only, since drafts move on. */
    lineNumber: string;
  };
};

export type RegisterImportResult =
  | {
      ok: true;
      rows: ImportedRegisterRow[];
      /** Where each template column was found in this file, e.g. { clause: "C" }. */
      columns: Partial<Record<IsoField, string>>;
      /** The header block's Document and Project, as typed ("" when absent), for the caller to compare. */
      document: string;
      project: string;
    }
  | { ok: false; errors: RegisterImportError[] };

export type RegisterImportOptions = {
  /** The file has no author column: rows are recorded as written by whoever imports them… */
  importedBy: string;
  /** …at the time of the import. */
  importedAt: Date;
  /**
   * "ignore" (default): the observations column is not read, because a member's file must not record
   * decisions. "import": read it into dispositions (decided by importedBy at importedAt); only for a
   * caller that has checked the importer may record dispositions.
   */
  dispositions?: "ignore" | "import";
};

export function importError(
  row: number | null,
  column: string | null,
  field: RegisterImportField,
  messageKey: RegisterImportMessageKey,
): RegisterImportError {
  return { row, column, field, message: registerImportMessages[messageKey].en, messageKey };
}

function fileError(messageKey: RegisterImportMessageKey): RegisterImportResult {
  return { ok: false, errors: [importError(null, null, "file", messageKey)] };
}

/** The text a cell shows, whatever exceljs made of it (rich text, hyperlink, formula result …). */
function valueText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : "";
  // A formula's cached result is what the member saw; the formula itself is never evaluated here.
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result ?? null);
  return value.error;
}

function cellText(cell: Cell): string {
  // exceljs gives every cell of a merged range the master's value; only the master holds the text.
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  return valueText(cell.value).trim();
}

type HeaderRow = { sheet: Worksheet; row: number; columns: Map<IsoField, number> };

function findHeaderRow(workbook: Workbook): HeaderRow | null {
  const required = isoColumns.filter((column) => column.required).map((column) => column.field);
  for (const sheet of workbook.worksheets) {
    const lastRow = Math.min(sheet.rowCount, registerImportLimits.headerSearchRows);
    for (let r = 1; r <= lastRow; r++) {
      const row = sheet.getRow(r);
      const columns = new Map<IsoField, number>();
      const lastColumn = Math.min(row.cellCount, registerImportLimits.headerSearchColumns);
      for (let c = 1; c <= lastColumn; c++) {
        const field = isoFieldOfHeading(cellText(row.getCell(c)));
        // The first column with a title wins; a later duplicate is someone's scratch column.
        if (field && !columns.has(field)) columns.set(field, c);
      }
      if (required.every((field) => columns.has(field))) return { sheet, row: r, columns };
    }
  }
  return null;
}

/** "Document: ISO/CD 12345" in one cell, or "Document:" followed by the value in a cell to its right. */
function headerBlockValue(header: HeaderRow, label: string): string {
  const wanted = normalizeHeading(label);
  for (let r = 1; r < header.row; r++) {
    const row = header.sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c));
      const colon = text.search(/[:：]/);
      if (colon < 0 || normalizeHeading(text.slice(0, colon)) !== wanted) continue;
      const inline = text.slice(colon + 1).trim();
      if (inline) return inline;
      for (let next = c + 1; next <= row.cellCount; next++) {
        const value = cellText(row.getCell(next));
        if (value) return value;
      }
      return "";
    }
  }
  return "";
}

// Digits with dots (5, 5.2, 10.3.1) or an annex letter with dots (A, A.1, B.2.3).
const clauseNumberPattern = /^(?:\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)$/;
// Parts without a number that comments commonly address, as the two templates write them. Kept as
// typed; the caller maps them to the document's elements.
const namedParts = new Set([
  "general",
  "title",
  "foreword",
  "introduction",
  "bibliography",
  "index",
  "全文",
  "标题",
  "名称",
  "封面",
  "前言",
  "引言",
  "参考文献",
  "索引",
]);

function isClauseReference(text: string): boolean {
  return clauseNumberPattern.test(text) || namedParts.has(text.toLowerCase());
}

// The footnote lines under the template ("¹ MB = …", "² Type of comment: …", "NOTE …"): NFKC turns the
// superscript marks into digits.
const footnotePattern = /^(?:\d\s*(?:mb\s*=|type of comment)|note\b|nb\b|注[:：\s\d])/i;

type FieldTexts = Record<IsoField, string>;

function readFields(sheet: Worksheet, r: number, columns: Map<IsoField, number>): FieldTexts {
  const row = sheet.getRow(r);
  const read = (field: IsoField): string => {
    const c = columns.get(field);
    return c === undefined ? "" : cellText(row.getCell(c));
  };
  return {
    organization: read("organization"),
    lineNumber: read("lineNumber"),
    clause: read("clause"),
    element: read("element"),
    type: read("type"),
    comment: read("comment"),
    proposedChange: read("proposedChange"),
    observations: read("observations"),
  };
}

function isSkippable(texts: FieldTexts): boolean {
  const filled = Object.entries(texts).filter(([, text]) => text !== "");
  if (filled.length === 0) return true;
  // A header repeated further down (pasted from a second file) is not a comment.
  if (filled.every(([field, text]) => isoFieldOfHeading(text) === field)) return true;
  // A footnote spans the sheet from its first column, so it is the only text in its row and never sits
  // in the comment column: a comment is never mistaken for one.
  const [only] = filled;
  return filled.length === 1 && only !== undefined && only[0] !== "comment" && footnotePattern.test(only[1].normalize("NFKC"));
}

type RowOutcome = { ok: true; row: ImportedRegisterRow } | { ok: false; errors: RegisterImportError[] };

function validateRow(
  texts: FieldTexts,
  sheetRow: number,
  sequence: number,
  columns: Map<IsoField, number>,
  options: RegisterImportOptions,
): RowOutcome {
  const errors: RegisterImportError[] = [];
  const fail = (field: IsoField, messageKey: RegisterImportMessageKey): void => {
    const c = columns.get(field);
    errors.push(importError(sheetRow, c === undefined ? null : columnLetter(c), field, messageKey));
  };

  if (!texts.organization) fail("organization", "register.import.organizationRequired");
  else if (texts.organization.length > registerImportLimits.organization) {
    fail("organization", "register.import.organizationTooLong");
  }

  if (!texts.clause) fail("clause", "register.import.clauseRequired");
  else if (texts.clause.length > registerImportLimits.clause || !isClauseReference(texts.clause)) {
    fail("clause", "register.import.badClause");
  }

  if (texts.element.length > registerImportLimits.element) fail("element", "register.import.elementTooLong");

  const type = parseCommentType(texts.type);
  if (!type) fail("type", "register.import.badType");

  if (!texts.comment) fail("comment", "register.import.commentRequired");
  else if (texts.comment.length > registerImportLimits.comment) fail("comment", "register.import.commentTooLong");

  if (texts.proposedChange.length > registerImportLimits.comment) {
    fail("proposedChange", "register.import.proposedChangeTooLong");
  }

  const wantsDisposition = options.dispositions === "import" && texts.observations !== "";
  const parsed = wantsDisposition ? parseDisposition(texts.observations) : null;
  if (wantsDisposition && !parsed) fail("observations", "register.import.badObservation");

  if (errors.length > 0 || !type) return { ok: false, errors };
  return {
    ok: true,
    row: {
      sequence,
      organization: texts.organization,
      clause: texts.clause,
      element: texts.element,
      type,
      comment: texts.comment,
      proposedChange: texts.proposedChange,
      author: options.importedBy,
      createdAt: options.importedAt,
      disposition: parsed
        ? { ...parsed, decidedBy: options.importedBy, decidedAt: options.importedAt }
        : null,
      source: { row: sheetRow, lineNumber: texts.lineNumber },
    },
  };
}

async function loadWorkbook(file: Uint8Array | ArrayBuffer): Promise<Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = file instanceof ArrayBuffer ? new Uint8Array(file) : file;
    // A copy as a plain ArrayBuffer: what exceljs' typings ask for, and the caller's bytes stay untouched.
    await workbook.xlsx.load(bytes.slice().buffer);
    // exceljs opens any zip (a .docx too) as an empty workbook; without a sheet it was no workbook.
    return workbook.worksheets.length > 0 ? workbook : null;
  } catch {
    // Not a zip, or a zip without a workbook in it: either way the file is not an XLSX.
    return null;
  }
}

/** Reads a filled-in ISO/IEC commenting template. All rows, or errors and no rows. */
export async function importIsoRegisterXlsx(
  file: Uint8Array | ArrayBuffer,
  options: RegisterImportOptions,
): Promise<RegisterImportResult> {
  const workbook = await loadWorkbook(file);
  if (!workbook) return fileError("register.import.notXlsx");
  const header = findHeaderRow(workbook);
  if (!header) return fileError("register.import.noHeader");

  const rows: ImportedRegisterRow[] = [];
  const errors: RegisterImportError[] = [];
  let sequence = 0;
  for (let r = header.row + 1; r <= header.sheet.rowCount; r++) {
    const texts = readFields(header.sheet, r, header.columns);
    if (isSkippable(texts)) continue;
    sequence += 1;
    if (sequence > registerImportLimits.rows) return fileError("register.import.tooManyRows");
    const outcome = validateRow(texts, r, sequence, header.columns, options);
    if (outcome.ok) rows.push(outcome.row);
    else errors.push(...outcome.errors);
  }

  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return fileError("register.import.empty");
  return {
    ok: true,
    rows,
    columns: Object.fromEntries([...header.columns].map(([field, c]) => [field, columnLetter(c)])),
    document: headerBlockValue(header, isoHeaderLabels.document),
    project: headerBlockValue(header, isoHeaderLabels.project),
  };
}
