/*
 * Turns HTML pasted from Word, WPS, Google Docs or a web page into the markup our schema parses
 * (schema.ts parseDOM), and nothing else. DOM-free (a tokenizer, not a DOM walk), so it is tested in
 * Node and runs before ProseMirror parses anything.
 *
 * What survives: paragraphs, headings (as clauses with titles where clauses may go, else as bold
 * paragraphs), lists (including Word's "mso-list" paragraphs, which are not lists in the HTML at all),
 * tables (wrapped in a captioned table block, as the schema requires), line breaks, and bold, italic,
 * subscript and superscript, whether written as tags or as inline styles. Everything else is unwrapped
 * to its text: styles, classes, spans, fonts, links, comments, Office XML, images (figures come with
 * uploads), scripts.
 *
 * The output is flat where the schema is: a table inside a table or inside a list, or a list inside a
 * table cell, becomes paragraphs, since the schema cannot hold it and ProseMirror would otherwise drop
 * or misplace it.
 */

export interface CleanOptions {
  /**
   * Whether headings start clauses (the heading becomes the clause title, the content up to the next
   * heading of the same or a higher level its body). Off where a clause cannot go (in a table, list,
   * note, term entry …): headings then become bold paragraphs.
   */
  headingsAsClauses: boolean;
}

// A comment; a downlevel-revealed conditional (<![if !supportLists]>); a declaration (<!DOCTYPE>); a
// processing instruction (<?xml …?>, Word's namespaces); a tag with its attributes; text; a stray "<".
const TOKEN =
  /<!--([\s\S]*?)-->|<!\[([\s\S]*?)\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;

const VOID = new Set(["br", "img", "hr", "meta", "link", "input", "col", "wbr", "area", "base", "embed", "param", "source", "track"]);

/** Elements whose content is never text of the document. */
const SKIP_CONTENT = new Set(["head", "style", "script", "title", "xml", "template", "noscript", "svg", "math", "iframe", "object", "select", "textarea", "button"]);

/** Elements that end the paragraph being written and start a new one for their content. */
const BLOCK = new Set([
  "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "pre", "address",
  "figure", "figcaption", "dl", "dt", "dd", "center", "form", "fieldset", "details", "summary", "li", "ul", "ol",
  "table", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6",
]);

type Mark = "strong" | "em" | "sub" | "sup";
const MARK_ORDER: readonly Mark[] = ["strong", "em", "sub", "sup"];

type FrameKind = "root" | "clause" | "heading" | "list" | "item" | "table" | "row" | "cell";

interface Frame {
  kind: FrameKind;
  /** A <p> is open in this frame. */
  paragraph: boolean;
  /** Closing markup, written when the frame closes. */
  close: string;
  /** Clause nesting (1 = top) for clauses; Word list level for Word lists. */
  level: number;
  /** A list made from Word's list paragraphs: its kind is known only once its first marker is read. */
  word: { openIndex: number; decided: boolean } | null;
  /** Where a table's caption text goes in the output. */
  captionIndex: number;
}

interface SourceElement {
  name: string;
  /** The output frame this element opened, closed with it. */
  frame: Frame | null;
  marks: Mark[];
  /** Word's list marker ("1.", "·") inside <span style="mso-list:Ignore">. */
  marker: boolean;
  /** A <caption>: its text goes into the table block's caption. */
  caption: boolean;
  /** Everything inside is dropped. */
  skip: boolean;
}

const MAX_CLAUSE_DEPTH = 6;

function attribute(attrs: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
}

function styleValue(style: string, property: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, "i").exec(style.replace(/&quot;/g, '"'));
  return match ? match[1].trim().toLowerCase() : null;
}

/** Marks an element adds, from its tag and its inline style (Google Docs writes bold as a style). */
function marksOf(name: string, attrs: string): Mark[] {
  const style = attribute(attrs, "style") ?? "";
  const weight = styleValue(style, "font-weight");
  const fontStyle = styleValue(style, "font-style");
  const align = styleValue(style, "vertical-align");
  const marks: Mark[] = [];
  const bold = weight === null ? name === "b" || name === "strong" : /^(bold|bolder|[6-9]00)$/.test(weight);
  const italic = fontStyle === null ? name === "i" || name === "em" : /^(italic|oblique)/.test(fontStyle);
  if (bold) marks.push("strong");
  if (italic) marks.push("em");
  if (name === "sub" || align === "sub") marks.push("sub");
  else if (name === "sup" || align === "super") marks.push("sup");
  return marks;
}

const WHITESPACE_ONLY = /^(?:\s|&nbsp;|&#160;|&#xa0;)*$/i;

/** "5", "5.1.2" or "A.3" typed before a clause title, with the space after it (not a year: 2024). */
const TYPED_CLAUSE_NUMBER = /^(?:\s|&nbsp;|&#160;)*(?:[A-Z]\.)?\d{1,2}(?:\.\d{1,3})*(?=\s|&nbsp;|&#160;|$)(?:\s|&nbsp;|&#160;)*/;

function isWordListParagraph(attrs: string): number | null {
  const style = attribute(attrs, "style") ?? "";
  const match = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(style);
  return match ? Math.min(Number(match[1]), MAX_CLAUSE_DEPTH) : null;
}

/** The list markup a Word list marker stands for: "1." numeric, "a)" alpha, bullets dashes. */
function listFromMarker(marker: string): { open: string; close: string } {
  const text = marker.replace(/&nbsp;|&#160;/gi, " ").trim();
  if (/^[(（]?\d+[.)）]?/.test(text)) return { open: '<ol data-style="numeric">', close: "</ol>" };
  if (/^[(（]?[a-z][.)）]/i.test(text)) return { open: '<ol data-style="alpha">', close: "</ol>" };
  return { open: "<ul>", close: "</ul>" };
}

/** Whether the HTML came from a ProseMirror editor (ours, on copy), which needs no cleaning. */
export function isProseMirrorHtml(html: string): boolean {
  return /data-pm-slice=/.test(html) && !/class="?Mso|mso-|docs-internal-guid/i.test(html);
}

class Writer {
  readonly out: string[] = [];
  readonly frames: Frame[] = [this.frame("root", "")];
  private firstHeadingLevel: number | null = null;
  /** A clause title was just opened: a number typed at its start ("5.1 ") is dropped. */
  stripTitleNumber = false;

  frame(kind: FrameKind, close: string, level = 0): Frame {
    return { kind, paragraph: false, close, level, word: null, captionIndex: -1 };
  }

  get top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  has(kind: FrameKind): boolean {
    return this.frames.some((frame) => frame.kind === kind);
  }

  open(frame: Frame, markup: string): Frame {
    this.endParagraph();
    this.out.push(markup);
    this.frames.push(frame);
    return frame;
  }

  /** Closes the frame and everything opened inside it. */
  close(frame: Frame): void {
    const index = this.frames.indexOf(frame);
    if (index <= 0) return;
    while (this.frames.length > index) {
      const top = this.frames.pop();
      if (!top) break;
      if (top.paragraph) this.out.push("</p>");
      this.out.push(top.close);
    }
  }

  endParagraph(): void {
    if (this.top.paragraph) {
      this.out.push("</p>");
      this.top.paragraph = false;
    }
  }

  /** Makes a place for inline content; false where none may go (between table rows). */
  inlinePlace(): boolean {
    if (this.top.kind === "list") this.open(this.frame("item", "</li>"), "<li>");
    const top = this.top;
    if (top.kind === "table" || top.kind === "row") return false;
    if (top.kind === "heading") return true;
    if (!top.paragraph) {
      this.out.push("<p>");
      top.paragraph = true;
    }
    return true;
  }

  inline(markup: string, marks: ReadonlySet<Mark>): void {
    if (!this.inlinePlace()) return;
    this.out.push(wrap(markup, marks));
  }

  /** Whether a clause may open here: only in the body or another clause, never in a list or table. */
  clausesAllowed(): boolean {
    return this.frames.every((frame) => frame.kind === "root" || frame.kind === "clause");
  }

  openClause(headingLevel: number): Frame {
    this.firstHeadingLevel ??= headingLevel;
    const wanted = Math.max(1, Math.min(MAX_CLAUSE_DEPTH, headingLevel - this.firstHeadingLevel + 1));
    // Close clauses at this level or deeper; a heading never nests more than one level below the last.
    const sibling = this.frames.find((frame) => frame.kind === "clause" && frame.level >= wanted);
    if (sibling) this.close(sibling);
    const parentLevel = this.frames.filter((frame) => frame.kind === "clause").length;
    this.open(this.frame("clause", "</section>", Math.min(wanted, parentLevel + 1)), '<section data-type="clause">');
    this.stripTitleNumber = true;
    return this.open(this.frame("heading", "</h2>"), '<h2 data-type="clause_title">');
  }

  /** Closes every list made from Word paragraphs: a paragraph that is not a list item ends them. */
  closeWordLists(): void {
    const outermost = this.frames.find((frame) => frame.word !== null);
    if (outermost) this.close(outermost);
  }

  wordListItem(level: number): void {
    const lists = () => this.frames.filter((frame) => frame.word !== null);
    while (lists().length > level) this.close(lists()[lists().length - 1]);
    const innermost = lists()[lists().length - 1];
    if (innermost && lists().length === level) {
      // A sibling item: close the previous one (and any paragraph in it).
      const previous = this.frames.slice(this.frames.indexOf(innermost) + 1).find((frame) => frame.kind === "item");
      if (previous) this.close(previous);
    }
    while (lists().length < level) {
      if (this.top.kind === "list") this.open(this.frame("item", "</li>"), "<li>");
      this.endParagraph();
      const list = this.frame("list", "</ul>", lists().length + 1);
      list.word = { openIndex: this.out.length, decided: false };
      this.open(list, "<ul>");
    }
    this.open(this.frame("item", "</li>"), "<li>");
  }

  /** Word writes the list marker as text; once read, it decides what kind of list the item is in. */
  decideWordList(marker: string): void {
    const list = [...this.frames].reverse().find((frame) => frame.word !== null);
    if (!list?.word || list.word.decided) return;
    const { open, close } = listFromMarker(marker);
    this.out[list.word.openIndex] = open;
    list.close = close;
    list.word.decided = true;
  }

  result(): string {
    this.close(this.frames[1] ?? this.frames[0]);
    this.endParagraph();
    return this.out.join("");
  }
}

function wrap(markup: string, marks: ReadonlySet<Mark>): string {
  const ordered = MARK_ORDER.filter((mark) => marks.has(mark));
  return ordered.map((mark) => `<${mark}>`).join("") + markup + ordered.reverse().map((mark) => `</${mark}>`).join("");
}

function activeMarks(stack: readonly SourceElement[]): Set<Mark> {
  const marks = new Set<Mark>();
  for (const element of stack) {
    for (const mark of element.marks) {
      // Sub- and superscript exclude each other; the inner one wins.
      if (mark === "sub") marks.delete("sup");
      if (mark === "sup") marks.delete("sub");
      marks.add(mark);
    }
  }
  return marks;
}

/**
 * Start tags that close an open element, as HTML's parser does for an unclosed <p>, <li> or <td>:
 * which open elements they close, and which open elements they do not reach past (a <li> in a nested
 * list does not close the outer list's item).
 */
const IMPLICIT_CLOSE: Record<string, { closes: readonly string[]; stops: readonly string[] }> = {
  p: { closes: ["p"], stops: ["li", "td", "th", "ul", "ol", "table"] },
  li: { closes: ["li"], stops: ["ul", "ol", "table"] },
  td: { closes: ["td", "th"], stops: ["tr", "table"] },
  th: { closes: ["td", "th"], stops: ["tr", "table"] },
  tr: { closes: ["tr"], stops: ["table"] },
};

export function cleanPastedHtml(html: string, options: CleanOptions): string {
  const writer = new Writer();
  const stack: SourceElement[] = [];
  let wordMarker: string | null = null; // collecting a marker inside <![if !supportLists]> … <![endif]>
  let skipping: { name: string; depth: number } | null = null;

  const popTo = (index: number) => {
    while (stack.length > index) {
      const element = stack.pop();
      if (!element) break;
      if (element.marker && wordMarker !== null) {
        writer.decideWordList(wordMarker);
        wordMarker = null;
      }
      if (element.frame) writer.close(element.frame);
      else if (BLOCK.has(element.name)) writer.endParagraph();
    }
  };

  const insideHeading = () => writer.frames.some((frame) => frame.kind === "heading");

  function openElement(name: string, attrs: string): SourceElement {
    if (BLOCK.has(name) && !insideHeading()) writer.stripTitleNumber = false;
    const element: SourceElement = { name, frame: null, marks: marksOf(name, attrs), marker: false, caption: false, skip: false };
    const style = attribute(attrs, "style") ?? "";
    if (/mso-list\s*:\s*ignore/i.test(style)) {
      element.marker = true;
      wordMarker ??= "";
      return element;
    }
    if (insideHeading()) return element; // a heading holds inline content only
    const wordLevel = name === "p" ? isWordListParagraph(attrs) : null;
    if (wordLevel !== null && !writer.has("table")) {
      writer.wordListItem(wordLevel);
      return element;
    }
    if (BLOCK.has(name)) writer.closeWordLists();

    if (/^h[1-6]$/.test(name)) {
      if (options.headingsAsClauses && writer.clausesAllowed()) {
        element.frame = writer.openClause(Number(name[1]));
      } else {
        element.frame = writer.open(writer.frame("heading", "</strong></p>"), "<p><strong>");
      }
    } else if (name === "ul" || name === "ol") {
      if (!writer.has("cell")) {
        if (writer.top.kind === "list") writer.open(writer.frame("item", "</li>"), "<li>");
        element.frame = writer.open(writer.frame("list", `</${name}>`), name === "ol" ? "<ol>" : "<ul>");
      }
    } else if (name === "li") {
      if (writer.top.kind === "list") element.frame = writer.open(writer.frame("item", "</li>"), "<li>");
    } else if (name === "table") {
      if (!writer.has("table") && !writer.has("list")) {
        const frame = writer.open(writer.frame("table", "</table></figure>"), '<figure data-type="table_block"><figcaption>');
        frame.captionIndex = writer.out.length;
        writer.out.push("", "</figcaption><table>");
        element.frame = frame;
      }
    } else if (name === "caption") {
      element.caption = writer.top.kind === "table";
    } else if (name === "tr") {
      if (writer.top.kind === "table") element.frame = writer.open(writer.frame("row", "</tr>"), "<tr>");
    } else if (name === "td" || name === "th") {
      if (writer.top.kind === "table") writer.open(writer.frame("row", "</tr>"), "<tr>");
      if (writer.top.kind === "row") {
        const span = ["colspan", "rowspan"]
          .map((key) => [key, attribute(attrs, key)] as const)
          .filter(([, value]) => value !== null && /^\d+$/.test(value) && value !== "1")
          .map(([key, value]) => ` ${key}="${value}"`)
          .join("");
        element.frame = writer.open(writer.frame("cell", `</${name}>`), `<${name}${span}>`);
      }
    } else if (BLOCK.has(name)) {
      writer.endParagraph();
    }
    return element;
  }

  for (const match of html.matchAll(TOKEN)) {
    const [token, comment, conditional, slash, rawName, attrs = "", text] = match;

    if (skipping) {
      const name = rawName?.toLowerCase();
      if (name === skipping.name) skipping.depth += slash ? -1 : token.endsWith("/>") ? 0 : 1;
      if (skipping.depth === 0) skipping = null;
      continue;
    }

    // Word's list markers sit between <![if !supportLists]> and <![endif]> (or the same as comments).
    const condition = conditional ?? comment;
    if (condition !== undefined) {
      if (/^\s*\[?if\s+!supportLists\]?/i.test(condition)) wordMarker = "";
      else if (/^\s*\[?endif\]?\s*$/i.test(condition) && wordMarker !== null) {
        writer.decideWordList(wordMarker);
        wordMarker = null;
      }
      continue;
    }

    if (text !== undefined) {
      if (wordMarker !== null) {
        wordMarker += text;
        continue;
      }
      const marks = activeMarks(stack);
      const caption = stack.some((element) => element.caption);
      if (caption) {
        const table = [...writer.frames].reverse().find((frame) => frame.kind === "table");
        if (table) writer.out[table.captionIndex] += wrap(text.replace(/\s+/g, " "), marks);
        continue;
      }
      const top = writer.top;
      if (WHITESPACE_ONLY.test(text) && top.kind !== "heading" && !top.paragraph) continue;
      if (writer.stripTitleNumber) {
        // Numbers are computed: a typed "5.1" before a title would show as "5.1 5.1". Word often puts
        // the number and the space after it in separate spans, so the number may end a chunk.
        const rest = text.replace(TYPED_CLAUSE_NUMBER, "");
        if (WHITESPACE_ONLY.test(rest)) continue;
        writer.stripTitleNumber = false;
        writer.inline(rest, marks);
        continue;
      }
      writer.inline(text, marks);
      continue;
    }

    if (rawName === undefined) {
      // A stray "<", or a declaration or processing instruction: only the first is text.
      if (token === "<" && wordMarker === null) writer.inline("&lt;", activeMarks(stack));
      continue;
    }

    const name = rawName.toLowerCase();
    if (slash) {
      const index = stack.map((element) => element.name).lastIndexOf(name);
      if (index >= 0) popTo(index);
      continue;
    }
    if (SKIP_CONTENT.has(name)) {
      if (!token.endsWith("/>")) skipping = { name, depth: 1 };
      continue;
    }
    if (VOID.has(name) || token.endsWith("/>")) {
      if (name === "br" && wordMarker === null) {
        if (insideHeading()) writer.inline(" ", activeMarks(stack));
        else writer.inline("<br>", new Set());
      } else if (name === "hr") {
        writer.endParagraph();
      }
      continue;
    }

    const implicit = IMPLICIT_CLOSE[name];
    if (implicit) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (implicit.closes.includes(stack[i].name)) {
          popTo(i);
          break;
        }
        if (implicit.stops.includes(stack[i].name)) break;
      }
    }
    stack.push(openElement(name, attrs));
  }

  popTo(0);
  return writer.result();
}
