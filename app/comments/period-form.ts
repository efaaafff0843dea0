// Opening and closing a comment period (the secretary's form on the comment periods page).
import { z } from "zod";

export const openPeriodSchema = z.object({
  intent: z.literal("open"),
  title: z.string({ required_error: "comments.periods.titleRequired" }).trim().min(1, "comments.periods.titleRequired").max(120, "form.tooLong"),
  // An <input type="date">: the period ends at the end of that day (UTC+8 for GB projects is the
  // caller's business; the date is taken as the last moment of that day in UTC).
  closesOn: z
    .string({ required_error: "comments.periods.closesOnRequired" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "comments.periods.closesOnRequired"),
  observersMayComment: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});

export const closePeriodSchema = z.object({ intent: z.literal("close"), periodId: z.string().min(1).max(64) });

export const periodActionSchema = z.discriminatedUnion("intent", [openPeriodSchema, closePeriodSchema]);

/** The end of the given calendar day, in UTC. */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}
