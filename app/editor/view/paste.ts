/*
 * Paste from Word, WPS, Google Docs and web pages: the HTML is cleaned into our schema's markup first
 * (clean-pasted-html.ts), then parsed with the schema's rules plus a few fallbacks for markup that can
 * still arrive uncleaned (HTML from another ProseMirror editor, whose schema is not ours).
 */
import { DOMParser, type TagParseRule } from "prosemirror-model";
import { Plugin, type EditorState } from "prosemirror-state";
import { schema } from "../schema";
import { cleanPastedHtml, isProseMirrorHtml } from "./clean-pasted-html";
import { syncSelectionFromDOM } from "./selection-sync";

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

/**
 * Whether pasted headings may become clauses here: in a clause or annex body (not in a list, table,
 * note …), with the cursor at the end of the last block before any subclauses. A clause may only
 * follow the blocks of its parent, so pasting clauses in the middle of the text would push the text
 * after the cursor into a new, untitled clause; there, headings become bold paragraphs instead.
 */
export function clausesAllowedAt(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (NO_CLAUSES_INSIDE.has($from.node(depth).type.name)) return false;
  }
  const section = $from.node(-1);
  if (!$from.parent.isTextblock || !["clause", "annex"].includes(section.type.name)) return false;
  if ($to.parentOffset !== $to.parent.content.size || !$from.sameParent($to)) return false;
  for (let index = $from.index(-1) + 1; index < section.childCount; index++) {
    if (section.child(index).type.name !== "clause") return false;
  }
  return true;
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
      handleDOMEvents: {
        // Before ProseMirror's own paste handling: paste where the browser's cursor is now.
        paste: (view) => {
          syncSelectionFromDOM(view);
          return false;
        },
      },
    },
  });
}

