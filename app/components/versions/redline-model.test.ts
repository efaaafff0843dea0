import { describe, expect, it } from "vitest";
import { computeRedline } from "~/versions/redline";
import {
  clauseNode,
  cloneDoc,
  findId,
  insertAfter,
  insertInto,
  paragraph,
  removeId,
  replaceText,
  type PMNode,
} from "~/versions/test-documents";
import { demoDraftEn, demoDraftZh } from "../../../prisma/seed/demo-drafts";
import { benchVersions } from "../../../tests/bench/redline-versions";
import {
  buildRedlineModel,
  collapseUnchanged,
  redlineAnchor,
  type RedlineBlock,
  type RedlineItem,
  type RedlineModel,
  type RedlineMovedAway,
  type RedlineRun,
} from "./redline-model";

function model(older: PMNode, newer: PMNode, convention: "GB" | "ISO" = "GB"): RedlineModel {
  return buildRedlineModel(older, newer, computeRedline(older, newer, convention));
}

/** Every item, depth first; gaps are opened. */
function allItems(items: readonly RedlineItem[]): RedlineItem[] {
  return items.flatMap((item) => {
    if (item.kind === "gap") return [item, ...allItems(item.items)];
    if (item.kind === "moved_away") return [item];
    return [item, ...allItems(item.children)];
  });
}

function blockById(items: readonly RedlineItem[], id: string, status?: RedlineBlock["status"]): RedlineBlock {
  const found = allItems(items).find((item): item is RedlineBlock => item.kind === "block" && item.id === id && (!status || item.status === status));
  if (!found) throw new Error(`No block ${id}`);
  return found;
}

function runsUnder(block: RedlineBlock): RedlineRun[] {
  return allItems([block]).flatMap((item) => (item.kind === "block" ? (item.runs ?? []) : []));
}

/** Runs as a reviewer reads them: [-deleted-] and {+inserted+}. */
function read(runs: readonly RedlineRun[]): string {
  return runs.map((run) => (run.op === "equal" ? run.text : run.op === "insert" ? `{+${run.text}+}` : `[-${run.text}-]`)).join("");
}

/** The three edits of issue 5: 4.3 edited, a clause inserted before it (now 4.3, the edited one 4.4), 6.1 deleted. */
function threeEdits(): PMNode {
  const newer = cloneDoc(demoDraftZh);
  replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不应大于45 K");
  insertAfter(newer, "c-4-2", clauseNode("c-new", "接口兼容性", paragraph("车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。")));
  removeId(newer, "c-6-1");
  return newer;
}

describe("buildRedlineModel", () => {
  it("gives an edit, an inserted clause and a deleted clause with the newer numbering, deleted ones with their old number", () => {
    const { items } = model(demoDraftZh, threeEdits());

    const edited = blockById(items, "c-4-3");
    expect(edited).toMatchObject({ status: "modified", label: "4.4", oldLabel: "4.3", labelEdited: false, move: null, anchor: "redline-c-4-3" });
    expect(read(runsUnder(edited))).toContain("温升不应大于[-50-]{+45+} K");

    const inserted = blockById(items, "c-new");
    expect(inserted).toMatchObject({ status: "inserted", label: "4.3", oldLabel: "" });
    expect(runsUnder(inserted).every((run) => run.op === "insert")).toBe(true);
    expect(runsUnder(inserted).map((run) => run.text).join("")).toBe("接口兼容性车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。");

    const deleted = blockById(items, "c-6-1");
    expect(deleted).toMatchObject({ status: "deleted", label: "6.1", oldLabel: "6.1", anchor: "redline-deleted-c-6-1" });
    expect(runsUnder(deleted).every((run) => run.op === "delete")).toBe(true);
    expect(runsUnder(deleted)[0].text).toBe("检验分类");

    // A clause that was only renumbered is unchanged, and carries both numbers for side by side.
    expect(blockById(items, "c-6-2")).toMatchObject({ status: "unchanged", label: "6.1", oldLabel: "6.2" });
    // The summary links to the same anchors the blocks carry.
    const redline = computeRedline(demoDraftZh, threeEdits(), "GB");
    expect(redline.summary.changed.map(redlineAnchor)).toEqual(["redline-c-new", "redline-c-4-3", "redline-deleted-c-6-1"]);
  });

  it("gives a cross-reference in unchanged text its newer number, and its older one for the left column", () => {
    const { items } = model(demoDraftZh, threeEdits());
    // 5.2 refers to 4.3, which the inserted clause made 4.4.
    const refs = runsUnder(blockById(items, "c-5-2")).filter((run) => run.ref?.target === "c-4-3");
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((run) => run.op === "equal" && run.text === "4.4" && run.ref?.oldText === "4.3")).toBe(true);
  });

  it("marks a moved clause where it went and where it stood, and keeps its old text for Word", () => {
    const newer = cloneDoc(demoDraftZh);
    const moved = removeId(newer, "c-5-4");
    insertInto(newer, "c-6", -1, moved);
    replaceText(newer, "c-5-4", "试验", "测试");
    const { items } = model(demoDraftZh, newer);

    const block = blockById(items, "c-5-4");
    expect(block).toMatchObject({ status: "modified", label: "6.5", oldLabel: "5.4", move: { from: "5.4", to: "6.5" } });
    expect(read(runsUnder(block))).toContain("[-试验-]{+测试+}");

    const away = allItems(items).find((item): item is RedlineMovedAway => item.kind === "moved_away");
    expect(away).toMatchObject({ id: "c-5-4", move: { from: "5.4", to: "6.5" }, anchor: "redline-moved-c-5-4", target: "redline-c-5-4" });
    expect(away?.removed.status).toBe("deleted");
    expect(read(runsUnder(away?.removed ?? block))).not.toContain("测试");
  });

  it("shows an annex made normative as an edited label, not a renumbering", () => {
    const newer = cloneDoc(demoDraftEn);
    const annex = newer.content?.find((node) => node.type === "annex");
    if (!annex?.attrs) throw new Error("the English draft has no annex");
    const was = annex.attrs.normative === true;
    annex.attrs.normative = !was;
    const { items } = model(demoDraftEn, newer, "ISO");
    const block = allItems(items).find((item): item is RedlineBlock => item.kind === "block" && item.type === "annex");
    expect(block).toMatchObject({
      status: "modified",
      labelEdited: true,
      oldLabel: `Annex A (${was ? "normative" : "informative"})`,
      label: `Annex A (${was ? "informative" : "normative"})`,
    });
  });

  it("marks the changed cell of a table and the cells of an added column", () => {
    const newer = cloneDoc(demoDraftZh);
    const grid = findId(newer, "t-rated").node.content?.[1];
    const cell = grid?.content?.[2].content?.[4].content?.[0].content?.[0];
    if (!grid?.content || !cell) throw new Error("test table changed shape");
    cell.text = "750";
    grid.content.forEach((row, index) =>
      row.content?.push({
        type: index === 0 ? "table_header" : "table_cell",
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [paragraph(index === 0 ? "D型" : "—")],
      }),
    );
    const table = blockById(model(demoDraftZh, newer).items, "t-rated");
    const cells = allItems([table]).filter((item): item is RedlineBlock => item.kind === "block" && (item.type === "table_cell" || item.type === "table_header"));
    const changed = cells.filter((c) => c.status !== "unchanged");
    expect(changed.filter((c) => c.status === "inserted")).toHaveLength(grid.content.length);
    expect(changed.filter((c) => c.status === "modified").map((c) => read(runsUnder(c)))).toEqual(["[-800-]{+750+}"]);
    expect(table).toMatchObject({ label: "表 1", status: "modified" });
    expect(cells[0].props).toEqual({ colspan: 1, rowspan: 1 });
  });
});

describe("collapseUnchanged", () => {
  it("folds unchanged sections, keeping one on each side of every change, at every level", () => {
    const newer = cloneDoc(demoDraftZh);
    replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不应大于45 K");
    const collapsed = collapseUnchanged(model(demoDraftZh, newer));

    const shape = (items: readonly RedlineItem[]) =>
      items.map((item) => (item.kind === "gap" ? `[${item.first}…${item.last} ×${item.items.length}]` : item.kind === "block" ? item.label : "moved"));
    expect(shape(collapsed.items)).toEqual(["[前言…2 ×3]", "3", "4", "5", "[6…参考文献 ×5]"]);
    const chapter = collapsed.items.find((item): item is RedlineBlock => item.kind === "block" && item.id === "c-4");
    // The chapter's own title stays; 4.2 and 4.4 are context; 4.1 and 4.5 … 4.8 fold.
    expect(shape(chapter?.children ?? [])).toEqual(["", "[4.1…4.1 ×1]", "4.2", "4.3", "4.4", "[4.5…4.8 ×4]"]);
    // Nothing is lost: opening every gap gives the whole document back.
    const full = model(demoDraftZh, newer);
    const ids = (items: readonly RedlineItem[]) => allItems(items).flatMap((item) => (item.kind === "block" ? [item.id] : []));
    expect(ids(collapsed.items)).toEqual(ids(full.items));
  });

  it("folds everything when nothing changed", () => {
    const collapsed = collapseUnchanged(model(demoDraftZh, cloneDoc(demoDraftZh)));
    expect(collapsed.items).toHaveLength(1);
    expect(collapsed.items[0]).toMatchObject({ kind: "gap", first: "前言", last: "参考文献" });
  });

  it("shows a fraction of a 200-page standard with 50 changes", () => {
    const { older, newer } = benchVersions();
    const redline = computeRedline(older, newer, "GB");
    const collapsed = collapseUnchanged(buildRedlineModel(older, newer, redline));
    // Text shown until a reviewer opens a gap, against the whole document's.
    const chars = (items: readonly RedlineItem[], openGaps: boolean): number =>
      items.reduce((count, item) => {
        if (item.kind === "gap") return count + (openGaps ? chars(item.items, true) : 0);
        if (item.kind === "moved_away") return count;
        return count + (item.runs ?? []).reduce((sum, run) => sum + run.text.length, 0) + chars(item.children, openGaps);
      }, 0);
    const shown = chars(collapsed.items, false);
    const total = chars(collapsed.items, true);
    // 50 changes spread over 600 clauses, each with a clause of context on either side and its
    // chapters' own text: about a third of the text; the rest is a line per gap.
    expect(shown).toBeLessThan(total / 2);
  });
});
