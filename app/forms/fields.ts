// Shared form field rules. Messages are i18n keys, translated where they are shown.
import { z } from "zod";

export const emailField = z
  .string({ required_error: "form.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, "form.emailTooLong")
  .email("form.emailInvalid");

export const passwordField = z
  .string({ required_error: "form.passwordRequired" })
  .min(10, "form.passwordTooShort")
  .max(200, "form.passwordTooLong");

export const nameField = z
  .string({ required_error: "form.nameRequired" })
  .trim()
  .min(1, "form.nameRequired")
  .max(100, "form.nameTooLong");

/** An enum whose every failure (missing, unknown value) reports one message key. */
export function choiceField<const T extends [string, ...string[]]>(values: T, messageKey: string) {
  return z.enum(values, { errorMap: () => ({ message: messageKey }) });
}

export const roleField = choiceField(["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"], "form.roleRequired");

/** Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
