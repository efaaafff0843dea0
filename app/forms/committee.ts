import { z } from "zod";
import { choiceField, emailField, roleField } from "~/forms/fields";

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
  name: z.string().trim().max(100, "form.nameTooLong").default(""),
  role: roleField,
  votingRight: checkbox,
});

export const changeRoleSchema = z.object({
  intent: z.literal("changeRole"),
  membershipId: z.string().min(1),
  role: roleField,
  votingRight: checkbox,
});

export const removeMemberSchema = z.object({ intent: z.literal("removeMember"), membershipId: z.string().min(1) });

export const revokeInvitationSchema = z.object({
  intent: z.literal("revokeInvitation"),
  invitationId: z.string().min(1),
});

export const committeeFields = {
  code: z
    .string({ required_error: "form.codeRequired" })
    .trim()
    .min(1, "form.codeRequired")
    .max(20, "form.tooLong")
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-/]*$/, "form.codeInvalid"),
  nameZh: z.string({ required_error: "form.nameRequired" }).trim().min(1, "form.nameRequired").max(200, "form.tooLong"),
  nameEn: z.string({ required_error: "form.nameRequired" }).trim().min(1, "form.nameRequired").max(200, "form.tooLong"),
};

export const createSubcommitteeSchema = z.object({
  intent: z.literal("createSubcommittee"),
  kind: choiceField(["SC", "WG"], "form.kindRequired"),
  ...committeeFields,
});

export const createProjectSchema = z.object({
  intent: z.literal("createProject"),
  reference: z
    .string({ required_error: "form.referenceRequired" })
    .trim()
    .min(1, "form.referenceRequired")
    .max(40, "form.tooLong")
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-/ ]*$/, "form.codeInvalid"),
  titleZh: z.string({ required_error: "form.titleRequired" }).trim().min(1, "form.titleRequired").max(300, "form.tooLong"),
  titleEn: z.string({ required_error: "form.titleRequired" }).trim().min(1, "form.titleRequired").max(300, "form.tooLong"),
  convention: choiceField(["GB", "ISO"], "form.conventionRequired"),
  scope: z.string().trim().max(2000, "form.tooLong").default(""),
});

export const committeeActionSchema = z.discriminatedUnion("intent", [
  inviteSchema,
  changeRoleSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  createSubcommitteeSchema,
  createProjectSchema,
]);
