/*
 * Builds the editor: a ProseMirror view bound to the session's Y.XmlFragment, with the plugins in the
 * order they must run.
 *
 * - The first document comes from Yjs (initProseMirrorDoc) and its node mapping is handed to the sync
 *   plugin, so opening a 200-page standard renders it once instead of rendering an empty document
 *   and then replacing it.
 * - Undo is y-prosemirror's: it undoes this person's changes only, never a co-author's.
 * - A reader's view refuses every local change (filterTransaction) and its commands do nothing, not
 *   only because the view is not editable: keyboard shortcuts and undo reach commands regardless,
 *   and undo acts on the Y.Doc directly.
 * - prosemirror-tables' plugins go last: they handle keys and mouse in tables broadly, and the more
 *   specific plugins (gap cursor, column resizing) must get their turn first.
 */
import { baseKeymap } from "prosemirror-commands";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { keymap } from "prosemirror-keymap";
import { EditorState, Plugin, Selection, type Command, type Transaction } from "prosemirror-state";
import { columnResizing, goToNextCell, tableEditing } from "prosemirror-tables";
import { EditorView } from "prosemirror-view";
import { initProseMirrorDoc, redoCommand, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin } from "y-prosemirror";

import type { Convention } from "../numbering";
import { listKeys } from "../plugins/list-keys";
import { numberingOf, numberingPlugin, numberingVersion } from "../plugins/numbering";
import { uniqueIds } from "../plugins/unique-ids";
import { schema } from "../schema";
import { findById } from "../structure";
import { commentHighlights } from "./comment-highlights";
import type { EditorSession } from "./editor-session";
import { CrossRefRegistry, CrossRefView, type CrossRefLabels } from "./node-views/cross-ref";
import { FormulaView, type FormulaLabels } from "./node-views/formula";
import { pastePlugin } from "./paste";
import { syncSelectionFromDOM } from "./selection-sync";
import { TOOL_IDS, TOOLS } from "./tools";

export interface EditorLabels {
  /** The accessible name of the editable document. */
  document: string;
  formula: FormulaLabels;
  crossRef: CrossRefLabels;
}

export interface CreateEditorOptions {
  mount: HTMLElement;
  session: EditorSession;
  convention: Convention;
  /** Asked on every change: whether this person may edit now. */
  editable: () => boolean;
  labels: EditorLabels;
  /** After every state change, once the DOM shows it. */
  onChange?: (view: EditorView, tr: Transaction) => void;
  /** The cross-reference shortcut: the UI opens its picker. */
  onCrossRefRequest?: () => void;
}

function isFromYjs(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === "object" && meta !== null && "isChangeOrigin" in meta && meta.isChangeOrigin === true;
}

/** A remote cursor: a coloured caret with the person's name above it. */
function buildCursor(user: unknown): HTMLElement {
  const name = typeof user === "object" && user !== null && "name" in user && typeof user.name === "string" ? user.name : "";
  const color = typeof user === "object" && user !== null && "color" in user && typeof user.color === "string" ? user.color : "#868e96";
  const cursor = document.createElement("span");
  cursor.className = "pm-remote-cursor";
  cursor.style.borderColor = color;
  cursor.setAttribute("data-user", name);
  const label = document.createElement("span");
  label.className = "pm-remote-cursor-label";
  label.style.backgroundColor = color;
  label.textContent = name;
  // Word joiners keep the caret from breaking the line it sits in (as y-prosemirror's own cursor does).
  cursor.append("\u2060", label, "\u2060");
  return cursor;
}

/** Scrolls the node with this id into view and puts the cursor at its start. */
export function revealNode(view: EditorView, id: string): boolean {
  const found = findById(view.state.doc, id);
  if (!found) return false;
  const dom = view.nodeDOM(found.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "start" });
  const selection = Selection.near(view.state.doc.resolve(found.pos + 1));
  view.dispatch(view.state.tr.setSelection(selection));
  view.focus();
  return true;
}

export function createEditor(options: CreateEditorOptions): EditorView {
  const { session, labels } = options;
  const registry = new CrossRefRegistry();
  const { doc, mapping } = initProseMirrorDoc(session.fragment, schema);

  /** Commands do nothing for someone who may not edit, whichever way they are invoked. */
  const whenEditable =
    (command: Command): Command =>
    (state, dispatch, view) =>
      options.editable() && command(state, dispatch, view);

  const toolKeys: Record<string, Command> = {};
  for (const id of TOOL_IDS) {
    const tool = TOOLS[id];
    if (tool.shortcut === null) continue;
    toolKeys[tool.shortcut] =
      tool.command ??
      (() => {
        if (!options.editable() || !options.onCrossRefRequest) return false;
        options.onCrossRefRequest();
        return true;
      });
  }
  toolKeys["Mod-y"] = redoCommand;
  for (const key of Object.keys(toolKeys)) {
    const command = whenEditable(toolKeys[key]);
    toolKeys[key] = (_state, dispatch, view) => {
      if (!view) return command(_state, dispatch);
      syncSelectionFromDOM(view);
      return command(view.state, dispatch, view);
    };
  }

  const readOnlyGuard = new Plugin({
    filterTransaction: (tr) => !tr.docChanged || options.editable() || isFromYjs(tr),
  });

  const crossRefRefresh = new Plugin({
    view: () => ({
      update(view, previous) {
        if (numberingVersion(view.state) !== numberingVersion(previous)) registry.refresh(numberingOf(view.state));
      },
    }),
  });

  const state = EditorState.create({
    schema,
    doc,
    plugins: [
      ySyncPlugin(session.fragment, { mapping }),
      yCursorPlugin(session.awareness, { cursorBuilder: buildCursor }),
      yUndoPlugin(),
      readOnlyGuard,
      keymap(toolKeys),
      listKeys(),
      keymap({ Tab: goToNextCell(1), "Shift-Tab": goToNextCell(-1) }),
      keymap(baseKeymap),
      uniqueIds(),
      numberingPlugin(options.convention),
      crossRefRefresh,
      commentHighlights(),
      pastePlugin(),
      dropCursor(),
      gapCursor(),
      columnResizing(),
      tableEditing(),
    ],
  });

  const view: EditorView = new EditorView(options.mount, {
    state,
    editable: () => options.editable(),
    attributes: {
      class: "studio-editor-content",
      role: "textbox",
      "aria-multiline": "true",
      "aria-label": labels.document,
      lang: options.convention === "GB" ? "zh-CN" : "en",
    },
    nodeViews: {
      formula: (node, nodeView, getPos) => new FormulaView(node, nodeView, getPos, labels.formula),
      cross_ref: (node, nodeView) => new CrossRefView(node, nodeView, registry, labels.crossRef),
    },
    handleClickOn(clickView, _pos, node, _nodePos, event) {
      // A cross-reference is a link: Ctrl/⌘-click (or any click for a reader) goes to its target.
      if (node.type !== schema.nodes.cross_ref) return false;
      if (clickView.editable && !(event.ctrlKey || event.metaKey)) return false;
      const target: unknown = node.attrs.target;
      event.preventDefault();
      return typeof target === "string" && revealNode(clickView, target);
    },
    dispatchTransaction(tr) {
      // y-prosemirror batches some metas (cursor updates when the awareness goes away) into a timeout
      // that can fire after the view was destroyed, e.g. on leaving the page by a link.
      if (view.isDestroyed) return;
      view.updateState(view.state.apply(tr));
      options.onChange?.(view, tr);
    },
  });
  return view;
}
