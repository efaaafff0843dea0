// One Zod schema per form of the stage and ballot pages; messages are locale keys.
import { z } from "zod";

const reason = z.string().trim().max(4000, "form.tooLong").default("");

export const proposeSchema = z.object({
  intent: z.literal("propose"),
  toStage: z.string({ required_error: "approval.transition.chooseStage" }).min(1, "approval.transition.chooseStage"),
  note: reason,
});

export const withdrawSchema = z.object({ intent: z.literal("withdraw"), transitionId: z.string().min(1) });

export const decideSchema = z
  .object({
    intent: z.literal("decide"),
    transitionId: z.string().min(1),
    decision: z.enum(["APPROVE", "SEND_BACK", "REPEAT", "ABANDON"], { errorMap: () => ({ message: "approval.decision.choose" }) }),
    targetStage: z.string().default(""),
    reason,
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "APPROVE" && value.reason === "")
      ctx.addIssue({ code: "custom", path: ["reason"], message: "approval.decision.reasonRequired" });
    if (value.decision === "SEND_BACK" && value.targetStage === "")
      ctx.addIssue({ code: "custom", path: ["targetStage"], message: "approval.decision.sendBackTarget" });
  });

export const openBallotSchema = z.object({
  intent: z.literal("openBallot"),
  question: z.string({ required_error: "approval.ballot.questionRequired" }).trim().min(1, "approval.ballot.questionRequired").max(500, "form.tooLong"),
  presetKey: z.string().default(""),
  days: z.coerce
    .number({ invalid_type_error: "approval.ballot.daysInvalid" })
    .int("approval.ballot.daysInvalid")
    .min(1, "approval.ballot.daysInvalid")
    .max(365, "approval.ballot.daysInvalid"),
});

/** A calendar day as YYYY-MM-DD that exists (no 31 February). */
const isoDay = z
  .string({ required_error: "approval.release.dateRequired" })
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
  }, "approval.release.dateRequired");

export const releaseSchema = z
  .object({ intent: z.literal("release"), publishedOn: isoDay, implementedOn: isoDay })
  .refine((v) => v.implementedOn >= v.publishedOn, { path: ["implementedOn"], message: "approval.release.implementedBeforePublished" });

export const stageActionSchema = z.union([proposeSchema, withdrawSchema, decideSchema, openBallotSchema, releaseSchema]);

export const voteSchema = z
  .object({
    intent: z.literal("vote"),
    choice: z.enum(["APPROVE", "APPROVE_WITH_COMMENTS", "DISAPPROVE", "ABSTAIN"], { errorMap: () => ({ message: "approval.vote.choose" }) }),
    reasons: reason,
  })
  .superRefine((value, ctx) => {
    if (value.choice === "DISAPPROVE" && value.reasons === "")
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "approval.vote.reasonsRequired" });
    if (value.choice === "APPROVE_WITH_COMMENTS" && value.reasons === "")
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "approval.vote.commentsRequired" });
  });

export const closeBallotSchema = z.object({ intent: z.literal("close") });
export const consensusSchema = z.object({
  intent: z.literal("consensus"),
  reached: z.enum(["yes", "no"], { errorMap: () => ({ message: "approval.ballot.consensusChoose" }) }),
  note: reason,
});
export const ballotActionSchema = z.union([voteSchema, closeBallotSchema, consensusSchema]);
