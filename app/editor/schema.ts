/*
 * The document model of a standard (GB/T 1.1—2020 and ISO/IEC Directives Part 2 share it).
 *
 * Numbers, headings such as 前言/Foreword and labels such as 注1：/NOTE 1 are never stored: they are
 * computed from the structure (numbering.ts), so that moving a clause or deleting a table can never
 * leave a stale number behind, and two people editing at once never fight over one.
 *
 * Every node that can be numbered or referred to carries a stable `id`. It defaults to null rather
 * than being required, because ProseMirror only fills gaps (a deleted last clause, a paste that needs
 * a wrapper) with node types that have no required attributes; the unique-ids plugin then gives such
 * nodes an id, and validate.ts reports any that reach storage without one.
 *
 * Limits the content expressions cannot express (clause nesting, unique ids, cross-reference targets)
 * are enforced by the commands and checked by validate.ts.
 *
 * toDOM/parseDOM only describe markup (arrays and attribute reads), so this module stays DOM-free.
 */
import { Schema, type AttributeSpec, type DOMOutputSpec, type MarkSpec, type NodeSpec } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";

export const CLAUSE_KINDS = ["general", "scope", "normative_references", "terms"] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export const LIST_STYLES = ["alpha", "numeric", "dash"] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

function oneOf(values: readonly string[]): (value: unknown) => void {
  return (value) => {
    if (!values.some((allowed) => allowed === value)) {
      throw new RangeError(`Expected one of ${values.join(", ")}, got ${JSON.stringify(value)}`);
    }
  };
}

const id: AttributeSpec = { default: null, validate: "string|null" };

function readId(dom: HTMLElement): { id: string | null } {
  return { id: dom.getAttribute("id") };
}

function readFigure(dom: HTMLElement) {
  const img = dom.querySelector("img");
  const src = img?.getAttribute("src") ?? "";
  const size = (name: string) => {
    const value = Number(img?.getAttribute(name) ?? "");
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  return {
    ...readId(dom),
    src: /^\/files\/[A-Za-z0-9_-]+$/.test(src) ? src : "",
    alt: img?.getAttribute("alt") ?? "",
    width: size("width"),
    height: size("height"),
  };
}

/** A container that only wraps its content, marked by a `data-type` so a paste finds it again. */
function container(type: string, attrs: Record<string, string | null> = {}): DOMOutputSpec {
  return ["section", { "data-type": type, ...attrs }, 0];
}

function textblock(tag: string, type: string): NodeSpec {
  return {
    content: "inline*",
    defining: true,
    parseDOM: [{ tag: `${tag}[data-type="${type}"]` }],
    toDOM: () => [tag, { "data-type": type }, 0],
  };
}

const table = tableNodes({ cellContent: "paragraph+", cellAttributes: {} });

export const nodes = {
  // Foreword is the only required element before the clauses; 1 Scope, 2 Normative references and
  // 3 Terms are required too, but as clauses with a `kind`, so they number like any other clause.
  doc: { content: "foreword introduction? clause+ annex* bibliography?" },

  // 前言 / Foreword: its heading is computed; it may hold no requirements, figures or tables.
  foreword: {
    attrs: { id },
    content: "(paragraph | list)+",
    isolating: true,
    parseDOM: [{ tag: 'section[data-type="foreword"]', getAttrs: readId }],
    toDOM: (node) => container("foreword", { id: node.attrs.id }),
  },

  // 引言 / Introduction: optional, heading computed.
  introduction: {
    attrs: { id },
    content: "(paragraph | list | note)+",
    isolating: true,
    parseDOM: [{ tag: 'section[data-type="introduction"]', getAttrs: readId }],
    toDOM: (node) => container("introduction", { id: node.attrs.id }),
  },

  // 章/条 — clause or subclause; numbered from its position ("5", "5.2.3", "A.1"). Blocks come before
  // subclauses, as both conventions forbid text after the first subclause. Nesting is capped at
  // MAX_CLAUSE_NESTING (structure.ts).
  clause: {
    attrs: { id, kind: { default: "general", validate: oneOf(CLAUSE_KINDS) } },
    content: "clause_title block* clause*",
    isolating: true,
    parseDOM: [
      {
        tag: 'section[data-type="clause"]',
        getAttrs: (dom) => ({ ...readId(dom), kind: dom.getAttribute("data-kind") ?? "general" }),
      },
    ],
    toDOM: (node) => container("clause", { id: node.attrs.id, "data-kind": node.attrs.kind }),
  },

  // The heading text of a clause or annex, without its number.
  clause_title: textblock("h2", "clause_title"),

  // 附录 / Annex: lettered A, B, …; `normative` decides 规范性/资料性 (normative/informative).
  annex: {
    attrs: { id, normative: { default: false, validate: "boolean" } },
    content: "clause_title block* clause*",
    isolating: true,
    parseDOM: [
      {
        tag: 'section[data-type="annex"]',
        getAttrs: (dom) => ({ ...readId(dom), normative: dom.getAttribute("data-normative") === "true" }),
      },
    ],
    toDOM: (node) => container("annex", { id: node.attrs.id, "data-normative": String(node.attrs.normative) }),
  },

  // 参考文献 / Bibliography: heading computed, entries numbered [1], [2] ….
  bibliography: {
    attrs: { id },
    content: "bibliography_entry+",
    isolating: true,
    parseDOM: [{ tag: 'section[data-type="bibliography"]', getAttrs: readId }],
    toDOM: (node) => container("bibliography", { id: node.attrs.id }),
  },

  // 段 / paragraph. Its id is optional: paragraphs are not numbered, but may be anchored to.
  paragraph: {
    attrs: { id },
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: "p", getAttrs: readId }],
    toDOM: (node) => ["p", node.attrs.id ? { id: node.attrs.id } : {}, 0],
  },

  // 列项 / list: labels a) b), 1) 2) or dashes are computed from `style`.
  list: {
    attrs: { style: { default: "dash", validate: oneOf(LIST_STYLES) } },
    content: "list_item+",
    group: "block",
    parseDOM: [
      { tag: "ol[data-style]", getAttrs: (dom) => ({ style: dom.getAttribute("data-style") ?? "alpha" }) },
      { tag: "ol", attrs: { style: "alpha" } },
      { tag: "ul", attrs: { style: "dash" } },
    ],
    toDOM: (node) => [node.attrs.style === "dash" ? "ul" : "ol", { "data-style": node.attrs.style }, 0],
  },

  // An item starts with a paragraph so that its label has a line to sit on.
  list_item: {
    content: "paragraph (paragraph | list)*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },

  // 注 / NOTE: numbered only when its clause has several (注：, 注1：, 注2：).
  note: {
    attrs: { id },
    content: "paragraph+",
    group: "block",
    defining: true,
    parseDOM: [{ tag: 'aside[data-type="note"]', getAttrs: readId }],
    toDOM: (node) => ["aside", { "data-type": "note", id: node.attrs.id }, 0],
  },

  // 示例 / EXAMPLE: numbered like notes.
  example: {
    attrs: { id },
    content: "(paragraph | list)+",
    group: "block",
    defining: true,
    parseDOM: [{ tag: 'aside[data-type="example"]', getAttrs: readId }],
    toDOM: (node) => ["aside", { "data-type": "example", id: node.attrs.id }, 0],
  },

  // 术语条目 / terminological entry, numbered like a subclause (3.1, 3.2, …).
  term_entry: {
    attrs: { id },
    content: "term_preferred term_preferred_en? term_admitted* term_definition note_to_entry* term_source?",
    group: "block",
    isolating: true,
    parseDOM: [{ tag: 'section[data-type="term_entry"]', getAttrs: readId }],
    toDOM: (node) => container("term_entry", { id: node.attrs.id }),
  },

  // The preferred term (in Chinese for GB).
  term_preferred: textblock("dt", "term_preferred"),

  // The English equivalent GB entries give after the Chinese term.
  term_preferred_en: textblock("dt", "term_preferred_en"),

  // An admitted (synonymous) term.
  term_admitted: textblock("dt", "term_admitted"),

  // The definition: no leading article, no full stop.
  term_definition: textblock("dd", "term_definition"),

  // 注 / "Note 1 to entry:". Holds paragraphs, like a note, so that a note can be turned into one
  // without flattening it.
  note_to_entry: {
    content: "paragraph+",
    defining: true,
    parseDOM: [{ tag: 'aside[data-type="note_to_entry"]' }],
    toDOM: () => ["aside", { "data-type": "note_to_entry" }, 0],
  },

  // 来源 / SOURCE: the document the definition comes from.
  term_source: textblock("p", "term_source"),

  // One document cited in 规范性引用文件 / Normative references, e.g.
  // "GB/T 18487.1—2023 电动汽车传导充电系统 第1部分：通用要求".
  reference_entry: {
    attrs: { id },
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: 'p[data-type="reference_entry"]', getAttrs: readId }],
    toDOM: (node) => ["p", { "data-type": "reference_entry", id: node.attrs.id }, 0],
  },

  // One document listed in 参考文献 / Bibliography.
  bibliography_entry: {
    attrs: { id },
    content: "inline*",
    parseDOM: [{ tag: 'p[data-type="bibliography_entry"]', getAttrs: readId }],
    toDOM: (node) => ["p", { "data-type": "bibliography_entry", id: node.attrs.id }, 0],
  },

  // 表 / Table: the numbered wrapper holding the caption and the grid, so that the grid itself can
  // stay prosemirror-tables' own node.
  table_block: {
    attrs: { id },
    content: "caption table",
    group: "block",
    isolating: true,
    parseDOM: [{ tag: 'figure[data-type="table_block"]', getAttrs: readId }],
    toDOM: (node) => ["figure", { "data-type": "table_block", id: node.attrs.id }, 0],
  },

  // The title of a table or figure, without its number.
  caption: {
    content: "inline*",
    defining: true,
    parseDOM: [{ tag: "figcaption" }],
    toDOM: () => ["figcaption", 0],
  },

  ...table,

  // 图 / Figure: an image with its caption.
  figure: {
    attrs: {
      id,
      src: { default: "", validate: "string" },
      alt: { default: "", validate: "string" },
      width: { default: null, validate: "number|null" },
      height: { default: null, validate: "number|null" },
    },
    content: "caption",
    group: "block",
    isolating: true,
    // Copy and paste keep the image only when it is one of ours (/files/…): a pasted figure never
    // points at someone else's server.
    parseDOM: [{ tag: 'figure[data-type="figure"]', getAttrs: readFigure }],
    toDOM: (node) => [
      "figure",
      { "data-type": "figure", id: node.attrs.id },
      ["img", { src: node.attrs.src, alt: node.attrs.alt, width: node.attrs.width, height: node.attrs.height }],
      ["div", 0],
    ],
  },

  // 公式 / Formula in LaTeX (rendered with KaTeX by the view); numbered (1), (A.1).
  formula: {
    attrs: { id, latex: { default: "", validate: "string" } },
    group: "block",
    atom: true,
    parseDOM: [
      {
        tag: 'div[data-type="formula"]',
        getAttrs: (dom) => ({ ...readId(dom), latex: dom.getAttribute("data-latex") ?? "" }),
      },
    ],
    toDOM: (node) => ["div", { "data-type": "formula", id: node.attrs.id, "data-latex": node.attrs.latex }],
  },

  text: { group: "inline" },

  hard_break: {
    inline: true,
    group: "inline",
    selectable: false,
    leafText: () => "\n",
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },

  // A reference to a numbered element by id; its text ("5.2", "表 3", "Annex A") is computed, so it
  // follows renumbering.
  cross_ref: {
    attrs: { target: { validate: "string" } },
    inline: true,
    group: "inline",
    atom: true,
    parseDOM: [{ tag: "a[data-cross-ref]", getAttrs: (dom) => ({ target: dom.getAttribute("data-cross-ref") ?? "" }) }],
    toDOM: (node) => ["a", { "data-cross-ref": node.attrs.target, href: `#${node.attrs.target}` }],
  },
} satisfies Record<string, NodeSpec>;

export const marks = {
  // Bold.
  strong: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }],
    toDOM: () => ["strong", 0],
  },

  // Italic: quantity symbols and Latin names.
  em: {
    parseDOM: [{ tag: "em" }, { tag: "i" }],
    toDOM: () => ["em", 0],
  },

  // Subscript; a character is never both sub- and superscript.
  sub: {
    excludes: "sup",
    parseDOM: [{ tag: "sub" }],
    toDOM: () => ["sub", 0],
  },

  // Superscript (units such as m², footnote markers).
  sup: {
    excludes: "sub",
    parseDOM: [{ tag: "sup" }],
    toDOM: () => ["sup", 0],
  },

  // Code or literal identifiers.
  code: {
    parseDOM: [{ tag: "code" }],
    toDOM: () => ["code", 0],
  },

  // A hyperlink; not extended by typing at its end.
  link: {
    attrs: { href: { validate: "string" } },
    inclusive: false,
    parseDOM: [{ tag: "a[href]:not([data-cross-ref])", getAttrs: (dom) => ({ href: dom.getAttribute("href") ?? "" }) }],
    toDOM: (mark) => ["a", { href: mark.attrs.href }, 0],
  },
} satisfies Record<string, MarkSpec>;

export type NodeName = keyof typeof nodes;
export type MarkName = keyof typeof marks;

export const schema = new Schema<NodeName, MarkName>({ nodes, marks });
