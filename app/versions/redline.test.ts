import { describe, expect, it } from "vitest";
import { clause, doc, em, foreword, p, strong, title, xref } from "~/editor/test-builders";
import { schema } from "~/editor/schema";
import { AppError } from "~/utils/errors";
import { demoDraftEn, demoDraftZh } from "../../prisma/seed/demo-drafts";
import { computeRedline } from "./redline";
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
} from "./test-documents";
import type { DiffNode, Redline, Run, SectionChange } from "./types";

/** Every diff node in the merged tree, depth first. */
function allNodes(nodes: readonly DiffNode[]): DiffNode[] {
  return nodes.flatMap((node) => {
    const children =
      node.status === "modified" && node.content.kind === "blocks"
        ? node.content.children
        : node.status === "inserted" || node.status === "deleted"
          ? (node.children ?? [])
          : [];
    return [node, ...allNodes(children)];
  });
}

function runsOf(change: SectionChange): Run[] {
  return allNodes(change.blocks).flatMap((node) => (node.status === "modified" && node.content.kind === "text" ? node.content.runs : []));
}

/** The runs written as a reviewer reads them: [-deleted-] and {+inserted+}. */
function redlineText(runs: readonly Run[]): string {
  return runs.map((run) => (run.op === "equal" ? run.text : run.op === "insert" ? `{+${run.text}+}` : `[-${run.text}-]`)).join("");
}

function brief(redline: Redline): string[] {
  return redline.changes.map((change) => `${change.status} ${change.label}`);
}

const zh = (): PMNode => cloneDoc(demoDraftZh);

describe("computeRedline", () => {
  it("finds nothing between identical documents", () => {
    const redline = computeRedline(demoDraftZh, cloneDoc(demoDraftZh), "GB");
    expect(redline.changes).toEqual([]);
    expect(redline.summary.changed).toEqual([]);
    expect(redline.summary.renumbered).toBe(0);
    expect(redline.summary.totals).toEqual({ inserted: { tokens: 0, chars: 0 }, deleted: { tokens: 0, chars: 0 } });
    expect(redline.blocks.every((block) => block.status === "unchanged" && block.move === null)).toBe(true);
  });

  it("reports an edit, an inserted clause and a deleted clause as exactly three changes, numbered as in the newer text", () => {
    const newer = zh();
    // Edit 4.3 温升; insert a clause after 4.2, which makes 4.3 into 4.4; delete 6.1, which makes 6.2 into 6.1.
    replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不应大于45 K");
    insertAfter(newer, "c-4-2", clauseNode("c-new", "接口兼容性", paragraph("车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。")));
    removeId(newer, "c-6-1");

    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["inserted 4.3", "modified 4.4", "deleted 6.1"]);
    const [inserted, edited, deleted] = redline.changes;
    expect(inserted).toMatchObject({ id: "c-new", number: "4.3", title: "接口兼容性", oldNumber: null, newNumber: "4.3" });
    expect(inserted.inserted.tokens).toBeGreaterThan(20);
    expect(edited).toMatchObject({ id: "c-4-3", number: "4.4", oldNumber: "4.3", newNumber: "4.4", move: null });
    expect(redlineText(runsOf(edited))).toContain("温升不应大于[-50-]{+45+} K");
    expect(edited.inserted).toEqual({ tokens: 1, chars: 2 });
    expect(edited.deleted).toEqual({ tokens: 1, chars: 2 });
    expect(deleted).toMatchObject({ id: "c-6-1", number: "6.1", oldNumber: "6.1", newNumber: null, title: "检验分类" });

    // 4.3 … 4.8 with 4.5.1 … 4.5.5 moved up one number and 6.2 … 6.4 down one; none of that is a change.
    expect(redline.summary.renumbered).toBe(14);
    expect(redline.summary.inserted.map((s) => s.label)).toEqual(["4.3"]);
    expect(redline.summary.deleted.map((s) => s.label)).toEqual(["6.1"]);
    expect(redline.summary.modified.map((s) => s.label)).toEqual(["4.4"]);
    expect(redline.summary.moved).toEqual([]);

    // Positions point into the documents parsed from the same JSON, for renderers and the exporter.
    expect(schema.nodeFromJSON(newer).nodeAt(edited.newPos ?? -1)?.attrs.id).toBe("c-4-3");
    expect(schema.nodeFromJSON(demoDraftZh).nodeAt(edited.oldPos ?? -1)?.attrs.id).toBe("c-4-3");
    expect(schema.nodeFromJSON(demoDraftZh).nodeAt(deleted.oldPos ?? -1)?.attrs.id).toBe("c-6-1");
    // Plain data: it survives being sent as JSON.
    expect(JSON.parse(JSON.stringify(redline))).toEqual(redline);
  });

  it("does not report clauses that were only renumbered", () => {
    const newer = zh();
    removeId(newer, "c-4-1");
    const redline = computeRedline(demoDraftZh, newer, "GB");
    expect(brief(redline)).toEqual(["deleted 4.1"]);
    // 4.2 … 4.8 and their subclauses 4.5.1 … 4.5.5 were renumbered.
    expect(redline.summary.renumbered).toBe(12);
  });

  it("reports a moved clause as a move with its own edits, not as a deletion and an insertion", () => {
    const newer = zh();
    const moved = removeId(newer, "c-5-4");
    insertInto(newer, "c-6", -1, moved);
    replaceText(newer, "c-5-4", "试验", "测试");

    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["moved 6.5"]);
    const [change] = redline.changes;
    expect(change).toMatchObject({ id: "c-5-4", oldNumber: "5.4", newNumber: "6.5", move: { from: "5.4", to: "6.5" }, edited: true });
    expect(redlineText(runsOf(change))).toContain("[-试验-]{+测试+}");
    expect(redline.summary.moved).toEqual([expect.objectContaining({ id: "c-5-4", from: "5.4", to: "6.5" })]);
    // Where it stood, the tree keeps a marker pointing to where it went.
    const away = allNodes(redline.blocks).find((node) => node.status === "moved_away");
    expect(away).toMatchObject({ id: "c-5-4", move: { from: "5.4", to: "6.5" } });
  });

  it("reports a clause moved among its siblings as one move, not a change to every clause between", () => {
    const newer = zh();
    const moved = removeId(newer, "c-4-8");
    insertInto(newer, "c-4", 1, moved); // after the title: now 4.1

    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["moved 4.1"]);
    expect(redline.changes[0]).toMatchObject({ id: "c-4-8", move: { from: "4.8", to: "4.1" }, edited: false, inserted: { tokens: 0 } });
  });

  it("compares tables cell by cell and reports the changed table with the clause that holds it", () => {
    const newer = zh();
    const table = findId(newer, "t-rated").node;
    const rows = table.content?.[1].content ?? [];
    // Row 3 (额定电流), column C型: 800 → 750.
    const cell = rows[2].content?.[4].content?.[0].content?.[0];
    if (!cell) throw new Error("test table changed shape");
    cell.text = "750";

    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["modified 4.2"]);
    const [change] = redline.changes;
    expect(change.elements).toEqual([{ type: "table_block", id: "t-rated", label: "表 1", status: "modified" }]);
    expect(redlineText(runsOf(change))).toBe("[-800-]{+750+}");
    const grid = allNodes(change.blocks).find((node) => node.type === "table");
    expect(grid?.status === "modified" && grid.content.kind === "blocks" ? grid.content.table : null).toEqual({
      insertedRows: [],
      deletedRows: [],
      insertedColumns: [],
      deletedColumns: [],
    });
  });

  it("reports added rows and columns of a table", () => {
    const newer = zh();
    const grid = findId(newer, "t-rated").node.content?.[1];
    if (!grid?.content) throw new Error("test table changed shape");
    const cellOf = (type: string, text: string): PMNode => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [paragraph(text)],
    });
    // A D型 column at the end, and a row for 防护等级 at the end.
    grid.content.forEach((row, index) => row.content?.push(cellOf(index === 0 ? "table_header" : "table_cell", index === 0 ? "D型" : "—")));
    grid.content.push({ type: "table_row", content: ["防护等级", "—", "IP55", "IP55", "IP55", "IP55"].map((text) => cellOf("table_cell", text)) });

    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["modified 4.2"]);
    const node = allNodes(redline.changes[0].blocks).find((n) => n.type === "table");
    expect(node?.status === "modified" && node.content.kind === "blocks" ? node.content.table : null).toEqual({
      insertedRows: [7],
      deletedRows: [],
      insertedColumns: [5],
      deletedColumns: [],
    });
    // Each old row gained exactly one inserted cell; none of the old cells changed.
    const cells = allNodes(redline.changes[0].blocks).filter((n) => n.type === "table_cell" || n.type === "table_header");
    expect(cells.filter((n) => n.status === "inserted")).toHaveLength(7);
    expect(cells.filter((n) => n.status === "modified" || n.status === "deleted")).toHaveLength(0);
  });

  it("reports removed rows and columns of a table", () => {
    const newer = zh();
    const grid = findId(newer, "t-rated").node.content?.[1];
    if (!grid?.content) throw new Error("test table changed shape");
    grid.content.forEach((row) => row.content?.splice(1, 1)); // the 单位 column
    grid.content.splice(4, 1); // the 冷却方式 row

    const [change] = computeRedline(demoDraftZh, newer, "GB").changes;
    const node = allNodes(change.blocks).find((n) => n.type === "table");
    expect(node?.status === "modified" && node.content.kind === "blocks" ? node.content.table : null).toEqual({
      insertedRows: [],
      deletedRows: [4],
      insertedColumns: [],
      deletedColumns: [1],
    });
    // Six remaining rows lost their 单位 cell; the deleted row is one deletion, not its cells.
    const cells = allNodes(change.blocks).filter((n) => n.type === "table_cell" || n.type === "table_header");
    expect(cells.filter((n) => n.status === "deleted")).toHaveLength(6);
    expect(cells.filter((n) => n.status === "modified" || n.status === "inserted")).toHaveLength(0);
  });

  it("compares term entries field by field", () => {
    const newer = zh();
    replaceText(newer, "term-temp-rise", "同时刻环境温度之差", "同一时刻环境温度之差");
    const redline = computeRedline(demoDraftZh, newer, "GB");

    expect(brief(redline)).toEqual(["modified 3.6"]);
    const [change] = redline.changes;
    expect(change).toMatchObject({ type: "term_entry", id: "term-temp-rise", title: "温升", fields: ["definition"] });
    expect(redlineText(runsOf(change))).toBe("在规定的试验条件下，充电连接装置被测部位的温度与同{+一+}时刻环境温度之差");
    expect(change.inserted).toEqual({ tokens: 1, chars: 1 });
  });

  it("reports each changed field of a term entry, including an added admitted term", () => {
    const newer = zh();
    replaceText(newer, "term-rated-current", "额定电流", "额定工作电流");
    const entry = findId(newer, "term-rated-current").node.content ?? [];
    entry.splice(2, 0, { type: "term_admitted", content: [{ type: "text", text: "额定载流" }] });

    const [change] = computeRedline(demoDraftZh, newer, "GB").changes;
    expect(change.fields).toEqual(["preferred", "admitted"]);
    expect(change.title).toBe("额定工作电流");
  });

  it("aligns paragraphs without ids inside a clause, so an inserted paragraph leaves its neighbours unchanged", () => {
    const older = doc(
      foreword({ id: "fw" }, p("前言。")),
      clause({ id: "c1" }, title("要求"), p("第一段保持不变。"), p("第二段也保持不变。"), p("第三段的文字将被修改。")),
    );
    const newer = doc(
      foreword({ id: "fw" }, p("前言。")),
      clause({ id: "c1" }, title("要求"), p("第一段保持不变。"), p("新插入的一段。"), p("第二段也保持不变。"), p("第三段的文字已被修改。")),
    );
    const [change] = computeRedline(older.toJSON(), newer.toJSON(), "GB").changes;
    expect(change.blocks.map((block) => `${block.status} ${block.type}`)).toEqual(["inserted paragraph", "modified paragraph"]);
    expect(redlineText(runsOf(change))).toBe("第三段的文字[-将-]{+已+}被修改。");
    // 新插入的一段。 and 已.
    expect(change.inserted).toEqual({ tokens: 8, chars: 8 });
  });

  it("pairs paragraphs by their ids when they have them", () => {
    const older = doc(foreword({ id: "fw" }, p("x")), clause({ id: "c1" }, title("t"), p({ id: "pa" }, "Alpha text here."), p({ id: "pb" }, "Beta text here.")));
    const newer = doc(foreword({ id: "fw" }, p("x")), clause({ id: "c1" }, title("t"), p({ id: "pb" }, "Beta text here."), p({ id: "pa" }, "Alpha text there.")));
    const [change] = computeRedline(older.toJSON(), newer.toJSON(), "ISO").changes;
    // Of two swapped paragraphs either may be the one that moved; the edit stays with its paragraph.
    const moved = change.blocks.filter((block) => block.status === "moved_away").map((block) => block.id);
    expect(moved).toHaveLength(1);
    expect(change.blocks.filter((block) => block.status === "modified").map((block) => block.id)).toEqual(["pa"]);
    expect(change.blocks.filter((block) => block.status === "inserted" || block.status === "deleted")).toEqual([]);
    expect(redlineText(runsOf(change))).toBe("Alpha text [-here-]{+there+}.");
  });

  it("compares English text word by word and keeps marks on the runs", () => {
    const older = doc(foreword({ id: "fw" }, p("x")), clause({ id: "c1" }, title("Scope"), p("The station ", em("shall"), " be inspected every month.")));
    const newer = doc(foreword({ id: "fw" }, p("x")), clause({ id: "c1" }, title("Scope"), p("The station ", em("shall"), " be inspected every ", strong("week"), ".")));
    const [change] = computeRedline(older.toJSON(), newer.toJSON(), "ISO").changes;
    const runs = runsOf(change);
    expect(redlineText(runs)).toBe("The station shall be inspected every [-month-]{+week+}.");
    expect(runs.find((run) => run.text === "shall")?.marks).toEqual([{ type: "em" }]);
    expect(runs.find((run) => run.text === "week")).toEqual({ op: "insert", text: "week", marks: [{ type: "strong" }] });
    expect(change.label).toBe("1");
  });

  it("does not report a cross-reference whose target was renumbered, and shows it with the newer number", () => {
    const older = doc(
      foreword({ id: "fw" }, p("x")),
      clause({ id: "c1" }, title("A"), p("See ", xref("c2"), ".")),
      clause({ id: "c2" }, title("B"), p("Target.")),
    );
    const newer = doc(
      foreword({ id: "fw" }, p("x")),
      clause({ id: "c0" }, title("New"), p("Inserted first.")),
      clause({ id: "c1" }, title("A"), p("See ", xref("c2"), ", as amended.")),
      clause({ id: "c2" }, title("B"), p("Target.")),
    );
    const redline = computeRedline(older.toJSON(), newer.toJSON(), "ISO");
    expect(brief(redline)).toEqual(["inserted 1", "modified 2"]);
    const runs = runsOf(redline.changes[1]);
    expect(runs).toContainEqual({ op: "equal", text: "Clause 3", marks: [], atom: { type: "cross_ref", target: "c2" } });
    expect(redlineText(runs)).toBe("See Clause 3{+, as amended+}.");
  });

  it("reports an annex attribute change and names the annex as the newer text does", () => {
    const newer = cloneDoc(demoDraftEn);
    const annex = newer.content?.find((node) => node.type === "annex");
    if (!annex?.attrs) throw new Error("the English draft has no annex");
    annex.attrs.normative = !annex.attrs.normative;
    const [change] = computeRedline(demoDraftEn, newer, "ISO").changes;
    expect(change).toMatchObject({ type: "annex", label: "Annex A", number: "A", status: "modified" });
    expect(change.attrs).toEqual([{ name: "normative", old: annex.attrs.normative === false, new: annex.attrs.normative }]);
  });

  it("reports a deleted clause with its subclauses, each under its old number", () => {
    const newer = zh();
    removeId(newer, "c-5-6");
    expect(brief(computeRedline(demoDraftZh, newer, "GB"))).toEqual(["deleted 5.6", "deleted 5.6.1", "deleted 5.6.2", "deleted 5.6.3"]);
  });

  it("reports a subclause moved out of a deleted clause as moved", () => {
    const newer = zh();
    const keep = removeId(newer, "c-5-6-2");
    removeId(newer, "c-5-6");
    insertAfter(newer, "c-5-5", keep);
    const redline = computeRedline(demoDraftZh, newer, "GB");
    // The deleted clause keeps its old number 5.6; the subclause that survived it is the new 5.6.
    expect(brief(redline)).toEqual(["deleted 5.6", "deleted 5.6.1", "deleted 5.6.3", "moved 5.6"]);
    expect(redline.changes[3].move).toEqual({ from: "5.6.2", to: "5.6" });
  });

  it("refuses a document the schema rejects, naming which one", () => {
    const broken = { type: "doc", content: [{ type: "no_such_node" }] };
    expect(() => computeRedline(broken, demoDraftZh, "GB")).toThrow(AppError);
    expect(() => computeRedline(demoDraftZh, broken, "GB")).toThrow(/newer version/);
  });
});
