import { describe, expect, test } from "vitest";
import { createI18n, localeFromAcceptLanguage } from "~/utils/i18n";

describe("localeFromAcceptLanguage", () => {
  test.each([
    [null, "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["zh-TW,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.9", "zh-CN"],
    ["de-DE", "zh-CN"],
    ["de-DE,en-GB;q=0.7", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

test("translations interpolate in both languages", () => {
  expect(createI18n("en").t("dashboard.greeting", { name: "Li" })).toBe("Hello, Li");
  expect(createI18n("zh-CN").t("dashboard.greeting", { name: "李" })).toBe("您好，李");
  expect(createI18n("en").t("committee.memberCount", { count: 1 })).toBe("1 member");
  expect(createI18n("en").t("committee.memberCount", { count: 3 })).toBe("3 members");
});
