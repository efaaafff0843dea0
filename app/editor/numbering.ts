/*
 * Numbers and labels of a standard, computed from its structure in one walk and never stored.
 *
 * Rules (GB/T 1.1—2020 and ISO/IEC Directives Part 2 agree on the numbers, differ in words):
 * - clauses 1, 2 … and subclauses 5.2.3; annexes A, B … with clauses A.1, A.1.2;
 * - term entries count with the subclauses of their clause (3.1, 3.2 …), so the two never collide;
 * - tables, figures and formulas count through the body (1, 2 …) and restart in each annex (A.1 …);
 * - notes and examples count within the clause that holds them directly: a single one is unnumbered
 *   (注： / NOTE), several are numbered (注1：, 注2： / NOTE 1, NOTE 2);
 * - list items take their list's style: a) b), 1) 2), or a dash;
 * - bibliography entries are [1], [2] ….
 * The walk skips the inside of textblocks, which is where almost all of a document's nodes are.
 */
import type { Node } from "prosemirror-model";
import { idOf } from "./ids";
import { LIST_STYLES, type ListStyle } from "./schema";

export type Convention = "GB" | "ISO";

export type NumberedKind =
  | "clause"
  | "annex"
  | "term"
  | "table"
  | "figure"
  | "formula"
  | "note"
  | "example"
  | "note_to_entry"
  | "list_item"
  | "reference"
  | "bibliography_entry";

export interface NumberedItem {
  kind: NumberedKind;
  id: string | null;
  /** Position before the node in the document the numbering was computed from. */
  pos: number;
  /** The bare number: "5.2", "A", "A.1", "3"; "" where none is shown (a single note, a dash item). */
  number: string;
  /** What is shown at the element: "5.2", "附录 A（规范性）", "表 1", "(A.1)", "注1：", "b)". */
  label: string;
  /** What a cross-reference to it shows: "5.2", "第5章", "Table 3", "Annex A"; null if none may. */
  refText: string | null;
}

export interface Numbering {
  convention: Convention;
  byId: ReadonlyMap<string, NumberedItem>;
  byPos: ReadonlyMap<number, NumberedItem>;
}

interface Wording {
  foreword: string;
  introduction: string;
  bibliography: string;
  annex(letter: string, normative: boolean): string;
  annexRef(letter: string): string;
  /** A reference to a whole clause (章): GB says 第5章, ISO says Clause 5; subclauses are bare. */
  chapterRef(number: string): string;
  table(number: string): string;
  figure(number: string): string;
  formulaRef(number: string): string;
  /** `n` is null for the only note of its clause. */
  note(n: number | null): string;
  noteRef(parentRef: string, n: number | null): string;
  example(n: number | null): string;
  exampleRef(parentRef: string, n: number | null): string;
  noteToEntry(n: number, count: number): string;
  dash: string;
}

const WORDING: Record<Convention, Wording> = {
  GB: {
    foreword: "前言",
    introduction: "引言",
    bibliography: "参考文献",
    annex: (letter, normative) => `附录 ${letter}（${normative ? "规范性" : "资料性"}）`,
    annexRef: (letter) => `附录 ${letter}`,
    chapterRef: (number) => `第${number}章`,
    table: (number) => `表 ${number}`,
    figure: (number) => `图 ${number}`,
    formulaRef: (number) => `公式(${number})`,
    note: (n) => `注${n ?? ""}：`,
    noteRef: (parentRef, n) => `${parentRef}的注${n ?? ""}`,
    example: (n) => `示例${n ?? ""}：`,
    exampleRef: (parentRef, n) => `${parentRef}的示例${n ?? ""}`,
    noteToEntry: (n, count) => (count > 1 ? `注${n}：` : "注："),
    dash: "——",
  },
  ISO: {
    foreword: "Foreword",
    introduction: "Introduction",
    bibliography: "Bibliography",
    annex: (letter, normative) => `Annex ${letter} (${normative ? "normative" : "informative"})`,
    annexRef: (letter) => `Annex ${letter}`,
    chapterRef: (number) => `Clause ${number}`,
    table: (number) => `Table ${number}`,
    figure: (number) => `Figure ${number}`,
    formulaRef: (number) => `Formula (${number})`,
    note: (n) => (n === null ? "NOTE" : `NOTE ${n}`),
    noteRef: (parentRef, n) => (n === null ? `${parentRef}, Note` : `${parentRef}, Note ${n}`),
    example: (n) => (n === null ? "EXAMPLE" : `EXAMPLE ${n}`),
    exampleRef: (parentRef, n) => (n === null ? `${parentRef}, Example` : `${parentRef}, Example ${n}`),
    // ISO numbers notes to entry even when there is only one.
    noteToEntry: (n) => `Note ${n} to entry:`,
    dash: "—",
  },
};

/** The computed heading of an unnumbered element: 前言 / Foreword, 引言 / Introduction, 参考文献 / Bibliography. */
export function fixedHeading(element: "foreword" | "introduction" | "bibliography", convention: Convention): string {
  return WORDING[convention][element];
}

/** A, B, … Z, then AA, AB … (a standard with more than 26 annexes is rare, but must not break). */
export function annexLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function listItemNumber(style: ListStyle, index: number): string {
  if (style === "alpha") return annexLetter(index).toLowerCase();
  if (style === "numeric") return String(index + 1);
  return "";
}

/** The label of the item at `index` (from 0) of a list: "a)", "1)", or the convention's dash. */
export function listItemLabel(style: ListStyle, index: number, convention: Convention): string {
  return style === "dash" ? WORDING[convention].dash : `${listItemNumber(style, index)})`;
}

// "GB/T 18487.1—2023", "T/CSAE 123—2020", "ISO 80000-1:2022", "ISO/IEC 17025", "IEC 60050-826".
const DESIGNATION = /^[A-Z][A-Za-z]*(?:\/[A-Z][A-Za-z]*)*\s*\d[\d.-]*(?:\s*[—:]\s*\d{4})?/;

/** The document designation a cross-reference to a normative reference shows; the whole text if none is found. */
export function referenceDesignation(text: string): string {
  const trimmed = text.trim();
  return DESIGNATION.exec(trimmed)?.[0] ?? trimmed;
}

function listStyleOf(list: Node): ListStyle {
  const style: unknown = list.attrs.style;
  return LIST_STYLES.find((known) => known === style) ?? "dash";
}

function countChildren(parent: Node, typeName: string): number {
  let count = 0;
  parent.forEach((child) => {
    if (child.type.name === typeName) count++;
  });
  return count;
}

export function computeNumbering(doc: Node, convention: Convention): Numbering {
  const wording = WORDING[convention];
  const byId = new Map<string, NumberedItem>();
  const byPos = new Map<number, NumberedItem>();

  // Tables, figures and formulas number through the body and restart in each annex.
  let floatPrefix = "";
  let tables = 0;
  let figures = 0;
  let formulas = 0;
  let annexes = 0;

  function add(node: Node, pos: number, kind: NumberedKind, number: string, label: string, refText: string | null) {
    const item: NumberedItem = { kind, id: idOf(node), pos, number, label, refText };
    byPos.set(pos, item);
    // A duplicated id (fixed by the unique-ids plugin, reported by validateDoc) keeps its first owner.
    if (item.id !== null && !byId.has(item.id)) byId.set(item.id, item);
  }

  function walkList(list: Node, pos: number) {
    const style = listStyleOf(list);
    list.forEach((item, offset, index) => {
      const itemPos = pos + 1 + offset;
      add(item, itemPos, "list_item", listItemNumber(style, index), listItemLabel(style, index, convention), null);
      walkLists(item, itemPos + 1);
    });
  }

  function walkLists(parent: Node, contentStart: number) {
    parent.forEach((child, offset) => {
      if (child.type.name === "list") walkList(child, contentStart + offset);
    });
  }

  function walkTerm(term: Node, contentStart: number) {
    const count = countChildren(term, "note_to_entry");
    let n = 0;
    term.forEach((child, offset) => {
      if (child.type.name !== "note_to_entry") return;
      n++;
      add(child, contentStart + offset, "note_to_entry", String(n), wording.noteToEntry(n, count), null);
    });
  }

  /**
   * Numbers the children of the document, a clause, an annex, the foreword or the introduction.
   * `path` is the number of `section` ("" for the document), `ref` how a reference to it reads.
   */
  function walkSection(section: Node, contentStart: number, path: string, ref: string) {
    const notes = countChildren(section, "note");
    const examples = countChildren(section, "example");
    let noteIndex = 0;
    let exampleIndex = 0;
    let subIndex = 0;

    section.forEach((child, offset) => {
      const pos = contentStart + offset;
      switch (child.type.name) {
        case "clause": {
          subIndex++;
          const number = path === "" ? String(subIndex) : `${path}.${subIndex}`;
          const refText = path === "" ? wording.chapterRef(number) : number;
          add(child, pos, "clause", number, number, refText);
          walkSection(child, pos + 1, number, refText);
          break;
        }
        case "term_entry": {
          subIndex++;
          const number = path === "" ? String(subIndex) : `${path}.${subIndex}`;
          add(child, pos, "term", number, number, number);
          walkTerm(child, pos + 1);
          break;
        }
        case "annex": {
          const letter = annexLetter(annexes++);
          floatPrefix = `${letter}.`;
          tables = figures = formulas = 0;
          add(child, pos, "annex", letter, wording.annex(letter, child.attrs.normative === true), wording.annexRef(letter));
          walkSection(child, pos + 1, letter, wording.annexRef(letter));
          break;
        }
        case "foreword":
          walkSection(child, pos + 1, "", wording.foreword);
          break;
        case "introduction":
          walkSection(child, pos + 1, "", wording.introduction);
          break;
        case "bibliography":
          child.forEach((entry, entryOffset, index) => {
            const label = `[${index + 1}]`;
            add(entry, pos + 1 + entryOffset, "bibliography_entry", String(index + 1), label, label);
          });
          break;
        case "note": {
          const n = notes > 1 ? ++noteIndex : null;
          add(child, pos, "note", n === null ? "" : String(n), wording.note(n), wording.noteRef(ref, n));
          break;
        }
        case "example": {
          const n = examples > 1 ? ++exampleIndex : null;
          add(child, pos, "example", n === null ? "" : String(n), wording.example(n), wording.exampleRef(ref, n));
          walkLists(child, pos + 1);
          break;
        }
        case "table_block": {
          const number = floatPrefix + ++tables;
          add(child, pos, "table", number, wording.table(number), wording.table(number));
          break;
        }
        case "figure": {
          const number = floatPrefix + ++figures;
          add(child, pos, "figure", number, wording.figure(number), wording.figure(number));
          break;
        }
        case "formula": {
          const number = floatPrefix + ++formulas;
          add(child, pos, "formula", number, `(${number})`, wording.formulaRef(number));
          break;
        }
        case "reference_entry":
          add(child, pos, "reference", "", "", referenceDesignation(child.textContent));
          break;
        case "list":
          walkList(child, pos);
          break;
      }
    });
  }

  walkSection(doc, 0, "", "");
  return { convention, byId, byPos };
}

/** The label shown at the element with this id, or null if there is none. */
export function labelFor(numbering: Numbering, id: string): string | null {
  return numbering.byId.get(id)?.label ?? null;
}

/** The text a cross_ref to this id shows, or null when the target is missing or cannot be referred to. */
export function crossRefText(numbering: Numbering, id: string): string | null {
  return numbering.byId.get(id)?.refText ?? null;
}
