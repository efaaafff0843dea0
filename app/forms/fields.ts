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

export const roleField = z.enum(["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER"], {
  required_error: "form.roleRequired",
  invalid_type_error: "form.roleRequired",
});

/** Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
