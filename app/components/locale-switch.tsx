import { Button } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Switches to the other language; a full reload re-renders every string in it. */
export function LocaleSwitch({ redirectTo }: { redirectTo: string }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === "en" ? "zh-CN" : "en";
  return (
    <Form method="post" action="/set-locale" reloadDocument>
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button type="submit" variant="default" size="compact-sm" lang={next} aria-label={t("nav.switchLanguage")}>
        {next === "en" ? "English" : "中文"}
      </Button>
    </Form>
  );
}
