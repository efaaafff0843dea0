import type { Node } from "prosemirror-model";

// 32 symbols so that `byte & 31` picks one without bias; l, o, 0 and 1 are left out because people
// read ids aloud and type them into comment tables.
const SYMBOLS = "abcdefghijkmnpqrstuvwxyz23456789";
const LETTERS = "abcdefghijkmnpqrstuvwxyz";
const LENGTH = 10;

/**
 * A short random id for a node (about 49 bits). The first character is a letter because Word
 * bookmarks and XML ids, which exports will make from these ids, must start with one.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  let id = LETTERS[bytes[0] % LETTERS.length];
  for (let i = 1; i < LENGTH; i++) id += SYMBOLS[bytes[i] & 31];
  return id;
}

/** The node's `id` attribute when it is a non-empty string, else null. */
export function idOf(node: Node): string | null {
  const id: unknown = node.attrs.id;
  return typeof id === "string" && id !== "" ? id : null;
}
