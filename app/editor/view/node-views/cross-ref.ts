/*
 * A cross-reference shows the current number of what it points at ("5.2", "表 3", "Annex A"), so its
 * text is computed, not stored. ProseMirror only redraws a node view when its own node changes, but a
 * reference must also change when its target is renumbered anywhere in the document; so the views
 * register in a CrossRefRegistry, which the editor refreshes whenever the numbering changes.
 */
import type { Node } from "prosemirror-model";
import type { EditorView, NodeView } from "prosemirror-view";
import { crossRefText, type Numbering } from "../../numbering";
import { numberingOf } from "../../plugins/numbering";

export class CrossRefRegistry {
  private readonly views = new Set<CrossRefView>();

  add(view: CrossRefView): void {
    this.views.add(view);
  }

  delete(view: CrossRefView): void {
    this.views.delete(view);
  }

  refresh(numbering: Numbering): void {
    for (const view of this.views) view.render(numbering);
  }
}

export interface CrossRefLabels {
  /** Shown (with a warning style) when the target no longer exists. */
  broken: string;
}

export class CrossRefView implements NodeView {
  readonly dom: HTMLAnchorElement;
  private node: Node;

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly registry: CrossRefRegistry,
    private readonly labels: CrossRefLabels,
  ) {
    this.node = node;
    this.dom = document.createElement("a");
    this.dom.className = "pm-xref";
    this.dom.contentEditable = "false";
    this.render(numberingOf(view.state));
    registry.add(this);
  }

  private get target(): string {
    const target: unknown = this.node.attrs.target;
    return typeof target === "string" ? target : "";
  }

  render(numbering: Numbering): void {
    const text = crossRefText(numbering, this.target);
    this.dom.setAttribute("data-cross-ref", this.target);
    this.dom.href = `#${this.target}`;
    this.dom.classList.toggle("is-broken", text === null);
    this.dom.title = text === null ? this.labels.broken : "";
    const shown = text ?? "??";
    if (this.dom.textContent !== shown) this.dom.textContent = shown;
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(numberingOf(this.view.state));
    return true;
  }

  /** The text is ours, not the document's: ProseMirror must not read it back as an edit. */
  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.registry.delete(this);
  }
}
