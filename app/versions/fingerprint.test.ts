import { describe, expect, it } from "vitest";
import { schema } from "~/editor/schema";
import { demoDraftZh } from "../../prisma/seed/demo-drafts";
import { canonicalize, CanonicalizeError, fingerprint } from "./fingerprint";

/** The same JSON with every object's keys in reverse order, as a database may return it. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
  }
  return value;
}

describe("canonicalize", () => {
  it("sorts keys and leaves out whitespace", () => {
    expect(canonicalize({ b: { c: "中", a: [] }, a: [1, "x", null, true, 1.5e-7] })).toBe('{"a":[1,"x",null,true,1.5e-7],"b":{"a":[],"c":"中"}}');
  });

  it("sorts keys by UTF-16 code units, as RFC 8785 does", () => {
    expect(canonicalize({ "\u20ac": 1, "\r": 2, "\ud83d\ude00": 3, "1": 4, "\u00f6": 5 })).toBe('{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}');
  });

  it("leaves out properties whose value is undefined, as storing the object would", () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("refuses values JSON cannot hold, with a pointer to them", () => {
    expect(() => canonicalize({ a: [1, Number.NaN] })).toThrow(CanonicalizeError);
    expect(() => canonicalize({ a: [1, Number.NaN] })).toThrow('at "/a/1"');
    expect(() => canonicalize({ f: () => 1 })).toThrow(/function/);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/cycle/);
  });

  it("serializes a ProseMirror node as its JSON", () => {
    const node = schema.nodeFromJSON(demoDraftZh);
    expect(canonicalize(node)).toBe(canonicalize(node.toJSON()));
  });
});

describe("fingerprint", () => {
  it("is the hex SHA-256 of the canonical text", async () => {
    expect(await fingerprint({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(await fingerprint({ b: { c: "中" }, a: [1, "x", null, true] })).toBe(
      "4e68f6c41af8ee7b8f1f9a8ae9f60aec74a3136a88abdeee100e5a567fa934da",
    );
  });

  it("does not depend on key order", async () => {
    const reordered = reverseKeys(demoDraftZh);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(demoDraftZh));
    expect(await fingerprint(reordered)).toBe(await fingerprint(demoDraftZh));
  });

  it("changes with the content", async () => {
    const edited = structuredClone(demoDraftZh);
    edited.content?.[0].content?.[0].content?.push({ type: "text", text: "。" });
    expect(await fingerprint(edited)).not.toBe(await fingerprint(demoDraftZh));
  });
});
