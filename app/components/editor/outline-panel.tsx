// The outline: every clause and annex with its current number. A row takes you there; its arrows
// move the clause among its siblings (the same commands as the toolbar and Alt+Shift+↑/↓).
// Recomputed when the numbering changes, and otherwise at most every 300 ms while titles are typed.
import { Paper, Text, Title } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Selection, type Command } from "prosemirror-state";
import { memo, startTransition, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { moveClauseDown, moveClauseUp } from "~/editor/commands";
import { numberingOf, numberingVersion } from "~/editor/plugins/numbering";
import { findById } from "~/editor/structure";
import { revealNode } from "~/editor/view/create-editor";
import { outlineOf, type OutlineItem } from "~/editor/view/outline";
import { useEditorVersion, type EditorStore } from "./editor-store";

const TITLE_DELAY_MS = 300;

function useOutline(store: EditorStore): OutlineItem[] {
  const version = useEditorVersion(store);
  const [items, setItems] = useState<OutlineItem[]>([]);
  const shown = useRef<{ numbering: number; doc: unknown }>({ numbering: -1, doc: null });

  useEffect(() => {
    const view = store.view;
    if (!view) return;
    const compute = () => {
      const state = view.state;
      shown.current = { numbering: numberingVersion(state), doc: state.doc };
      const next = outlineOf(state.doc, numberingOf(state));
      // A transition: React renders hundreds of rows in slices, so typing is never held up by them.
      startTransition(() => setItems(next));
    };
    if (shown.current.doc === view.state.doc) return;
    if (numberingVersion(view.state) !== shown.current.numbering) {
      compute();
      return;
    }
    // Only text changed: titles may have, numbers not; catch up once typing pauses.
    const timer = setTimeout(compute, TITLE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [store, version]);

  return items;
}

interface RowProps {
  item: OutlineItem;
  /** Where the row sits in the full list (px), its place and the list's length (for assistive technology). */
  top: number;
  position: number;
  size: number;
  /** The parent's translation function: one subscription for the panel, not one per row. */
  t: TFunction;
  editable: boolean;
  onGo: (id: string) => void;
  onMove: (id: string, direction: "up" | "down") => void;
}

// A long standard has hundreds of rows: they are plain elements with text arrows (Mantine components
// and SVG icons cost about a millisecond per row to mount, which delayed a 600-clause outline by over
// half a second), and only rows whose item changed re-render.
const OutlineRow = memo(function OutlineRow({ item, top, position, size, t, editable, onGo, onMove }: RowProps) {
  return (
    <li
      className="studio-outline-row"
      style={{ top, paddingLeft: `${(item.depth - 1) * 12}px` }}
      aria-posinset={position}
      aria-setsize={size}
      data-testid="outline-item"
    >
      <button type="button" className="studio-outline-link" onClick={() => onGo(item.id)} title={t("editor.outline.goTo", { label: item.label })}>
        <span className="studio-outline-number" data-testid="outline-number">
          {item.label}
        </span>
        {item.kind === "clause" || item.kind === "annex" ? item.title || t("editor.outline.untitled") : null}
      </button>
      {editable && item.kind === "clause" ? (
        <span className="studio-outline-moves">
          <button
            type="button"
            className="studio-outline-move"
            disabled={!item.canMoveUp}
            aria-label={t("editor.outline.moveUp", { label: item.label })}
            onClick={() => onMove(item.id, "up")}
          >
            <span aria-hidden>▲</span>
          </button>
          <button
            type="button"
            className="studio-outline-move"
            disabled={!item.canMoveDown}
            aria-label={t("editor.outline.moveDown", { label: item.label })}
            onClick={() => onMove(item.id, "down")}
          >
            <span aria-hidden>▼</span>
          </button>
        </span>
      ) : null}
    </li>
  );
}, sameRow);

function sameRow(a: RowProps, b: RowProps): boolean {
  const x = a.item;
  const y = b.item;
  return (
    a.t === b.t &&
    a.top === b.top &&
    a.position === b.position &&
    a.size === b.size &&
    a.editable === b.editable &&
    a.onGo === b.onGo &&
    a.onMove === b.onMove &&
    x.id === y.id &&
    x.label === y.label &&
    x.title === y.title &&
    x.depth === y.depth &&
    x.canMoveUp === y.canMoveUp &&
    x.canMoveDown === y.canMoveDown
  );
}

/** A row's height in pixels (.studio-outline-row); rows are all one line. */
const ROW_HEIGHT = 26;

/**
 * Only the rows in view (and a few around them) are in the page: a 600-clause standard's outline,
 * rendered whole, took about 400 ms of the editor's opening. The list keeps its full height, so the
 * scrollbar is the whole outline's.
 */
function OutlineList({ items, ...row }: { items: OutlineItem[] } & Omit<RowProps, "item" | "top" | "position" | "size">) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index].id,
    // Before the first measurement (and in tests without layout), show a screenful.
    initialRect: { width: 240, height: 800 },
  });
  return (
    <div ref={scroller} className="studio-outline-scroller">
      <ol className="studio-outline-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => (
          <OutlineRow key={virtual.key} item={items[virtual.index]} top={virtual.start} position={virtual.index + 1} size={items.length} {...row} />
        ))}
      </ol>
    </div>
  );
}

export function OutlinePanel({ store }: { store: EditorStore }) {
  const { t } = useTranslation();
  const items = useOutline(store);
  const editable = store.view?.editable ?? false;

  const onGo = useCallback(
    (id: string) => {
      if (store.view) revealNode(store.view, id);
    },
    [store],
  );

  const onMove = useCallback(
    (id: string, direction: "up" | "down") => {
      const view = store.view;
      if (!view) return;
      const found = findById(view.state.doc, id);
      if (!found) return;
      // The move commands act on the clause around the cursor: put it there first.
      view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(found.pos + 1))));
      const command: Command = direction === "up" ? moveClauseUp : moveClauseDown;
      command(view.state, view.dispatch, view);
    },
    [store],
  );

  return (
    <Paper withBorder radius="md" p="sm" className="studio-outline" component="nav" aria-labelledby="outline-title">
      <Title order={2} size="h5" id="outline-title" mb="xs">
        {t("editor.outline.title")}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("editor.outline.empty")}
        </Text>
      ) : null}
      <OutlineList items={items} t={t} editable={editable} onGo={onGo} onMove={onMove} />
    </Paper>
  );
}
