import { describe, expect, test } from "vitest";
import { formatShortcut, TOOL_GROUPS, TOOL_IDS, TOOLS } from "./tools";

describe("tools", () => {
  test("every tool is in exactly one toolbar group and no two share a shortcut", () => {
    expect([...TOOL_GROUPS.flat()].sort()).toEqual([...TOOL_IDS].sort());
    const shortcuts = TOOL_IDS.map((id) => TOOLS[id].shortcut).filter((shortcut) => shortcut !== null);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  test("shortcuts read as the platform writes them", () => {
    expect(formatShortcut("Mod-Alt-n", false)).toBe("Ctrl+Alt+N");
    expect(formatShortcut("Mod-Alt-n", true)).toBe("⌘⌥N");
    expect(formatShortcut("Alt-Shift-ArrowUp", false)).toBe("Alt+Shift+↑");
    expect(formatShortcut("Mod-,", false)).toBe("Ctrl+,");
    expect(formatShortcut("Shift-Mod-Enter", true)).toBe("⇧⌘↩");
  });
});
