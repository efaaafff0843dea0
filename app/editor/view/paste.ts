/*
 * Paste from Word, WPS, Google Docs and web pages: the HTML is cleaned into our schema's markup first
 * (clean-pasted-html.ts), then parsed with the schema's rules plus a few fallbacks for markup that can
 * still arrive uncleaned (HTML from another ProseMirror editor, whose schema is not ours).
 */
import { DOMParser, type TagParseRule } from "prosemirror-model";
import { Plugin, type EditorState } from "prosemirror-state";
import { schema } from "../schema";
import { cleanPastedHtml, isProseMirrorHtml } from "./clean-pasted-html";

/** Where a pasted heading may not become a clause: inside these, headings become bold paragraphs. */
const NO_CLAUSES_INSIDE = new Set([
  "table_block",
  "list",
  "note",
  "example",
  "term_entry",
  "note_to_entry",
  "foreword",
  "introduction",
  "bibliography",
]);

/** Whether a clause may be pasted at the selection (in a clause or annex body, not in a list, table …). */
export function clausesAllowedAt(state: EditorState): boolean {
  const { $from } = state.selection;
  let inSection = false;
  for (let depth = $from.depth; depth > 0; depth--) {
    const name = $from.node(depth).type.name;
    if (NO_CLAUSES_INSIDE.has(name)) return false;
    if (name === "clause" || name === "annex") inSection = true;
  }
  return inSection;
}

// Headings that reach the parser uncleaned become paragraphs. They come after the schema's rules,
// which the parser tries first, so our own clause titles (h2[data-type]) still parse as titles.
const fallbackRules: TagParseRule[] = ["h1", "h2", "h3", "h4", "h5", "h6"].map((tag) => ({ tag, node: "paragraph" }));

export const pasteParser = new DOMParser(schema, [...DOMParser.fromSchema(schema).rules, ...fallbackRules]);

export function pastePlugin(): Plugin {
  return new Plugin({
    props: {
      transformPastedHTML(html, view) {
        if (isProseMirrorHtml(html)) return html;
        return cleanPastedHtml(html, { headingsAsClauses: clausesAllowedAt(view.state) });
      },
      clipboardParser: pasteParser,
    },
  });
}

