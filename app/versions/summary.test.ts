import { describe, expect, it } from "vitest";
import { demoDraftZh } from "../../prisma/seed/demo-drafts";
import { computeRedline } from "./redline";
import { summarize } from "./summary";
import { clauseNode, cloneDoc, insertAfter, insertInto, paragraph, removeId, replaceText } from "./test-documents";

describe("summarize", () => {
  it("lists every changed section with its counts, grouped by what happened, and totals them", () => {
    const newer = cloneDoc(demoDraftZh);
    replaceText(newer, "c-4-4", "IP55", "IP67");
    insertAfter(newer, "c-7-3", clauseNode("c-7-4", "贮存", paragraph("产品应贮存在通风干燥的室内。")));
    removeId(newer, "c-a-3");
    insertInto(newer, "c-7", 1, removeId(newer, "c-7-2"));

    const { summary, changes } = computeRedline(demoDraftZh, newer, "GB");

    expect(summary.changed.map((row) => [row.status, row.label, row.inserted.tokens, row.deleted.tokens])).toEqual([
      ["modified", "4.4", 1, 1],
      ["moved", "7.1", 0, 0],
      // Title 贮存 and 产品应贮存在通风干燥的室内。, character by character.
      ["inserted", "7.4", 16, 0],
      ["deleted", "A.3", 0, changes[3].deleted.tokens],
    ]);
    expect(changes[3].deleted.tokens).toBeGreaterThan(10);
    expect(summary.modified.map((row) => row.label)).toEqual(["4.4"]);
    expect(summary.inserted).toEqual([{ id: "c-7-4", type: "clause", label: "7.4", title: "贮存" }]);
    expect(summary.deleted.map((row) => row.label)).toEqual(["A.3"]);
    expect(summary.moved).toEqual([{ id: "c-7-2", type: "clause", label: "7.1", title: expect.any(String), from: "7.2", to: "7.1" }]);
    // 7.1 became 7.2 when 7.2 moved in front of it.
    expect(summary.renumbered).toBe(1);
    expect(summary.totals.inserted.tokens).toBe(17);
    expect(summary.totals.deleted.tokens).toBe(1 + changes[3].deleted.tokens);
  });

  it("is empty for no changes", () => {
    expect(summarize([], 0)).toEqual({
      changed: [],
      inserted: [],
      deleted: [],
      modified: [],
      moved: [],
      renumbered: 0,
      totals: { inserted: { tokens: 0, chars: 0 }, deleted: { tokens: 0, chars: 0 } },
    });
  });
});
