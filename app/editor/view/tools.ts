/*
 * Every editing action the toolbar and the keyboard offer, in one table, so the two can never
 * disagree: the keymap is built from it and the toolbar shows its shortcuts. DOM-free.
 *
 * Shortcut choices: the structure moves follow Word's outline view (Alt+Shift+arrows), new clauses
 * use Mod-Enter, and insertions use Mod-Alt-<letter>, avoiding combinations that browsers or desktops
 * keep for themselves (Ctrl+Shift+N/T, Ctrl+Alt+T opens a terminal on Ubuntu).
 */
import { toggleMark } from "prosemirror-commands";
import type { Command } from "prosemirror-state";
import { redoCommand, undoCommand } from "y-prosemirror";
import {
  demoteClause,
  insertClauseAfter,
  insertExample,
  insertFormula,
  insertNote,
  insertSubclause,
  insertTable,
  insertTermEntry,
  moveClauseDown,
  moveClauseUp,
  promoteClause,
} from "../commands";
import { insertList } from "../plugins/list-keys";
import { schema } from "../schema";

export const TOOL_IDS = [
  "undo",
  "redo",
  "bold",
  "italic",
  "subscript",
  "superscript",
  "clause",
  "subclause",
  "promote",
  "demote",
  "moveUp",
  "moveDown",
  "listAlpha",
  "listDash",
  "note",
  "example",
  "term",
  "table",
  "formula",
  "crossRef",
] as const;

export type ToolId = (typeof TOOL_IDS)[number];

export interface Tool {
  id: ToolId;
  /** prosemirror-keymap notation ("Mod-Alt-n"); null where there is none. */
  shortcut: string | null;
  /** The command; null for the cross-reference picker, which the UI opens. */
  command: Command | null;
}

const marks = schema.marks;

export const TOOLS: Record<ToolId, Tool> = {
  undo: { id: "undo", shortcut: "Mod-z", command: undoCommand },
  redo: { id: "redo", shortcut: "Shift-Mod-z", command: redoCommand },
  bold: { id: "bold", shortcut: "Mod-b", command: toggleMark(marks.strong) },
  italic: { id: "italic", shortcut: "Mod-i", command: toggleMark(marks.em) },
  subscript: { id: "subscript", shortcut: "Mod-,", command: toggleMark(marks.sub) },
  superscript: { id: "superscript", shortcut: "Mod-.", command: toggleMark(marks.sup) },
  clause: { id: "clause", shortcut: "Mod-Enter", command: insertClauseAfter },
  subclause: { id: "subclause", shortcut: "Shift-Mod-Enter", command: insertSubclause },
  promote: { id: "promote", shortcut: "Alt-Shift-ArrowLeft", command: promoteClause },
  demote: { id: "demote", shortcut: "Alt-Shift-ArrowRight", command: demoteClause },
  moveUp: { id: "moveUp", shortcut: "Alt-Shift-ArrowUp", command: moveClauseUp },
  moveDown: { id: "moveDown", shortcut: "Alt-Shift-ArrowDown", command: moveClauseDown },
  listAlpha: { id: "listAlpha", shortcut: null, command: insertList("alpha") },
  listDash: { id: "listDash", shortcut: null, command: insertList("dash") },
  note: { id: "note", shortcut: "Mod-Alt-n", command: insertNote },
  example: { id: "example", shortcut: "Mod-Alt-x", command: insertExample },
  term: { id: "term", shortcut: "Mod-Alt-d", command: insertTermEntry },
  table: { id: "table", shortcut: "Mod-Alt-g", command: insertTable },
  formula: { id: "formula", shortcut: "Mod-Alt-m", command: insertFormula() },
  crossRef: { id: "crossRef", shortcut: "Mod-Alt-r", command: null },
};

/** The toolbar's groups, in order. */
export const TOOL_GROUPS: readonly (readonly ToolId[])[] = [
  ["undo", "redo"],
  ["bold", "italic", "subscript", "superscript"],
  ["clause", "subclause", "promote", "demote", "moveUp", "moveDown"],
  ["listAlpha", "listDash", "note", "example", "term", "table", "formula", "crossRef"],
];

const KEY_NAMES: Record<string, { mac: string; other: string }> = {
  Mod: { mac: "⌘", other: "Ctrl" },
  Alt: { mac: "⌥", other: "Alt" },
  Shift: { mac: "⇧", other: "Shift" },
  Ctrl: { mac: "⌃", other: "Ctrl" },
  ArrowLeft: { mac: "←", other: "←" },
  ArrowRight: { mac: "→", other: "→" },
  ArrowUp: { mac: "↑", other: "↑" },
  ArrowDown: { mac: "↓", other: "↓" },
  Enter: { mac: "↩", other: "Enter" },
};

/** "Mod-Alt-n" → "Ctrl+Alt+N", or "⌘⌥N" on a Mac. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  // The key itself may be "-" or ","; split on "-" only between parts.
  const parts = shortcut.split(/-(?!$)/);
  const names = parts.map((part) => {
    const known = KEY_NAMES[part];
    if (known) return mac ? known.mac : known.other;
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return mac ? names.join("") : names.join("+");
}
