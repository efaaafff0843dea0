/*
 * Reads the merged tree clause by clause: reviewers think in clauses ("what changed in 5.2?"), so
 * every change is attributed to the innermost clause-like section that holds it (a clause, annex,
 * term entry, or the foreword, introduction or bibliography), named by the newer version's numbering;
 * a deleted section keeps the number it had.
 *
 * A section is listed when its own content changed (title, paragraphs, tables … but not its
 * subsections, which are listed on their own), when it was inserted or deleted, or when it moved.
 * A section that was only renumbered is not listed: that is counted in `countRenumbered`.
 */
import type { Node } from "prosemirror-model";
import { idOf } from "~/editor/ids";
import { fixedHeading, type NumberedKind } from "~/editor/numbering";
import { addText, emptyCount } from "./tokenize";
import type {
  AttrChange,
  DiffNode,
  ElementChange,
  Run,
  SectionChange,
  SectionStatus,
  SectionType,
  TermField,
  TokenCount,
} from "./types";
import type { VersionSide } from "./version-side";

const SECTION_TYPES: readonly SectionType[] = ["clause", "annex", "term_entry", "foreword", "introduction", "bibliography"];

function sectionType(type: string): SectionType | null {
  return SECTION_TYPES.find((known) => known === type) ?? null;
}

export function isSection(node: Node): boolean {
  return sectionType(node.type.name) !== null;
}

const TERM_FIELDS: ReadonlyMap<string, TermField> = new Map([
  ["term_preferred", "preferred"],
  ["term_preferred_en", "preferred_en"],
  ["term_admitted", "admitted"],
  ["term_definition", "definition"],
  ["note_to_entry", "note"],
  ["term_source", "source"],
]);

/** Numbered elements inside a section that a change list names on their own. */
const ELEMENT_KINDS: ReadonlySet<NumberedKind> = new Set(["table", "figure", "formula", "note", "example", "reference", "bibliography_entry"]);

/**
 * How a list names the element in this version: "5.2" for a clause or term entry, "附录 A" / "Annex A",
 * "表 3" / "Table 3", "前言" / "Foreword"; null when it has no number (a paragraph).
 */
export function labelOf(side: VersionSide, node: Node): string | null {
  const type = node.type.name;
  if (type === "foreword" || type === "introduction" || type === "bibliography") {
    return fixedHeading(type, side.numbering.convention);
  }
  const id = idOf(node);
  const item = id === null ? undefined : side.numbering.byId.get(id);
  if (!item) return null;
  if (item.kind === "clause" || item.kind === "term") return item.number;
  return item.refText ?? item.label;
}

function numberOf(side: VersionSide, node: Node): string | null {
  const id = idOf(node);
  const number = id === null ? undefined : side.numbering.byId.get(id)?.number;
  return number === undefined || number === "" ? null : number;
}

/** A clause's or annex's title, a term's preferred term. */
function titleOf(node: Node): string {
  const heading = node.firstChild;
  if (heading && (heading.type.name === "clause_title" || heading.type.name === "term_preferred")) return heading.textContent;
  return "";
}

function nodeAt(side: VersionSide, pos: number): Node {
  const node = side.doc.nodeAt(pos);
  if (!node) throw new Error(`No node at ${pos}`);
  return node;
}

class Counter {
  readonly inserted = emptyCount();
  readonly deleted = emptyCount();

  constructor(
    private readonly older: VersionSide,
    private readonly newer: VersionSide,
  ) {}

  diff(node: DiffNode): void {
    switch (node.status) {
      case "unchanged":
      case "moved_away":
        // A moved node's content is counted where it now stands.
        return;
      case "inserted":
        if (node.children) node.children.forEach((child) => this.diff(child));
        else countNode(nodeAt(this.newer, node.newPos), this.inserted);
        return;
      case "deleted":
        if (node.children) node.children.forEach((child) => this.diff(child));
        else countNode(nodeAt(this.older, node.oldPos), this.deleted);
        return;
      case "modified":
        this.attrs(node.attrs);
        if (node.content.kind === "text") this.runs(node.content.runs);
        else if (node.content.kind === "blocks") node.content.children.forEach((child) => this.diff(child));
        return;
    }
  }

  /** A changed attribute (a formula's LaTeX, an annex becoming normative) counts as its old value replaced by its new one. */
  attrs(changes: readonly AttrChange[]): void {
    for (const change of changes) {
      countValue(change.old, this.deleted);
      countValue(change.new, this.inserted);
    }
  }

  private runs(runs: readonly Run[]): void {
    for (const run of runs) {
      if (run.op === "equal") continue;
      const count = run.op === "insert" ? this.inserted : this.deleted;
      if (run.atom) count.tokens++;
      else addText(count, run.text);
    }
  }
}

function countValue(value: unknown, count: TokenCount): void {
  if (value === null) return;
  if (typeof value === "string" || typeof value === "number") addText(count, String(value));
  else count.tokens++;
}

/** All of a node's text: textblocks token by token, an inline atom as one token, a formula by its LaTeX. */
function countNode(node: Node, count: TokenCount): void {
  if (node.isText) addText(count, node.text ?? "");
  else if (node.isInline && node.isLeaf) count.tokens++;
  else if (node.type.name === "formula") addText(count, String(node.attrs.latex));
  else node.forEach((child) => countNode(child, count));
}

function isQuiet(node: DiffNode): boolean {
  return node.status === "unchanged" && node.move === null;
}

function elementStatus(node: DiffNode): ElementChange["status"] {
  if (node.status === "inserted" || node.status === "deleted") return node.status;
  if (node.status === "moved_away" || node.move !== null) return "moved";
  return "modified";
}

class SectionReader {
  readonly changes: SectionChange[] = [];

  constructor(
    private readonly older: VersionSide,
    private readonly newer: VersionSide,
  ) {}

  read(nodes: readonly DiffNode[]): void {
    for (const node of nodes) {
      const type = sectionType(node.type);
      if (type === null) continue;
      switch (node.status) {
        case "moved_away":
          // Reported where it stands now, with its subsections.
          break;
        case "unchanged":
          if (node.move) this.add(node, type, "moved", [], []);
          break;
        case "modified": {
          const children = node.content.kind === "blocks" ? node.content.children : [];
          const own = children.filter((child) => sectionType(child.type) === null && !isQuiet(child));
          if (node.move) this.add(node, type, "moved", own, node.attrs);
          else if (own.length > 0 || node.attrs.length > 0) this.add(node, type, "modified", own, node.attrs);
          this.read(children);
          break;
        }
        case "inserted":
        case "deleted": {
          const children = node.children ?? [];
          this.add(node, type, node.status, children.filter((child) => sectionType(child.type) === null), []);
          this.read(children);
          break;
        }
      }
    }
  }

  private add(node: DiffNode, type: SectionType, status: SectionStatus, blocks: DiffNode[], attrs: AttrChange[]): void {
    const oldNode = node.status === "inserted" ? null : nodeAt(this.older, node.oldPos);
    const newNode = node.status === "deleted" || node.status === "moved_away" ? null : nodeAt(this.newer, node.newPos);
    // Named as the newer version numbers it; a deleted section by the number it had.
    const [side, named] = newNode ? [this.newer, newNode] : [this.older, oldNode];
    if (!named) throw new Error("A section change without a node");

    const counter = new Counter(this.older, this.newer);
    counter.attrs(attrs);
    blocks.forEach((block) => counter.diff(block));

    this.changes.push({
      type,
      id: idOf(named),
      status,
      number: numberOf(side, named),
      label: labelOf(side, named) ?? "",
      title: titleOf(named),
      oldNumber: oldNode ? numberOf(this.older, oldNode) : null,
      newNumber: newNode ? numberOf(this.newer, newNode) : null,
      oldPos: node.status === "inserted" ? null : node.oldPos,
      newPos: node.status === "deleted" || node.status === "moved_away" ? null : node.newPos,
      move: node.status === "unchanged" || node.status === "modified" ? node.move : null,
      edited: status === "inserted" || status === "deleted" || blocks.length > 0 || attrs.length > 0,
      attrs,
      blocks,
      fields: type === "term_entry" ? termFields(blocks) : [],
      elements: this.elements(blocks),
      inserted: counter.inserted,
      deleted: counter.deleted,
    });
  }

  private elements(blocks: readonly DiffNode[]): ElementChange[] {
    const elements: ElementChange[] = [];
    for (const block of blocks) {
      if (block.id === null) continue;
      const inNewer = block.status !== "deleted";
      const side = inNewer ? this.newer : this.older;
      const pos = inNewer ? block.newPos : block.oldPos;
      const item = side.numbering.byId.get(block.id);
      if (!item || !ELEMENT_KINDS.has(item.kind)) continue;
      elements.push({ type: block.type, id: block.id, label: labelOf(side, nodeAt(side, pos)) ?? item.label, status: elementStatus(block) });
    }
    return elements;
  }
}

function termFields(blocks: readonly DiffNode[]): TermField[] {
  const fields: TermField[] = [];
  for (const block of blocks) {
    const field = TERM_FIELDS.get(block.type);
    if (field !== undefined && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** The sections that changed, in reading order. */
export function sectionChanges(blocks: readonly DiffNode[], older: VersionSide, newer: VersionSide): SectionChange[] {
  const reader = new SectionReader(older, newer);
  reader.read(blocks);
  return reader.changes;
}

/** Clauses, annexes and term entries whose number changed without their being moved. */
export function countRenumbered(older: VersionSide, newer: VersionSide, changes: readonly SectionChange[]): number {
  const moved = new Set(changes.filter((change) => change.status === "moved").map((change) => change.id));
  let count = 0;
  for (const [id, item] of newer.numbering.byId) {
    if (item.kind !== "clause" && item.kind !== "annex" && item.kind !== "term") continue;
    const before = older.numbering.byId.get(id);
    if (before && before.kind === item.kind && before.number !== item.number && !moved.has(id)) count++;
  }
  return count;
}
