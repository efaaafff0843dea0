import { describe, expect, test } from "vitest";
import type { Command, EditorState } from "prosemirror-state";
import { TextSelection } from "prosemirror-state";
import { clause, doc, foreword, li, list, p, stateAt, title } from "../test-builders";
import { insertList, splitListItem } from "./list-keys";

function run(state: EditorState, command: Command): EditorState | null {
  const result: { next: EditorState | null } = { next: null };
  command(state, (tr) => (result.next = state.apply(tr)));
  result.next?.doc.check();
  return result.next;
}

const withList = () => doc(foreword(p("x")), clause({ id: "c" }, title("t"), list({ style: "alpha" }, li(p("甲乙")), li(p(""))), p("后")));

/** A text cursor `offset` characters into the item whose text is `text`. */
function inItem(state: EditorState, text: string, offset = 0): EditorState {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === "list_item" && node.textContent === text) found = pos;
    return found < 0;
  });
  if (found < 0) throw new Error(`No item ${text}`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, found + 2 + offset)));
}

/** The texts of the list items, in order. */
function items(state: EditorState): string[] {
  const texts: string[] = [];
  state.doc.descendants((node) => {
    if (node.type.name === "list_item") texts.push(node.textContent);
    return true;
  });
  return texts;
}

describe("list keys", () => {
  test("Enter in an item splits it into two items", () => {
    const next = run(inItem(stateAt(withList(), 0), "甲乙", 1), splitListItem);
    expect(next && items(next)).toEqual(["甲", "乙", ""]);
  });

  test("Enter in the empty last item leaves the list with a paragraph after it", () => {
    const next = run(inItem(stateAt(withList(), 0), ""), splitListItem);
    expect(next && items(next)).toEqual(["甲乙"]);
    expect(next?.selection.$from.parent.type.name).toBe("paragraph");
    expect(next?.selection.$from.node(-1).type.name).toBe("clause");
  });

  test("a paragraph becomes a list item", () => {
    const document = doc(foreword(p("x")), clause({ id: "c" }, title("t"), p("文字")));
    const state = stateAt(document, document.content.size - 4);
    const next = run(state, insertList("dash"));
    expect(next && items(next)).toEqual(["文字"]);
    expect(next?.selection.$from.parent.textContent).toBe("文字");
  });
});
