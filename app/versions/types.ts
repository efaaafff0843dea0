/*
 * The shape of a redline: plain data (no ProseMirror objects), so that a loader can send it to the
 * browser and a .docx exporter can read it on the server.
 *
 * A redline never repeats what did not change. It points into the two documents by position (the
 * position directly before a node, as ProseMirror counts it in the document parsed from the stored
 * JSON), and a renderer takes unchanged, inserted and deleted content from the document it belongs to:
 * unchanged and inserted nodes from the newer one, deleted nodes from the older one.
 */
import type { Convention } from "~/editor/numbering";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A mark as ProseMirror's JSON writes it. */
export interface MarkJson {
  type: string;
  attrs?: { [name: string]: JsonValue };
}

export type RunOp = "equal" | "insert" | "delete";

/** An inline leaf that is not text: a cross-reference or a line break. */
export type InlineAtom = { type: "cross_ref"; target: string } | { type: "hard_break" };

/**
 * A stretch of inline content with one operation and one set of marks. For an atom `text` is what it
 * shows: a cross-reference's computed text as numbered in the newer document (the older one for a
 * deleted reference), "\n" for a line break.
 */
export interface Run {
  op: RunOp;
  text: string;
  marks: MarkJson[];
  atom?: InlineAtom;
}

/** An attribute that differs between the two versions of a node (never `id`, which is identity). */
export interface AttrChange {
  name: string;
  old: JsonValue;
  new: JsonValue;
}

/** Where a node that exists in both versions stood before: labels as each version numbers it. */
export interface Move {
  /** "5.3", "表 3", "3.12" in the older document; null for a node that is not numbered (a paragraph). */
  from: string | null;
  to: string | null;
}

/** Rows and columns a table gained or lost; indices count from 0 in the version they exist in. */
export interface TableShapeChange {
  insertedRows: number[];
  deletedRows: number[];
  insertedColumns: number[];
  deletedColumns: number[];
}

interface DiffNodeBase {
  /** The node type, e.g. "clause", "paragraph", "table_row". */
  type: string;
  /** The node's `id` attribute, when it has one. */
  id: string | null;
}

/** Same content in both versions; render it from the newer document. */
export interface UnchangedNode extends DiffNodeBase {
  status: "unchanged";
  oldPos: number;
  newPos: number;
  /** Set when a node with an id now stands elsewhere (another parent, or out of order among its siblings). */
  move: Move | null;
}

/** Present in both versions with different content. */
export interface ModifiedNode extends DiffNodeBase {
  status: "modified";
  oldPos: number;
  newPos: number;
  move: Move | null;
  attrs: AttrChange[];
  content: ContentDiff;
}

/**
 * Only in the newer version. `children` is null when everything below is new too (render the node
 * from the newer document); it is listed when the node is a clause-like section (so each subsection
 * is reported) or holds a node with an id that was moved in from elsewhere.
 */
export interface InsertedNode extends DiffNodeBase {
  status: "inserted";
  newPos: number;
  children: DiffNode[] | null;
}

/** Only in the older version; `children` as for an inserted node, with moved-away markers. */
export interface DeletedNode extends DiffNodeBase {
  status: "deleted";
  oldPos: number;
  children: DiffNode[] | null;
}

/**
 * Where a node with an id stood in the older version before it moved; the node itself, with its
 * changes, is reported where it stands now. Word calls the pair moveFrom / moveTo.
 */
export interface MovedAwayNode extends DiffNodeBase {
  status: "moved_away";
  oldPos: number;
  /** The node's position in the newer document. */
  newPos: number;
  move: Move;
}

export type DiffNode = UnchangedNode | ModifiedNode | InsertedNode | DeletedNode | MovedAwayNode;

/** What changed inside a modified node. */
export type ContentDiff =
  /** A textblock: its inline content as runs. */
  | { kind: "text"; runs: Run[] }
  /** A node with block children: the merged sequence of both versions' children. */
  | { kind: "blocks"; children: DiffNode[]; table: TableShapeChange | null }
  /** A leaf (a formula): only its attributes changed. */
  | { kind: "none" };

/** Clause-like nodes that changes are attributed to. */
export type SectionType = "clause" | "annex" | "term_entry" | "foreword" | "introduction" | "bibliography";

export interface TokenCount {
  /** Latin words, numbers, CJK characters, punctuation marks and inline atoms; whitespace not counted. */
  tokens: number;
  /** Characters (code points) of those tokens. */
  chars: number;
}

export type TermField = "preferred" | "preferred_en" | "admitted" | "definition" | "note" | "source";

/** A numbered element inside a section that changed: a table, figure, formula, note, example, reference. */
export interface ElementChange {
  type: string;
  id: string;
  /** "表 3", "(2)", "5.2的注1" as numbered in the newer document (the older one when deleted). */
  label: string;
  status: "modified" | "inserted" | "deleted" | "moved";
}

export type SectionStatus = "modified" | "inserted" | "deleted" | "moved";

/** One clause (or annex, term entry, foreword …) whose own content changed, or that was inserted, deleted or moved. */
export interface SectionChange {
  type: SectionType;
  id: string | null;
  status: SectionStatus;
  /**
   * The section as the newer document numbers it ("5.2", "A.1", "3.12"); the older document's number
   * for a deleted section; null for the foreword, introduction and bibliography.
   */
  number: string | null;
  /** How it is named in a list: "5.2", "附录 A", "3.12", "前言". */
  label: string;
  /** Its heading: a clause or annex title, a term's preferred term; "" where there is none. */
  title: string;
  oldNumber: string | null;
  newNumber: string | null;
  oldPos: number | null;
  newPos: number | null;
  move: Move | null;
  /** True when text or attributes changed (always for inserted and deleted sections). */
  edited: boolean;
  attrs: AttrChange[];
  /** The section's own blocks (title, paragraphs, tables …, not its subsections) that are not unchanged. */
  blocks: DiffNode[];
  /** For a term entry: the fields that changed. */
  fields: TermField[];
  elements: ElementChange[];
  inserted: TokenCount;
  deleted: TokenCount;
}

export interface SectionLabel {
  id: string | null;
  type: SectionType;
  label: string;
  title: string;
}

export interface RedlineSummary {
  /** Every section change, in reading order, with its counts. */
  changed: (SectionLabel & { status: SectionStatus; inserted: TokenCount; deleted: TokenCount })[];
  inserted: SectionLabel[];
  deleted: SectionLabel[];
  modified: SectionLabel[];
  moved: (SectionLabel & { from: string | null; to: string | null })[];
  /** Sections whose number changed only because others were inserted, deleted or moved. */
  renumbered: number;
  totals: { inserted: TokenCount; deleted: TokenCount };
}

export interface Redline {
  convention: Convention;
  /** The merged children of the two documents' top level (foreword, clauses, annexes, bibliography). */
  blocks: DiffNode[];
  /** The sections that changed, in reading order (the newer document's, deleted sections where they stood). */
  changes: SectionChange[];
  summary: RedlineSummary;
}
