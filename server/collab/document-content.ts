// Conversions between the live Y.Doc and Document.content (ProseMirror JSON), in one place.
// Document.content is what pages without the live editor render (read-only views, listings, exports),
// so the server refreshes it from the Y.Doc when it compacts or unloads a document.
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import type { Prisma } from "~/generated/prisma/client";

/**
 * The first Y.Doc of a document that has never been opened live: its stored ProseMirror JSON (a
 * template or an import), or an empty document. Only the server calls this, never a browser, so two
 * people opening a new draft at once cannot both insert the template.
 */
export function yDocFromContent(content: Prisma.JsonValue | null): Y.Doc {
  if (content === null) return new Y.Doc();
  // Checked against the schema first: prosemirrorJSONToYDoc would otherwise copy any shape into Yjs.
  const node = schema.nodeFromJSON(content);
  node.check();
  return prosemirrorJSONToYDoc(schema, node.toJSON(), PROSEMIRROR_FRAGMENT);
}

/** The document's ProseMirror JSON, or null while the fragment is still empty. */
export function contentFromYDoc(doc: Y.Doc): Prisma.InputJsonValue | null {
  const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  if (fragment.length === 0) return null;
  return toInputJson(yXmlFragmentToProsemirrorJSON(fragment));
}

/** Copies a plain JSON-like value into Prisma's JSON input type, checking it on the way. */
export function toInputJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("JSON cannot hold a non-finite number");
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => toInputJson(item));
  if (typeof value === "object") {
    const result: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = toInputJson(item);
    }
    return result;
  }
  throw new TypeError(`JSON cannot hold a ${typeof value}`);
}
