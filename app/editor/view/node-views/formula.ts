/*
 * A formula shows its LaTeX rendered by KaTeX; selecting it (click, or arrow keys onto it) opens its
 * source for editing below the rendering, which re-renders as one types. The number "(3)" comes from
 * the numbering plugin as a `data-label` decoration attribute on this view's DOM, like every other
 * number, so the view never computes it.
 *
 * The source box is outside ProseMirror's control (stopEvent, ignoreMutation): each change is applied
 * as an attribute step, which Yjs merges like any other edit.
 */
import katex from "katex";
import type { Node } from "prosemirror-model";
import { Selection } from "prosemirror-state";
import type { EditorView, NodeView } from "prosemirror-view";

export interface FormulaLabels {
  /** Shown in place of an empty formula. */
  empty: string;
  /** The accessible name of the source box. */
  source: string;
  /** The hint under the source box. */
  hint: string;
}

export class FormulaView implements NodeView {
  readonly dom: HTMLElement;
  private readonly math: HTMLElement;
  private readonly editor: HTMLElement;
  private readonly source: HTMLTextAreaElement;
  private node: Node;
  private renderedLatex: string | null = null;

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly labels: FormulaLabels,
  ) {
    this.node = node;
    this.dom = document.createElement("div");
    this.dom.className = "pm-formula";
    this.dom.setAttribute("data-type", "formula");
    this.math = this.dom.appendChild(document.createElement("div"));
    this.math.className = "pm-formula-math";

    this.editor = document.createElement("div");
    this.editor.className = "pm-formula-editor";
    this.source = this.editor.appendChild(document.createElement("textarea"));
    this.source.rows = 2;
    this.source.spellcheck = false;
    this.source.setAttribute("aria-label", labels.source);
    const hint = this.editor.appendChild(document.createElement("div"));
    hint.className = "pm-formula-hint";
    hint.textContent = labels.hint;
    this.source.addEventListener("input", this.onInput);
    this.source.addEventListener("keydown", this.onKeyDown);
    this.render();
  }

  private get latex(): string {
    const latex: unknown = this.node.attrs.latex;
    return typeof latex === "string" ? latex : "";
  }

  private render(): void {
    const id: unknown = this.node.attrs.id;
    if (typeof id === "string") this.dom.id = id;
    if (this.latex === this.renderedLatex) return;
    this.renderedLatex = this.latex;
    if (this.latex.trim() === "") {
      this.math.textContent = this.labels.empty;
      this.math.classList.add("is-empty");
    } else {
      this.math.classList.remove("is-empty");
      katex.render(this.latex, this.math, { throwOnError: false, displayMode: true });
    }
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    // Someone else changed the source while it is open here: show theirs unless this box is typing.
    if (this.editor.isConnected && document.activeElement !== this.source) this.source.value = this.latex;
    return true;
  }

  selectNode(): void {
    this.dom.classList.add("ProseMirror-selectednode");
    if (!this.view.editable) return;
    this.source.value = this.latex;
    this.dom.appendChild(this.editor);
    // Focus after ProseMirror has finished applying the selection, or it takes the focus back.
    requestAnimationFrame(() => {
      if (this.editor.isConnected) this.source.focus();
    });
  }

  deselectNode(): void {
    this.dom.classList.remove("ProseMirror-selectednode");
    this.editor.remove();
  }

  /** Events in the source box are the box's own; ProseMirror must not treat them as editing. */
  stopEvent(event: Event): boolean {
    return event.target instanceof globalThis.Node && this.editor.contains(event.target);
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.source.removeEventListener("input", this.onInput);
    this.source.removeEventListener("keydown", this.onKeyDown);
  }

  private readonly onInput = (): void => {
    const pos = this.getPos();
    if (pos === undefined || !this.view.editable) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, "latex", this.source.value));
  };

  /** Escape or Enter leaves the box and puts the cursor after the formula; Shift-Enter is a newline. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" && !(event.key === "Enter" && !event.shiftKey)) return;
    event.preventDefault();
    const pos = this.getPos();
    if (pos === undefined) return;
    const { state } = this.view;
    const after = Math.min(pos + this.node.nodeSize, state.doc.content.size);
    this.view.dispatch(state.tr.setSelection(Selection.near(state.doc.resolve(after))));
    this.view.focus();
  };
}
