/*
 * The redline as a document to show: the merged tree of `computeRedline` (app/versions/redline.ts)
 * turned into plain blocks that carry everything a renderer needs — text runs with their operation,
 * labels as each version numbers them, attributes of both sides — so that the browser view
 * (redline-view.tsx) and the Word export (app/versions/docx-redline.ts) are simple maps over one
 * reading of the redline and cannot disagree about what changed or how it is numbered.
 *
 * A redline only points into the two documents (by position); this is where those pointers are
 * resolved: unchanged and inserted content is read from the newer document, deleted content from the
 * older one, and a block present in both carries both labels, so that side by side the left column
 * shows the older numbering and the right column the newer.
 *
 * Pure and DOM-free, like the redline itself. It lives with the view because the view is its main
 * reader; the Word exporter reads it too.
 */
import type { Node } from "prosemirror-model";
import { idOf } from "~/editor/ids";
import { computeNumbering, crossRefText, fixedHeading, type Convention, type Numbering } from "~/editor/numbering";
import { schema } from "~/editor/schema";
import { markToJson } from "~/versions/json";
import type { AttrChange, ContentDiff, DiffNode, MarkJson, Move, Redline, Run, RunOp, SectionStatus, SectionType } from "~/versions/types";

/** What happened to a block as a whole. A block that moved is `unchanged` or `modified`, with `move` set. */
export type BlockStatus = "unchanged" | "modified" | "inserted" | "deleted";

export interface RedlineRun {
  op: RunOp;
  /** The text shown; for a cross-reference what it reads as in the newer version (the older for a deletion), "" when broken. */
  text: string;
  marks: MarkJson[];
  /** A cross-reference, with what it read as in the older version (side by side shows that on the left). */
  ref?: { target: string; oldText: string };
  /** A line break (hard_break). */
  lineBreak?: true;
}

/** Attributes a renderer shows: a formula's LaTeX, an image, a cell's span. Only those the node type has are set. */
export interface BlockProps {
  latex?: string;
  src?: string;
  alt?: string;
  colspan?: number;
  rowspan?: number;
}

export interface RedlineBlock {
  kind: "block";
  /** The schema node type: "clause", "paragraph", "table_cell" … */
  type: string;
  id: string | null;
  status: BlockStatus;
  /** The label at the element as the newer version shows it ("5.2", "表 1", "注1：", "a)", "前言"); the older one's for a deleted block; "" if none. */
  label: string;
  /** The label in the older version; "" for an inserted block. */
  oldLabel: string;
  /** True when the label differs because of an edit (an annex made normative), not because of renumbering, which is no change. */
  labelEdited: boolean;
  /** Where the block stood before, when it moved. */
  move: Move | null;
  attrs: AttrChange[];
  /** The inline content of a textblock; null for any other block. */
  runs: RedlineRun[] | null;
  children: RedlineItem[];
  /** Props of the newer node (the older one for a deleted block). */
  props: BlockProps;
  /** Props of the older node; empty for an inserted block. */
  oldProps: BlockProps;
  /** The DOM id a link to this block uses (see `redlineAnchor`), for blocks with an id and the foreword, introduction and bibliography. */
  anchor: string | null;
}

/** Where a block stood before it moved; the block itself is shown where it stands now. */
export interface RedlineMovedAway {
  kind: "moved_away";
  type: string;
  id: string | null;
  move: Move;
  anchor: string | null;
  /** The anchor of the block where it stands now. */
  target: string | null;
  /**
   * The block as it stood, all deleted. A view shows a marker instead; Word, which the docx package
   * cannot give a move, shows the old text deleted here and the new text inserted where it went.
   */
  removed: RedlineBlock;
}

/** A run of unchanged sections a view may fold away (see `collapseUnchanged`). */
export interface RedlineGap {
  kind: "gap";
  /** Stable across renders, for React keys and expansion state. */
  key: string;
  items: RedlineBlock[];
  /** The labels of the first and last section, such as "4.5" and "4.8". */
  first: string;
  last: string;
}

export type RedlineItem = RedlineBlock | RedlineMovedAway | RedlineGap;

export interface RedlineModel {
  convention: Convention;
  items: RedlineItem[];
}

const SECTION_TYPES: ReadonlySet<string> = new Set<SectionType>(["clause", "annex", "term_entry", "foreword", "introduction", "bibliography"]);

/** Clause-like blocks: what changes are attributed to, what a summary links to, what a view may fold away. */
export function isSectionType(type: string): boolean {
  return SECTION_TYPES.has(type);
}

/**
 * The DOM id of a block in a redline view: `redline-<id>` where the block stands in the newer version,
 * `redline-deleted-<id>` for a deleted one (so that a clause deleted and one inserted with its id
 * never share an anchor), by type for the foreword, introduction and bibliography, which may lack an
 * id. The summary links to sections with it.
 */
export function redlineAnchor(section: { id: string | null; type: string; status: SectionStatus | BlockStatus }): string {
  const name = section.id ?? section.type;
  return section.status === "deleted" ? `redline-deleted-${name}` : `redline-${name}`;
}

/** The DOM id of the marker where a moved block stood. */
export function movedAwayAnchor(id: string | null, type: string): string {
  return `redline-moved-${id ?? type}`;
}

interface Side {
  doc: Node;
  numbering: Numbering;
}

interface Located {
  node: Node;
  pos: number;
}

function nodeAt(side: Side, pos: number): Located {
  const node = side.doc.nodeAt(pos);
  if (!node) throw new Error(`The redline points at ${pos}, where the document has no node: was it computed from these versions?`);
  return { node, pos };
}

function labelAt(side: Side, located: Located): string {
  const type = located.node.type.name;
  if (type === "foreword" || type === "introduction" || type === "bibliography") return fixedHeading(type, side.numbering.convention);
  return side.numbering.byPos.get(located.pos)?.label ?? "";
}

function propsOf(node: Node): BlockProps {
  switch (node.type.name) {
    case "formula":
      return { latex: String(node.attrs.latex ?? "") };
    case "figure":
      return { src: String(node.attrs.src ?? ""), alt: String(node.attrs.alt ?? "") };
    case "table_cell":
    case "table_header":
      return { colspan: Number(node.attrs.colspan ?? 1), rowspan: Number(node.attrs.rowspan ?? 1) };
    default:
      return {};
  }
}

function childrenOf(parent: Located): Located[] {
  const children: Located[] = [];
  parent.node.forEach((node, offset) => children.push({ node, pos: parent.pos + 1 + offset }));
  return children;
}

function anchorOf(type: string, id: string | null, status: BlockStatus): string | null {
  if (id === null && type !== "foreword" && type !== "introduction" && type !== "bibliography") return null;
  return redlineAnchor({ id, type, status });
}

class ModelBuilder {
  constructor(
    private readonly older: Side,
    private readonly newer: Side,
  ) {}

  items(nodes: readonly DiffNode[]): RedlineItem[] {
    return nodes.map((node) => this.item(node));
  }

  private item(node: DiffNode): RedlineItem {
    switch (node.status) {
      case "unchanged":
        return this.raw("unchanged", nodeAt(this.older, node.oldPos), nodeAt(this.newer, node.newPos), node.move);
      case "inserted":
        return node.children === null
          ? this.raw("inserted", null, nodeAt(this.newer, node.newPos), null)
          : this.listed("inserted", null, nodeAt(this.newer, node.newPos), node.children);
      case "deleted":
        return node.children === null
          ? this.raw("deleted", nodeAt(this.older, node.oldPos), null, null)
          : this.listed("deleted", nodeAt(this.older, node.oldPos), null, node.children);
      case "moved_away":
        return {
          kind: "moved_away",
          type: node.type,
          id: node.id,
          move: node.move,
          anchor: movedAwayAnchor(node.id, node.type),
          target: anchorOf(node.type, node.id, "unchanged"),
          removed: this.raw("deleted", nodeAt(this.older, node.oldPos), null, null),
        };
      case "modified":
        return this.modified(node.oldPos, node.newPos, node.move, node.attrs, node.content);
    }
  }

  private modified(oldPos: number, newPos: number, move: Move | null, attrs: AttrChange[], content: ContentDiff): RedlineBlock {
    const old = nodeAt(this.older, oldPos);
    const neu = nodeAt(this.newer, newPos);
    const block = this.block("modified", old, neu, move);
    block.attrs = attrs;
    block.labelEdited = attrs.length > 0 && block.label !== block.oldLabel;
    if (content.kind === "text") block.runs = content.runs.map((run) => this.diffRun(run));
    else if (content.kind === "blocks") block.children = this.items(content.children);
    return block;
  }

  /** An inserted or deleted block whose children the redline lists (a section, or a block holding a moved one). */
  private listed(status: "inserted" | "deleted", old: Located | null, neu: Located | null, children: readonly DiffNode[]): RedlineBlock {
    const block = this.block(status, old, neu, null);
    block.children = this.items(children);
    return block;
  }

  /** A block with nothing set below it yet. */
  private block(status: BlockStatus, old: Located | null, neu: Located | null, move: Move | null): RedlineBlock {
    const node = neu?.node ?? old?.node;
    if (!node) throw new Error("A block from neither version");
    const id = idOf(node);
    const label = neu ? labelAt(this.newer, neu) : old ? labelAt(this.older, old) : "";
    return {
      kind: "block",
      type: node.type.name,
      id,
      status,
      label,
      oldLabel: old ? labelAt(this.older, old) : "",
      labelEdited: false,
      move,
      attrs: [],
      runs: null,
      children: [],
      props: propsOf(node),
      oldProps: old ? propsOf(old.node) : {},
      anchor: anchorOf(node.type.name, id, status),
    };
  }

  /**
   * A whole subtree with one status, read from the document(s) it exists in. An unchanged subtree
   * has the same content on both sides, so its two versions are walked in step, which gives each
   * block its label in both.
   */
  private raw(status: BlockStatus, old: Located | null, neu: Located | null, move: Move | null): RedlineBlock {
    const block = this.block(status, old, neu, move);
    const node = neu?.node ?? old?.node;
    if (!node) throw new Error("A block from neither version");
    if (node.isTextblock) {
      block.runs = this.rawRuns(status, old, neu);
    } else if (!node.isLeaf) {
      const oldKids = old ? childrenOf(old) : [];
      const newKids = neu ? childrenOf(neu) : [];
      const count = Math.max(oldKids.length, newKids.length);
      for (let i = 0; i < count; i++) block.children.push(this.raw(status, oldKids[i] ?? null, newKids[i] ?? null, null));
    }
    return block;
  }

  private rawRuns(status: BlockStatus, old: Located | null, neu: Located | null): RedlineRun[] {
    const op: RunOp = status === "inserted" ? "insert" : status === "deleted" ? "delete" : "equal";
    const source = neu ?? old;
    if (!source) return [];
    const side = neu ? this.newer : this.older;
    const oldChildren: Node[] = [];
    old?.node.forEach((child) => oldChildren.push(child));
    const runs: RedlineRun[] = [];
    source.node.forEach((child, _offset, index) => {
      const marks = child.marks.map(markToJson);
      if (child.isText) {
        runs.push({ op, text: child.text ?? "", marks });
      } else if (child.type.name === "cross_ref") {
        const target = String(child.attrs.target ?? "");
        const text = crossRefText(side.numbering, target) ?? "";
        // An unchanged textblock holds the same reference at the same index in the older version.
        const oldText = old && oldChildren[index]?.type.name === "cross_ref" ? (crossRefText(this.older.numbering, target) ?? "") : "";
        runs.push({ op, text, marks, ref: { target, oldText } });
      } else if (child.type.name === "hard_break") {
        runs.push({ op, text: "\n", marks, lineBreak: true });
      } else {
        runs.push({ op, text: child.textContent, marks });
      }
    });
    return runs;
  }

  private diffRun(run: Run): RedlineRun {
    const result: RedlineRun = { op: run.op, text: run.text, marks: run.marks };
    if (run.atom?.type === "cross_ref") {
      const target = run.atom.target;
      // A deleted reference's text is already the older version's.
      result.ref = { target, oldText: run.op === "delete" ? run.text : (crossRefText(this.older.numbering, target) ?? "") };
    } else if (run.atom?.type === "hard_break") {
      result.lineBreak = true;
    }
    return result;
  }
}

function parse(json: unknown, which: string): Node {
  try {
    return schema.nodeFromJSON(json);
  } catch (error) {
    throw new Error(`The ${which} version is not a document of the editor schema: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The redline of `older` → `newer` (ProseMirror JSON, the same two the redline was computed from) as
 * blocks to show, in reading order of the newer version with deleted blocks where they stood. Nothing
 * is folded away; see `collapseUnchanged`.
 */
export function buildRedlineModel(older: unknown, newer: unknown, redline: Redline): RedlineModel {
  return buildRedlineModelOfDocs(parse(older, "older"), parse(newer, "newer"), redline);
}

/** The same for documents already parsed, such as the live editor's. */
export function buildRedlineModelOfDocs(older: Node, newer: Node, redline: Redline): RedlineModel {
  const convention = redline.convention;
  const builder = new ModelBuilder(
    { doc: older, numbering: computeNumbering(older, convention) },
    { doc: newer, numbering: computeNumbering(newer, convention) },
  );
  return { convention, items: builder.items(redline.blocks) };
}

/** Whether nothing in the block changed: same content, same place. */
export function isQuiet(item: RedlineItem): item is RedlineBlock {
  return item.kind === "block" && item.status === "unchanged" && item.move === null;
}

/**
 * The model with runs of unchanged sections folded into gaps, keeping `context` unchanged sections
 * on each side of every change, at every level: in a chapter where only 4.3 changed, 4.2 and 4.4 stay
 * and 4.1 and 4.5 … 4.8 fold, while the chapters before and after fold likewise. A long standard
 * with a few changes then shows a few pages, and a reviewer still sees where each change stands.
 * Blocks that are not sections (a clause's own paragraphs) are never folded: they are short, and a
 * changed clause is read whole.
 */
export function collapseUnchanged(model: RedlineModel, context = 1): RedlineModel {
  return { convention: model.convention, items: collapseItems(model.items, context, "gap") };
}

function collapseItems(items: readonly RedlineItem[], context: number, keyPrefix: string): RedlineItem[] {
  const foldable = items.map((item) => isQuiet(item) && isSectionType(item.type));
  const keep = foldable.map((can) => !can);
  items.forEach((item, index) => {
    if (foldable[index] || isQuiet(item)) return;
    // A change: keep the nearest `context` foldable sections on each side of it.
    for (const step of [-1, 1]) {
      let found = 0;
      for (let at = index + step; at >= 0 && at < items.length && found < context; at += step) {
        if (!foldable[at]) continue;
        keep[at] = true;
        found++;
      }
    }
  });

  const result: RedlineItem[] = [];
  let gap: RedlineBlock[] = [];
  const flush = () => {
    if (gap.length === 0) return;
    result.push({ kind: "gap", key: `${keyPrefix}-${result.length}`, items: gap, first: gap[0].label, last: gap[gap.length - 1].label });
    gap = [];
  };
  items.forEach((item, index) => {
    if (!keep[index] && item.kind === "block") {
      gap.push(item);
      return;
    }
    flush();
    // A section kept as context shows its own text with its subsections folded: the context of a
    // change in 4.8 is the heading and text of 5, not all of chapter 5.
    result.push(item.kind === "block" ? { ...item, children: collapseItems(item.children, context, `${keyPrefix}-${index}`) } : item);
  });
  flush();
  return result;
}
