// Translation on the server, for mail and other text produced outside React.
import { createI18n, type AppLocale } from "~/utils/i18n";

export function serverT(locale: AppLocale) {
  return createI18n(locale).t;
}

/** Mail goes out in both languages, Chinese first: the recipient's choice is not known yet. */
export function bilingual(key: string, options: Record<string, string> = {}): string {
  const zh = serverT("zh-CN")(key, options);
  const en = serverT("en")(key, options);
  return zh === en ? zh : `${zh}\n\n———\n\n${en}`;
}
