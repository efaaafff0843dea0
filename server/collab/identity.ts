// Who a cursor belongs to is the server's word, not the client's. Every awareness state that passes
// through the server gets `user` = { id, name, color } of the connection's session user, and a
// connection may only speak for the awareness client ids it introduced itself (so nobody can move or
// remove someone else's cursor).
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { MalformedMessageError } from "./errors";
import type { CollabUser } from "./types";

export type Presence = { id: string; name: string; color: string };

// Distinct at a glance on white and dark backgrounds, readable as text colour for names.
const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#393b79",
  "#637939",
] as const;

/** Stable per user across sessions and servers: a hash of the id, not an order of arrival. */
export function colorFor(userId: string): string {
  let hash = 0x811c9dc5; // FNV-1a: tiny and evenly spread for short ids
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

export function presenceFor(user: CollabUser): Presence {
  return { id: user.id, name: user.name, color: colorFor(user.id) };
}

export type AwarenessEntry = { clientId: number; clock: number; state: string };

/**
 * Reads an awareness update (y-protocols' encoding) and rewrites it: entries for client ids this
 * connection may not speak for are dropped, states that are not objects or are too large are
 * dropped, and every kept state carries the server's `user`. Returns null when nothing is left.
 * Throws MalformedMessageError when the bytes are not an awareness update at all.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  options: { presence: Presence; mayUpdate: (clientId: number) => boolean; maxStateBytes: number },
): { update: Uint8Array; entries: AwarenessEntry[] } | null {
  const entries: AwarenessEntry[] = [];
  const raw: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      raw.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
  } catch (error) {
    throw new MalformedMessageError(`malformed awareness update: ${String(error)}`);
  }
  for (const entry of raw) {
    if (!options.mayUpdate(entry.clientId)) continue;
    if (entry.state.length > options.maxStateBytes) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.state);
    } catch {
      throw new MalformedMessageError("awareness state is not JSON");
    }
    if (parsed === null) {
      entries.push(entry);
      continue;
    }
    if (typeof parsed !== "object" || Array.isArray(parsed)) continue;
    entries.push({ ...entry, state: JSON.stringify({ ...parsed, user: options.presence }) });
  }
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return { update: encoding.toUint8Array(encoder), entries };
}
