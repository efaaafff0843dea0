// The comment panel's filters and order, as pure functions so they are tested without a browser.
import type { Decision } from "~/generated/prisma/enums";

export type FilterableThread = {
  id: string;
  clause: string;
  type: string | null;
  status: "OPEN" | "RESOLVED";
  decision: Decision | null;
  organization: string;
  authorName: string;
};

export type CommentFilter = {
  clause: string | null;
  type: string | null;
  status: "OPEN" | "RESOLVED" | null;
  /** A decision, "undecided", or null for any. */
  disposition: Decision | "undecided" | null;
  organization: string | null;
  author: string | null;
};

export const noFilter: CommentFilter = { clause: null, type: null, status: null, disposition: null, organization: null, author: null };

export function matchesFilter(thread: FilterableThread, filter: CommentFilter): boolean {
  if (filter.clause !== null && thread.clause !== filter.clause) return false;
  if (filter.type !== null && thread.type !== filter.type) return false;
  if (filter.status !== null && thread.status !== filter.status) return false;
  if (filter.disposition === "undecided" && thread.decision !== null) return false;
  if (filter.disposition !== null && filter.disposition !== "undecided" && thread.decision !== filter.disposition) return false;
  if (filter.organization !== null && thread.organization !== filter.organization) return false;
  if (filter.author !== null && thread.authorName !== filter.author) return false;
  return true;
}

/** The distinct values of one field, sorted, for a filter's choices. */
export function choicesOf(threads: readonly FilterableThread[], field: "clause" | "organization" | "authorName"): string[] {
  const values = new Set(threads.map((t) => t[field]).filter((v) => v !== ""));
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

/** The thread after (or before) the current one in the shown order, wrapping around. */
export function neighbour(ids: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index < 0) return direction === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  return ids[(index + direction + ids.length) % ids.length] ?? null;
}
