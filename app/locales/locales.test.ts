// Both languages have every string, and every literal key the code asks for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import en from "~/locales/en";
import zhCN from "~/locales/zh-CN";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "locales") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("locales", () => {
  test("zh-CN and en have the same keys", () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
  });

  test("no string is empty", () => {
    for (const bundle of [en, zhCN]) {
      for (const key of keysOf(bundle)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], bundle);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  test("every literal t(\"…\") key used in app/ exists", () => {
    const known = new Set(keysOf(en).map((k) => k.replace(/_(one|other)$/, "")));
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve("app"))) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) {
        const key = match[1] ?? "";
        if (!known.has(key)) missing.push(`${path.relative(".", file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("form error keys in the Zod schemas exist", () => {
    const known = new Set(keysOf(en));
    const missing: string[] = [];
    for (const file of sourceFiles(path.resolve("app/forms"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/"(form\.[a-zA-Z]+)"/g)) {
        if (!known.has(match[1] ?? "")) missing.push(match[1] ?? "");
      }
    }
    expect(missing).toEqual([]);
  });
});
