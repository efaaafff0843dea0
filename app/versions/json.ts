/*
 * ProseMirror types attribute values as `any`; a redline is sent over the wire and stored, so its
 * values are narrowed to JSON here, once, instead of trusting them.
 */
import type { Mark } from "prosemirror-model";
import type { JsonValue, MarkJson } from "./types";

/** The value as JSON; anything JSON cannot hold (undefined, a function, NaN) becomes null, as JSON.stringify writes it. */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item));
  if (typeof value === "object") {
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = toJsonValue(item);
    }
    return result;
  }
  return null;
}

export function markToJson(mark: Mark): MarkJson {
  const names = Object.keys(mark.attrs);
  if (names.length === 0) return { type: mark.type.name };
  const attrs: { [name: string]: JsonValue } = {};
  for (const name of names) attrs[name] = toJsonValue(mark.attrs[name]);
  return { type: mark.type.name, attrs };
}
