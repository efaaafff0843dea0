// The redline view's strings (app/locales/*/redline.ts) as one object, because its pure rendering
// helpers take the strings as an argument instead of calling t().
import { useTranslation } from "react-i18next";
import en, { type Messages } from "~/locales/en";
import zhCN from "~/locales/zh-CN";

export type RedlineStrings = Messages["redline"];

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
  return i18n.language === "en" ? en.redline : zhCN.redline;
}
