/*
 * Shows the computed numbers in the editor: clause numbers before titles, 表 1 / Table 1 before
 * captions, 注1： before notes, (3) after formulas, fixed headings such as 前言 / Foreword.
 *
 * Numbers are node decorations carrying `data-label` (or `data-heading`) attributes that the
 * stylesheet shows with `::before` / `::after`, so nothing numbered ever enters the document, and
 * a copy or an export never carries a stale number.
 *
 * Typing is the hot path (a keystroke must reach the screen within a frame), so a transaction that
 * only edits text inside one textblock maps the existing decorations instead of renumbering: such an
 * edit cannot change a number. Everything else (structure, attributes, and every change that arrives
 * from Yjs, which y-prosemirror applies as one whole-document replacement) renumbers, which takes a
 * few milliseconds on a 200-page standard.
 *
 * `numberingOf(state)` gives the numbering of any state, computed once per document and cached, for
 * the outline, the cross-reference picker and the cross-reference views.
 */
import type { Node } from "prosemirror-model";
import { Plugin, type EditorState, type Transaction } from "prosemirror-state";
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from "prosemirror-transform";
import { Decoration, DecorationSet } from "prosemirror-view";
import { numberingKey } from "../keys";
import { computeNumbering, fixedHeading, type Convention, type Numbering } from "../numbering";

export interface NumberingPluginState {
  convention: Convention;
  decorations: DecorationSet;
  /**
   * Increases whenever a number or a cross-reference text may have changed (never on plain
   * typing), so views of the numbers can skip work when it is unchanged.
   */
  version: number;
}

const cache = new WeakMap<Node, Numbering>();

function numberingFor(doc: Node, convention: Convention): Numbering {
  const cached = cache.get(doc);
  if (cached && cached.convention === convention) return cached;
  const numbering = computeNumbering(doc, convention);
  cache.set(doc, numbering);
  return numbering;
}

/** Nodes whose text decides what a cross-reference to them shows (the designation of a reference). */
const TEXT_DECIDES_NUMBERING = new Set(["reference_entry"]);

/**
 * Whether every step of the transaction only changes text or marks inside a single textblock, which
 * can change no number.
 */
export function isTextOnlyChange(tr: Transaction): boolean {
  return tr.steps.every((step, index) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return true;
    if (!(step instanceof ReplaceStep)) return false;
    const { slice } = step;
    if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
    let inline = true;
    slice.content.forEach((node) => {
      if (!node.isInline) inline = false;
    });
    if (!inline) return false;
    const $from = tr.docs[index].resolve(step.from);
    return $from.parent.isTextblock && step.to <= $from.end() && !TEXT_DECIDES_NUMBERING.has($from.parent.type.name);
  });
}

function clauseLevel(number: string): number {
  return number.split(".").length;
}

/** What a numbering decoration carries in its spec, for node views and tests to read. */
export interface NumberingDecorationSpec {
  numberingLabel: string;
}

function labelled(from: number, to: number, label: string, attrs: Record<string, string>): Decoration {
  const spec: NumberingDecorationSpec = { numberingLabel: label };
  return Decoration.node(from, to, attrs, spec);
}

/** The label a decoration from this plugin shows, or null for any other decoration. */
export function decorationLabel(decoration: Decoration): string | null {
  const spec: unknown = decoration.spec;
  return typeof spec === "object" && spec !== null && "numberingLabel" in spec && typeof spec.numberingLabel === "string"
    ? spec.numberingLabel
    : null;
}

/** The decorations that show every number and computed heading of the document. */
export function numberingDecorations(doc: Node, numbering: Numbering): DecorationSet {
  const decorations: Decoration[] = [];

  doc.forEach((child, offset) => {
    const name = child.type.name;
    if (name === "foreword" || name === "introduction" || name === "bibliography") {
      const heading = fixedHeading(name, numbering.convention);
      decorations.push(labelled(offset, offset + child.nodeSize, heading, { "data-heading": heading }));
    }
  });

  for (const item of numbering.byPos.values()) {
    const node = doc.nodeAt(item.pos);
    if (!node) continue;
    switch (item.kind) {
      case "clause":
      case "annex": {
        // The label goes on the title: it is the heading the number belongs to.
        const heading = node.firstChild;
        if (heading?.type.name !== "clause_title") break;
        const from = item.pos + 1;
        const className = item.kind === "annex" ? "pm-annex-title" : `pm-clause-title pm-level-${clauseLevel(item.number)}`;
        decorations.push(labelled(from, from + heading.nodeSize, item.label, { "data-label": item.label, class: className }));
        break;
      }
      case "table":
      case "figure": {
        // 表 1 / 图 1 belong in the caption, which both nodes hold as their first child.
        const caption = node.firstChild;
        if (caption?.type.name !== "caption") break;
        const from = item.pos + 1;
        decorations.push(labelled(from, from + caption.nodeSize, item.label, { "data-label": item.label }));
        break;
      }
      case "reference":
        // Normative references are not numbered; only cross-references to them show a designation.
        break;
      default:
        decorations.push(labelled(item.pos, item.pos + node.nodeSize, item.label, { "data-label": item.label }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

function fresh(doc: Node, convention: Convention, version: number): NumberingPluginState {
  return { convention, decorations: numberingDecorations(doc, numberingFor(doc, convention)), version };
}

/** The numbering of the state's document (cached per document). */
export function numberingOf(state: EditorState): Numbering {
  const plugin = numberingKey.getState(state);
  return numberingFor(state.doc, plugin?.convention ?? "GB");
}

/** The number version of a state: see NumberingPluginState.version. */
export function numberingVersion(state: EditorState): number {
  return numberingKey.getState(state)?.version ?? 0;
}

export function numberingPlugin(convention: Convention): Plugin<NumberingPluginState> {
  return new Plugin<NumberingPluginState>({
    key: numberingKey,
    state: {
      init: (_config, state) => fresh(state.doc, convention, 0),
      apply(tr, previous, _oldState, newState) {
        if (!tr.docChanged) return previous;
        if (isTextOnlyChange(tr)) return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        return fresh(newState.doc, previous.convention, previous.version + 1);
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations,
    },
  });
}
