/*
 * Content hashes of document nodes, so that the redline can skip the many blocks two versions share
 * (a 200-page standard with 50 changed clauses is mostly equal) and align unnamed blocks by exact
 * match. A hash is 53 bits (two 32-bit lanes, as in cyrb53) so it is a plain JavaScript number and a
 * cheap Map key; equality is then confirmed structurally by `same`, so a collision can cost time but
 * never hide a change.
 *
 * What counts as content: type, attributes, marks, text and children. A paragraph's optional `id` is
 * left out: it is an anchor (for a comment, say) that a paragraph gains without being edited. Every
 * other id is kept: it is the identity of a numbered element, and two clauses with equal text but
 * different ids are different clauses.
 */
import type { Mark, Node } from "prosemirror-model";

const IGNORED_ID_TYPES: ReadonlySet<string> = new Set(["paragraph"]);

class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  string(value: string): this {
    // The length first, so that "ab" + "c" and "a" + "bc" differ.
    this.int(value.length);
    for (let i = 0; i < value.length; i++) this.int(value.charCodeAt(i));
    return this;
  }

  int(value: number): this {
    this.h1 = Math.imul(this.h1 ^ value, 2654435761);
    this.h2 = Math.imul(this.h2 ^ value, 1597334677);
    return this;
  }

  /** Folds in a 53-bit value (a child's hash) as two 32-bit halves. */
  number(value: number): this {
    return this.int(value >>> 0).int(Math.floor(value / 4294967296));
  }

  value(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** Attribute values are JSON (strings, numbers, booleans, null, number arrays): JSON text compares them. */
function attrText(value: unknown): string {
  return JSON.stringify(value) ?? "";
}

function contentAttrNames(node: Node): string[] {
  const names = Object.keys(node.attrs);
  return IGNORED_ID_TYPES.has(node.type.name) ? names.filter((name) => name !== "id") : names;
}

/** A string that identifies a set of marks with their attributes. */
export function marksKey(marks: readonly Mark[]): string {
  return marks.map((mark) => mark.type.name + attrText(mark.attrs)).join(",");
}

export interface ContentHasher {
  hash(node: Node): number;
  /** True when the two nodes have the same content (see the top of this file for what that is). */
  same(a: Node, b: Node): boolean;
}

export function createContentHasher(): ContentHasher {
  const cache = new Map<Node, number>();

  function hash(node: Node): number {
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    const h = new Hash53().string(node.type.name);
    for (const name of contentAttrNames(node)) h.string(name).string(attrText(node.attrs[name]));
    if (node.isText) h.string(node.text ?? "").string(marksKey(node.marks));
    else if (node.marks.length > 0) h.string(marksKey(node.marks));
    h.int(node.childCount);
    node.forEach((child) => {
      h.number(hash(child));
    });
    const value = h.value();
    cache.set(node, value);
    return value;
  }

  function sameAttrs(a: Node, b: Node): boolean {
    for (const name of contentAttrNames(a)) {
      if (attrText(a.attrs[name]) !== attrText(b.attrs[name])) return false;
    }
    return true;
  }

  function same(a: Node, b: Node): boolean {
    if (a === b) return true;
    if (a.type !== b.type || hash(a) !== hash(b)) return false;
    if (a.text !== b.text || a.childCount !== b.childCount || !sameAttrs(a, b)) return false;
    if (!marksSame(a.marks, b.marks)) return false;
    for (let i = 0; i < a.childCount; i++) {
      if (!same(a.child(i), b.child(i))) return false;
    }
    return true;
  }

  return { hash, same };
}

function marksSame(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => mark.eq(b[i]));
}
