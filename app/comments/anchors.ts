/*
 * Where a comment sits in the text. Isomorphic: the browser anchors a selection and draws highlights,
 * the server resolves the same anchors for the register and anchors imported rows to their clauses.
 *
 * An anchor is a pair of Yjs relative positions (encoded bytes, base64 on the wire). A relative
 * position names a character, not an offset, so it follows the text through everyone's edits. When
 * the anchored characters are deleted, both ends fall onto the same spot: the range collapses and
 * the anchor is "lost"; the comment keeps its clause (clauseId, a stable node id) and its quote.
 *
 * Both sides resolve through y-prosemirror's mapping between Y types and ProseMirror nodes: the
 * editor's binding has one, and initProseMirrorDoc builds the same on the server.
 */
import { fromBase64, toBase64 } from "lib0/buffer";
import type { Node } from "prosemirror-model";
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from "y-prosemirror";
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { idOf } from "~/editor/ids";
import { computeNumbering, type Convention, type Numbering } from "~/editor/numbering";
import { schema } from "~/editor/schema";

export type YMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** Nodes a comment can belong to as its "clause": what the register's clause column names. */
const CLAUSE_LIKE = new Set(["clause", "annex", "foreword", "introduction", "bibliography", "term_entry"]);
/** Numbered elements a comment can name as its paragraph/figure/table. */
const ELEMENT_LIKE = new Set(["table_block", "figure", "formula", "note", "example"]);

/** Largest encoded relative position accepted from a client (real ones are a few dozen bytes). */
export const MAX_ANCHOR_BYTES = 512;

export type EncodedAnchor = { start: string; end: string };

/** The anchor of the range from..to of the document bound to `fragment`. */
export function encodeAnchor(fragment: Y.XmlFragment, mapping: YMapping, from: number, to: number): EncodedAnchor {
  const start: Y.RelativePosition = absolutePositionToRelativePosition(from, fragment, mapping);
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(endPosition(fragment, mapping, from, to))) };
}

/**
 * The end names the range's last character and sticks to its right side (assoc -1), rather than
 * naming the character after the range. So text typed just after the range stays outside it, and
 * when every character of the range is deleted both ends land on the same spot (the anchor is lost)
 * even if someone types there afterwards — Yjs places new text after deleted characters.
 */
function endPosition(fragment: Y.XmlFragment, mapping: YMapping, from: number, to: number): Y.RelativePosition {
  if (to > from) {
    const last: Y.RelativePosition = absolutePositionToRelativePosition(to - 1, fragment, mapping);
    if (last.item !== null) return new Y.RelativePosition(last.type, last.tname, last.item, -1);
  }
  return absolutePositionToRelativePosition(to, fragment, mapping);
}

/** Decodes an anchor end sent by a client; null when it is not a relative position. */
export function decodeAnchorEnd(encoded: string): Uint8Array | null {
  try {
    const bytes = fromBase64(encoded);
    if (bytes.length === 0 || bytes.length > MAX_ANCHOR_BYTES) return null;
    Y.decodeRelativePosition(bytes);
    return bytes;
  } catch {
    return null;
  }
}

export type ResolvedAnchor = { from: number; to: number; lost: boolean };

/**
 * Where the anchor is now. `lost` when it had text (a quote) and that text is gone; null when the
 * anchor cannot be placed at all (its type was removed from the document).
 */
export function resolveAnchor(
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: YMapping,
  start: Uint8Array,
  end: Uint8Array,
  hadText: boolean,
): ResolvedAnchor | null {
  let from: number | null;
  let to: number | null;
  try {
    from = relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(start), mapping);
    to = relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(end), mapping);
  } catch {
    return null;
  }
  if (from === null || to === null) return null;
  if (to < from) return { from, to: from, lost: hadText };
  return { from, to, lost: hadText && to === from };
}

export type AnchorContext = { clauseId: string | null; elementId: string | null };

/** The clause (or foreword, annex, term …) and the numbered element around a position. */
export function contextAt(doc: Node, pos: number): AnchorContext {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  let clauseId: string | null = null;
  let elementId: string | null = null;
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const id = idOf(node);
    if (!id) continue;
    if (!elementId && ELEMENT_LIKE.has(node.type.name)) elementId = id;
    if (CLAUSE_LIKE.has(node.type.name)) {
      clauseId = id;
      break;
    }
  }
  return { clauseId, elementId };
}

/** The node with this id and its position, or null. */
export function findNodeById(doc: Node, id: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (idOf(node) === id) {
      found = { node, pos };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

/** What the register shows for a clause: its number, or the fixed heading of foreword etc. */
export function clauseLabel(doc: Node, numbering: Numbering, clauseId: string | null): string | null {
  if (clauseId === null) return null;
  const item = numbering.byId.get(clauseId);
  if (item) return item.kind === "annex" ? item.number : item.number || item.label;
  const found = findNodeById(doc, clauseId);
  if (!found) return null;
  const name = found.node.type.name;
  if (name === "foreword" || name === "introduction" || name === "bibliography") return name;
  return null;
}

/** The label of a numbered element ("表 1", "Figure 2", "NOTE 1"), or "". */
export function elementLabel(numbering: Numbering, elementId: string | null): string {
  if (elementId === null) return "";
  return numbering.byId.get(elementId)?.label.replace(/[：:]\s*$/, "") ?? "";
}

/** Every clause number (and annex letter) of the document → the clause's id, for imports. */
export function clauseIdsByNumber(doc: Node, numbering: Numbering): Map<string, string> {
  const byNumber = new Map<string, string>();
  for (const [id, item] of numbering.byId) {
    if ((item.kind === "clause" || item.kind === "annex" || item.kind === "term") && item.number) {
      if (!byNumber.has(item.number)) byNumber.set(item.number, id);
    }
  }
  doc.forEach((node) => {
    const id = idOf(node);
    if (id && (node.type.name === "foreword" || node.type.name === "introduction" || node.type.name === "bibliography")) {
      byNumber.set(node.type.name, id);
    }
  });
  return byNumber;
}

/** A text's Y.Doc opened for reading anchors: its ProseMirror document, mapping and numbering. */
export type OpenedText = {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  doc: Node;
  mapping: YMapping;
  numbering: Numbering;
};

export function openText(state: Uint8Array, convention: Convention): OpenedText {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return { ydoc, fragment, doc, mapping, numbering: computeNumbering(doc, convention) };
}

/** The text between two positions, as a quote (block boundaries become spaces). */
export function quoteOf(doc: Node, from: number, to: number): string {
  return doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim();
}
