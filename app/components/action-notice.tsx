import { Alert } from "@mantine/core";
import { useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "~/utils/action-result";

/** The outcome of the last action on this page, in words; hidden while a new one is on its way. */
export function ActionNotice() {
  const result = useActionData<ActionResult>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  if (!result || navigation.state === "submitting") return null;
  if (result.ok) {
    return (
      <Alert color="green" role="status" data-testid="action-success">
        {t(result.message, result.params)}
      </Alert>
    );
  }
  if (result.fieldErrors) return null; // shown beside the fields
  return (
    <Alert color="red" role="alert" data-testid="action-error">
      {t(result.error, result.params)}
    </Alert>
  );
}

/** Field errors of the last action, if it was this form's intent. */
export function useIntentFieldErrors(intent: string) {
  const result = useActionData<ActionResult>();
  const { t } = useTranslation();
  return (field: string): string | undefined => {
    if (!result || result.ok || result.intent !== intent) return undefined;
    const first = result.fieldErrors?.[field]?.[0];
    return first ? t(first) : undefined;
  };
}
