/*
 * Highlights the text each comment is anchored to, and marks the active one. The anchors are Yjs
 * relative positions (app/comments/anchors.ts); they are resolved to document positions:
 * - when the comments change (meta `anchors`),
 * - after every change that came from Yjs (others' edits), through the binding's mapping, which
 *   y-prosemirror has updated before dispatching such a change,
 * - and local edits map the ranges through the transaction's own mapping, which gives the same
 *   answer without waiting for the binding to catch up.
 * A range that collapses while it had text is "lost": its text was deleted. The comment stays.
 */
import { fromBase64 } from "lib0/buffer";
import { Plugin, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { ySyncPluginKey, type ProsemirrorBinding } from "y-prosemirror";
import { resolveAnchor } from "~/comments/anchors";
import { commentHighlightsKey } from "../keys";

export type CommentAnchorInput = {
  id: string;
  /** base64 of Y.encodeRelativePosition, both or neither. */
  start: string | null;
  end: string | null;
  /** The comment quoted text when made, so a collapsed range means the text went. */
  hadText: boolean;
  /** Resolved threads are not highlighted. */
  resolved: boolean;
};

export type CommentRange = { from: number; to: number; lost: boolean };

export interface CommentHighlightsState {
  anchors: readonly CommentAnchorInput[];
  ranges: ReadonlyMap<string, CommentRange>;
  activeId: string | null;
  decorations: DecorationSet;
}

type Meta = { anchors?: readonly CommentAnchorInput[]; activeId?: string | null };

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== "object" || sync === null || !("binding" in sync)) return null;
  return (sync.binding as ProsemirrorBinding | null) ?? null;
}

function resolveAll(state: EditorState, anchors: readonly CommentAnchorInput[]): Map<string, CommentRange> {
  const ranges = new Map<string, CommentRange>();
  const binding = bindingOf(state);
  if (!binding) return ranges;
  const size = state.doc.content.size;
  for (const anchor of anchors) {
    if (!anchor.start || !anchor.end) continue;
    const resolved = resolveAnchor(binding.doc, binding.type, binding.mapping, fromBase64(anchor.start), fromBase64(anchor.end), anchor.hadText);
    if (!resolved || resolved.from > size || resolved.to > size) continue;
    ranges.set(anchor.id, resolved);
  }
  return ranges;
}

function mapAll(previous: ReadonlyMap<string, CommentRange>, tr: Transaction, anchors: readonly CommentAnchorInput[]): Map<string, CommentRange> {
  const ranges = new Map<string, CommentRange>();
  const hadText = new Map(anchors.map((a) => [a.id, a.hadText]));
  for (const [id, range] of previous) {
    const from = tr.mapping.map(range.from, 1);
    const to = Math.max(from, tr.mapping.map(range.to, -1));
    ranges.set(id, { from, to, lost: range.lost || ((hadText.get(id) ?? false) && to === from) });
  }
  return ranges;
}

function decorate(state: EditorState, anchors: readonly CommentAnchorInput[], ranges: ReadonlyMap<string, CommentRange>, activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const anchor of anchors) {
    const range = ranges.get(anchor.id);
    if (!range || range.lost || range.to <= range.from || anchor.resolved) continue;
    const active = anchor.id === activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? "studio-comment-highlight studio-comment-highlight--active" : "studio-comment-highlight",
        "data-comment-id": anchor.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function isFromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === "object" && meta !== null && "isChangeOrigin" in meta && meta.isChangeOrigin === true;
}

export function commentHighlights(): Plugin<CommentHighlightsState> {
  return new Plugin<CommentHighlightsState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => ({ anchors: [], ranges: new Map(), activeId: null, decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
        if (!meta && !tr.docChanged) return value;
        const anchors = meta?.anchors ?? value.anchors;
        const activeId = meta && "activeId" in meta ? (meta.activeId ?? null) : value.activeId;
        let ranges = value.ranges;
        if (meta?.anchors || isFromYjs(tr)) ranges = resolveAll(state, anchors);
        else if (tr.docChanged) ranges = mapAll(value.ranges, tr, anchors);
        return { anchors, ranges, activeId, decorations: decorate(state, anchors, ranges, activeId) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

export function commentRangesOf(state: EditorState): ReadonlyMap<string, CommentRange> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

export function activeCommentOf(state: EditorState): string | null {
  return commentHighlightsKey.getState(state)?.activeId ?? null;
}

export function setCommentAnchors(tr: Transaction, anchors: readonly CommentAnchorInput[]): Transaction {
  return tr.setMeta(commentHighlightsKey, { anchors } satisfies Meta).setMeta("addToHistory", false);
}

export function setActiveComment(tr: Transaction, activeId: string | null): Transaction {
  return tr.setMeta(commentHighlightsKey, { activeId } satisfies Meta).setMeta("addToHistory", false);
}

/** The binding's Y types and mapping, to anchor a new comment on the current selection. */
export function yBindingOf(state: EditorState): ProsemirrorBinding | null {
  return bindingOf(state);
}
