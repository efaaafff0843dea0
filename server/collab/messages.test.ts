import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { withVarUint } from "./messages";

describe("withVarUint", () => {
  it("writes the value as lib0 does, after the prefix", () => {
    const prefix = Uint8Array.from([100, 3, 1, 2, 3]);
    for (const value of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 + 5, Number.MAX_SAFE_INTEGER]) {
      const encoder = encoding.createEncoder();
      encoding.writeUint8Array(encoder, prefix);
      encoding.writeVarUint(encoder, value);
      const message = withVarUint(prefix, value);
      expect(message).toEqual(encoding.toUint8Array(encoder));
      const decoder = decoding.createDecoder(message);
      expect(decoding.readUint8Array(decoder, prefix.length)).toEqual(prefix);
      expect(decoding.readVarUint(decoder)).toBe(value);
    }
  });
});
