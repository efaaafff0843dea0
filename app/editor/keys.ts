// Every PluginKey of the editor, so that plugins that talk through tr.setMeta(key, …) share one name.
import { PluginKey } from "prosemirror-state";
import type { NumberingPluginState } from "./plugins/numbering";
import type { CommentHighlightsState } from "./view/comment-highlights";

export const uniqueIdsKey = new PluginKey("uniqueIds");

/** Computed numbers shown as decorations (plugins/numbering.ts). */
export const numberingKey = new PluginKey<NumberingPluginState>("numbering");

/** Comment highlights and the active comment (view/comment-highlights.ts). */
export const commentHighlightsKey = new PluginKey<CommentHighlightsState>("commentHighlights");
