/*
 * The redline between two versions of a standard: what a reviewer asks for when a new draft
 * arrives ("what changed since the last one?"), as data that a page can render inline or side by
 * side and a .docx exporter can turn into Word tracked changes. Pure and DOM-free: it runs in the
 * browser and on the server alike.
 *
 * The two documents are walked together from the top. Elements with an id (clauses, annexes, term
 * entries, tables, figures, formulas, notes, examples, references) are matched by id wherever they
 * stand, so a moved clause is a move with its real edits, and a clause that was only renumbered is
 * no change at all: numbers are computed (numbering.ts), never stored. Blocks without an id are
 * aligned by content within their matched parent (align.ts), tables column by column (columns.ts),
 * and matched textblocks are compared token by token (inline.ts). Subtrees with equal content are
 * recognised by hash and skipped, which is what keeps a 200-page comparison fast.
 *
 * The result is then read per clause (sections.ts) and summarised (summary.ts).
 */
import type { Node } from "prosemirror-model";
import type { Convention } from "~/editor/numbering";
import { idOf } from "~/editor/ids";
import { schema } from "~/editor/schema";
import { ID_REQUIRED_TYPES } from "~/editor/structure";
import { AppError } from "~/utils/errors";
import { alignChildren, opsFromPairs, type AlignItem, type AlignOp } from "./align";
import { alignColumns, isRectangular } from "./columns";
import { createContentHasher, type ContentHasher } from "./hash";
import { diffInline } from "./inline";
import { toJsonValue } from "./json";
import { countRenumbered, isSection, labelOf, sectionChanges } from "./sections";
import { createNodeSimilarity } from "./similarity";
import { summarize } from "./summary";
import type { AttrChange, ContentDiff, DiffNode, Move, Redline, TableShapeChange } from "./types";
import { versionSide, type Located, type VersionSide } from "./version-side";

/** Parses stored JSON through the schema; a document the schema rejects cannot be compared. */
function parseVersion(json: unknown, which: "older" | "newer"): Node {
  try {
    const doc = schema.nodeFromJSON(json);
    doc.check();
    return doc;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("BAD_REQUEST", "versions.invalidDocument", `The ${which} version is not a valid document: ${reason}`);
  }
}

/**
 * The redline from `older` to `newer`, both ProseMirror JSON of the editor schema, numbered by
 * `convention`. Throws an AppError (BAD_REQUEST, "versions.invalidDocument") when either is not a
 * valid document.
 */
export function computeRedline(older: unknown, newer: unknown, convention: Convention): Redline {
  return computeRedlineOfDocs(parseVersion(older, "older"), parseVersion(newer, "newer"), convention);
}

/** The same for documents already parsed, such as the live editor's. */
export function computeRedlineOfDocs(older: Node, newer: Node, convention: Convention): Redline {
  const oldSide = versionSide(older, convention);
  const newSide = versionSide(newer, convention);
  const blocks = new TreeDiff(oldSide, newSide).top();
  const changes = sectionChanges(blocks, oldSide, newSide);
  return { convention, blocks, changes, summary: summarize(changes, countRenumbered(oldSide, newSide, changes)) };
}

function attrChanges(older: Node, newer: Node): AttrChange[] {
  const changes: AttrChange[] = [];
  for (const name of Object.keys(newer.attrs)) {
    if (name === "id") continue;
    const oldValue = toJsonValue(older.attrs[name]);
    const newValue = toJsonValue(newer.attrs[name]);
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ name, old: oldValue, new: newValue });
  }
  return changes;
}

function childrenOf(parent: Located): Located[] {
  const children: Located[] = [];
  // The document's content starts at 0, which its position of -1 gives too.
  const contentStart = parent.pos + 1;
  parent.node.forEach((node, offset) => children.push({ node, pos: contentStart + offset }));
  return children;
}

/** Builds the merged tree; one instance per comparison, as it caches hashes and token bags. */
class TreeDiff {
  private readonly hasher: ContentHasher = createContentHasher();
  private readonly similarity = createNodeSimilarity();

  constructor(
    private readonly older: VersionSide,
    private readonly newer: VersionSide,
  ) {}

  top(): DiffNode[] {
    return this.mergeChildren({ node: this.older.doc, pos: -1 }, { node: this.newer.doc, pos: -1 }).children;
  }

  /**
   * The id that ties this node to a node of the other version: its own id, if it is the first owner
   * of that id here and the other version has a node of the same type with it.
   */
  private keyOf(located: Located, own: VersionSide, other: VersionSide): string | null {
    const id = idOf(located.node);
    if (id === null || own.byId.get(id)?.node !== located.node) return null;
    return other.byId.get(id)?.node.type === located.node.type ? id : null;
  }

  private alignItem(located: Located, own: VersionSide, other: VersionSide): AlignItem {
    const key = this.keyOf(located, own, other);
    const type = located.node.type.name;
    // A node whose id is its identity is never paired by content; a paragraph's optional id is an anchor.
    const pairable = key === null && !(idOf(located.node) !== null && ID_REQUIRED_TYPES.has(type));
    return { key, hash: this.hasher.hash(located.node), type, pairable };
  }

  private move(oldNode: Node, newNode: Node): Move {
    return { from: labelOf(this.older, oldNode), to: labelOf(this.newer, newNode) };
  }

  private counterpartInOlder(key: string): Located {
    const located = this.older.byId.get(key);
    if (!located) throw new Error(`No node with id ${key} in the older version`);
    return located;
  }

  private counterpartInNewer(key: string): Located {
    const located = this.newer.byId.get(key);
    if (!located) throw new Error(`No node with id ${key} in the newer version`);
    return located;
  }

  private pair(older: Located, newer: Located, move: Move | null): DiffNode {
    const base = { type: newer.node.type.name, id: idOf(newer.node), oldPos: older.pos, newPos: newer.pos, move };
    if (this.hasher.same(older.node, newer.node)) return { status: "unchanged", ...base };
    const attrs = attrChanges(older.node, newer.node);
    let content: ContentDiff;
    if (newer.node.isTextblock) {
      content = { kind: "text", runs: diffInline(older.node, newer.node, this.older.refText, this.newer.refText) };
    } else if (newer.node.isLeaf) {
      content = { kind: "none" };
    } else {
      content = { kind: "blocks", ...this.mergeChildren(older, newer) };
    }
    return { status: "modified", ...base, attrs, content };
  }

  private mergeChildren(older: Located, newer: Located): { children: DiffNode[]; table: TableShapeChange | null } {
    const oldKids = childrenOf(older);
    const newKids = childrenOf(newer);
    const oldItems = oldKids.map((kid) => this.alignItem(kid, this.older, this.newer));
    const newItems = newKids.map((kid) => this.alignItem(kid, this.newer, this.older));
    const ops = alignChildren(oldItems, newItems, {
      same: (i, j) => this.hasher.same(oldKids[i].node, newKids[j].node),
      similarity: (i, j) => this.similarity(oldKids[i].node, newKids[j].node),
    });

    if (newer.node.type.name !== "table") {
      return { children: this.fromOps(ops, oldKids, newKids, oldItems, newItems), table: null };
    }

    // A table: rows as aligned above, cells of paired rows by the column alignment.
    const columns = alignColumns(older.node, newer.node);
    const byColumn = isRectangular(older.node) && isRectangular(newer.node);
    const table: TableShapeChange = {
      insertedRows: [],
      deletedRows: [],
      insertedColumns: columns.insertedColumns,
      deletedColumns: columns.deletedColumns,
    };
    const children = this.fromOps(ops, oldKids, newKids, oldItems, newItems, (oldRow, newRow) =>
      byColumn ? this.rowByColumns(oldRow, newRow, columns.pairs) : this.pair(oldRow, newRow, null),
    );
    for (const op of ops) {
      if (op.op === "delete") table.deletedRows.push(op.oldIndex);
      if (op.op === "insert") table.insertedRows.push(op.newIndex);
    }
    return { children, table };
  }

  private rowByColumns(oldRow: Located, newRow: Located, columnPairs: [number, number][]): DiffNode {
    const base = { type: newRow.node.type.name, id: null, oldPos: oldRow.pos, newPos: newRow.pos, move: null };
    if (this.hasher.same(oldRow.node, newRow.node)) return { status: "unchanged", ...base };
    const oldCells = childrenOf(oldRow);
    const newCells = childrenOf(newRow);
    const ops = opsFromPairs(oldCells.length, newCells.length, columnPairs);
    const children = ops.map((op): DiffNode => {
      if (op.op === "delete") return this.deleted(oldCells[op.oldIndex]);
      if (op.op === "insert") return this.inserted(newCells[op.newIndex]);
      return this.pair(oldCells[op.oldIndex], newCells[op.newIndex], null);
    });
    return { status: "modified", ...base, attrs: attrChanges(oldRow.node, newRow.node), content: { kind: "blocks", children, table: null } };
  }

  private fromOps(
    ops: readonly AlignOp[],
    oldKids: readonly Located[],
    newKids: readonly Located[],
    oldItems: readonly AlignItem[],
    newItems: readonly AlignItem[],
    pairChildren: (older: Located, newer: Located) => DiffNode = (o, n) => this.pair(o, n, null),
  ): DiffNode[] {
    return ops.map((op): DiffNode => {
      switch (op.op) {
        case "pair":
          return pairChildren(oldKids[op.oldIndex], newKids[op.newIndex]);
        case "move_from":
          return this.movedAway(oldKids[op.oldIndex], newKids[op.newIndex]);
        case "move_to":
          return this.pair(oldKids[op.oldIndex], newKids[op.newIndex], this.move(oldKids[op.oldIndex].node, newKids[op.newIndex].node));
        case "delete": {
          // An id found in the newer version elsewhere: the node moved out of this parent.
          const key = oldItems[op.oldIndex].key;
          return key === null ? this.deleted(oldKids[op.oldIndex]) : this.movedAway(oldKids[op.oldIndex], this.counterpartInNewer(key));
        }
        case "insert": {
          const key = newItems[op.newIndex].key;
          if (key === null) return this.inserted(newKids[op.newIndex]);
          const from = this.counterpartInOlder(key);
          return this.pair(from, newKids[op.newIndex], this.move(from.node, newKids[op.newIndex].node));
        }
      }
    });
  }

  private movedAway(older: Located, newer: Located): DiffNode {
    return {
      status: "moved_away",
      type: older.node.type.name,
      id: idOf(older.node),
      oldPos: older.pos,
      newPos: newer.pos,
      move: this.move(older.node, newer.node),
    };
  }

  /**
   * A node only the newer version has. Its children are listed when it is a section (each subsection
   * is a change of its own) or holds a node that came from elsewhere in the older version.
   */
  private inserted(newer: Located): DiffNode {
    const base = { status: "inserted" as const, type: newer.node.type.name, id: idOf(newer.node), newPos: newer.pos };
    if (!isSection(newer.node) && !this.holdsKeyed(newer.node, this.newer, this.older)) return { ...base, children: null };
    const children = childrenOf(newer).map((child): DiffNode => {
      const key = this.keyOf(child, this.newer, this.older);
      if (key === null) return this.inserted(child);
      const from = this.counterpartInOlder(key);
      return this.pair(from, child, this.move(from.node, child.node));
    });
    return { ...base, children };
  }

  private deleted(older: Located): DiffNode {
    const base = { status: "deleted" as const, type: older.node.type.name, id: idOf(older.node), oldPos: older.pos };
    if (!isSection(older.node) && !this.holdsKeyed(older.node, this.older, this.newer)) return { ...base, children: null };
    const children = childrenOf(older).map((child): DiffNode => {
      const key = this.keyOf(child, this.older, this.newer);
      return key === null ? this.deleted(child) : this.movedAway(child, this.counterpartInNewer(key));
    });
    return { ...base, children };
  }

  /** Whether a descendant of `node` has a counterpart in the other version. */
  private holdsKeyed(node: Node, own: VersionSide, other: VersionSide): boolean {
    let found = false;
    node.descendants((child) => {
      if (found) return false;
      const id = idOf(child);
      if (id !== null && own.byId.get(id)?.node === child && other.byId.get(id)?.node.type === child.type) found = true;
      return !child.isTextblock;
    });
    return found;
  }
}
