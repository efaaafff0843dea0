/*
 * The redline between two versions of a standard, as a reviewer reads it: the whole newer text with
 * insertions underlined and deletions struck through, per clause and with the newer numbering;
 * deleted clauses in place under their old number; moved clauses marked where they went and where
 * they stood. Side by side (on wide screens) the older text is on the left and the newer on the
 * right, one row per block, so each clause lines up with itself.
 *
 * A 200-page standard with 50 changes must stay fast, so runs of unchanged sections are folded
 * (one section of context is kept on each side of a change; see collapseUnchanged) and each fold
 * opens on its own or all at once with "Show unchanged text". The model is built once per pair of
 * versions, and every top-level section is a memoized component, so opening a fold re-renders only
 * that fold.
 */
import { Button, Group, Switch, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { createContext, memo, useContext, useMemo, useState, type ReactNode } from "react";
import type { Convention } from "~/editor/numbering";
import type { Redline } from "~/versions/types";
import {
  isShown,
  renderBlock,
  renderItems,
  renderMovedAway,
  renderSectionHeading,
  statusClass,
  type RenderContext,
} from "./redline-blocks";
import { buildRedlineModel, collapseUnchanged, isSectionType, type RedlineBlock, type RedlineGap, type RedlineItem } from "./redline-model";
import { formatString, pluralString, useRedlineStrings, type RedlineStrings } from "./redline-strings";
import "../document/standard-view.css";
import "./redline-view.css";

export type RedlineMode = "inline" | "side-by-side";

export interface RedlineViewProps {
  /** The two versions as stored ProseMirror JSON: the same two `redline` was computed from. */
  older: unknown;
  newer: unknown;
  convention: Convention;
  redline: Redline;
  mode: RedlineMode;
  /** Column headings side by side, such as "征求意见稿" and "送审稿"; "Before" and "After" if not given. */
  fromLabel?: string;
  toLabel?: string;
}

/** Whether every fold is open ("Show unchanged text"); read by the folds, so toggling it re-renders only them. */
const ShowAllContext = createContext(false);

function gapRange(gap: RedlineGap): string {
  return gap.first === gap.last ? gap.first : `${gap.first}–${gap.last}`;
}

function GapView({ gap, strings, render }: { gap: RedlineGap; strings: RedlineStrings; render: (items: readonly RedlineItem[]) => ReactNode }) {
  const showAll = useContext(ShowAllContext);
  const [open, setOpen] = useState(false);
  if (showAll) return <>{render(gap.items)}</>;
  const range = gapRange(gap);
  return (
    <>
      <div className="rl-gap" data-testid="redline-gap">
        <Button variant="subtle" size="compact-sm" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? formatString(strings.hideGap, { range }) : pluralString(strings, "showGap", gap.items.length, { range })}
        </Button>
      </div>
      {open ? render(gap.items) : null}
    </>
  );
}

// ---------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------

const InlineItem = memo(function InlineItem({ item, ctx }: { item: RedlineItem; ctx: RenderContext }) {
  return <>{renderItems([item], ctx, 1)}</>;
});

// ---------------------------------------------------------------------------
// Side by side
// ---------------------------------------------------------------------------

interface SideContexts {
  old: RenderContext;
  new: RenderContext;
}

function Row({ className, id, left, right }: { className?: string; id?: string; left: ReactNode; right: ReactNode }) {
  return (
    <div className={className ? `rl-row ${className}` : "rl-row"} id={id}>
      <div className="rl-col rl-col-old">{left}</div>
      <div className="rl-col rl-col-new">{right}</div>
    </div>
  );
}

function rowClass(block: RedlineBlock): string {
  if (block.status === "inserted") return "rl-row-inserted";
  if (block.status === "deleted") return "rl-row-deleted";
  return block.status === "modified" || block.move ? "rl-row-changed" : "";
}

/** A section's heading row is marked only when the heading itself changed, not when something below it did. */
function headingRowClass(block: RedlineBlock): string {
  if (block.status === "inserted" || block.status === "deleted") return rowClass(block);
  const titleChanged = block.children.some((child) => child.kind === "block" && child.type === "clause_title" && child.status !== "unchanged");
  return block.move || block.attrs.length > 0 || titleChanged ? "rl-row-changed" : "";
}

/** A section as a heading row and a row per block (or fold) of its body; subsections follow as their own rows. */
function sideItems(items: readonly RedlineItem[], sides: SideContexts, depth: number): ReactNode[] {
  return items.map((item, index) => {
    if (item.kind === "gap") return <GapView key={item.key} gap={item} strings={sides.new.strings} render={(inner) => sideItems(inner, sides, depth)} />;
    if (item.kind === "moved_away") {
      return (
        <div key={index} className="rl-row rl-row-wide">
          {renderMovedAway(item, sides.old)}
        </div>
      );
    }
    const side = (projection: "old" | "new", render: (ctx: RenderContext) => ReactNode): ReactNode =>
      isShown(item, projection) ? render(sides[projection]) : <div className="rl-absent" />;
    if (!isSectionType(item.type)) {
      return (
        <Row
          key={index}
          className={rowClass(item)}
          id={item.anchor ?? undefined}
          left={side("old", (ctx) => renderBlock(item, ctx, depth))}
          right={side("new", (ctx) => renderBlock(item, ctx, depth))}
        />
      );
    }
    // The heading sits in an element with the section's class, so the standard view's rules (annex
    // headings centred) apply as they do in the document.
    const heading = (ctx: RenderContext) => (
      <div className={[item.type === "term_entry" ? "std-term" : `std-${item.type}`, statusClass(item, ctx.projection)].filter(Boolean).join(" ")}>
        {renderSectionHeading(item, ctx, depth)}
      </div>
    );
    const body = item.children.filter((child) => !(child.kind === "block" && child.type === "clause_title"));
    return (
      <div key={index} className="rl-side-section" id={item.anchor ?? undefined} data-testid="redline-section">
        <Row className={headingRowClass(item)} left={side("old", heading)} right={side("new", heading)} />
        {sideItems(body, sides, depth + 1)}
      </div>
    );
  });
}

const SideItem = memo(function SideItem({ item, sides }: { item: RedlineItem; sides: SideContexts }) {
  return <>{sideItems([item], sides, 1)}</>;
});

// ---------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------

export function RedlineView({ older, newer, convention, redline, mode, fromLabel, toLabel }: RedlineViewProps) {
  const strings = useRedlineStrings();
  const [showAll, setShowAll] = useState(false);
  // Two columns of a standard need room; below Mantine's md breakpoint the inline view is shown.
  // The initial value is true on the server and in the first client render alike, so hydration matches.
  const wide = useMediaQuery("(min-width: 62em)", true);
  const sideBySide = mode === "side-by-side" && wide;

  const model = useMemo(() => collapseUnchanged(buildRedlineModel(older, newer, redline)), [older, newer, redline]);

  const inline = useMemo((): RenderContext => {
    const ctx: RenderContext = {
      strings,
      convention,
      projection: "inline",
      gap: (gap, depth) => <GapView gap={gap} strings={strings} render={(items) => renderItems(items, ctx, depth)} />,
    };
    return ctx;
  }, [strings, convention]);

  const sides = useMemo((): SideContexts => {
    // Folds inside a section body are rendered by sideItems, which does not ask the contexts for them.
    const gap = () => null;
    return { old: { strings, convention, projection: "old", gap }, new: { strings, convention, projection: "new", gap } };
  }, [strings, convention]);

  return (
    <div className="rl-view" data-testid="redline-view">
      <Group justify="space-between" mb="sm" className="rl-toolbar">
        {redline.changes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {strings.noChanges}
          </Text>
        ) : (
          <span />
        )}
        <Switch label={strings.showUnchanged} checked={showAll} onChange={(event) => setShowAll(event.currentTarget.checked)} />
      </Group>
      <ShowAllContext.Provider value={showAll}>
        <article
          className={sideBySide ? "standard-view rl-document rl-side-by-side" : "standard-view rl-document"}
          lang={convention === "GB" ? "zh-CN" : "en"}
          aria-label={strings.viewLabel}
        >
          {sideBySide ? (
            <>
              <Row className="rl-columns-head" left={fromLabel ?? strings.older} right={toLabel ?? strings.newer} />
              {model.items.map((item, index) => (
                <SideItem key={item.kind === "gap" ? item.key : index} item={item} sides={sides} />
              ))}
            </>
          ) : (
            model.items.map((item, index) => <InlineItem key={item.kind === "gap" ? item.key : index} item={item} ctx={inline} />)
          )}
        </article>
      </ShowAllContext.Provider>
    </div>
  );
}
