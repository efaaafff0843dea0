/*
 * The outline panel's rows and the cross-reference picker's choices, read from the document and its
 * numbering. DOM-free, so what they list is tested without a browser.
 */
import type { Node } from "prosemirror-model";
import { fixedHeading, type NumberedKind, type Numbering } from "../numbering";
import { REFERENCEABLE_TYPES } from "../structure";

export interface OutlineItem {
  id: string;
  kind: "clause" | "annex" | "foreword" | "introduction" | "bibliography";
  /** "5.2", "附录 A（规范性）", "前言" */
  label: string;
  title: string;
  /** 1 for top-level clauses, annexes and fixed parts; 2 for 5.1 … */
  depth: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
}

function isClauseAt(parent: Node, index: number): boolean {
  return index >= 0 && index < parent.childCount && parent.child(index).type.name === "clause";
}

export function outlineOf(doc: Node, numbering: Numbering): OutlineItem[] {
  const items: OutlineItem[] = [];
  doc.forEach((child) => {
    const name = child.type.name;
    const id = typeof child.attrs.id === "string" ? child.attrs.id : null;
    if ((name === "foreword" || name === "introduction") && id) {
      items.push({ id, kind: name, label: fixedHeading(name, numbering.convention), title: "", depth: 1, canMoveUp: false, canMoveDown: false });
    }
  });
  for (const item of numbering.byPos.values()) {
    if ((item.kind !== "clause" && item.kind !== "annex") || item.id === null) continue;
    const node = doc.nodeAt(item.pos);
    if (!node) continue;
    const $pos = doc.resolve(item.pos);
    const index = $pos.index();
    items.push({
      id: item.id,
      kind: item.kind,
      label: item.label,
      title: node.firstChild?.type.name === "clause_title" ? node.firstChild.textContent : "",
      depth: item.kind === "annex" ? 1 : item.number.split(".").length,
      canMoveUp: item.kind === "clause" && isClauseAt($pos.parent, index - 1),
      canMoveDown: item.kind === "clause" && isClauseAt($pos.parent, index + 1),
    });
  }
  const bibliography = doc.lastChild;
  if (bibliography?.type.name === "bibliography" && typeof bibliography.attrs.id === "string") {
    items.push({
      id: bibliography.attrs.id,
      kind: "bibliography",
      label: fixedHeading("bibliography", numbering.convention),
      title: "",
      depth: 1,
      canMoveUp: false,
      canMoveDown: false,
    });
  }
  // The fixed parts come first in the document; byPos is in document order for the rest.
  return items;
}

export type ReferenceKind = Extract<
  NumberedKind,
  "clause" | "annex" | "table" | "figure" | "formula" | "term" | "reference" | "note" | "example" | "bibliography_entry"
>;

export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  "clause",
  "annex",
  "table",
  "figure",
  "formula",
  "term",
  "reference",
  "note",
  "example",
  "bibliography_entry",
];

export interface ReferenceTarget {
  id: string;
  kind: ReferenceKind;
  /** What a cross-reference to it shows now: "5.2", "表 3", "GB/T 20234.3—2023". */
  refText: string;
  /** Words to recognise it by: a clause's title, a table's caption, a term's preferred term. */
  description: string;
}

function isReferenceKind(kind: NumberedKind): kind is ReferenceKind {
  return REFERENCE_KINDS.some((known) => known === kind);
}

function describe(node: Node): string {
  switch (node.type.name) {
    case "clause":
    case "annex":
    case "table_block":
    case "figure":
    case "term_entry":
      // The title, caption or preferred term is the first child.
      return node.firstChild?.textContent ?? "";
    case "formula":
      return typeof node.attrs.latex === "string" ? node.attrs.latex : "";
    default:
      return node.textContent;
  }
}

/** Everything a cross-reference may point at, in document order, with what a reference shows now. */
export function referenceTargets(doc: Node, numbering: Numbering): ReferenceTarget[] {
  const targets: ReferenceTarget[] = [];
  for (const item of numbering.byPos.values()) {
    if (item.id === null || item.refText === null || !isReferenceKind(item.kind)) continue;
    const node = doc.nodeAt(item.pos);
    if (!node || !REFERENCEABLE_TYPES.has(node.type.name)) continue;
    const description = describe(node).trim();
    targets.push({ id: item.id, kind: item.kind, refText: item.refText, description: description.length > 80 ? `${description.slice(0, 80)}…` : description });
  }
  return targets;
}
