import { useTranslation } from "react-i18next";

/** Picks the Chinese or English variant of a bilingual name, falling back to the other if empty. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  return (item: { nameZh?: string; nameEn?: string; titleZh?: string; titleEn?: string }) => {
    const zh = item.nameZh ?? item.titleZh ?? "";
    const en = item.nameEn ?? item.titleEn ?? "";
    return (english ? en || zh : zh || en) || "—";
  };
}

export function useFormatDate() {
  const { i18n } = useTranslation();
  return (value: string | Date) =>
    new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium" }).format(
      new Date(value),
    );
}
