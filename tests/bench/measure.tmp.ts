import { generateLargeStandard } from "./editor-fixture";
import { computeNumbering } from "~/editor/numbering";
import { Decoration, DecorationSet } from "prosemirror-view";
import { prosemirrorToYDoc } from "y-prosemirror";
import * as Y from "yjs";
const t0 = performance.now();
const doc = generateLargeStandard();
const t1 = performance.now();
let counts: Record<string, number> = {};
doc.descendants((n) => { counts[n.type.name] = (counts[n.type.name] ?? 0) + 1; return true; });
console.log("gen", (t1 - t0).toFixed(1), "chars", doc.textContent.length, "nodeSize", doc.nodeSize, counts);
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  const num = computeNumbering(doc, "GB");
  const b = performance.now();
  const decos: Decoration[] = [];
  for (const item of num.byPos.values()) { const node = doc.nodeAt(item.pos)!; decos.push(Decoration.node(item.pos, item.pos + node.nodeSize, { "data-label": item.label })); }
  const set = DecorationSet.create(doc, decos);
  const c = performance.now();
  console.log("numbering", (b - a).toFixed(2), "decos", (c - b).toFixed(2), num.byPos.size);
}
const yd = prosemirrorToYDoc(doc);
const up = Y.encodeStateAsUpdate(yd);
console.log("y update bytes", up.length);
