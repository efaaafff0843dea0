import { useTranslation } from "react-i18next";
import { stageLabel } from "~/stages/workflow";

/** A stage's name (with its code) from the stage model, in the reader's language. */
export function useStageName() {
  const { i18n } = useTranslation();
  return (stage: { code: string; nameZh: string; nameEn: string } | null | undefined, fallback = "—") =>
    stage ? stageLabel(stage, i18n.language) : fallback;
}
