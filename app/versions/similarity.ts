/*
 * How alike two blocks are, for pairing blocks that have no id (paragraphs, list items, table rows)
 * once exact matches are taken: an edited paragraph should be shown as edited, not as deleted and
 * inserted. The measure is the Dice coefficient of the two bags of tokens (2·shared / total): it
 * ignores order, costs one pass per block, and treats a CJK character like a Latin word, as the
 * text diff does.
 */
import type { Node } from "prosemirror-model";
import { isWhitespace, tokenize } from "./tokenize";

export type TokenBag = Map<string, number>;

function addTokens(bag: TokenBag, text: string): void {
  for (const token of tokenize(text)) {
    if (!isWhitespace(token)) bag.set(token, (bag.get(token) ?? 0) + 1);
  }
}

function addToken(bag: TokenBag, token: string): void {
  bag.set(token, (bag.get(token) ?? 0) + 1);
}

/** The tokens of a node's text, with cross-references by target and formulas by their LaTeX. */
export function bagOf(node: Node, into: TokenBag = new Map()): TokenBag {
  if (node.isText) {
    addTokens(into, node.text ?? "");
  } else if (node.type.name === "cross_ref") {
    addToken(into, `\u0000ref:${String(node.attrs.target)}`);
  } else if (node.type.name === "formula") {
    addTokens(into, String(node.attrs.latex));
  } else {
    node.forEach((child) => {
      bagOf(child, into);
    });
  }
  return into;
}

function size(bag: TokenBag): number {
  let total = 0;
  for (const count of bag.values()) total += count;
  return total;
}

/** The Dice coefficient of two bags: 1 for equal bags (two empty ones included), 0 for nothing shared. */
export function diceSimilarity(a: TokenBag, b: TokenBag): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [token, count] of small) shared += Math.min(count, large.get(token) ?? 0);
  return (2 * shared) / total;
}

/** Similarity of nodes with the bags cached, since one block may be weighed against several. */
export function createNodeSimilarity(): (a: Node, b: Node) => number {
  const bags = new Map<Node, TokenBag>();
  const cachedBag = (node: Node): TokenBag => {
    let bag = bags.get(node);
    if (!bag) {
      bag = bagOf(node);
      bags.set(node, bag);
    }
    return bag;
  };
  return (a, b) => diceSimilarity(cachedBag(a), cachedBag(b));
}
