/*
 * Enter in a list item: a new item after it, or, in an empty last item, a paragraph after the list,
 * which is how one leaves a list in every word processor. The base keymap's Enter would instead add a
 * second paragraph inside the same item, which the labels (a), b), …) make look like a bug.
 */
import { Fragment, Slice } from "prosemirror-model";
import { keymap } from "prosemirror-keymap";
import { TextSelection, type Command, type Plugin } from "prosemirror-state";
import { canSplit } from "prosemirror-transform";
import { schema } from "../schema";

const n = schema.nodes;

export const splitListItem: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection;
  if (!$from.sameParent($to) || $from.parent.type !== n.paragraph || $from.depth < 3) return false;
  const item = $from.node(-1);
  if (item.type !== n.list_item || $from.index(-1) !== 0) return false;

  if (empty && $from.parent.content.size === 0 && item.childCount === 1) {
    // An empty item: the last one ends the list; elsewhere Enter does nothing surprising.
    const list = $from.node(-2);
    if ($from.index(-2) !== list.childCount - 1 || list.childCount < 2) return false;
    const $list = state.doc.resolve($from.before(-2));
    if (!$list.parent.canReplaceWith($list.index() + 1, $list.index() + 1, n.paragraph)) return false;
    if (dispatch) {
      const itemStart = $from.before(-1);
      const tr = state.tr.delete(itemStart, $from.after(-1));
      const afterList = tr.mapping.map($from.after(-2));
      tr.insert(afterList, n.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, afterList + 1)).scrollIntoView());
    }
    return true;
  }

  if (!canSplit(state.doc, $from.pos, 2)) return false;
  if (dispatch) {
    const tr = state.tr;
    if (!empty) tr.delete($from.pos, $to.pos);
    // Split the paragraph and its item; the new item starts with the text after the cursor.
    tr.split(tr.mapping.map($from.pos), 2);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** A list of the given style around the selected blocks, or a new one with one empty item. */
export function insertList(style: "alpha" | "numeric" | "dash"): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if ($from.parent.type !== n.paragraph || $from.depth < 1) return false;
    const container = $from.node(-1);
    if (container.type === n.list_item) return false;
    const index = $from.index(-1);
    const list = n.list.create({ style }, n.list_item.create(null, $from.parent));
    if (!container.canReplace(index, index + 1, Fragment.from(list))) return false;
    if (dispatch) {
      const start = $from.before();
      const tr = state.tr.replace(start, $from.after(), new Slice(Fragment.from(list), 0, 0));
      // The cursor stays where it was in the text, now two levels deeper.
      dispatch(tr.setSelection(TextSelection.create(tr.doc, $from.pos + 2)).scrollIntoView());
    }
    return true;
  };
}

export function listKeys(): Plugin {
  return keymap({ Enter: splitListItem });
}
