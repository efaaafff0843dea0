/*
 * Helpers for redline tests: edit a copy of a stored document (ProseMirror JSON) the way an editor
 * would, by element id, so that a test reads as the edit it makes.
 */
import type { PMNode } from "../../prisma/seed/demo-drafts";

export type { PMNode };

export function cloneDoc(doc: PMNode): PMNode {
  return structuredClone(doc);
}

interface Found {
  node: PMNode;
  parent: PMNode;
  index: number;
}

function find(root: PMNode, matches: (node: PMNode) => boolean): Found | null {
  const children = root.content ?? [];
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (matches(node)) return { node, parent: root, index };
    const inner = find(node, matches);
    if (inner) return inner;
  }
  return null;
}

/** The node with this id, its parent and its index there; throws so a typo fails loudly. */
export function findId(root: PMNode, id: string): Found {
  const found = find(root, (node) => node.attrs?.id === id);
  if (!found) throw new Error(`No node with id ${id}`);
  return found;
}

function childrenOf(node: PMNode): PMNode[] {
  if (!node.content) node.content = [];
  return node.content;
}

/** Removes the node with this id and returns it. */
export function removeId(root: PMNode, id: string): PMNode {
  const { parent, index } = findId(root, id);
  return childrenOf(parent).splice(index, 1)[0];
}

/** Inserts `node` into the node with id `parentId` at `index` (negative counts from the end). */
export function insertInto(root: PMNode, parentId: string, index: number, node: PMNode): void {
  const children = childrenOf(findId(root, parentId).node);
  children.splice(index < 0 ? children.length + 1 + index : index, 0, node);
}

/** Inserts `node` directly after the node with this id. */
export function insertAfter(root: PMNode, id: string, node: PMNode): void {
  const { parent, index } = findId(root, id);
  childrenOf(parent).splice(index + 1, 0, node);
}

/** The first text node under `node` whose text contains `search`. */
export function findText(node: PMNode, search: string): PMNode {
  if (node.type === "text" && node.text?.includes(search)) return node;
  for (const child of node.content ?? []) {
    const found = findText(child, search);
    if (found.type === "text") return found;
  }
  return { type: "none" };
}

/** Replaces `search` by `replacement` in the first text under the node with id `id` that contains it. */
export function replaceText(root: PMNode, id: string, search: string, replacement: string): void {
  const text = findText(findId(root, id).node, search);
  if (text.type !== "text" || text.text === undefined) throw new Error(`No text "${search}" in ${id}`);
  text.text = text.text.replace(search, replacement);
}

export function textNode(text: string): PMNode {
  return { type: "text", text };
}

export function paragraph(text: string): PMNode {
  return { type: "paragraph", attrs: { id: null }, content: [textNode(text)] };
}

export function clauseNode(id: string, title: string, ...blocks: PMNode[]): PMNode {
  return { type: "clause", attrs: { id, kind: "general" }, content: [{ type: "clause_title", content: [textNode(title)] }, ...blocks] };
}
