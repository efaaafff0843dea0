// Anchors follow their text through edits made elsewhere, stay the same size when text is typed at
// their edges, and are "lost" once their text is deleted, even if someone types there afterwards.
import { fromBase64 } from "lib0/buffer";
import { prosemirrorToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import { describe, expect, test } from "vitest";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { createTemplate } from "~/editor/templates";
import { clauseIdsByNumber, clauseLabel, contextAt, encodeAnchor, openText, resolveAnchor, type EncodedAnchor } from "./anchors";

function setup() {
  const ydoc = prosemirrorToYDoc(createTemplate("GB", { titleZh: "标准", titleEn: "Standard" }), PROSEMIRROR_FRAGMENT);
  const text = openText(Y.encodeStateAsUpdate(ydoc), "GB");
  const scopeStart = text.doc.textContent.indexOf("本文件规定了");
  let from = -1;
  text.doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text?.startsWith("本文件规定了")) from = pos;
    return from < 0;
  });
  expect(scopeStart).toBeGreaterThan(0);
  const fragment = ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const clause = fragment.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "clause");
  const paragraph = clause?.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  const yText = paragraph?.get(0);
  if (!(yText instanceof Y.XmlText)) throw new Error("no scope paragraph");
  const where = (anchor: EncodedAnchor) => {
    const now = openText(Y.encodeStateAsUpdate(ydoc), "GB");
    const range = resolveAnchor(now.ydoc, now.fragment, now.mapping, fromBase64(anchor.start), fromBase64(anchor.end), true);
    return range ? { text: now.doc.textBetween(range.from, range.to), lost: range.lost } : null;
  };
  return { text, from, yText, where };
}

describe("anchors", () => {
  test("follow their words through edits before, after and at their edges", () => {
    const { text, from, yText, where } = setup();
    const anchor = encodeAnchor(text.fragment, text.mapping, from, from + 6);
    expect(where(anchor)).toEqual({ text: "本文件规定了", lost: false });
    yText.insert(6, "AFTER");
    yText.insert(0, "BEFORE");
    expect(where(anchor)).toEqual({ text: "本文件规定了", lost: false });
    yText.insert(8, "内");
    expect(where(anchor)).toEqual({ text: "本文内件规定了", lost: false });
  });

  test("are lost when their text is deleted, and stay lost when text is typed there", () => {
    const { text, from, yText, where } = setup();
    const anchor = encodeAnchor(text.fragment, text.mapping, from, from + 6);
    const inner = encodeAnchor(text.fragment, text.mapping, from + 2, from + 5);
    yText.delete(0, 6);
    expect(where(anchor)).toEqual({ text: "", lost: true });
    yText.insert(0, "NEW");
    expect(where(anchor)).toEqual({ text: "", lost: true });
    expect(where(inner)).toEqual({ text: "", lost: true });
  });

  test("know their clause, and clause numbers are looked up from the structure", () => {
    const { text, from } = setup();
    const { clauseId } = contextAt(text.doc, from);
    expect(clauseId).not.toBeNull();
    expect(clauseLabel(text.doc, text.numbering, clauseId)).toBe("1");
    const byNumber = clauseIdsByNumber(text.doc, text.numbering);
    expect(byNumber.get("1")).toBe(clauseId);
    expect(byNumber.get("3.1")).toBeTruthy();
    expect(byNumber.get("foreword")).toBeTruthy();
  });
});
