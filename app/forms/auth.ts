import { z } from "zod";
import { emailField, nameField, passwordField } from "~/forms/fields";

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "form.passwordRequired" }).min(1, "form.passwordRequired").max(200),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

const confirmed = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, password: passwordField, confirm: z.string({ required_error: "form.confirmRequired" }) })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "form.passwordsDiffer" });

export const resetPasswordSchema = confirmed({});

export const acceptInvitationSchema = confirmed({ name: nameField, affiliation: z.string().trim().max(200).default("") });

export const changePasswordSchema = confirmed({
  current: z.string({ required_error: "form.passwordRequired" }).min(1, "form.passwordRequired"),
});
