/*
 * The summary a reviewer reads first: which clauses changed and by how much, and which were
 * inserted, deleted or moved. Derived from the section changes alone, so it always agrees with them.
 */
import { addCount, emptyCount } from "./tokenize";
import type { RedlineSummary, SectionChange, SectionLabel } from "./types";

function labelOf(change: SectionChange): SectionLabel {
  return { id: change.id, type: change.type, label: change.label, title: change.title };
}

export function summarize(changes: readonly SectionChange[], renumbered: number): RedlineSummary {
  const summary: RedlineSummary = {
    changed: [],
    inserted: [],
    deleted: [],
    modified: [],
    moved: [],
    renumbered,
    totals: { inserted: emptyCount(), deleted: emptyCount() },
  };
  for (const change of changes) {
    const label = labelOf(change);
    summary.changed.push({ ...label, status: change.status, inserted: change.inserted, deleted: change.deleted });
    addCount(summary.totals.inserted, change.inserted);
    addCount(summary.totals.deleted, change.deleted);
    if (change.status === "moved") summary.moved.push({ ...label, from: change.move?.from ?? null, to: change.move?.to ?? null });
    else summary[change.status].push(label);
  }
  return summary;
}
