// The ISO/IEC "Template for comments and secretariat observations" as data: its eight columns in their
// order, the titles it prints, and the spellings we accept when reading a filled-in copy back. The
// export writes the titles; the import finds columns by title (never by position), because members
// insert, reorder and retitle columns and the worst thing we can do is reject their file for it.

/** The template's columns, in the template's order. */
export const isoFields = [
  "organization",
  "lineNumber",
  "clause",
  "element",
  "type",
  "comment",
  "proposedChange",
  "observations",
] as const;
export type IsoField = (typeof isoFields)[number];

export type IsoColumn = {
  field: IsoField;
  /** The title exactly as the template prints it, footnote marks included. */
  title: string;
  /** The example the template prints under some titles. */
  hint: string;
  /**
   * Width in Excel character units: wide where people write prose. Never 9: exceljs takes 9 for its
   * default and leaves the column out of the file, so Excel would show its narrower default.
   */
  width: number;
  /** A file without this column is not the template. */
  required: boolean;
  /** Other titles seen in the wild, after normalizeHeading (Chinese translations, older versions). */
  aliases: readonly string[];
};

export const isoColumns: readonly IsoColumn[] = [
  {
    field: "organization",
    title: "MB/NC¹",
    hint: "",
    width: 12,
    required: true,
    aliases: ["mb", "nc", "mbnc", "成员体", "提出单位", "单位"],
  },
  {
    field: "lineNumber",
    title: "Line number",
    hint: "(e.g. 17)",
    width: 10,
    required: false,
    aliases: ["line", "lineno", "行号"],
  },
  {
    field: "clause",
    title: "Clause/ Subclause",
    hint: "(e.g. 3.1)",
    width: 11,
    required: true,
    aliases: ["clause", "subclause", "clausesubclause", "章条", "章条号", "章条编号", "标准章条编号"],
  },
  {
    field: "element",
    title: "Paragraph/ Figure/ Table/",
    hint: "(e.g. Table 1)",
    width: 14,
    required: false,
    aliases: ["paragraphfiguretable", "paragraphfiguretablenote", "段图表", "段落图表"],
  },
  {
    field: "type",
    title: "Type of comment²",
    hint: "",
    width: 10,
    required: true,
    aliases: ["type", "typeofcomment", "commenttype", "意见类型", "类型"],
  },
  {
    field: "comment",
    title: "Comments",
    hint: "",
    width: 50,
    required: true,
    aliases: ["comment", "comments", "意见", "意见内容"],
  },
  {
    field: "proposedChange",
    title: "Proposed change",
    hint: "",
    width: 45,
    required: false,
    aliases: ["proposedchange", "proposedchanges", "修改建议", "建议修改"],
  },
  {
    field: "observations",
    title: "Observations of the secretariat",
    hint: "",
    width: 40,
    required: false,
    aliases: ["observations", "observationsofthesecretariat", "secretariatobservations", "秘书处意见", "处理意见"],
  },
];

export const isoTemplateTitle = "Template for comments and secretariat observations";

/** The labels of the header block above the columns. */
export const isoHeaderLabels = { date: "Date:", document: "Document:", project: "Project:" } as const;

/** What the marks ¹ and ² in the column titles refer to. */
export const isoFootnotes = [
  "¹ MB = Member body / NC = National Committee: the member body, national committee or organization that makes the comment.",
  "² Type of comment: ge = general, te = technical, ed = editorial.",
] as const;

/**
 * Reduces a column title to what identifies it: "Type of comment²", "TYPE OF COMMENT 2" and
 * "type  of comment" all become "typeofcomment". NFKC turns the superscript marks into digits, which
 * go together with the template's "(e.g. …)" hints, spaces, slashes and punctuation.
 */
export function normalizeHeading(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[\d*]/g, "")
    .replace(/[\s/／\\.,，。:：、_\-–—]+/g, "");
}

const fieldByHeading = new Map<string, IsoField>(
  isoColumns.flatMap((column) => [
    [normalizeHeading(column.title), column.field] as const,
    ...column.aliases.map((alias) => [alias, column.field] as const),
  ]),
);

/** The template column a title names, or null when it is some other text. */
export function isoFieldOfHeading(text: string): IsoField | null {
  return fieldByHeading.get(normalizeHeading(text)) ?? null;
}

/** 1 → "A", 27 → "AA": errors name columns the way Excel shows them. */
export function columnLetter(columnNumber: number): string {
  let letters = "";
  for (let n = columnNumber; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
