import { describe, expect, test } from "vitest";
import type { Node } from "prosemirror-model";
import { EditorState, TextSelection } from "prosemirror-state";
import { ySyncPluginKey } from "y-prosemirror";
import { idOf } from "./ids";
import { uniqueIds } from "./plugins/unique-ids";
import { schema } from "./schema";
import { clause, doc, foreword, note, p, posOf, title } from "./test-builders";

function withPlugin(document: Node): EditorState {
  return EditorState.create({ doc: document, plugins: [uniqueIds()] });
}

function ids(document: Node): (string | null)[] {
  const found: (string | null)[] = [];
  document.descendants((node) => {
    if (node.type.name !== "text" && "id" in node.attrs) found.push(idOf(node));
    return !node.isTextblock;
  });
  return found;
}

const sample = () =>
  doc(foreword({ id: "fw" }, p("…")), clause({ id: "c1" }, title("范围"), p({ id: "para" }, "前半后半"), note({ id: "n1" }, p("注"))));

describe("unique ids", () => {
  test("a pasted copy of a clause gets fresh ids; the original keeps its own", () => {
    const state = withPlugin(sample());
    const original = state.doc.child(1);
    const next = state.apply(state.tr.insert(state.doc.content.size, original));
    const after = ids(next.doc);
    expect(new Set(after.filter((id) => id !== null)).size).toBe(after.filter((id) => id !== null).length);
    expect(idOf(next.doc.child(1))).toBe("c1");
    expect(idOf(next.doc.child(2))).not.toBe("c1");
    expect(posOf(next.doc, "n1")).toBeLessThan(next.doc.child(0).nodeSize + next.doc.child(1).nodeSize);
  });

  test("splitting a paragraph gives the second half a fresh id", () => {
    const state = withPlugin(sample());
    const at = posOf(state.doc, "para") + 3;
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)).split(at));
    const paragraphs = next.doc.child(1);
    expect(idOf(paragraphs.child(1))).toBe("para");
    expect(idOf(paragraphs.child(2))).toMatch(/^[a-z][a-z2-9]{9}$/);
  });

  test("nodes that need an id and were created without one get one; paragraphs stay without", () => {
    const state = withPlugin(sample());
    const bare = schema.nodes.clause.create(null, [schema.nodes.clause_title.create(), schema.nodes.paragraph.create()]);
    const next = state.apply(state.tr.insert(state.doc.content.size, bare));
    expect(idOf(next.doc.child(2))).not.toBeNull();
    expect(idOf(next.doc.child(2).child(1))).toBeNull();
  });

  test("typing adds no transaction, and changes from Yjs are left to the client that made them", () => {
    const state = withPlugin(sample());
    const typed = state.tr.insertText("字", posOf(state.doc, "para") + 1);
    expect(state.applyTransaction(typed).transactions).toHaveLength(1);
    const remote = state.tr.insert(state.doc.content.size, state.doc.child(1)).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const result = state.applyTransaction(remote);
    expect(result.transactions).toHaveLength(1);
    expect(idOf(result.state.doc.child(2))).toBe("c1");
  });
});
