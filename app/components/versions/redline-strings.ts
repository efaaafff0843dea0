/*
 * UI strings of the redline view and summary, in both locales. They sit here until they move into
 * app/locales/{en,zh-CN}.ts under `versions.redline`; the keys and the i18next `{{name}}`
 * placeholders are already in the form those files use, so the move is a copy and a switch from
 * `useRedlineStrings()` to `t("versions.redline.…")`.
 */
import { useTranslation } from "react-i18next";

const en = {
  insertedStart: "[inserted: ",
  insertedEnd: "]",
  deletedStart: "[deleted: ",
  deletedEnd: "]",
  movedFrom: "Moved from {{from}}",
  movedFromElsewhere: "Moved here",
  movedTo: "Moved to {{to}}",
  movedAway: "Moved elsewhere",
  showUnchanged: "Show unchanged text",
  showGap_one: "Show {{count}} unchanged section ({{range}})",
  showGap_other: "Show {{count}} unchanged sections ({{range}})",
  hideGap: "Hide unchanged sections ({{range}})",
  noChanges: "The two versions have the same text.",
  older: "Before",
  newer: "After",
  viewLabel: "Changes between the two versions",
  brokenReference: "Reference to an element that no longer exists",
  statusInserted: "Inserted",
  statusDeleted: "Deleted",
  statusModified: "Changed",
  statusMoved: "Moved",
  summaryTitle: "Summary of changes",
  summaryCount_one: "{{count}} section changed",
  summaryCount_other: "{{count}} sections changed",
  summaryRenumbered_one: "{{count}} further section only renumbered",
  summaryRenumbered_other: "{{count}} further sections only renumbered",
  summaryNone: "No changes.",
  summarySection: "Section",
  summaryChange: "Change",
  summaryInserted: "Inserted",
  summaryDeleted: "Deleted",
  summaryTotals: "Total",
  summaryCounts: "{{inserted}} words or characters inserted, {{deleted}} deleted",
  summaryMove: "from {{from}}",
};

export type RedlineStrings = typeof en;

const zhCN: RedlineStrings = {
  insertedStart: "［插入：",
  insertedEnd: "］",
  deletedStart: "［删除：",
  deletedEnd: "］",
  movedFrom: "由 {{from}} 移来",
  movedFromElsewhere: "由别处移来",
  movedTo: "已移至 {{to}}",
  movedAway: "已移至别处",
  showUnchanged: "显示未修改内容",
  showGap_one: "显示 {{count}} 个未修改的章条（{{range}}）",
  showGap_other: "显示 {{count}} 个未修改的章条（{{range}}）",
  hideGap: "收起未修改的章条（{{range}}）",
  noChanges: "两个版本的文本相同。",
  older: "修改前",
  newer: "修改后",
  viewLabel: "两个版本之间的修改",
  brokenReference: "引用的要素已不存在",
  statusInserted: "新增",
  statusDeleted: "删除",
  statusModified: "修改",
  statusMoved: "移动",
  summaryTitle: "修改摘要",
  summaryCount_one: "{{count}} 个章条有修改",
  summaryCount_other: "{{count}} 个章条有修改",
  summaryRenumbered_one: "另有 {{count}} 个章条仅编号变化",
  summaryRenumbered_other: "另有 {{count}} 个章条仅编号变化",
  summaryNone: "没有修改。",
  summarySection: "章条",
  summaryChange: "修改",
  summaryInserted: "插入",
  summaryDeleted: "删除",
  summaryTotals: "合计",
  summaryCounts: "插入 {{inserted}} 个字词，删除 {{deleted}} 个",
  summaryMove: "原 {{from}}",
};

export const redlineStrings: { en: RedlineStrings; "zh-CN": RedlineStrings } = { en, "zh-CN": zhCN };

/** Fills `{{name}}` placeholders, as i18next does. */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A string with `_one` / `_other` forms, chosen by count as i18next's plural rules do for these locales. */
export function pluralString(strings: RedlineStrings, key: "showGap" | "summaryCount" | "summaryRenumbered", count: number, values: Record<string, string | number> = {}): string {
  const template = count === 1 ? strings[`${key}_one`] : strings[`${key}_other`];
  return formatString(template, { count, ...values });
}

/** The strings for the current UI language; Chinese unless it is English, as the app's default. */
export function useRedlineStrings(): RedlineStrings {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? redlineStrings.en : redlineStrings["zh-CN"];
}
