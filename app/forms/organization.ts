import { z } from "zod";
import { committeeFields } from "~/forms/committee";
import { choiceField } from "~/forms/fields";

export const createOrganizationSchema = z.object({
  slug: z
    .string({ required_error: "form.slugInvalid" })
    .trim()
    .min(2, "form.slugInvalid")
    .max(40, "form.tooLong")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "form.slugInvalid"),
  nameZh: committeeFields.nameZh,
  nameEn: committeeFields.nameEn,
  codePrefix: z.string().trim().max(20, "form.tooLong").default(""),
});

export const createTopCommitteeSchema = z.object({
  kind: choiceField(["TC", "SC", "WG"], "form.kindRequired"),
  parentId: z.string().optional(),
  ...committeeFields,
});
