// One Zod schema per comment action, sent by the editor's comment panel and the register page. Error
// messages are i18n keys (comments.errors.*).
import { z } from "zod";

/** Characters in a comment, a reply, a proposed change and a reason; the import uses the same limit. */
export const COMMENT_MAX_LENGTH = 10_000;

const body = z
  .string({ required_error: "comments.errors.bodyRequired" })
  .trim()
  .min(1, "comments.errors.bodyRequired")
  .max(COMMENT_MAX_LENGTH, "comments.errors.bodyTooLong");
const optionalText = z.string().trim().max(COMMENT_MAX_LENGTH, "comments.errors.proposedChangeTooLong").default("");
const id = z.string().trim().min(1).max(64);
const commentType = z.enum(["GENERAL", "TECHNICAL", "EDITORIAL"], { errorMap: () => ({ message: "comments.errors.typeRequired" }) });

export const createCommentSchema = z.object({
  intent: z.literal("create"),
  body,
  type: commentType,
  proposedChange: optionalText,
  // The selection: both anchor ends or neither (a comment on a whole clause).
  anchorStart: z.string().max(1024).optional(),
  anchorEnd: z.string().max(1024).optional(),
  quote: z.string().max(COMMENT_MAX_LENGTH, "comments.errors.quoteTooLong").default(""),
  clauseId: z.string().trim().max(64).optional(),
  elementId: z.string().trim().max(64).optional(),
});

export const replySchema = z.object({ intent: z.literal("reply"), commentId: id, body });
export const editCommentSchema = z.object({
  intent: z.literal("edit"),
  commentId: id,
  body,
  type: commentType.optional(),
  proposedChange: optionalText.optional(),
});
export const resolveSchema = z.object({ intent: z.literal("resolve"), commentId: id });
export const reopenSchema = z.object({ intent: z.literal("reopen"), commentId: id });
export const disposeSchema = z.object({
  intent: z.literal("dispose"),
  commentId: id,
  decision: z.enum(["ACCEPTED", "ACCEPTED_IN_PRINCIPLE", "NOT_ACCEPTED", "NOTED"], {
    errorMap: () => ({ message: "comments.errors.decisionRequired" }),
  }),
  reason: z.string().trim().max(COMMENT_MAX_LENGTH, "comments.errors.reasonTooLong").default(""),
});
export const changeAppliedSchema = z.object({ intent: z.literal("changeApplied"), commentId: id });

export const commentActionSchema = z.discriminatedUnion("intent", [
  createCommentSchema,
  replySchema,
  editCommentSchema,
  resolveSchema,
  reopenSchema,
  disposeSchema,
  changeAppliedSchema,
]);

export type CommentActionInput = z.infer<typeof commentActionSchema>;
