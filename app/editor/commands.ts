/*
 * Structural commands: (state, dispatch?) => boolean, DOM-free, so toolbars, keymaps and tests share
 * them. Without `dispatch` a command only says whether it applies, which is how a toolbar greys out.
 *
 * Promote and demote move a clause by moving the boundaries around it (ReplaceAroundStep) instead of
 * deleting and re-inserting it, so positions inside it map through: the cursor, and anything else
 * that tracks positions, stay where they were in the text.
 */
import { Fragment, Slice, type Node, type NodeType } from "prosemirror-model";
import { NodeSelection, Selection, type Command, type EditorState } from "prosemirror-state";
import { ReplaceAroundStep } from "prosemirror-transform";
import { newId } from "./ids";
import { schema } from "./schema";
import {
  clauseNestingAt,
  findAncestor,
  findById,
  MAX_CLAUSE_NESTING,
  REFERENCEABLE_TYPES,
  subclauseHeight,
  type FoundNode,
} from "./structure";

const n = schema.nodes;

/** The selected node if it is one of `types`, else the innermost ancestor of the selection that is. */
function selectedOrAncestor(state: EditorState, types: readonly NodeType[]): FoundNode | null {
  const { selection } = state;
  if (selection instanceof NodeSelection && types.includes(selection.node.type)) {
    return { node: selection.node, pos: selection.from, depth: selection.$from.depth + 1 };
  }
  return findAncestor(selection.$from, (node) => types.includes(node.type));
}

function currentClause(state: EditorState): FoundNode | null {
  return selectedOrAncestor(state, [n.clause]);
}

function newClause(): Node {
  return n.clause.create({ id: newId() }, n.clause_title.create());
}

/**
 * A step that moves the closing token of the node ending at `closePos` to `end`, so that the node
 * takes in the siblings between them.
 */
function extendOver(closePos: number, end: number): ReplaceAroundStep {
  return new ReplaceAroundStep(closePos, end, closePos + 1, end, new Slice(Fragment.from(n.clause.create()), 1, 0), 0, true);
}

/** Inserts a sibling clause after the current one, with the cursor in its title. */
export const insertClauseAfter: Command = (state, dispatch) => {
  const current = currentClause(state);
  if (!current) return false;
  if (dispatch) {
    const at = current.pos + current.node.nodeSize;
    const tr = state.tr.insert(at, newClause());
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(at + 1))).scrollIntoView());
  }
  return true;
};

/** Appends a subclause to the current clause (or annex), unless that would nest too deep. */
export const insertSubclause: Command = (state, dispatch) => {
  const container = selectedOrAncestor(state, [n.clause, n.annex]);
  if (!container) return false;
  const isClause = container.node.type === n.clause;
  const nesting = isClause ? clauseNestingAt(state.doc.resolve(container.pos)) + 1 : 0;
  if (nesting > MAX_CLAUSE_NESTING) return false;
  if (dispatch) {
    const at = container.pos + container.node.nodeSize - 1;
    const tr = state.tr.insert(at, newClause());
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(at + 1))).scrollIntoView());
  }
  return true;
};

/**
 * Makes the current subclause a sibling of its parent (5.2.3 → 5.3). The subclauses that followed it
 * become its own subclauses, so the text keeps its order.
 */
export const promoteClause: Command = (state, dispatch) => {
  const current = currentClause(state);
  if (!current) return false;
  const $clause = state.doc.resolve(current.pos);
  if ($clause.parent.type !== n.clause) return false;
  if (dispatch) {
    const parentEnd = $clause.after();
    const clauseEnd = current.pos + current.node.nodeSize;
    const tr = state.tr;
    if (clauseEnd < parentEnd - 1) tr.step(extendOver(clauseEnd - 1, parentEnd - 1));
    // The clause is now its parent's last child: close the parent before it instead of after it.
    tr.step(new ReplaceAroundStep(current.pos, parentEnd, current.pos, parentEnd - 1, new Slice(Fragment.from(n.clause.create()), 1, 0), 1, true));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Makes the current clause the last subclause of the clause before it (5.3 → 5.2.1). */
export const demoteClause: Command = (state, dispatch) => {
  const current = currentClause(state);
  if (!current) return false;
  const $clause = state.doc.resolve(current.pos);
  const index = $clause.index();
  const previous = index > 0 ? $clause.parent.child(index - 1) : null;
  if (previous?.type !== n.clause) return false;
  const deepest = clauseNestingAt($clause) + 1 + subclauseHeight(current.node);
  if (deepest > MAX_CLAUSE_NESTING) return false;
  if (dispatch) {
    dispatch(state.tr.step(extendOver(current.pos - 1, current.pos + current.node.nodeSize)).scrollIntoView());
  }
  return true;
};

/** Swaps the current clause with the sibling clause before it. */
export const moveClauseUp: Command = (state, dispatch) => {
  const current = currentClause(state);
  if (!current) return false;
  const $clause = state.doc.resolve(current.pos);
  const index = $clause.index();
  const previous = index > 0 ? $clause.parent.child(index - 1) : null;
  if (previous?.type !== n.clause) return false;
  if (dispatch) {
    // Moving the neighbour rather than the current clause keeps the cursor's position mapped.
    const previousPos = current.pos - previous.nodeSize;
    const tr = state.tr.delete(previousPos, current.pos);
    tr.insert(previousPos + current.node.nodeSize, previous);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Swaps the current clause with the sibling clause after it. */
export const moveClauseDown: Command = (state, dispatch) => {
  const current = currentClause(state);
  if (!current) return false;
  const $clause = state.doc.resolve(current.pos);
  const index = $clause.index();
  const next = index + 1 < $clause.parent.childCount ? $clause.parent.child(index + 1) : null;
  if (next?.type !== n.clause) return false;
  if (dispatch) {
    const clauseEnd = current.pos + current.node.nodeSize;
    const tr = state.tr.delete(clauseEnd, clauseEnd + next.nodeSize);
    tr.insert(current.pos, next);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * A command inserting a block after the block that holds the selection, inside the innermost of
 * `containers` around it. `build` runs only on dispatch, so checking a command mints no ids.
 */
function insertBlock(type: NodeType, containers: readonly NodeType[], build: () => Node): Command {
  return (state, dispatch) => {
    const { selection } = state;
    const { $from } = selection;
    const container = findAncestor($from, (node) => containers.includes(node.type));
    if (!container) return false;
    const at = container.depth === $from.depth ? selection.to : $from.after(container.depth + 1);
    const $at = state.doc.resolve(at);
    if (!$at.parent.canReplaceWith($at.index(), $at.index(), type)) return false;
    if (dispatch) {
      const tr = state.tr.insert(at, build());
      const selectionAfter = type.isAtom ? NodeSelection.create(tr.doc, at) : Selection.near(tr.doc.resolve(at + 1));
      dispatch(tr.setSelection(selectionAfter).scrollIntoView());
    }
    return true;
  };
}

const sections = [n.clause, n.annex];

export const insertNote: Command = insertBlock(n.note, [...sections, n.introduction], () =>
  n.note.create({ id: newId() }, n.paragraph.create()),
);

export const insertExample: Command = insertBlock(n.example, sections, () =>
  n.example.create({ id: newId() }, n.paragraph.create()),
);

export const insertTermEntry: Command = insertBlock(n.term_entry, sections, () =>
  n.term_entry.create({ id: newId() }, [n.term_preferred.create(), n.term_definition.create()]),
);

function cell(type: NodeType): Node {
  return type.create(null, n.paragraph.create());
}

/** A captioned 2×2 table whose first row is the header row. */
export const insertTable: Command = insertBlock(n.table_block, sections, () =>
  n.table_block.create({ id: newId() }, [
    n.caption.create(),
    n.table.create(null, [
      n.table_row.create(null, [cell(n.table_header), cell(n.table_header)]),
      n.table_row.create(null, [cell(n.table_cell), cell(n.table_cell)]),
    ]),
  ]),
);

export function insertFormula(latex = ""): Command {
  return insertBlock(n.formula, sections, () => n.formula.create({ id: newId(), latex }));
}

/** Inserts a reference to the node with id `target`, if such a node exists and may be referred to. */
export function insertCrossRef(target: string): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    if (!$from.sameParent($to) || !$from.parent.canReplaceWith($from.index(), $to.index(), n.cross_ref)) return false;
    const found = findById(state.doc, target);
    if (!found || !REFERENCEABLE_TYPES.has(found.node.type.name)) return false;
    dispatch?.(state.tr.replaceSelectionWith(n.cross_ref.create({ target })).scrollIntoView());
    return true;
  };
}

export type FigureImage = { src: string; alt?: string; width: number | null; height: number | null };

/** Inserts a figure showing an uploaded image, with an empty caption for its title. */
export function insertFigure(image: FigureImage): Command {
  return insertBlock(n.figure, sections, () =>
    n.figure.create({ id: newId(), src: image.src, alt: image.alt ?? "", width: image.width, height: image.height }, n.caption.create()),
  );
}
