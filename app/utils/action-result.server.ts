import { data } from "@remix-run/node";
import type { ZodError } from "zod";
import { AppError } from "~/utils/errors";
import type { ActionResult } from "~/utils/action-result";

/** Runs an action step; AppErrors become a 4xx answer with the message key, nothing else is caught. */
export async function withAppErrors(
  intent: string,
  params: Record<string, string>,
  step: () => Promise<ActionResult>,
) {
  try {
    return data<ActionResult>(await step());
  } catch (error) {
    if (error instanceof AppError) {
      return data<ActionResult>({ ok: false, intent, error: error.userMessageKey, params }, { status: error.status });
    }
    throw error;
  }
}

/** Zod issues as field → message keys, the shape every form shows beside its fields. */
export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return fieldErrors;
}

export function invalidForm(intent: string, error: ZodError) {
  return data<ActionResult>(
    { ok: false, intent, error: "errors.badRequest.title", fieldErrors: fieldErrorsOf(error) },
    { status: 400 },
  );
}
