// The UI speaks Simplified Chinese and English. Both bundles are small and ship to the browser, so
// switching language never waits for a download and server and client render the same strings.
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "~/locales/en";
import zhCN from "~/locales/zh-CN";

export const supportedLocales = ["zh-CN", "en"] as const;
export type AppLocale = (typeof supportedLocales)[number];
export const defaultLocale: AppLocale = "zh-CN";

export const resources = { en: { translation: en }, "zh-CN": { translation: zhCN } } as const;

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** Database enum (zh_CN | en) ↔ BCP 47 tag used by the UI. */
export function localeFromDb(value: "zh_CN" | "en"): AppLocale {
  return value === "en" ? "en" : "zh-CN";
}
export function localeToDb(value: AppLocale): "zh_CN" | "en" {
  return value === "en" ? "en" : "zh_CN";
}

/** Picks the best supported locale from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): AppLocale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

export function createI18n(locale: AppLocale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: "en",
    resources,
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
