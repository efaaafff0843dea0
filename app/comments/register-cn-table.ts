// The 征求意见汇总处理表 as data: its title, header lines and seven columns, and how a register row
// fills them. The XLSX and DOCX exports both lay out exactly these strings, so the mapping is decided
// (and tested) once, here.
//
// Mapping (see the report / ADR for the reasoning):
// - 序号      ← sequence
// - 章条编号  ← clause, then the paragraph/figure/table reference ("5.2 表 2"); "General" → 全文
// - 意见内容  ← the proposed change (what the table's readers act on); the comment when none is proposed
// - 理由      ← the comment, when a proposed change took the 意见内容 cell; otherwise empty
// - 提出单位  ← organization
// - 处理意见  ← 采纳 / 部分采纳 / 不采纳 / 备注, then "：" and the reason; empty while undecided
// - 备注      ← the comment type (一般 / 技术 / 编辑), which the form has no other place for
import type { RegisterHeader, RegisterRow } from "./register-types";
import { chineseTypeLabels, formatDisposition, formatRegisterDate } from "./register-vocabulary";

/** width: Excel character units; share: per cent of the DOCX table width. */
export const chineseTableColumns = [
  { key: "sequence", title: "序号", width: 6, share: 5 },
  { key: "clause", title: "章条编号", width: 12, share: 10 },
  { key: "content", title: "意见内容", width: 45, share: 27 },
  { key: "reason", title: "理由", width: 35, share: 20 },
  { key: "organization", title: "提出单位", width: 16, share: 11 },
  { key: "disposition", title: "处理意见", width: 35, share: 20 },
  { key: "remarks", title: "备注", width: 10, share: 7 },
] as const;

export type ChineseTableColumnKey = (typeof chineseTableColumns)[number]["key"];
export type ChineseTableRow = Record<ChineseTableColumnKey, string>;

export type ChineseTableOptions = {
  /** 承办人: printed when given, otherwise the line is left for a hand to fill in. */
  handler?: string;
  /** The zone in which the header date is a calendar day; UTC unless the project says otherwise. */
  timeZone?: string;
};

/** "<project title>征求意见汇总处理表". */
export function chineseTableTitle(header: RegisterHeader): string {
  return `${header.title.trim()}征求意见汇总处理表`;
}

export type ChineseHeaderField = { label: string; value: string };

/** What the form prints above the table, as label and value. */
export function chineseHeaderFields(
  header: RegisterHeader,
  options: ChineseTableOptions = {},
): Record<"name" | "document" | "project" | "handler" | "date", ChineseHeaderField> {
  return {
    name: { label: "标准名称", value: header.title },
    document: { label: "文件", value: header.document },
    project: { label: "项目编号", value: header.project },
    handler: { label: "承办人", value: options.handler ?? "" },
    date: { label: "日期", value: formatRegisterDate(header.date, options.timeZone) },
  };
}

/** "标准名称：…": how a header field reads on the form. */
export function formatHeaderField(field: ChineseHeaderField): string {
  return `${field.label}：${field.value}`;
}

function clauseCell(row: RegisterRow): string {
  const clause = row.clause.trim().toLowerCase() === "general" ? "全文" : row.clause.trim();
  const element = row.element.trim();
  return element ? `${clause} ${element}` : clause;
}

export function toChineseTableRow(row: RegisterRow): ChineseTableRow {
  const proposed = row.proposedChange.trim();
  return {
    sequence: String(row.sequence),
    clause: clauseCell(row),
    content: proposed || row.comment,
    reason: proposed ? row.comment : "",
    organization: row.organization,
    // The form is Chinese whatever the project language, so its decisions are written in Chinese.
    disposition: formatDisposition(row.disposition, "zh-CN"),
    remarks: chineseTypeLabels[row.type],
  };
}
