/*
 * One version of a document as the redline reads it: the document, its numbering, and where each id
 * is. Computed once per comparison, since the walk looks ids up for every element it matches.
 */
import type { Node } from "prosemirror-model";
import { idOf } from "~/editor/ids";
import { computeNumbering, crossRefText, type Convention, type Numbering } from "~/editor/numbering";
import type { RefText } from "./inline";

export interface Located {
  node: Node;
  /** Position directly before the node; -1 for the document itself. */
  pos: number;
}

export interface VersionSide {
  doc: Node;
  numbering: Numbering;
  /** The first node with each id (a duplicate, which validateDoc reports, keeps its first owner, as in numbering). */
  byId: ReadonlyMap<string, Located>;
  /** What a cross-reference shows in this version. */
  refText: RefText;
}

function indexIds(doc: Node): Map<string, Located> {
  const byId = new Map<string, Located>();
  doc.descendants((node, pos) => {
    const id = idOf(node);
    if (id !== null && !byId.has(id)) byId.set(id, { node, pos });
    return !node.isTextblock;
  });
  return byId;
}

export function versionSide(doc: Node, convention: Convention): VersionSide {
  const numbering = computeNumbering(doc, convention);
  return { doc, numbering, byId: indexIds(doc), refText: (target) => crossRefText(numbering, target) ?? "" };
}
