// Writes the 征求意见汇总处理表 as DOCX, the form the review meeting (技术审查) receives with the 送审稿:
// A4 landscape, title, header lines, and one table whose header row repeats on every page. The strings
// come from register-cn-table.ts, shared with the XLSX export.
//
// Fonts: Chinese text is set in SimSun (宋体) and the title in SimHei (黑体), Latin text in Times New
// Roman, as GB-styled documents are. East Asian text is also tagged zh-CN, so a reader without SimSun
// (macOS, Linux, LibreOffice) substitutes its own Simplified Chinese serif face instead of a font with
// missing glyphs, and the theme's body font names SimSun for Simplified Chinese as Office's own themes
// name 宋体. Fonts are named, not embedded: embedding SimSun would need its licence and ~10 MB.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import {
  chineseHeaderFields,
  chineseTableColumns,
  chineseTableTitle,
  formatHeaderField,
  toChineseTableRow,
  type ChineseTableOptions,
} from "./register-cn-table";
import type { RegisterHeader, RegisterRow } from "./register-types";

// A4 in twips (1/20 pt), given portrait; docx swaps them for a landscape section.
const a4 = { width: 11906, height: 16838 } as const;
const margin = 1134; // 2 cm
const tableWidth = a4.height - 2 * margin;

const fonts = {
  body: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" },
  title: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimHei" },
} as const;
// Latin runs stay English for proofing; East Asian runs are Simplified Chinese, which picks the fallback.
const language = { value: "en-US", eastAsia: "zh-CN" } as const;
const bodySize = 21; // half-points: 五号, 10.5 pt
const titleSize = 32; // 三号, 16 pt

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const cellBorders = { top: border, bottom: border, left: border, right: border } as const;

/** One paragraph per line: a comment's own line breaks survive, and nothing in it is read as markup. */
function textParagraphs(text: string, options: { bold?: boolean; centered?: boolean } = {}): Paragraph[] {
  return text.split(/\r?\n/).map(
    (line) =>
      new Paragraph({
        alignment: options.centered ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: line, bold: options.bold })],
      }),
  );
}

function tableCell(text: string, share: number, options: { header?: boolean; centered?: boolean }): TableCell {
  return new TableCell({
    width: { size: Math.round((tableWidth * share) / 100), type: WidthType.DXA },
    borders: cellBorders,
    verticalAlign: options.header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.header ? { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" } : undefined,
    children: textParagraphs(text, { bold: options.header, centered: options.header || options.centered }),
  });
}

/** The register as a 征求意见汇总处理表 Word document. Rows are written in the order given. */
export async function exportChineseRegisterDocx(
  header: RegisterHeader,
  rows: readonly RegisterRow[],
  options: ChineseTableOptions = {},
): Promise<Buffer> {
  const info = chineseHeaderFields(header, options);
  const gap = "\u3000\u3000"; // two ideographic spaces between fields on one line, as printed forms do

  const headerRow = new TableRow({
    tableHeader: true, // repeated at the top of every page
    cantSplit: true,
    children: chineseTableColumns.map((column) => tableCell(column.title, column.share, { header: true })),
  });
  const bodyRows = rows.map((registerRow) => {
    const values = toChineseTableRow(registerRow);
    return new TableRow({
      children: chineseTableColumns.map((column) =>
        tableCell(values[column.key], column.share, {
          centered: column.key === "sequence" || column.key === "clause" || column.key === "remarks",
        }),
      ),
    });
  });

  const document = new Document({
    creator: "Standards Studio",
    title: chineseTableTitle(header),
    theme: { fonts: { body: { latin: "Times New Roman", eastAsia: "SimSun", scripts: { Hans: "SimSun" } } } },
    styles: {
      default: {
        document: { run: { font: fonts.body, size: bodySize, language } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: a4.width, height: a4.height, orientation: PageOrientation.LANDSCAPE },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页 共 ", PageNumber.TOTAL_PAGES, " 页"] }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: chineseTableTitle(header), bold: true, size: titleSize, font: fonts.title })],
          }),
          new Paragraph({ children: [new TextRun(formatHeaderField(info.name))] }),
          new Paragraph({
            children: [new TextRun([formatHeaderField(info.document), formatHeaderField(info.project)].join(gap))],
          }),
          new Paragraph({
            spacing: { after: 120 },
            children: [new TextRun([formatHeaderField(info.handler), formatHeaderField(info.date)].join(gap))],
          }),
          new Table({
            width: { size: tableWidth, type: WidthType.DXA },
            columnWidths: chineseTableColumns.map((column) => Math.round((tableWidth * column.share) / 100)),
            // Fixed: long comments wrap inside their column instead of widening it past the page.
            layout: TableLayoutType.FIXED,
            rows: [headerRow, ...bodyRows],
          }),
          // Word expects the body to end with a paragraph; without one it adds its own on opening.
          new Paragraph({}),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
