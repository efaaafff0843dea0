import { describe, expect, it } from "vitest";
import { br, em, p, strong, xref } from "~/editor/test-builders";
import { diffInline } from "./inline";
import type { Run } from "./types";

const noRefs = (target: string) => `→${target}`;

function show(runs: readonly Run[]): string {
  return runs.map((run) => (run.op === "equal" ? run.text : run.op === "insert" ? `{+${run.text}+}` : `[-${run.text}-]`)).join("");
}

describe("diffInline", () => {
  it("changes Chinese character by character", () => {
    expect(show(diffInline(p("额定电流不应超过250 A。"), p("额定电流不应大于250 A。"), noRefs, noRefs))).toBe("额定电流不应[-超过-]{+大于+}250 A。");
  });

  it("folds a short equal stretch between two changes into them, so a rewrite reads as one", () => {
    // 的 is shared but no longer than the changes on either side of it.
    expect(show(diffInline(p("甲的乙"), p("丙的丁"), noRefs, noRefs))).toBe("[-甲的乙-]{+丙的丁+}");
    // A longer shared stretch stays.
    expect(show(diffInline(p("甲充电连接装置乙"), p("丙充电连接装置丁"), noRefs, noRefs))).toBe("[-甲-]{+丙+}充电连接装置[-乙-]{+丁+}");
  });

  it("shows a word that became bold as deleted plain and inserted bold", () => {
    const runs = diffInline(p("a shall b"), p("a ", strong("shall"), " b"), noRefs, noRefs);
    expect(runs).toEqual([
      { op: "equal", text: "a ", marks: [] },
      { op: "delete", text: "shall", marks: [] },
      { op: "insert", text: "shall", marks: [{ type: "strong" }] },
      { op: "equal", text: " b", marks: [] },
    ]);
  });

  it("keeps marks on equal runs and splits runs where marks change", () => {
    const runs = diffInline(p("x ", em("italic"), " y"), p("x ", em("italic"), " z"), noRefs, noRefs);
    expect(runs.map((run) => [run.op, run.text, run.marks.map((mark) => mark.type).join()])).toEqual([
      ["equal", "x ", ""],
      ["equal", "italic", "em"],
      ["equal", " ", ""],
      ["delete", "y", ""],
      ["insert", "z", ""],
    ]);
  });

  it("compares cross-references by target, showing each version's own text", () => {
    const runs = diffInline(p("见", xref("a"), "。"), p("见", xref("b"), "。"), (t) => `old ${t}`, (t) => `new ${t}`);
    expect(runs).toEqual([
      { op: "equal", text: "见", marks: [] },
      { op: "delete", text: "old a", marks: [], atom: { type: "cross_ref", target: "a" } },
      { op: "insert", text: "new b", marks: [], atom: { type: "cross_ref", target: "b" } },
      { op: "equal", text: "。", marks: [] },
    ]);
  });

  it("reports an inserted line break as an atom", () => {
    expect(diffInline(p("ab"), p("a", br(), "b"), noRefs, noRefs)).toContainEqual({ op: "insert", text: "\n", marks: [], atom: { type: "hard_break" } });
  });
});
