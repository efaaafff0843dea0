// Messages the server builds for its clients, beyond what y-protocols writes for it.
import * as encoding from "lib0/encoding";
import { messageType } from "~/editor/collab-protocol";
import type { Access } from "./types";

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function accessMessage(access: Access): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.access);
  encoding.writeVarUint(encoder, access === "edit" ? 0 : 1);
  return encoding.toUint8Array(encoder);
}

/**
 * `prefix` followed by `value` as lib0 writes a var-uint (seven bits a byte, low bits first, the
 * high bit set on every byte but the last), in one allocation: an acknowledgement is a prefix that
 * every connection of a room shares plus a count of its own, built for hundreds of connections a
 * second, and a lib0 encoder per message was most of what building them allocated.
 */
export function withVarUint(prefix: Uint8Array, value: number): Uint8Array {
  let length = 1;
  for (let rest = value; rest > 0x7f; rest = Math.floor(rest / 128)) length += 1;
  const message = new Uint8Array(prefix.length + length);
  message.set(prefix);
  let at = prefix.length;
  let rest = value;
  while (rest > 0x7f) {
    message[at++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  message[at] = rest;
  return message;
}
