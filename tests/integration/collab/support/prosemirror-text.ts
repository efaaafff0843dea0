// Edits the ProseMirror fragment of a Y.Doc the way y-prosemirror would for typing in a paragraph.
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";

function firstParagraph(node: Y.XmlFragment | Y.XmlElement): Y.XmlElement | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) {
      if (child.nodeName === "paragraph") return child;
      const found = firstParagraph(child);
      if (found) return found;
    }
  }
  return null;
}

/** Types `text` at the start of the document's first paragraph. */
export function typeInFirstParagraph(doc: Y.Doc, text: string): void {
  const paragraph = firstParagraph(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  if (!paragraph) throw new Error("the document has no paragraph");
  const first = paragraph.get(0);
  if (first instanceof Y.XmlText) first.insert(0, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
}
