import { TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

/**
 * Brings the editor's selection up to date with the browser's. ProseMirror learns of a click from
 * the `selectionchange` event, which the browser delivers a task later; a shortcut pressed in between
 * (fast hands, or a test) would otherwise act where the cursor was before the click.
 */
export function syncSelectionFromDOM(view: EditorView): void {
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) || (selection.anchor === anchor && selection.head === head)) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.between(view.state.doc.resolve(anchor), view.state.doc.resolve(head))));
}
