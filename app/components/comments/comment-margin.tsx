// The comment margin beside the editor: every thread in text order with its current clause number,
// the highlight of the active one in the text, focus following the cursor, filters (clause, type,
// status, decision, organization, author), Alt+↓ / Alt+↑ from comment to comment, and the form for a
// new comment on the selection (or, with nothing selected, on the clause the cursor is in).
import { Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { contextAt, elementLabel, encodeAnchor, quoteOf } from "~/comments/anchors";
import { choicesOf, matchesFilter, neighbour, noFilter, type CommentFilter, type FilterableThread } from "~/comments/comment-filters";
import { numberingOf } from "~/editor/plugins/numbering";
import { activeCommentOf, commentRangesOf, setActiveComment, setCommentAnchors, yBindingOf, type CommentRange } from "~/editor/view/comment-highlights";
import type { EditorSession } from "~/editor/view/editor-session";
import { findById } from "~/editor/structure";
import type { CommentThreadView } from "~/models/comment.server";
import { useEditorVersion, type EditorStore } from "../editor/editor-store";
import { CommentCard } from "./comment-card";
import { useComments } from "./use-comments";
import "./comments.css";

export type CommentMarginProps = {
  store: EditorStore;
  session: EditorSession;
  documentId: string;
  /** A thread to open first (from a notification's link). */
  initialCommentId?: string | null;
};

type Placed = { thread: CommentThreadView; clause: string; element: string; range: CommentRange | null; order: number; lost: boolean };

type Draft = { anchorStart?: string; anchorEnd?: string; clauseId?: string; quote: string; clause: string };

/**
 * Dispatches to the store's view as it is now. React runs every effect cleanup of a commit before
 * any new effect, so a view captured at render time may already be destroyed (a language switch
 * rebuilds it); dispatching to that one would throw.
 */
function dispatchTo(store: EditorStore, build: (state: EditorState) => Transaction): void {
  const view = store.view;
  if (!view || view.isDestroyed) return;
  view.dispatch(build(view.state));
}

export function CommentMargin({ store, session, documentId, initialCommentId }: CommentMarginProps) {
  const { t } = useTranslation();
  const version = useEditorVersion(store);
  const { data, submit } = useComments(documentId, session);
  const [filter, setFilter] = useState<CommentFilter>(noFilter);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [type, setType] = useState("GENERAL");
  const [body, setBody] = useState("");
  const [proposal, setProposal] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const view = store.view;
  const general = t("comments.margin.general");

  // Hand the anchors to the highlight plugin whenever the threads (or the view) change.
  useEffect(() => {
    if (!view || !data) return;
    const anchors = data.threads.map((th) => ({
      id: th.id,
      start: th.anchorStart,
      end: th.anchorEnd,
      hadText: th.quote !== "",
      resolved: th.status === "RESOLVED",
    }));
    dispatchTo(store, (state) => setCommentAnchors(state.tr, anchors));
  }, [store, view, data]);

  const activeId = view ? activeCommentOf(view.state) : null;
  const setActive = useCallback(
    (id: string | null) => {
      const current = store.view;
      if (!current || activeCommentOf(current.state) === id) return;
      dispatchTo(store, (state) => setActiveComment(state.tr, id));
    },
    [store],
  );

  useEffect(() => {
    if (initialCommentId && data?.threads.some((th) => th.id === initialCommentId)) setActive(initialCommentId);
  }, [initialCommentId, data, setActive]);

  const placed: Placed[] = useMemo(() => {
    if (!view || !data) return [];
    const numbering = numberingOf(view.state);
    const ranges = commentRangesOf(view.state);
    // Positions of the commented clauses, found in one walk rather than one per thread.
    const wanted = new Set(data.threads.flatMap((th) => (th.clauseId ? [th.clauseId] : [])));
    const clausePositions = new Map<string, number>();
    if (wanted.size > 0) {
      view.state.doc.descendants((node, pos) => {
        const id: unknown = node.attrs.id;
        if (typeof id === "string" && wanted.has(id)) clausePositions.set(id, pos);
        return !node.isTextblock;
      });
    }
    return data.threads
      .map((thread) => {
        const range = ranges.get(thread.id) ?? null;
        const item = thread.clauseId ? numbering.byId.get(thread.clauseId) : undefined;
        const clausePos = thread.clauseId ? (clausePositions.get(thread.clauseId) ?? null) : null;
        const clause = thread.clauseId === null ? general : item ? item.number || item.label : clausePos !== null ? t("comments.margin.unnumbered") : t("comments.margin.clauseGone");
        const lost = range?.lost ?? (thread.anchorStart !== null && thread.quote !== "");
        const order = range && !range.lost ? range.from : (clausePos ?? -1);
        return { thread, clause, element: elementLabel(numbering, thread.elementId), range, order, lost };
      })
      .sort((a, b) => a.order - b.order || a.thread.createdAt.localeCompare(b.thread.createdAt));
    // `version` re-runs this after every edit, so numbers and order follow the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, data, version, general, t]);

  const filterable: FilterableThread[] = placed.map((p) => ({
    id: p.thread.id,
    clause: p.clause,
    type: p.thread.type,
    status: p.thread.status,
    decision: p.thread.disposition?.decision ?? null,
    organization: p.thread.organization,
    authorName: p.thread.authorName,
  }));
  const shown = placed.filter((_p, i) => matchesFilter(filterable[i] as FilterableThread, filter));
  const shownIds = shown.map((p) => p.thread.id);

  // Focus follows the cursor: the innermost highlighted range around the cursor becomes active.
  const head = view?.state.selection.head ?? null;
  const lastHead = useRef<number | null>(null);
  useEffect(() => {
    // Only a move of the cursor moves the focus; a click on a card must not be undone by a re-render.
    if (!view || head === null || head === lastHead.current) return;
    lastHead.current = head;
    let best: { id: string; size: number } | null = null;
    for (const p of placed) {
      if (!p.range || p.range.lost || p.thread.status === "RESOLVED") continue;
      if (head < p.range.from || head > p.range.to) continue;
      const size = p.range.to - p.range.from;
      if (!best || size < best.size) best = { id: p.thread.id, size };
    }
    if (best) setActive(best.id);
  }, [view, head, placed, setActive]);

  // The active card scrolls into view in the margin.
  useEffect(() => {
    if (!activeId) return;
    const card = listRef.current?.querySelector(`[data-comment-id="${CSS.escape(activeId)}"]`);
    card?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const reveal = useCallback(
    (id: string) => {
      const current = store.view;
      if (!current || current.isDestroyed) return;
      setActive(id);
      const p = placed.find((x) => x.thread.id === id);
      if (!p) return;
      if (p.range && !p.range.lost) {
        const dom = current.domAtPos(p.range.from).node;
        (dom instanceof HTMLElement ? dom : dom.parentElement)?.scrollIntoView({ block: "center" });
      } else if (p.thread.clauseId) {
        const found = findById(current.state.doc, p.thread.clauseId);
        const dom = found ? current.nodeDOM(found.pos) : null;
        if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "start" });
      }
    },
    [store, placed, setActive],
  );

  // Alt+↓ / Alt+↑: next or previous comment, wherever the focus is on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const next = neighbour(shownIds, activeId, event.key === "ArrowDown" ? 1 : -1);
      if (!next) return;
      event.preventDefault();
      reveal(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shownIds, activeId, reveal]);

  const startComment = () => {
    const current = store.view;
    if (!current) return;
    const { from, to, empty } = current.state.selection;
    const binding = yBindingOf(current.state);
    const numbering = numberingOf(current.state);
    const context = contextAt(current.state.doc, from);
    const clauseItem = context.clauseId ? numbering.byId.get(context.clauseId) : undefined;
    const clause = clauseItem ? clauseItem.number || clauseItem.label : general;
    if (!empty && binding) {
      const anchor = encodeAnchor(binding.type, binding.mapping, from, to);
      setDraft({ anchorStart: anchor.start, anchorEnd: anchor.end, quote: quoteOf(current.state.doc, from, to), clause });
    } else {
      setDraft({ clauseId: context.clauseId ?? undefined, quote: "", clause });
    }
    setFormError(null);
  };

  const sendComment = async () => {
    if (!draft) return;
    setBusy(true);
    const fields: Record<string, string> = { intent: "create", type, body, proposedChange: proposal };
    if (draft.anchorStart && draft.anchorEnd) {
      fields.anchorStart = draft.anchorStart;
      fields.anchorEnd = draft.anchorEnd;
    } else if (draft.clauseId) fields.clauseId = draft.clauseId;
    const result = await submit(fields);
    setBusy(false);
    if (!result.ok) {
      setFormError((result.fieldErrors ? Object.values(result.fieldErrors)[0]?.[0] : undefined) ?? result.error);
      return;
    }
    setDraft(null);
    setBody("");
    setProposal("");
    if (result.params?.commentId) setActive(result.params.commentId);
  };

  /** The editor applies a proposed change as an ordinary edit of their own, then it is audited. */
  const applyChange = useCallback(
    (thread: CommentThreadView) => {
      const current = store.view;
      const range = current ? commentRangesOf(current.state).get(thread.id) : undefined;
      if (!current || current.isDestroyed || !range || range.lost) return;
      const tr = current.state.tr.insertText(thread.proposedChange, range.from, range.to);
      tr.setSelection(TextSelection.create(tr.doc, range.from + thread.proposedChange.length));
      current.dispatch(tr);
      void submit({ intent: "changeApplied", commentId: thread.id });
    },
    [store, submit],
  );

  if (!data) return null;
  const selectionEmpty = view ? view.state.selection.empty : true;
  const decisionChoices = (["ACCEPTED", "ACCEPTED_IN_PRINCIPLE", "NOT_ACCEPTED", "NOTED"] as const).map((d) => ({ value: d, label: t(`comments.decisions.${d}`) }));

  return (
    <div className="studio-comment-margin" data-testid="comment-margin">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t("comments.title")} <Badge variant="light">{data.threads.length}</Badge>
        </Title>
        {data.can.comment ? (
          <Button size="compact-sm" onClick={startComment} data-testid="comment-start" title={t("comments.margin.startHint")}>
            {selectionEmpty ? t("comments.margin.onClause") : t("comments.margin.onSelection")}
          </Button>
        ) : null}
      </Group>
      {data.period ? (
        <Text size="xs" c="dimmed" mb="xs" data-testid="comment-period-banner">
          {t("comments.margin.periodOpen", { title: data.period.title, date: new Date(data.period.closesAt).toLocaleDateString() })}
        </Text>
      ) : null}
      {draft ? (
        <Paper withBorder p="sm" radius="md" mb="sm" data-testid="comment-form">
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              {t("comments.margin.on", { clause: draft.clause })}
            </Text>
            {draft.quote ? (
              <Text size="sm" className="studio-comment-quote" lineClamp={3}>
                {draft.quote}
              </Text>
            ) : null}
            <SegmentedControl
              size="xs"
              value={type}
              onChange={setType}
              data={(["GENERAL", "TECHNICAL", "EDITORIAL"] as const).map((v) => ({ value: v, label: t(`comments.types.${v}`) }))}
              aria-label={t("comments.margin.type")}
            />
            <Textarea
              label={t("comments.margin.body")}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid="comment-body-input"
              description={t("comments.margin.mentionHint")}
            />
            <Textarea
              label={t("comments.margin.proposedChange")}
              value={proposal}
              onChange={(e) => setProposal(e.currentTarget.value)}
              autosize
              minRows={1}
              data-testid="comment-proposal-input"
            />
            {formError ? (
              <Text size="xs" c="red" role="alert" data-testid="comment-form-error">
                {t(formError)}
              </Text>
            ) : null}
            <Group gap={6}>
              <Button size="compact-sm" loading={busy} onClick={() => void sendComment()} data-testid="comment-submit">
                {t("comments.margin.submit")}
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setDraft(null)}>
                {t("comments.margin.cancel")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      <details className="studio-comment-filters">
        <summary>
          <Text span size="sm">
            {t("comments.margin.filters")}
          </Text>
        </summary>
        <Stack gap={4} mt={4}>
          <Select size="xs" clearable placeholder={t("comments.margin.clause")} value={filter.clause} onChange={(v) => setFilter({ ...filter, clause: v })} data={choicesOf(filterable, "clause")} aria-label={t("comments.margin.clause")} />
          <Select
            size="xs"
            clearable
            placeholder={t("comments.margin.type")}
            value={filter.type}
            onChange={(v) => setFilter({ ...filter, type: v })}
            data={(["GENERAL", "TECHNICAL", "EDITORIAL"] as const).map((v) => ({ value: v, label: t(`comments.types.${v}`) }))}
            aria-label={t("comments.margin.type")}
          />
          <Select
            size="xs"
            clearable
            placeholder={t("comments.margin.status")}
            value={filter.status}
            onChange={(v) => setFilter({ ...filter, status: v === "OPEN" || v === "RESOLVED" ? v : null })}
            data={[
              { value: "OPEN", label: t("comments.status.OPEN") },
              { value: "RESOLVED", label: t("comments.status.RESOLVED") },
            ]}
            aria-label={t("comments.margin.status")}
          />
          <Select
            size="xs"
            clearable
            placeholder={t("comments.margin.decision")}
            value={filter.disposition}
            onChange={(v) => setFilter({ ...filter, disposition: (decisionChoices.find((d) => d.value === v)?.value ?? (v === "undecided" ? "undecided" : null)) })}
            data={[{ value: "undecided", label: t("comments.status.undecided") }, ...decisionChoices]}
            aria-label={t("comments.margin.decision")}
          />
          <Select size="xs" clearable placeholder={t("comments.margin.organization")} value={filter.organization} onChange={(v) => setFilter({ ...filter, organization: v })} data={choicesOf(filterable, "organization")} aria-label={t("comments.margin.organization")} />
          <Select size="xs" clearable placeholder={t("comments.margin.author")} value={filter.author} onChange={(v) => setFilter({ ...filter, author: v })} data={choicesOf(filterable, "authorName")} aria-label={t("comments.margin.author")} />
        </Stack>
      </details>
      <Text size="xs" c="dimmed" my={4}>
        {t("comments.margin.keyboardHint")}
      </Text>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" viewportRef={listRef}>
        <Stack gap="xs" data-testid="comment-list">
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {data.threads.length === 0 ? t("comments.margin.none") : t("comments.margin.noneMatch")}
            </Text>
          ) : (
            shown.map((p) => (
              <CommentCard
                key={p.thread.id}
                thread={p.thread}
                clause={p.clause}
                element={p.element}
                lost={p.lost}
                active={p.thread.id === activeId}
                canApply={data.can.applyChanges}
                onActivate={reveal}
                onApply={applyChange}
                submit={submit}
              />
            ))
          )}
        </Stack>
      </ScrollArea.Autosize>
    </div>
  );
}
