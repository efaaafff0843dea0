/*
 * A version's fingerprint: the SHA-256 of a canonical serialization of its content, shown to users so
 * that two copies of a draft can be told equal or not at a glance, whoever stored or sent them.
 *
 * The serialization is the JSON Canonicalization Scheme (RFC 8785): object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers written as ECMAScript's JSON.stringify writes them. The
 * same content therefore has the same fingerprint however its keys happen to be ordered (PostgreSQL's
 * jsonb reorders them) and in every runtime. Values JSON cannot hold are refused rather than dropped
 * or turned into null, since a fingerprint of something else than what is stored would mislead;
 * an object property whose value is undefined is left out, as it is when the object is stored.
 *
 * Web Crypto (crypto.subtle) exists in browsers and in Node 20, so this runs on both sides.
 */

export class CanonicalizeError extends TypeError {
  constructor(
    message: string,
    /** JSON Pointer to the offending value. */
    readonly path: string,
  ) {
    super(`${message} at "${path}"`);
  }
}

function hasToJSON(value: object): value is { toJSON: () => unknown } {
  return "toJSON" in value && typeof value.toJSON === "function";
}

function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalizeError(`${value} is not a JSON number`, path);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new CanonicalizeError(`A ${typeof value} is not JSON`, path);
  }

  // A ProseMirror Node (or anything else with toJSON) is serialized as JSON.stringify would.
  if (hasToJSON(value)) return write(value.toJSON(), path, seen);
  if (seen.has(value)) throw new CanonicalizeError("A cycle is not JSON", path);
  seen.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    text = `[${items.map((item, index) => write(item, `${path}/${index}`, seen)).join(",")}]`;
  } else {
    const parts: string[] = [];
    // Default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
    for (const key of Object.keys(value).sort()) {
      const item: unknown = Reflect.get(value, key);
      if (item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, `${path}/${pointerToken(key)}`, seen)}`);
    }
    text = `{${parts.join(",")}}`;
  }
  seen.delete(value);
  return text;
}

/** The canonical JSON text of `json` (RFC 8785); throws a CanonicalizeError for a value JSON cannot hold. */
export function canonicalize(json: unknown): string {
  return write(json, "", new Set());
}

/** The lowercase hex SHA-256 of the canonical JSON text, UTF-8 encoded. */
export async function fingerprint(json: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalize(json));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
