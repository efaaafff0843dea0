import { z } from "zod";

export const createVersionSchema = z.object({
  intent: z.literal("createVersion"),
  label: z
    .string({ required_error: "versions.labelRequired" })
    .trim()
    .min(1, "versions.labelRequired")
    .max(80, "form.tooLong"),
  note: z.string().trim().max(2000, "form.tooLong").default(""),
});

export const restoreVersionSchema = z.object({ intent: z.literal("restoreVersion"), versionId: z.string().min(1) });

export const versionActionSchema = z.discriminatedUnion("intent", [createVersionSchema, restoreVersionSchema]);
