// Who may do what with a comment, beyond the committee policies (app/policies/committee.ts): the
// facts of the comment itself (its author, its replies) and of the comment period decide the rest.
// Pure, so the UI hides what the server would refuse with the same answers.
import { canOnProject } from "~/policies/committee";
import { effectiveRole, type CommitteeStanding } from "~/policies/roles";

export type PeriodFacts = { observersMayComment: boolean } | null;

/** Members comment; observers only while an open period invites them. */
export function mayComment(standing: CommitteeStanding, openPeriod: PeriodFacts): boolean {
  if (canOnProject(standing, "comment")) return true;
  return openPeriod !== null && openPeriod.observersMayComment && effectiveRole(standing) === "OBSERVER";
}

export type CommentFacts = { authorId: string; replyCount: number; disposed: boolean; isReply: boolean };

/** Only the author edits a comment, and only until someone replied or a decision was recorded. */
export function mayEditComment(userId: string, comment: CommentFacts): "yes" | "notYours" | "answered" {
  if (comment.authorId !== userId) return "notYours";
  if (comment.replyCount > 0 || comment.disposed) return "answered";
  return "yes";
}

/** Editors, the secretary and the chair resolve and reopen threads; so does the comment's author. */
export function mayResolve(standing: CommitteeStanding, userId: string, comment: { authorId: string }): boolean {
  return canOnProject(standing, "resolveComment") || comment.authorId === userId;
}

/** Dispositions are recorded by editors, the secretary and the chair, on comments (not replies). */
export function mayDispose(standing: CommitteeStanding): boolean {
  return canOnProject(standing, "disposeComment");
}

/** The people named with @ in a text: a member is mentioned when "@" + their name appears. */
export function mentionedUserIds(text: string, members: readonly { id: string; name: string }[]): string[] {
  // Longest names first, so "@Grace Ho" is not also read as a mention of a member called "Grace".
  const sorted = [...members].filter((m) => m.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  let rest = text;
  const found: string[] = [];
  for (const member of sorted) {
    const token = `@${member.name}`;
    if (!rest.includes(token)) continue;
    found.push(member.id);
    rest = rest.split(token).join(" ");
  }
  return found;
}
