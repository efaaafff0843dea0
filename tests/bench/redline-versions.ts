/*
 * Two versions of the bench's 200-page standard (editor-fixture.ts: 600 clauses, 80 tables, 300 term
 * entries, about 100,000 characters): the generated one, and a revision with 50 changed sections of
 * the kinds a committee makes between two drafts, spread through the document:
 *   35 clauses with edited text, 2 with an edited table cell, 3 term entries with an edited definition,
 *   5 inserted clauses (two of them top-level chapters, which renumber every clause after them),
 *   3 deleted clauses, 2 moved clauses
 *   (one of them also edited).
 * `EXPECTED` says what a correct redline reports, so the bench can check it measured the real thing.
 *
 * Deterministic: the same revision on every run.
 */
import { generateLargeStandard } from "./editor-fixture";
import { clauseNode, cloneDoc, findId, insertAfter, insertInto, paragraph, removeId, type PMNode } from "~/versions/test-documents";

export const EXPECTED = { modified: 40, inserted: 5, deleted: 3, moved: 2 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks that JSON from Node.toJSON (typed `any` by ProseMirror) has the shape the helpers expect. */
function asPMNode(value: unknown): PMNode {
  if (!isRecord(value) || typeof value.type !== "string") throw new Error("not a ProseMirror JSON node");
  const node: PMNode = { type: value.type };
  if (isRecord(value.attrs)) node.attrs = value.attrs;
  if (typeof value.text === "string") node.text = value.text;
  if (Array.isArray(value.marks)) {
    node.marks = value.marks.map((mark: unknown) => {
      if (!isRecord(mark) || typeof mark.type !== "string") throw new Error("not a ProseMirror JSON mark");
      return isRecord(mark.attrs) ? { type: mark.type, attrs: mark.attrs } : { type: mark.type };
    });
  }
  if (Array.isArray(value.content)) node.content = value.content.map((child: unknown) => asPMNode(child));
  return node;
}

function clausesOf(node: PMNode): PMNode[] {
  return (node.content ?? []).filter((child) => child.type === "clause");
}

function idOf(node: PMNode): string {
  const id = node.attrs?.id;
  if (typeof id !== "string") throw new Error(`${node.type} without an id`);
  return id;
}

/** General clauses in document order, with whether they have subclauses. */
function generalClauses(doc: PMNode): { id: string; leaf: boolean; hasTable: boolean }[] {
  const found: { id: string; leaf: boolean; hasTable: boolean }[] = [];
  const walk = (node: PMNode) => {
    for (const child of clausesOf(node)) {
      if (child.attrs?.kind === "general") {
        found.push({
          id: idOf(child),
          leaf: clausesOf(child).length === 0,
          hasTable: (child.content ?? []).some((block) => block.type === "table_block"),
        });
      }
      walk(child);
    }
  };
  walk(doc);
  return found;
}

function firstText(node: PMNode): PMNode {
  if (node.type === "text") return node;
  for (const child of node.content ?? []) {
    const text = firstText(child);
    if (text.type === "text") return text;
  }
  return { type: "none" };
}

/** An editor's edit: a few characters replaced in the middle of the first paragraph, a phrase added at its end. */
function editFirstParagraph(doc: PMNode, id: string, round: number): void {
  const body = (findId(doc, id).node.content ?? []).find((block) => block.type === "paragraph");
  const text = body ? firstText(body) : undefined;
  if (!text?.text) throw new Error(`${id} has no paragraph text`);
  const middle = 20 + (round % 30);
  text.text = `${text.text.slice(0, middle)}${round % 2 === 0 ? "经协商后" : " as agreed "}${text.text.slice(middle + 4)}（第${round}次修订）`;
}

function editTableCell(doc: PMNode, clauseId: string): void {
  const table = (findId(doc, clauseId).node.content ?? []).find((block) => block.type === "table_block");
  const cell = table?.content?.[1].content?.[2].content?.[1];
  const text = cell ? firstText(cell) : undefined;
  if (!text?.text) throw new Error(`${clauseId} has no table to edit`);
  text.text = text.text.replace("50", "45");
}

function editDefinition(doc: PMNode, termId: string): void {
  const definition = (findId(doc, termId).node.content ?? []).find((field) => field.type === "term_definition");
  const text = definition ? firstText(definition) : undefined;
  if (!text?.text) throw new Error(`${termId} has no definition`);
  text.text = text.text.replace("参数或功能单元", "参数、状态或功能单元");
}

/** The generated standard and its revision, as stored JSON. */
export function benchVersions(): { older: PMNode; newer: PMNode } {
  const older = asPMNode(generateLargeStandard().toJSON());
  const newer = cloneDoc(older);
  const clauses = generalClauses(older);
  const leaves = clauses.filter((clause) => clause.leaf);
  const withTables = clauses.filter((clause) => clause.hasTable);
  const used = new Set<string>();
  // Every target is picked once, spread over the document by a stride.
  const pick = (from: readonly { id: string }[], count: number, offset: number): string[] => {
    const picked: string[] = [];
    const stride = Math.floor(from.length / count);
    for (let i = offset; picked.length < count && i < from.length * 2; i += stride) {
      const { id } = from[i % from.length];
      if (used.has(id)) continue;
      used.add(id);
      picked.push(id);
    }
    if (picked.length < count) throw new Error("not enough clauses to pick from");
    return picked;
  };

  const tableEdits = pick(withTables, 2, 3);
  const deletions = pick(leaves, 3, 11);
  const moves = pick(leaves, 2, 47);
  const insertAfterIds = [...pick(leaves, 3, 29), ...pick(clausesOf(older).filter((clause) => clause.attrs?.kind === "general").map((clause) => ({ id: idOf(clause) })), 2, 3)];
  const edits = pick(clauses, 35, 5);
  // The parents that receive the moved clauses must not themselves be deleted or moved.
  const moveTargets = pick(
    clauses.filter((clause) => !clause.leaf),
    2,
    40,
  );

  edits.forEach((id, round) => editFirstParagraph(newer, id, round));
  tableEdits.forEach((id) => editTableCell(newer, id));
  ["term-10", "term-150", "term-290"].forEach((id) => editDefinition(newer, id));
  insertAfterIds.forEach((id, i) =>
    insertAfter(newer, id, clauseNode(`c-new-${i + 1}`, `新增要求${i + 1}`, paragraph(`充电连接装置应满足新增的第${i + 1}项要求，具体试验方法见附录。`))),
  );
  deletions.forEach((id) => removeId(newer, id));
  moves.forEach((id, i) => {
    const moved = removeId(newer, id);
    if (i === 0) {
      const text = firstText(moved.content?.[1] ?? { type: "none" });
      if (text.text) text.text = `${text.text}（移至此处后修改）`;
    }
    insertInto(newer, moveTargets[i], -1, moved);
  });
  return { older, newer };
}
