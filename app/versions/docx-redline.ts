/*
 * The redline between two versions as a Word document whose changes are real tracked changes
 * (<w:ins>/<w:del> with an id, author and date), so that a Word user can accept or reject each one:
 * accepting every change gives the newer text, rejecting every change gives the older text (with the
 * newer numbering; see below). Written with the `docx` package's InsertedTextRun and DeletedTextRun
 * rather than hand-written XML. Isomorphic: it returns bytes and needs no Node Buffer, so a browser
 * could export too.
 *
 * It writes the redline model (components/versions/redline-model.ts), the same reading of the redline
 * the browser view shows, so the two never disagree about what changed or how it is numbered:
 * - Headings carry their numbers as text, as the newer version numbers them. A number that changed
 *   only because a clause was inserted or deleted before it is no change and is written plain; an
 *   inserted clause's number is inserted, a deleted clause's old number deleted, an annex made
 *   normative has its label replaced. Numbers are computed, so "reject all" keeps newer numbers on
 *   renumbered clauses; a re-export of the older version gives its own.
 * - A whole inserted or deleted block also has its paragraph mark tracked (and a table row its row),
 *   so rejecting an insertion or accepting a deletion leaves no empty paragraph or row behind.
 * - Moves: the docx package cannot write Word's moveFrom/moveTo, so a moved block is written as a
 *   deletion where it stood and an insertion where it stands, each with a comment naming the other
 *   place ("Moved here from 5.4"). Accept and reject stay exact; its inner edits are not shown apart.
 * - Table cells: cell text is tracked; a whole inserted or deleted row is a tracked row. An added or
 *   removed column has its cells' text tracked but not the cells themselves (Word's cell-level
 *   revisions are poorly supported by Word itself), so rejecting leaves that column empty.
 * - Formulas are written as their LaTeX source (converting LaTeX to Office Math is separate work).
 *   Figures are embedded images when the caller passes their bytes (`images`, PNG, JPEG or GIF;
 *   Word takes no WebP), tracked like text when inserted, deleted or replaced; otherwise a
 *   placeholder with their alternative text.
 *
 * Authorship: every change carries the `author` given (the creator of the newer version, or
 * "Standards Studio"). Who typed each change is not recorded per change yet (the history of edits
 * between versions is a later part of issue 5); when it is, `revision()` is the one place to ask it.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ICommentOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { buildRedlineModel, type BlockProps, type BlockStatus, type RedlineBlock, type RedlineItem, type RedlineRun } from "~/components/versions/redline-model";
import type { Convention } from "~/editor/numbering";
import { houseStyle, LANGUAGE, type HouseStyle } from "./docx-house-style";
import type { Redline, RunOp } from "./types";

export interface RedlineDocxOptions {
  /** The two versions as stored ProseMirror JSON: the same two `redline` was computed from. */
  older: unknown;
  newer: unknown;
  convention: Convention;
  redline: Redline;
  /** The standard's title, for the first line and the document properties. */
  title: string;
  /** The two versions' names, such as "征求意见稿" and "送审稿". */
  fromLabel: string;
  toLabel: string;
  /** Written as the author of every change (see the top of the file). */
  author: string;
  /** Written as the date of every change: when the newer version was made. */
  date: Date | string;
  /** Figure images by their `src`, to embed; figures without one are written as a placeholder. */
  images?: ReadonlyMap<string, FigureImage>;
}

/** An image Word can embed, with its size in pixels. */
export type FigureImage = { type: "png" | "jpg" | "gif"; data: Uint8Array; width: number; height: number };

/** The widest an embedded figure is drawn, in pixels at 96 per inch (the text width of an A4 page). */
const FIGURE_MAX_WIDTH = 600;

/** "merged": both versions, as the redline has them. "inserted": a moved block, written whole as new text. */
type Mode = "merged" | "inserted";

/** Run formatting a block passes to its text: the base size and font, and bold for headings. */
interface RunFormat {
  bold?: boolean;
  size?: number;
  font?: IRunOptions["font"];
}

/** Where a block is written: its left indent (twips), whether in the small size of notes and tables, and whether body paragraphs there indent their first line. */
interface Frame {
  indent: number;
  small: boolean;
  firstLine: boolean;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const INDENT_STEP = 420;

function wordDate(date: Date | string): string {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  // xsd:dateTime as Word writes it, without milliseconds.
  return value.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function blocks(items: readonly RedlineItem[], type: string): RedlineBlock[] {
  return items.filter((item): item is RedlineBlock => item.kind === "block" && item.type === type);
}

class RedlineDocxWriter {
  /** One counter for revisions and comments: Word wants annotation ids unique in the document. */
  private lastId = 0;
  readonly comments: ICommentOptions[] = [];
  /** A comment to wrap around the next paragraph written (a move's note). */
  private pendingComment: number | null = null;

  constructor(
    private readonly style: HouseStyle,
    private readonly author: string,
    private readonly date: string,
    private readonly images: ReadonlyMap<string, FigureImage> = new Map(),
  ) {}

  private revision(): { id: number; author: string; date: string } {
    return { id: ++this.lastId, author: this.author, date: this.date };
  }

  private comment(text: string): void {
    const id = ++this.lastId;
    this.comments.push({ id, author: this.author, date: new Date(this.date), children: [new Paragraph({ children: [new TextRun(text)] })] });
    this.pendingComment = id;
  }

  // --- runs and paragraphs ---------------------------------------------------

  private text(text: string, op: RunOp, format: IRunOptions): ParagraphChild {
    const options: IRunOptions = { ...format, text };
    if (op === "insert") return new InsertedTextRun({ ...options, ...this.revision() });
    if (op === "delete") return new DeletedTextRun({ ...options, ...this.revision() });
    return new TextRun(options);
  }

  private lineBreak(op: RunOp): ParagraphChild {
    if (op === "insert") return new InsertedTextRun({ break: 1, ...this.revision() });
    if (op === "delete") return new DeletedTextRun({ break: 1, ...this.revision() });
    return new TextRun({ break: 1 });
  }

  private effectiveOp(op: RunOp, mode: Mode): RunOp | null {
    if (mode === "merged") return op;
    return op === "delete" ? null : "insert";
  }

  private effectiveStatus(block: RedlineBlock, mode: Mode): BlockStatus | null {
    if (mode === "merged") return block.status;
    return block.status === "deleted" ? null : "inserted";
  }

  /** What a whole block's own text (a label, a bracket) is: inserted, deleted or as is. */
  private statusOp(status: BlockStatus | null): RunOp {
    return status === "inserted" ? "insert" : status === "deleted" ? "delete" : "equal";
  }

  private runs(runs: readonly RedlineRun[], mode: Mode, format: RunFormat): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runs) {
      const op = this.effectiveOp(run.op, mode);
      if (op === null) continue;
      if (run.lineBreak) {
        out.push(this.lineBreak(op));
        continue;
      }
      const marks = new Set(run.marks.map((mark) => mark.type));
      out.push(
        this.text(run.ref && run.text === "" ? "??" : run.text, op, {
          ...format,
          bold: format.bold || marks.has("strong") || undefined,
          italics: marks.has("em") || undefined,
          subScript: marks.has("sub") || undefined,
          superScript: marks.has("sup") || undefined,
          font: marks.has("code") ? "Courier New" : format.font,
        }),
      );
    }
    return out;
  }

  /** A block's label ("4.3", "表 1", "注1：", "a)") followed by `gap`, tracked as the block is. */
  private label(block: RedlineBlock, mode: Mode, format: RunFormat, gap: string): ParagraphChild[] {
    if (block.label === "") return [];
    const status = this.effectiveStatus(block, mode);
    if (mode === "merged" && block.labelEdited && status === "modified") {
      return [this.text(block.oldLabel, "delete", format), this.text(block.label, "insert", format), ...(gap ? [this.text(gap, "equal", format)] : [])];
    }
    return [this.text(block.label + gap, this.statusOp(status), format)];
  }

  private paragraph(children: ParagraphChild[], status: BlockStatus | null, options: Omit<IParagraphOptions, "children" | "run"> = {}): Paragraph {
    const mark = status === "inserted" ? { insertion: this.revision() } : status === "deleted" ? { deletion: this.revision() } : undefined;
    let content = children;
    if (this.pendingComment !== null) {
      const id = this.pendingComment;
      this.pendingComment = null;
      content = [new CommentRangeStart(id), ...children, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
    }
    return new Paragraph({ ...options, ...(mark ? { run: mark } : {}), children: content });
  }

  private size(frame: Frame): number {
    return frame.small ? this.style.smallSize : this.style.bodySize;
  }

  // --- blocks ----------------------------------------------------------------

  items(items: readonly RedlineItem[], depth: number, mode: Mode, frame: Frame): FileChild[] {
    const out: FileChild[] = [];
    for (const item of items) {
      if (item.kind === "gap") {
        out.push(...this.items(item.items, depth, mode, frame));
      } else if (item.kind === "moved_away") {
        // Inside a block written whole as inserted, the old text is already written where the block stood.
        if (mode === "inserted") continue;
        const { wording } = this.style;
        this.comment(item.move.to === null ? wording.movedElsewhere : wording.movedTo(item.move.to));
        out.push(...this.block(item.removed, depth, "merged", frame));
      } else if (this.effectiveStatus(item, mode) !== null) {
        if (mode === "merged" && item.move) {
          this.comment(item.move.from === null ? this.style.wording.movedElsewhere : this.style.wording.movedFrom(item.move.from));
          out.push(...this.block(item, depth, "inserted", frame));
        } else {
          out.push(...this.block(item, depth, mode, frame));
        }
      }
    }
    return out;
  }

  private block(block: RedlineBlock, depth: number, mode: Mode, frame: Frame): FileChild[] {
    const status = this.effectiveStatus(block, mode);
    const { style } = this;
    const body: RunFormat = { size: this.size(frame) };
    const indent = { left: frame.indent };
    switch (block.type) {
      case "clause":
      case "annex": {
        const annex = block.type === "annex";
        const title = blocks(block.children, "clause_title").flatMap((t) => (this.effectiveStatus(t, mode) === null ? [] : this.runs(t.runs ?? [], mode, {})));
        const heading = this.paragraph(annex ? [...this.label(block, mode, {}, ""), this.lineBreak(this.statusOp(status)), ...title] : [...this.label(block, mode, {}, style.numberGap), ...title], status, {
          heading: HEADINGS[Math.min(annex ? 0 : depth - 1, HEADINGS.length - 1)],
          alignment: annex ? AlignmentType.CENTER : undefined,
        });
        const rest = block.children.filter((child) => !(child.kind === "block" && child.type === "clause_title"));
        return [heading, ...this.items(rest, depth + 1, mode, frame)];
      }
      case "foreword":
      case "introduction":
      case "bibliography": {
        const heading = this.paragraph(this.label(block, mode, {}, ""), status, { heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER });
        return [heading, ...this.items(block.children, depth + 1, mode, frame)];
      }
      case "term_entry": {
        const number = this.paragraph(this.label(block, mode, { bold: true }, ""), status, { keepNext: true, indent });
        return [number, ...this.items(block.children, depth + 1, mode, frame)];
      }
      case "paragraph":
        return [this.paragraph(this.runs(block.runs ?? [], mode, body), status, { indent: { left: frame.indent, firstLine: frame.firstLine ? style.firstLineIndent : 0 } })];
      case "term_preferred":
      case "term_preferred_en":
        return [this.paragraph(this.runs(block.runs ?? [], mode, { bold: true, font: style.headingFont }), status, { keepNext: true, indent })];
      case "term_admitted":
      case "term_definition":
      case "reference_entry":
        return [this.paragraph(this.runs(block.runs ?? [], mode, body), status, { indent })];
      case "term_source": {
        const op = this.statusOp(status);
        return [this.paragraph([this.text(`[${style.wording.source}`, op, body), ...this.runs(block.runs ?? [], mode, body), this.text("]", op, body)], status, { indent })];
      }
      case "bibliography_entry":
        return [this.paragraph([...this.label(block, mode, body, " "), ...this.runs(block.runs ?? [], mode, body)], status, { indent })];
      case "list":
        return this.items(block.children, depth, mode, { ...frame, indent: frame.indent + INDENT_STEP, firstLine: false });
      case "list_item":
        // "a) text", but "——text": a dash needs no space after it.
        return this.labelled(block, depth, mode, frame, this.label(block, mode, body, block.label.endsWith(")") ? " " : ""));
      case "note":
      case "example":
      case "note_to_entry": {
        const small: Frame = { indent: frame.indent + (block.type === "note_to_entry" ? 0 : INDENT_STEP), small: true, firstLine: false };
        return this.labelled(block, depth, mode, small, this.label(block, mode, { size: style.smallSize, font: style.headingFont }, block.label.endsWith("：") ? "" : " "));
      }
      case "table_block":
        return this.table(block, mode, frame);
      case "figure":
        return [
          this.paragraph(this.figureImage(block, mode, body), status, { alignment: AlignmentType.CENTER, keepNext: true }),
          this.captionParagraph(block, mode, status),
        ];
      case "formula":
        return [
          this.paragraph([...this.replaced(block, mode, "latex", (props) => props.latex ?? "", { ...body, font: "Cambria Math" }), this.text(style.numberGap, this.statusOp(status), body), ...this.label(block, mode, body, "")], status, {
            alignment: AlignmentType.CENTER,
          }),
        ];
      default:
        // Any other textblock (none today) as a paragraph; any other container by its children.
        if (block.runs !== null) return [this.paragraph(this.runs(block.runs, mode, body), status, { indent })];
        return this.items(block.children, depth, mode, frame);
    }
  }

  /** A list item, note or example: its label starts its first paragraph, or stands alone if it starts with a list. */
  private labelled(block: RedlineBlock, depth: number, mode: Mode, frame: Frame, label: ParagraphChild[]): FileChild[] {
    const shown = block.children.filter((child) => child.kind !== "block" || this.effectiveStatus(child, mode) !== null);
    const first = shown[0];
    if (first?.kind === "block" && first.type === "paragraph" && !(mode === "merged" && first.move)) {
      const format: RunFormat = { size: this.size(frame) };
      const head = this.paragraph([...label, ...this.runs(first.runs ?? [], mode, format)], this.effectiveStatus(first, mode), {
        indent: { left: frame.indent + INDENT_STEP, hanging: INDENT_STEP },
      });
      return [head, ...this.items(shown.slice(1), depth, mode, { ...frame, indent: frame.indent + INDENT_STEP, firstLine: false })];
    }
    return [this.paragraph(label, this.effectiveStatus(block, mode), { indent: { left: frame.indent } }), ...this.items(shown, depth, mode, { ...frame, indent: frame.indent + INDENT_STEP, firstLine: false })];
  }

  /** A formula's LaTeX or a figure's placeholder: as it is, or the old one deleted and the new one inserted when it changed. */
  private replaced(block: RedlineBlock, mode: Mode, attr: string, text: (props: BlockProps) => string, format: IRunOptions): ParagraphChild[] {
    const status = this.effectiveStatus(block, mode);
    if (mode === "merged" && status === "modified" && block.attrs.some((change) => change.name === attr)) {
      return [this.text(text(block.oldProps), "delete", format), this.text(text(block.props), "insert", format)];
    }
    return [this.text(text(block.props), this.statusOp(status), format)];
  }

  /** A figure's image (or its placeholder), tracked as the block is; a replaced image is deleted and inserted. */
  private figureImage(block: RedlineBlock, mode: Mode, format: IRunOptions): ParagraphChild[] {
    const one = (props: BlockProps, op: RunOp): ParagraphChild => {
      const image = props.src ? this.images.get(props.src) : undefined;
      if (!image) return this.text(this.style.wording.figure(props.alt || props.src || ""), op, format);
      const scale = Math.min(1, FIGURE_MAX_WIDTH / image.width);
      return new ImageRun({
        type: image.type,
        data: image.data,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: props.alt || "figure", description: props.alt ?? "", title: props.alt ?? "" },
        ...(op === "insert" ? { insertion: this.revision() } : op === "delete" ? { deletion: this.revision() } : {}),
      });
    };
    const status = this.effectiveStatus(block, mode);
    if (mode === "merged" && status === "modified" && block.attrs.some((change) => change.name === "src")) {
      return [one(block.oldProps, "delete"), one(block.props, "insert")];
    }
    return [one(block.props, this.statusOp(status))];
  }

  private captionParagraph(block: RedlineBlock, mode: Mode, status: BlockStatus | null): Paragraph {
    const format: RunFormat = { font: this.style.headingFont };
    const caption = blocks(block.children, "caption").flatMap((c) => (this.effectiveStatus(c, mode) === null ? [] : this.runs(c.runs ?? [], mode, format)));
    return this.paragraph([...this.label(block, mode, format, this.style.numberGap), ...caption], status, { alignment: AlignmentType.CENTER, keepNext: block.type === "table_block" });
  }

  private table(block: RedlineBlock, mode: Mode, frame: Frame): FileChild[] {
    const status = this.effectiveStatus(block, mode);
    const caption = this.captionParagraph(block, mode, status);
    const grid = blocks(block.children, "table").find((table) => this.effectiveStatus(table, mode) !== null);
    if (!grid) return [caption];
    const cellFrame: Frame = { indent: 0, small: true, firstLine: false };
    const rows: TableRow[] = [];
    for (const row of blocks(grid.children, "table_row")) {
      const rowStatus = this.effectiveStatus(row, mode);
      if (rowStatus === null) continue;
      const cells: TableCell[] = [];
      for (const cell of row.children) {
        if (cell.kind !== "block" || this.effectiveStatus(cell, mode) === null) continue;
        const content = this.items(cell.children, 1, mode, cellFrame).filter((child): child is Paragraph => child instanceof Paragraph);
        cells.push(
          new TableCell({
            children: content.length > 0 ? content : [new Paragraph({})],
            columnSpan: cell.props.colspan,
            rowSpan: cell.props.rowspan,
          }),
        );
      }
      if (cells.length === 0) continue;
      const revision = rowStatus === "inserted" ? { insertion: this.revision() } : rowStatus === "deleted" ? { deletion: this.revision() } : {};
      rows.push(new TableRow({ children: cells, cantSplit: true, ...revision }));
    }
    if (rows.length === 0) return [caption];
    const table = new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, indent: frame.indent > 0 ? { size: frame.indent, type: WidthType.DXA } : undefined });
    // Word wants a paragraph between two tables and after the last one.
    return [caption, table, new Paragraph({})];
  }
}

/**
 * The redline as a .docx (A4, the convention's fonts) with Word tracked changes. The bytes are backed
 * by a plain ArrayBuffer, so `new Response(bytes)` accepts them as they are (TypeScript's DOM types
 * refuse a Uint8Array that might view a SharedArrayBuffer, which is what docx's Packer declares).
 */
export async function exportRedlineDocx(options: RedlineDocxOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { convention, redline, author } = options;
  const style = houseStyle(convention);
  const date = wordDate(options.date);
  const model = buildRedlineModel(options.older, options.newer, redline);
  const writer = new RedlineDocxWriter(style, author, date, options.images);
  const body = writer.items(model.items, 1, "merged", { indent: 0, small: false, firstLine: true });

  const headingRun = { font: style.headingFont, size: style.bodySize, bold: convention === "ISO", color: "000000", italics: false };
  const headingParagraph = { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true };
  const heading = { run: headingRun, paragraph: headingParagraph };
  const centered = { alignment: AlignmentType.CENTER };

  const document = new Document({
    creator: author,
    title: options.title,
    description: style.wording.comparing(options.fromLabel, options.toLabel),
    // A Word user's own edits to the redline are tracked too.
    features: { trackRevisions: true },
    theme: { fonts: { body: { latin: style.bodyFont.ascii, eastAsia: "SimSun", scripts: { Hans: "SimSun" } } } },
    styles: {
      default: {
        document: { run: { font: style.bodyFont, size: style.bodySize, language: LANGUAGE }, paragraph: { spacing: { after: 60, line: 300 } } },
        heading1: heading,
        heading2: heading,
        heading3: heading,
        heading4: heading,
        heading5: heading,
        heading6: heading,
      },
    },
    comments: { children: writer.comments },
    sections: [
      {
        properties: { page: { size: { width: style.page.width, height: style.page.height }, margin: style.page.margin } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ ...centered, children: [new TextRun({ children: [style.wording.page[0], PageNumber.CURRENT, style.wording.page[1]] })] })],
          }),
        },
        children: [
          new Paragraph({ ...centered, spacing: { after: 120 }, children: [new TextRun({ text: options.title, font: style.headingFont, size: style.titleSize, bold: convention === "ISO" })] }),
          new Paragraph({ ...centered, children: [new TextRun(style.wording.comparing(options.fromLabel, options.toLabel))] }),
          new Paragraph({ ...centered, children: [new TextRun(style.wording.madeBy(author, date.slice(0, 10)))] }),
          new Paragraph({ ...centered, spacing: { after: 360 }, children: [new TextRun({ text: style.wording.howTo, size: style.smallSize, italics: true })] }),
          ...body,
          new Paragraph({}),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.pack(document, "uint8array"));
}
