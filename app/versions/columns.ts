/*
 * Which column of a table became which, so that cells are compared column by column and an added or
 * removed column is reported as such, rather than as every row shifting one cell to the left.
 *
 * With the same number of columns on both sides, columns correspond by position: an edit to every
 * cell of a column is still that column. When the count changed, columns are aligned like blocks:
 * exact matches of the whole column's text first, then the rest by similarity. Cells are counted per
 * row as they are stored; a table with merged cells (colspan) is compared row by row instead (see
 * `isRectangular`).
 */
import type { Node } from "prosemirror-model";
import { alignChildren, type AlignItem } from "./align";
import { bagOf, diceSimilarity, type TokenBag } from "./similarity";

export interface ColumnAlignment {
  /** [old column, new column], in order. */
  pairs: [number, number][];
  insertedColumns: number[];
  deletedColumns: number[];
}

function columnCount(table: Node): number {
  let count = 0;
  table.forEach((row) => {
    count = Math.max(count, row.childCount);
  });
  return count;
}

/** True when every row has one cell per column and no cell spans several. */
export function isRectangular(table: Node): boolean {
  const columns = columnCount(table);
  let rectangular = true;
  table.forEach((row) => {
    if (row.childCount !== columns) rectangular = false;
    row.forEach((cell) => {
      if (cell.attrs.colspan !== 1 || cell.attrs.rowspan !== 1) rectangular = false;
    });
  });
  return rectangular;
}

interface Column {
  text: string;
  bag: TokenBag;
}

function columnsOf(table: Node): Column[] {
  const columns: Column[] = Array.from({ length: columnCount(table) }, () => ({ text: "", bag: new Map() }));
  table.forEach((row) => {
    row.forEach((cell, _offset, index) => {
      columns[index].text += `${cell.textContent}\u0000`;
      bagOf(cell, columns[index].bag);
    });
  });
  return columns;
}

function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function alignColumns(older: Node, newer: Node): ColumnAlignment {
  const oldCount = columnCount(older);
  const newCount = columnCount(newer);
  if (oldCount === newCount) {
    return { pairs: Array.from({ length: oldCount }, (_, i): [number, number] => [i, i]), insertedColumns: [], deletedColumns: [] };
  }
  const oldColumns = columnsOf(older);
  const newColumns = columnsOf(newer);
  const item = (column: Column): AlignItem => ({ key: null, hash: textHash(column.text), type: "column", pairable: true });
  const ops = alignChildren(oldColumns.map(item), newColumns.map(item), {
    same: (i, j) => oldColumns[i].text === newColumns[j].text,
    similarity: (i, j) => diceSimilarity(oldColumns[i].bag, newColumns[j].bag),
  });
  const alignment: ColumnAlignment = { pairs: [], insertedColumns: [], deletedColumns: [] };
  for (const op of ops) {
    if (op.op === "pair") alignment.pairs.push([op.oldIndex, op.newIndex]);
    else if (op.op === "delete") alignment.deletedColumns.push(op.oldIndex);
    else if (op.op === "insert") alignment.insertedColumns.push(op.newIndex);
  }
  return alignment;
}
