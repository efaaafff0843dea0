import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Translates the first error of a field (errors are i18n keys from the Zod schemas). */
export function useFieldError() {
  const { t } = useTranslation();
  return (errors: string[] | undefined) => (errors && errors[0] ? t(errors[0]) : undefined);
}

export function FormErrors({ errors }: { errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors || errors.length === 0) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-error">
      {errors.map((e) => t(e)).join(" ")}
    </Alert>
  );
}
