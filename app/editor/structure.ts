/*
 * Facts about the structure of a standard that the content expressions in schema.ts cannot state,
 * shared by the commands, the validator and the unique-ids plugin.
 */
import type { Node, ResolvedPos } from "prosemirror-model";
import type { NodeName } from "./schema";

/**
 * How many clauses a clause may sit inside. GB/T 1.1—2020 (7.3) and the ISO/IEC Directives Part 2
 * (22.3.1) both allow subclauses down to the fifth level, so 5.1.1.1.1.1 is the deepest number, and
 * A.1.1.1.1.1 in an annex.
 */
export const MAX_CLAUSE_NESTING = 5;

/** Node types a cross_ref may point at. */
export const REFERENCEABLE_TYPES: ReadonlySet<string> = new Set<string>([
  "clause",
  "annex",
  "table_block",
  "figure",
  "formula",
  "term_entry",
  "reference_entry",
  "note",
  "example",
  "bibliography_entry",
] satisfies NodeName[]);

/** Node types that must have an id; paragraphs have one only when something anchors to them. */
export const ID_REQUIRED_TYPES: ReadonlySet<string> = new Set<string>([
  ...REFERENCEABLE_TYPES,
  ...(["foreword", "introduction", "bibliography"] satisfies NodeName[]),
]);

/** The number of clauses around the position: 0 directly in the body or an annex. */
export function clauseNestingAt($pos: ResolvedPos): number {
  let nesting = 0;
  for (let depth = $pos.depth; depth > 0; depth--) {
    if ($pos.node(depth).type.name === "clause") nesting++;
  }
  return nesting;
}

/** How many levels of subclauses lie below a clause: 0 for a clause without subclauses. */
export function subclauseHeight(clause: Node): number {
  let height = 0;
  clause.forEach((child) => {
    if (child.type.name === "clause") height = Math.max(height, 1 + subclauseHeight(child));
  });
  return height;
}

export interface FoundNode {
  node: Node;
  /** Position directly before the node. */
  pos: number;
  /** Depth of the node in the resolved position it was found from. */
  depth: number;
}

/** The innermost ancestor of the position that matches. */
export function findAncestor($pos: ResolvedPos, matches: (node: Node) => boolean): FoundNode | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (matches(node)) return { node, pos: $pos.before(depth), depth };
  }
  return null;
}

/** The first node with this id and its position, skipping the inside of textblocks. */
export function findById(doc: Node, id: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.id === id) found = { node, pos };
    return !node.isTextblock;
  });
  return found;
}
