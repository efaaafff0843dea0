/*
 * Builders for editor tests: `doc(foreword(p("…")), clause(title("范围"), p("…")))`.
 * A builder takes optional attrs first, then children; strings become text. Nodes that need an id
 * get a readable one ("auto-7") unless the test gives its own, so tests can name what they point at.
 */
import { Node, type Attrs, type NodeType } from "prosemirror-model";
import { EditorState, NodeSelection, TextSelection } from "prosemirror-state";
import { schema } from "./schema";
import { findById, ID_REQUIRED_TYPES } from "./structure";

type Child = Node | string;
type BuilderArgs = [Attrs, ...Child[]] | Child[];

let autoIds = 0;

function isAttrs(value: Attrs | Child | undefined): value is Attrs {
  return value !== undefined && typeof value !== "string" && !(value instanceof Node);
}

function builder(type: NodeType): (...args: BuilderArgs) => Node {
  return (...args) => {
    const attrs: Attrs = isAttrs(args[0]) ? args[0] : {};
    const all: (Attrs | Child)[] = args;
    const children = all.filter((arg): arg is Child => !isAttrs(arg) && arg !== "");
    const content = children.map((child) => (typeof child === "string" ? schema.text(child) : child));
    const withId = ID_REQUIRED_TYPES.has(type.name) && attrs.id === undefined ? { ...attrs, id: `auto-${++autoIds}` } : attrs;
    return type.createChecked(withId, content);
  };
}

const n = schema.nodes;

export const doc = builder(n.doc);
export const foreword = builder(n.foreword);
export const introduction = builder(n.introduction);
export const clause = builder(n.clause);
export const title = builder(n.clause_title);
export const annex = builder(n.annex);
export const bibliography = builder(n.bibliography);
export const bib = builder(n.bibliography_entry);
export const p = builder(n.paragraph);
export const list = builder(n.list);
export const li = builder(n.list_item);
export const note = builder(n.note);
export const example = builder(n.example);
export const term = builder(n.term_entry);
export const preferred = builder(n.term_preferred);
export const preferredEn = builder(n.term_preferred_en);
export const admitted = builder(n.term_admitted);
export const definition = builder(n.term_definition);
export const noteToEntry = builder(n.note_to_entry);
export const source = builder(n.term_source);
export const ref = builder(n.reference_entry);
export const tableBlock = builder(n.table_block);
export const caption = builder(n.caption);
export const table = builder(n.table);
export const tr = builder(n.table_row);
export const td = builder(n.table_cell);
export const th = builder(n.table_header);
export const figure = builder(n.figure);
export const formula = builder(n.formula);

export const xref = (target: string): Node => n.cross_ref.create({ target });
export const br = (): Node => n.hard_break.create();
export const strong = (text: string): Node => schema.text(text, [schema.marks.strong.create()]);
export const em = (text: string): Node => schema.text(text, [schema.marks.em.create()]);

/** A 2×2 table with a caption. */
export const simpleTable = (attrs: Attrs, captionText: string): Node =>
  tableBlock(attrs, caption(captionText), table(tr(th(p("a")), th(p("b"))), tr(td(p("1")), td(p("2")))));

/** The position before the first node with this id; throws so a typo fails loudly. */
export function posOf(node: Node, id: string): number {
  const found = findById(node, id);
  if (!found) throw new Error(`No node with id ${id}`);
  return found.pos;
}

/** An editor state with the cursor at the start of the first textblock inside the node with this id. */
export function stateIn(document: Node, id: string): EditorState {
  const start = posOf(document, id);
  const target = document.nodeAt(start);
  if (!target) throw new Error(`No node at ${start}`);
  let cursor = -1;
  document.nodesBetween(start, start + target.nodeSize, (child, pos) => {
    if (cursor >= 0) return false;
    if (child.isTextblock) cursor = pos + 1;
    return true;
  });
  const selection =
    cursor >= 0 ? TextSelection.create(document, cursor) : NodeSelection.create(document, start);
  return EditorState.create({ doc: document, selection });
}

/** An editor state with a text cursor at `pos`. */
export function stateAt(document: Node, pos: number): EditorState {
  return EditorState.create({ doc: document, selection: TextSelection.create(document, pos) });
}

/** An editor state with the node with this id selected as a whole. */
export function stateSelecting(document: Node, id: string): EditorState {
  return EditorState.create({ doc: document, selection: NodeSelection.create(document, posOf(document, id)) });
}
