// The comments of one document as data, for the editor's comment margin: GET lists the threads with
// what the viewer may do; POST performs one comment action (intent). A resource route (no page):
// every answer is JSON, and the same guard as the editor comes first (404 for those who cannot read).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { commentActionSchema, type CommentActionInput } from "~/comments/comment-form";
import { mayComment, mayDispose } from "~/comments/comment-rules";
import { requireProjectAccess } from "~/models/access.server";
import {
  createComment,
  disposeComment,
  editComment,
  listCommentThreads,
  mentionableMembers,
  openPeriodOf,
  recordChangeApplied,
  replyToComment,
  setCommentResolved,
  type CommentActor,
} from "~/models/comment.server";
import { findDocumentProjectId } from "~/models/document.server";
import { editingFacts } from "~/models/editing-lock.server";
import { canEditText } from "~/policies/editing";
import { invalidForm, withAppErrors } from "~/utils/action-result.server";
import { invariantResponse } from "~/utils/errors";

async function requireCommentActor(request: Request, documentId: string): Promise<CommentActor> {
  const projectId = await findDocumentProjectId(documentId);
  invariantResponse(projectId, "Not found", { status: 404 });
  const access = await requireProjectAccess(request, projectId, "readDocument");
  return { userId: access.user.id, standing: access.standing, projectId, committeeId: access.committeeId, documentId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCommentActor(request, params.documentId ?? "");
  const [threads, members, period, facts] = await Promise.all([
    listCommentThreads(actor.documentId, { userId: actor.userId, standing: actor.standing, projectId: actor.projectId }),
    mentionableMembers(actor.committeeId),
    openPeriodOf(actor.projectId),
    editingFacts(actor.projectId),
  ]);
  return Response.json({
    threads,
    members,
    period: period ? { id: period.id, title: period.title, closesAt: period.closesAt.toISOString() } : null,
    can: {
      comment: mayComment(actor.standing, period),
      dispose: mayDispose(actor.standing),
      applyChanges: facts !== null && canEditText(actor.standing, facts),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCommentActor(request, params.documentId ?? "");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const parsed = commentActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return asJson(invalidForm(intent, parsed.error));
  const input = parsed.data;
  return asJson(await performAction(actor, input));
}

/** A resource route answers with a Response: the action result as JSON, with its status. */
function asJson(result: { data: unknown; init: ResponseInit | null }): Response {
  return Response.json(result.data, { status: result.init?.status ?? 200 });
}

function performAction(actor: CommentActor, input: CommentActionInput) {
  return withAppErrors(input.intent, {}, async () => {
    switch (input.intent) {
      case "create": {
        const created = await createComment(actor, input);
        return { ok: true, intent: input.intent, message: "comments.created", params: { commentId: created.id } };
      }
      case "reply":
        await replyToComment(actor, input);
        return { ok: true, intent: input.intent, message: "comments.replied" };
      case "edit":
        await editComment(actor, input);
        return { ok: true, intent: input.intent, message: "comments.edited" };
      case "resolve":
      case "reopen":
        await setCommentResolved(actor, { commentId: input.commentId, resolved: input.intent === "resolve" });
        return { ok: true, intent: input.intent, message: input.intent === "resolve" ? "comments.resolved" : "comments.reopened" };
      case "dispose":
        await disposeComment(actor, input);
        return { ok: true, intent: input.intent, message: "comments.disposed" };
      case "changeApplied":
        await recordChangeApplied(actor, input);
        return { ok: true, intent: input.intent, message: "comments.changeApplied" };
    }
  });
}
