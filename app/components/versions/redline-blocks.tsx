/*
 * Renders the blocks of a redline model (redline-model.ts) with the markup and CSS classes of the
 * read-only standard view (components/document/standard-view.tsx), so that a redline reads like the
 * document it compares, plus <ins> and <del> for what changed.
 *
 * One renderer serves three projections of a block: `inline` shows both versions merged (deleted
 * text struck where it stood), `old` and `new` show one version each with its own numbering, for the
 * two columns of the side-by-side view. Plain functions rather than components: a 200-page standard
 * has thousands of blocks, and they are rendered once per model (redline-view.tsx memoizes).
 *
 * Accessibility: a change is never shown by colour alone — insertions are underlined, deletions
 * struck through — and every <ins>/<del> starts and ends with visually hidden words ("[inserted: …]"),
 * because screen readers do not announce the elements themselves.
 */
import katex from "katex";
import { Fragment, type ReactNode } from "react";
import type { Convention } from "~/editor/numbering";
import type { MarkJson, RunOp } from "~/versions/types";
import { movedAwayAnchor, type BlockProps, type RedlineBlock, type RedlineGap, type RedlineItem, type RedlineMovedAway, type RedlineRun } from "./redline-model";
import { formatString, type RedlineStrings } from "./redline-strings";

export type Projection = "inline" | "old" | "new";

export interface RenderContext {
  strings: RedlineStrings;
  convention: Convention;
  projection: Projection;
  /** Renders a fold of unchanged sections; it holds state (open or not), so the view supplies it. */
  gap: (gap: RedlineGap, depth: number) => ReactNode;
}

// ---------------------------------------------------------------------------
// Inline content
// ---------------------------------------------------------------------------

function markWrap(mark: MarkJson, child: ReactNode): ReactNode {
  switch (mark.type) {
    case "strong":
      return <strong>{child}</strong>;
    case "em":
      return <em>{child}</em>;
    case "sub":
      return <sub>{child}</sub>;
    case "sup":
      return <sup>{child}</sup>;
    case "code":
      return <code>{child}</code>;
    case "link": {
      const href = mark.attrs?.href;
      // Only web links are followed, as in the standard view: a stored href is user input.
      return typeof href === "string" && /^https?:\/\//.test(href) ? (
        <a href={href} rel="noreferrer noopener" target="_blank">
          {child}
        </a>
      ) : (
        child
      );
    }
    default:
      return child;
  }
}

function runContent(run: RedlineRun, ctx: RenderContext): ReactNode {
  if (run.lineBreak) return <br />;
  let content: ReactNode = run.text;
  if (run.ref) {
    // Side by side, the left column shows what the reference read as in the older version.
    const text = ctx.projection === "old" ? run.ref.oldText : run.text;
    // Not a link: its target may be folded away or exist in one version only.
    content = text ? (
      <span className="xref">{text}</span>
    ) : (
      <span className="xref-broken" title={ctx.strings.brokenReference}>
        ??
      </span>
    );
  }
  return run.marks.reduce<ReactNode>((acc, mark) => markWrap(mark, acc), content);
}

/** An insertion or deletion, with the words a screen reader says around it. */
export function Change({ op, strings, children }: { op: Exclude<RunOp, "equal">; strings: RedlineStrings; children: ReactNode }) {
  return op === "insert" ? (
    <ins className="rl-ins">
      <span className="rl-sr">{strings.insertedStart}</span>
      {children}
      <span className="rl-sr">{strings.insertedEnd}</span>
    </ins>
  ) : (
    <del className="rl-del">
      <span className="rl-sr">{strings.deletedStart}</span>
      {children}
      <span className="rl-sr">{strings.deletedEnd}</span>
    </del>
  );
}

function shows(op: RunOp, projection: Projection): boolean {
  return !((projection === "old" && op === "insert") || (projection === "new" && op === "delete"));
}

/** A textblock's runs; consecutive runs with one operation share one <ins> or <del>. */
export function renderRuns(runs: readonly RedlineRun[], ctx: RenderContext): ReactNode[] {
  const groups: { op: RunOp; runs: RedlineRun[] }[] = [];
  for (const run of runs) {
    if (!shows(run.op, ctx.projection)) continue;
    const last = groups[groups.length - 1];
    if (last && last.op === run.op) last.runs.push(run);
    else groups.push({ op: run.op, runs: [run] });
  }
  return groups.map((group, index) => {
    const content = group.runs.map((run, i) => <Fragment key={i}>{runContent(run, ctx)}</Fragment>);
    return group.op === "equal" ? (
      <Fragment key={index}>{content}</Fragment>
    ) : (
      <Change key={index} op={group.op} strings={ctx.strings}>
        {content}
      </Change>
    );
  });
}

// ---------------------------------------------------------------------------
// Labels, badges and markers
// ---------------------------------------------------------------------------

/** Whether a block exists in the version a projection shows. */
export function isShown(block: RedlineBlock, projection: Projection): boolean {
  return !((projection === "old" && block.status === "inserted") || (projection === "new" && block.status === "deleted"));
}

/**
 * The label at a block: the newer number, struck for a deleted block, marked for an inserted one;
 * an edited label (an annex made normative) as old struck and new inserted. A number that changed only
 * because of renumbering is shown as the newer number without a mark: it is no change.
 */
export function renderLabel(block: RedlineBlock, ctx: RenderContext): ReactNode {
  const { projection, strings } = ctx;
  const own = projection === "old" ? block.oldLabel : block.label;
  if (own === "") return null;
  if (block.status === "deleted" && projection !== "new") return <Change op="delete" strings={strings}>{own}</Change>;
  if (block.status === "inserted" && projection !== "old") return <Change op="insert" strings={strings}>{own}</Change>;
  if (!block.labelEdited) return own;
  if (projection === "old") return <Change op="delete" strings={strings}>{block.oldLabel}</Change>;
  if (projection === "new") return <Change op="insert" strings={strings}>{block.label}</Change>;
  return (
    <>
      <Change op="delete" strings={strings}>{block.oldLabel}</Change>
      <Change op="insert" strings={strings}>{block.label}</Change>
    </>
  );
}

/** "Moved from 5.4" at a block that moved, linking to where it stood. */
export function renderMoveBadge(block: RedlineBlock, ctx: RenderContext): ReactNode {
  if (!block.move) return null;
  const text = block.move.from === null ? ctx.strings.movedFromElsewhere : formatString(ctx.strings.movedFrom, { from: block.move.from });
  return (
    <a className="rl-badge rl-badge-moved" href={`#${movedAwayAnchor(block.id, block.type)}`}>
      {text}
    </a>
  );
}

/** A word for an inserted or deleted section, so its state is read, not only seen as a colour. */
function renderStatusBadge(block: RedlineBlock, ctx: RenderContext): ReactNode {
  if (block.status === "inserted" && ctx.projection !== "old") return <span className="rl-badge rl-badge-inserted">{ctx.strings.statusInserted}</span>;
  if (block.status === "deleted" && ctx.projection !== "new") return <span className="rl-badge rl-badge-deleted">{ctx.strings.statusDeleted}</span>;
  return null;
}

/** Where a moved block stood: its old number struck, and a link to where it went. */
export function renderMovedAway(item: RedlineMovedAway, ctx: RenderContext): ReactNode {
  const { strings } = ctx;
  const text = item.move.from === null ? strings.movedAway : formatString(strings.movedTo, { to: item.move.to ?? "" });
  return (
    <div className="rl-moved-away" id={ctx.projection === "new" ? undefined : (item.anchor ?? undefined)} data-testid="redline-moved-away">
      {item.move.from !== null ? (
        <Change op="delete" strings={strings}>
          <span className="std-number">{item.move.from}</span>
        </Change>
      ) : null}{" "}
      {item.target ? <a href={`#${item.target}`}>{text}</a> : text}
    </div>
  );
}

/** Classes that mark a whole block as inserted, deleted or moved (a bar at its side, besides the marks on its text). */
export function statusClass(block: RedlineBlock, projection: Projection): string {
  const classes: string[] = [];
  if (block.status === "inserted" && projection !== "old") classes.push("rl-inserted");
  if (block.status === "deleted" && projection !== "new") classes.push("rl-deleted");
  if (block.move) classes.push("rl-moved");
  return classes.join(" ");
}

function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(" ");
  return joined === "" ? undefined : joined;
}

// ---------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------

function headingLevel(depth: number): "h2" | "h3" | "h4" | "h5" {
  return depth <= 1 ? "h2" : depth === 2 ? "h3" : depth === 3 ? "h4" : "h5";
}

function blocksOf(items: readonly RedlineItem[], type: string): RedlineBlock[] {
  return items.filter((item): item is RedlineBlock => item.kind === "block" && item.type === type);
}

/** The heading of a section: number (or fixed heading) and title, with its badges. */
export function renderSectionHeading(block: RedlineBlock, ctx: RenderContext, depth: number): ReactNode {
  const badges = (
    <>
      {renderStatusBadge(block, ctx)}
      {renderMoveBadge(block, ctx)}
    </>
  );
  switch (block.type) {
    case "foreword":
    case "introduction":
    case "bibliography":
      return (
        <h2 className="std-fixed-heading">
          {renderLabel(block, ctx)}
          {badges}
        </h2>
      );
    case "term_entry":
      return (
        <div className="std-term-number">
          {renderLabel(block, ctx)}
          {badges}
        </div>
      );
    default: {
      const Heading = block.type === "annex" ? "h2" : headingLevel(depth);
      const titles = blocksOf(block.children, "clause_title").filter((title) => isShown(title, ctx.projection));
      return (
        <Heading className="std-heading">
          <span className="std-number" data-testid="redline-number">
            {renderLabel(block, ctx)}
          </span>
          {block.type === "annex" ? <br /> : " "}
          {titles.map((title, index) => (
            <Fragment key={index}>{renderRuns(title.runs ?? [], ctx)}</Fragment>
          ))}
          {badges}
        </Heading>
      );
    }
  }
}

/** The children of a section below its heading: its own blocks, folds and markers, then its subsections. */
export function renderSectionBody(block: RedlineBlock, ctx: RenderContext, depth: number): ReactNode[] {
  return renderItems(
    block.children.filter((child) => !(child.kind === "block" && child.type === "clause_title")),
    ctx,
    depth + 1,
  );
}

export function renderItems(items: readonly RedlineItem[], ctx: RenderContext, depth: number): ReactNode[] {
  const out: ReactNode[] = [];
  items.forEach((item, index) => {
    if (item.kind === "gap") out.push(<Fragment key={item.key}>{ctx.gap(item, depth)}</Fragment>);
    else if (item.kind === "moved_away") out.push(<Fragment key={index}>{renderMovedAway(item, ctx)}</Fragment>);
    else if (isShown(item, ctx.projection)) out.push(<Fragment key={index}>{renderBlock(item, ctx, depth)}</Fragment>);
  });
  return out;
}

function children(block: RedlineBlock, ctx: RenderContext, depth: number): ReactNode[] {
  return renderItems(block.children, ctx, depth);
}

function anchorProps(block: RedlineBlock, ctx: RenderContext): { id?: string } {
  // Side by side, the anchor sits on the row (redline-view.tsx), not in either column.
  return block.anchor && ctx.projection === "inline" ? { id: block.anchor } : {};
}

function propsFor(block: RedlineBlock, ctx: RenderContext): BlockProps {
  return ctx.projection === "old" ? block.oldProps : block.props;
}

function changedAttr(block: RedlineBlock, name: string): boolean {
  return block.attrs.some((attr) => attr.name === name);
}

function formulaHtml(latex: string): string {
  return katex.renderToString(latex, { throwOnError: false, displayMode: true });
}

/** A formula or image whose source changed: inline, the old one struck and the new one inserted; in a column, its own one marked. */
function replaced(block: RedlineBlock, ctx: RenderContext, attr: string, render: (props: BlockProps) => ReactNode): ReactNode {
  const { projection, strings } = ctx;
  if (block.status !== "modified" || !changedAttr(block, attr)) return render(propsFor(block, ctx));
  if (projection === "old") return <Change op="delete" strings={strings}>{render(block.oldProps)}</Change>;
  if (projection === "new") return <Change op="insert" strings={strings}>{render(block.props)}</Change>;
  return (
    <>
      <Change op="delete" strings={strings}>{render(block.oldProps)}</Change>
      <Change op="insert" strings={strings}>{render(block.props)}</Change>
    </>
  );
}

function cellClass(cell: RedlineBlock, ctx: RenderContext): string | undefined {
  if (cell.status === "modified") return "rl-cell-changed";
  if (cell.status === "inserted" && ctx.projection !== "old") return "rl-cell-inserted";
  if (cell.status === "deleted" && ctx.projection !== "new") return "rl-cell-deleted";
  return undefined;
}

function renderTableGrid(table: RedlineBlock, ctx: RenderContext): ReactNode {
  const rows = blocksOf(table.children, "table_row").filter((row) => isShown(row, ctx.projection));
  return (
    <table>
      <tbody>
        {rows.map((row, r) => {
          const cells = row.children.filter((cell): cell is RedlineBlock => cell.kind === "block" && isShown(cell, ctx.projection));
          return (
            <tr key={r} className={cx(row.status === "inserted" && ctx.projection !== "old" && "rl-row-inserted", row.status === "deleted" && ctx.projection !== "new" && "rl-row-deleted")}>
              {cells.map((cell, c) => {
                const Cell = cell.type === "table_header" ? "th" : "td";
                const props = propsFor(cell, ctx);
                return (
                  <Cell key={c} colSpan={props.colspan ?? 1} rowSpan={props.rowspan ?? 1} className={cellClass(cell, ctx)} data-change={cell.status === "unchanged" ? undefined : cell.status}>
                    {children(cell, ctx, 0)}
                  </Cell>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function caption(block: RedlineBlock, ctx: RenderContext): ReactNode {
  return blocksOf(block.children, "caption")
    .filter((c) => isShown(c, ctx.projection))
    .map((c, index) => <Fragment key={index}>{renderRuns(c.runs ?? [], ctx)}</Fragment>);
}

/** One block in the standard view's markup. Sections come with their heading and body. */
export function renderBlock(block: RedlineBlock, ctx: RenderContext, depth: number): ReactNode {
  const status = statusClass(block, ctx.projection);
  const runs = () => renderRuns(block.runs ?? [], ctx);
  switch (block.type) {
    case "foreword":
    case "introduction":
    case "bibliography":
    case "clause":
    case "annex":
    case "term_entry": {
      const className = block.type === "term_entry" ? "std-term" : `std-${block.type}`;
      return (
        <section {...anchorProps(block, ctx)} className={cx(className, status)} data-testid="redline-section">
          {renderSectionHeading(block, ctx, depth)}
          {block.type === "bibliography" ? <div className="std-bibliography">{renderSectionBody(block, ctx, depth)}</div> : renderSectionBody(block, ctx, depth)}
        </section>
      );
    }
    case "paragraph":
      return (
        <p {...anchorProps(block, ctx)} className={cx(status)}>
          {runs()}
          {renderMoveBadge(block, ctx)}
        </p>
      );
    case "list":
      return <ul className={cx("std-list", status)}>{children(block, ctx, depth)}</ul>;
    case "list_item":
      return (
        <li className={cx(status)}>
          <span className="std-list-label">{renderLabel(block, ctx)}</span>
          <div>{children(block, ctx, depth)}</div>
        </li>
      );
    case "note":
    case "example":
    case "note_to_entry":
      return (
        <div {...anchorProps(block, ctx)} className={cx(`std-${block.type}`, status)}>
          <span className="std-note-label">{renderLabel(block, ctx)}</span>
          <div>
            {children(block, ctx, depth)}
            {renderMoveBadge(block, ctx)}
          </div>
        </div>
      );
    case "term_preferred":
      return <div className={cx("std-term-preferred", status)}>{runs()}</div>;
    case "term_preferred_en":
      return <div className={cx("std-term-preferred-en", status)}>{runs()}</div>;
    case "term_admitted":
      return <div className={cx("std-term-admitted", status)}>{runs()}</div>;
    case "term_definition":
      return <div className={cx("std-term-definition", status)}>{runs()}</div>;
    case "term_source":
      return (
        <div className={cx("std-term-source", status)}>
          [{ctx.convention === "GB" ? "来源：" : "SOURCE: "}
          {runs()}]
        </div>
      );
    case "reference_entry":
      return (
        <p {...anchorProps(block, ctx)} className={cx("std-reference", status)}>
          {runs()}
          {renderMoveBadge(block, ctx)}
        </p>
      );
    case "bibliography_entry":
      return (
        <p {...anchorProps(block, ctx)} className={cx("std-reference", status)}>
          <span className="std-list-label">{renderLabel(block, ctx)}</span> {runs()}
          {renderMoveBadge(block, ctx)}
        </p>
      );
    case "table_block": {
      const grid = blocksOf(block.children, "table").find((table) => isShown(table, ctx.projection));
      return (
        <figure {...anchorProps(block, ctx)} className={cx("std-table", status)}>
          <figcaption>
            <span className="std-number">{renderLabel(block, ctx)}</span>
            {"\u3000"}
            {caption(block, ctx)}
            {renderMoveBadge(block, ctx)}
          </figcaption>
          {grid ? <div className="std-table-scroll">{renderTableGrid(grid, ctx)}</div> : null}
        </figure>
      );
    }
    case "figure":
      return (
        <figure {...anchorProps(block, ctx)} className={cx("std-figure", status)}>
          {replaced(block, ctx, "src", (props) => (props.src ? <img src={props.src} alt={props.alt ?? ""} /> : null))}
          <figcaption>
            <span className="std-number">{renderLabel(block, ctx)}</span>
            {"\u3000"}
            {caption(block, ctx)}
            {renderMoveBadge(block, ctx)}
          </figcaption>
        </figure>
      );
    case "formula":
      return (
        <div {...anchorProps(block, ctx)} className={cx("std-formula", status)}>
          {replaced(block, ctx, "latex", (props) => (
            <div dangerouslySetInnerHTML={{ __html: formulaHtml(props.latex ?? "") }} />
          ))}
          <span className="std-formula-number">{renderLabel(block, ctx)}</span>
          {renderMoveBadge(block, ctx)}
        </div>
      );
    default:
      if (block.runs !== null) return <p className={cx(status)}>{runs()}</p>;
      return <>{children(block, ctx, depth)}</>;
  }
}
