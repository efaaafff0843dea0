// Server-renders the view (react-dom/server needs no DOM), as a Remix page does before any script runs.
import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n, type AppLocale } from "~/utils/i18n";
import { computeRedline } from "~/versions/redline";
import { clauseNode, cloneDoc, insertAfter, insertInto, paragraph, removeId, replaceText, type PMNode } from "~/versions/test-documents";
import type { Redline } from "~/versions/types";
import { demoDraftZh } from "../../../prisma/seed/demo-drafts";
import { RedlineSummary } from "./redline-summary";
import { RedlineView, type RedlineMode } from "./redline-view";

function threeEdits(): PMNode {
  const newer = cloneDoc(demoDraftZh);
  replaceText(newer, "c-4-3", "直流功率端子的温升不应大于50 K", "直流功率端子的温升不应大于45 K");
  insertAfter(newer, "c-4-2", clauseNode("c-new", "接口兼容性", paragraph("车辆插头应能与符合GB/T 20234.3的车辆插座可靠插合。")));
  removeId(newer, "c-6-1");
  return newer;
}

function render(node: React.ReactNode, locale: AppLocale = "zh-CN"): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(locale)}>
      <MantineProvider>{node}</MantineProvider>
    </I18nextProvider>,
  );
}

function view(redline: Redline, newer: PMNode, mode: RedlineMode, locale?: AppLocale): string {
  return render(<RedlineView older={demoDraftZh} newer={newer} convention="GB" redline={redline} mode={mode} />, locale);
}

/** Text content of the first element matching `pattern` (tags stripped). */
function textOf(html: string, pattern: RegExp): string {
  return (pattern.exec(html)?.[0] ?? "").replace(/<[^>]+>/g, "");
}

describe("RedlineView", () => {
  const newer = threeEdits();
  const redline = computeRedline(demoDraftZh, newer, "GB");

  it("shows the edit, the inserted and the deleted clause inline, with screen-reader words around each mark", () => {
    const html = view(redline, newer, "inline");
    expect(html).toContain('<del class="rl-del"><span class="rl-sr">［删除：</span>50<span class="rl-sr">］</span></del>');
    expect(html).toContain('<ins class="rl-ins"><span class="rl-sr">［插入：</span>45<span class="rl-sr">］</span></ins>');
    // The inserted clause is 4.3 and the edited one 4.4, as the newer text numbers them.
    expect(textOf(html, /<section id="redline-c-new"[\s\S]*?<\/h3>/)).toBe("［插入：4.3］ ［插入：接口兼容性］新增");
    expect(textOf(html, /<section id="redline-c-4-3"[\s\S]*?<\/h3>/)).toBe("4.4 温升");
    // The deleted clause stands where it stood, under its old number, struck.
    expect(html).toMatch(/<section id="redline-deleted-c-6-1" class="std-clause rl-deleted"[\s\S]*?<del class="rl-del"><span class="rl-sr">［删除：<\/span>6\.1</);
    // Unchanged clauses far from a change are folded.
    expect(html).toContain("显示 3 个未修改的章条（前言–2）");
    expect(html).not.toContain("本文件按照GB/T 1.1—2020");
  });

  it("puts the older text on the left and the newer on the right, one row per block", () => {
    const html = view(redline, newer, "side-by-side", "en");
    expect(html).toContain('<div class="rl-row rl-columns-head"><div class="rl-col rl-col-old">Before</div><div class="rl-col rl-col-new">After</div></div>');
    // The edited clause's heading row: 4.3 on the left, 4.4 on the right.
    const heading = /<div class="rl-side-section" id="redline-c-4-3"[\s\S]*?<\/h3><\/div><\/div><\/div>/.exec(html)?.[0] ?? "";
    expect(heading.split('<div class="rl-col rl-col-new">').map((column) => column.replace(/<[^>]+>/g, ""))).toEqual(["4.3 温升", "4.4 温升"]);
    // The edited list item: only the deletion on the left, only the insertion on the right.
    const row = /<div class="rl-row rl-row-changed"><div class="rl-col rl-col-old"><ul class="std-list">[\s\S]*?<\/ul><\/div><div class="rl-col rl-col-new">[\s\S]*?<\/ul><\/div><\/div>/.exec(html)?.[0] ?? "";
    const [left, right] = row.split('<div class="rl-col rl-col-new">');
    expect(left).toContain("[deleted: </span>50");
    expect(left).not.toContain("rl-ins");
    expect(right).toContain("[inserted: </span>45");
    expect(right).not.toContain("rl-del");
    // The inserted clause has nothing on the left.
    expect(html).toMatch(/<div class="rl-side-section" id="redline-c-new"[^>]*><div class="rl-row rl-row-inserted"><div class="rl-col rl-col-old"><div class="rl-absent"><\/div>/);
  });

  it("marks a moved clause where it went and where it stood, each linking to the other", () => {
    const moved = cloneDoc(demoDraftZh);
    insertInto(moved, "c-6", -1, removeId(moved, "c-5-4"));
    const html = view(computeRedline(demoDraftZh, moved, "GB"), moved, "inline");
    expect(html).toContain('<a class="rl-badge rl-badge-moved" href="#redline-moved-c-5-4">由 5.4 移来</a>');
    expect(textOf(html, /<div class="rl-moved-away" id="redline-moved-c-5-4"[\s\S]*?<\/div>/)).toBe("［删除：5.4］ 已移至 6.5");
    expect(html).toMatch(/<div class="rl-moved-away" id="redline-moved-c-5-4"[^>]*>[\s\S]*?<a href="#redline-c-5-4">/);
  });

  it("says so when nothing changed", () => {
    const same = cloneDoc(demoDraftZh);
    const html = render(<RedlineView older={demoDraftZh} newer={same} convention="GB" redline={computeRedline(demoDraftZh, same, "GB")} mode="inline" />, "en");
    expect(html).toContain("The two versions have the same text.");
    expect(html).toContain("Show 11 unchanged sections (前言–参考文献)");
  });
});

describe("RedlineSummary", () => {
  it("lists the changed sections with links to the view, their counts and the totals", () => {
    const redline = computeRedline(demoDraftZh, threeEdits(), "GB");
    const html = render(<RedlineSummary summary={redline.summary} />, "en");
    expect(html).toContain("3 sections changed; 14 further sections only renumbered");
    for (const anchor of ["#redline-c-new", "#redline-c-4-3", "#redline-deleted-c-6-1"]) expect(html).toContain(`href="${anchor}"`);
    const rows = [...html.matchAll(/<tr[^>]*data-testid="redline-summary-row"[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      row
        .split("</td>")
        .map((cell) => cell.replace(/<[^>]+>/g, ""))
        .filter((cell) => cell !== ""),
    );
    expect(rows[0]).toEqual(["4.3 接口兼容性", "Inserted", expect.stringMatching(/^\+\d+$/), "—"]);
    expect(rows[1]).toEqual(["4.4 温升", "Changed", "+1", "−1"]);
    expect(rows[2]).toEqual(["6.1 检验分类", "Deleted", "—", expect.stringMatching(/^−\d+$/)]);
  });
});
