/*
 * A generated standard the size of a long real one (about 200 pages): 600 clauses and subclauses,
 * 80 tables, 300 term entries and about 100,000 characters, with notes, lists, formulas and
 * cross-references sprinkled in so that numbering and cross-reference rendering do real work.
 *
 * Deterministic (no randomness), so that two bench runs open the same document. Ids are readable
 * ("c-12", "t-3") so that a failing bench can name what it touched.
 */
import type { Node } from "prosemirror-model";
import { schema } from "~/editor/schema";

export interface LargeStandardShape {
  clauses: number;
  tables: number;
  terms: number;
}

export const BENCH_SHAPE: LargeStandardShape = { clauses: 600, tables: 80, terms: 300 };

const n = schema.nodes;

// Sentences cycled through for body text; mixed Chinese and Latin like a real GB draft.
const SENTENCES = [
  "充电连接装置应在额定电流下连续工作，温升不应超过规定限值，试验按附录中给出的方法进行。",
  "The connector shall withstand the rated current continuously without exceeding the temperature rise limits.",
  "绝缘电阻应在规定的试验电压下测量，测量结果不应低于表中给出的数值。",
  "Measurements shall be recorded at intervals not exceeding 60 s until thermal equilibrium is reached.",
  "当检测到通信中断时，充电机应在规定时间内停止输出并断开直流接触器。",
];

function text(value: string): Node {
  return schema.text(value);
}

function para(index: number, length: number): Node {
  let body = "";
  for (let i = index; body.length < length; i++) body += SENTENCES[i % SENTENCES.length];
  return n.paragraph.create(null, text(body.slice(0, length)));
}

function title(value: string): Node {
  return n.clause_title.create(null, text(value));
}

function table(id: string, index: number): Node {
  const cell = (type: typeof n.table_cell, value: string) => type.create(null, n.paragraph.create(null, text(value)));
  const rows = [n.table_row.create(null, [cell(n.table_header, "项目"), cell(n.table_header, "要求"), cell(n.table_header, "试验方法")])];
  for (let r = 0; r < 3; r++) {
    rows.push(n.table_row.create(null, [cell(n.table_cell, `参数 ${index}.${r + 1}`), cell(n.table_cell, "≤ 50 K"), cell(n.table_cell, "见附录 A")]));
  }
  return n.table_block.create({ id }, [n.caption.create(null, text(`性能参数表 ${index}`)), n.table.create(null, rows)]);
}

function term(id: string, index: number): Node {
  return n.term_entry.create({ id }, [
    n.term_preferred.create(null, text(`充电术语${index}`)),
    n.term_preferred_en.create(null, text(`charging term ${index}`)),
    n.term_definition.create(null, text(`在充电过程中用于描述第${index}类连接状态的参数或功能单元`)),
  ]);
}

/** Builds the document; `shape` defaults to the bench's 600/80/300. */
export function generateLargeStandard(shape: LargeStandardShape = BENCH_SHAPE): Node {
  let clauseCount = 0;
  let tableCount = 0;
  const nextClauseId = () => `c-${++clauseCount}`;

  const foreword = n.foreword.create({ id: "foreword" }, [para(0, 120), para(1, 120)]);
  const scope = n.clause.create({ id: nextClauseId(), kind: "scope" }, [title("范围"), para(2, 160)]);
  const references = n.clause.create({ id: nextClauseId(), kind: "normative_references" }, [
    title("规范性引用文件"),
    para(3, 120),
    ...Array.from({ length: 8 }, (_, i) => n.reference_entry.create({ id: `r-${i + 1}` }, text(`GB/T 1848${i}.1—2023 电动汽车传导充电系统 第${i + 1}部分`))),
  ]);
  const terms = n.clause.create({ id: nextClauseId(), kind: "terms" }, [
    title("术语和定义"),
    para(4, 40),
    ...Array.from({ length: shape.terms }, (_, i) => term(`term-${i + 1}`, i + 1)),
  ]);

  // The remaining clauses: top-level clauses of 1 + 4 subclauses, each subclause with 2 of its own,
  // until the count is reached; tables spread evenly over them.
  const remaining = shape.clauses - clauseCount;
  const tableEvery = Math.max(1, Math.floor(remaining / shape.tables));
  let made = 0;

  function body(index: number): Node[] {
    const blocks: Node[] = [para(index, 110)];
    if (index % 7 === 0) blocks.push(n.note.create({ id: `note-${index}` }, para(index + 1, 60)));
    if (index % 11 === 0) {
      blocks.push(
        n.list.create({ style: "alpha" }, [
          n.list_item.create(null, para(index, 40)),
          n.list_item.create(null, para(index + 2, 40)),
        ]),
      );
    }
    if (index % 13 === 0) blocks.push(n.formula.create({ id: `f-${index}`, latex: "P = U \\times I" }));
    if (index % 5 === 0) {
      blocks.push(n.paragraph.create(null, [text("技术要求见 "), n.cross_ref.create({ target: `c-${Math.max(4, index - 3)}` }), text("。")]));
    }
    if (made % tableEvery === 0 && tableCount < shape.tables) blocks.push(table(`t-${++tableCount}`, tableCount));
    return blocks;
  }

  function clause(depth: number): Node {
    const id = nextClauseId();
    made++;
    const index = made;
    const children: Node[] = [title(`技术要求第${index}项`), ...body(index)];
    const subclauses = depth === 0 ? 4 : depth === 1 ? 2 : 0;
    for (let i = 0; i < subclauses && made < remaining; i++) children.push(clause(depth + 1));
    return n.clause.create({ id }, children);
  }

  const clauses: Node[] = [];
  while (made < remaining) clauses.push(clause(0));
  return n.doc.createChecked(null, [foreword, scope, references, terms, ...clauses]);
}
