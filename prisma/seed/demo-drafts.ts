/**
 * Demo drafts used to seed Standards Studio.
 *
 * - `demoDraftZh`: a 团体标准 工作组讨论稿 (GB/T 1.1—2020 layout) of
 *   《电动汽车大功率直流充电连接装置 技术要求及试验方法》.
 * - `demoDraftEn`: a shorter ISO-style working draft of
 *   "Battery swapping station — Safety requirements".
 *
 * Both are plain ProseMirror JSON documents in the vocabulary of
 * `app/editor/schema.ts`. Clause, table, formula, annex and list numbers are
 * never written in the text: they are computed from the structure, and cross
 * references are `cross_ref` atoms pointing at element ids.
 *
 * The drafts and all organizations and people named in them are fictional.
 */

export interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
}

/** Inline content: a plain string becomes a text node. */
type Inline = string | PMNode;

// ---------------------------------------------------------------------------
// Inline builders
// ---------------------------------------------------------------------------

function inline(parts: Inline[], where: string): PMNode[] {
  const nodes = parts
    .filter((part) => part !== "")
    .map((part) => (typeof part === "string" ? { type: "text", text: part } : part));
  if (nodes.length === 0) throw new Error(`demo-drafts: empty inline content in ${where}`);
  return nodes;
}

function marked(text: string, ...marks: string[]): PMNode {
  if (text === "") throw new Error("demo-drafts: empty marked text");
  return { type: "text", text, marks: marks.map((type) => ({ type })) };
}

const em = (text: string) => marked(text, "em");
const sub = (text: string) => marked(text, "sub");

/** Cross reference to a clause, table, figure, formula, term entry or annex. */
const xref = (target: string): PMNode => ({ type: "cross_ref", attrs: { target } });

// ---------------------------------------------------------------------------
// Block builders
// ---------------------------------------------------------------------------

function p(...parts: Inline[]): PMNode {
  return { type: "paragraph", attrs: { id: null }, content: inline(parts, "paragraph") };
}

type ItemSpec = string | Inline[] | PMNode;

function toParagraph(spec: string | Inline[]): PMNode {
  return typeof spec === "string" ? p(spec) : p(...spec);
}

/** A list item: first paragraph, then optional further paragraphs or nested lists. */
function li(first: string | Inline[], ...rest: PMNode[]): PMNode {
  return { type: "list_item", content: [toParagraph(first), ...rest] };
}

function list(style: "alpha" | "numeric" | "dash", ...items: ItemSpec[]): PMNode {
  return {
    type: "list",
    attrs: { style },
    content: items.map((item) =>
      typeof item === "string" || Array.isArray(item) ? li(item) : item,
    ),
  };
}

const alpha = (...items: ItemSpec[]) => list("alpha", ...items);
const numeric = (...items: ItemSpec[]) => list("numeric", ...items);
const dash = (...items: ItemSpec[]) => list("dash", ...items);

function note(id: string, ...paragraphs: (string | Inline[])[]): PMNode {
  return { type: "note", attrs: { id }, content: paragraphs.map(toParagraph) };
}

function example(id: string, ...blocks: (string | Inline[] | PMNode)[]): PMNode {
  return {
    type: "example",
    attrs: { id },
    content: blocks.map((b) => (typeof b === "string" || Array.isArray(b) ? toParagraph(b) : b)),
  };
}

function formula(id: string, latex: string): PMNode {
  return { type: "formula", attrs: { id, latex } };
}

const cellAttrs = () => ({ colspan: 1, rowspan: 1, colwidth: null });

type CellSpec = string | Inline[];

function cell(type: "table_header" | "table_cell", spec: CellSpec): PMNode {
  return { type, attrs: cellAttrs(), content: [toParagraph(spec)] };
}

/** A captioned table: one header row, then body rows. */
function table(id: string, caption: string, header: CellSpec[], rows: CellSpec[][]): PMNode {
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`demo-drafts: table ${id} has a row of ${row.length} cells, expected ${header.length}`);
    }
  }
  return {
    type: "table_block",
    attrs: { id },
    content: [
      { type: "caption", content: inline([caption], `caption of ${id}`) },
      {
        type: "table",
        content: [
          { type: "table_row", content: header.map((h) => cell("table_header", h)) },
          ...rows.map((row) => ({
            type: "table_row",
            content: row.map((c) => cell("table_cell", c)),
          })),
        ],
      },
    ],
  };
}

interface TermSpec {
  /** Preferred term (Chinese in the GB draft, English in the ISO draft). */
  preferred: string;
  /** English equivalent of a Chinese preferred term. */
  en?: string;
  admitted?: string[];
  definition: string | Inline[];
  notes?: (string | Inline[])[];
  source?: string;
}

function term(id: string, spec: TermSpec): PMNode {
  const textblock = (type: string, content: string | Inline[]): PMNode => ({
    type,
    content: inline(typeof content === "string" ? [content] : content, `${type} of ${id}`),
  });
  const content: PMNode[] = [textblock("term_preferred", spec.preferred)];
  if (spec.en) content.push(textblock("term_preferred_en", spec.en));
  for (const admitted of spec.admitted ?? []) content.push(textblock("term_admitted", admitted));
  content.push(textblock("term_definition", spec.definition));
  // A note to entry holds paragraphs (like a note); its "注：" / "Note 1 to entry:" label is computed.
  for (const n of spec.notes ?? []) content.push({ type: "note_to_entry", content: [toParagraph(n)] });
  if (spec.source) content.push(textblock("term_source", spec.source));
  return { type: "term_entry", attrs: { id }, content };
}

function refEntry(id: string, text: string): PMNode {
  return { type: "reference_entry", attrs: { id }, content: inline([text], `reference ${id}`) };
}

// ---------------------------------------------------------------------------
// Structural builders
// ---------------------------------------------------------------------------

type ClauseKind = "general" | "scope" | "normative_references" | "terms";

/** Checks the `clause_title block* clause*` order: no block after a subclause. */
function sectionContent(id: string, title: string, children: PMNode[]): PMNode[] {
  let seenClause = false;
  for (const child of children) {
    if (child.type === "clause") seenClause = true;
    else if (seenClause) {
      throw new Error(`demo-drafts: ${child.type} after a subclause in ${id}`);
    }
  }
  return [{ type: "clause_title", content: inline([title], `title of ${id}`) }, ...children];
}

function kclause(kind: ClauseKind, id: string, title: string, ...children: PMNode[]): PMNode {
  return { type: "clause", attrs: { id, kind }, content: sectionContent(id, title, children) };
}

const clause = (id: string, title: string, ...children: PMNode[]) =>
  kclause("general", id, title, ...children);

function annex(id: string, normative: boolean, title: string, ...children: PMNode[]): PMNode {
  return { type: "annex", attrs: { id, normative }, content: sectionContent(id, title, children) };
}

function foreword(id: string, ...children: PMNode[]): PMNode {
  return { type: "foreword", attrs: { id }, content: children };
}

function bibliography(id: string, ...entries: [string, string][]): PMNode {
  return {
    type: "bibliography",
    attrs: { id },
    content: entries.map(([entryId, text]) => ({
      type: "bibliography_entry",
      attrs: { id: entryId },
      content: inline([text], `bibliography entry ${entryId}`),
    })),
  };
}

function doc(...content: PMNode[]): PMNode {
  return { type: "doc", content };
}

// ===========================================================================
// 中文草案：T/GBA ×××—202× 电动汽车大功率直流充电连接装置 技术要求及试验方法
// ===========================================================================

const zhForeword = foreword(
  "zh-foreword",
  p("本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"),
  p(
    "本文件是在GB/T 20234.1—2023和GB/T 20234.3—2023的基础上，针对额定电流大于250 A的直流充电连接装置，" +
      "在额定值、温升控制、温度监测、液冷系统及相应试验方法等方面所作的补充和细化，与上述国家标准配合使用。",
  ),
  p("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"),
  p("本文件由粤港澳大湾区新能源汽车产业技术联盟充电基础设施工作组提出。"),
  p("本文件由粤港澳大湾区新能源汽车产业技术联盟归口。"),
  p(
    "本文件起草单位：广州穗能充电技术有限公司、深圳市鹏城电连科技股份有限公司、东莞华粤精密连接器有限公司、" +
      "佛山禅能特种电缆股份有限公司、珠海横琴新能源汽车检测中心有限公司、广东湾区智能网联汽车研究院、" +
      "肇庆粤西新能源汽车有限公司、澳门科技创新发展协会。",
  ),
  p("本文件主要起草人：陈志远、李晓峰、黄嘉欣、王海涛、梁永康、刘思敏、周建华、何俊杰、林雅婷。"),
);

const zhScope = kclause(
  "scope",
  "c-scope",
  "范围",
  p(
    "本文件规定了电动汽车大功率直流充电连接装置（以下简称“充电连接装置”）的一般要求、额定值、温升、防护等级、" +
      "机械强度、绝缘性能、液冷系统和环境适应性等技术要求，描述了相应的试验方法，" +
      "规定了检验规则以及标志、包装、运输和贮存的要求。",
  ),
  p(
    "本文件适用于额定电压不超过1 500 V（直流）、额定电流大于250 A且不超过800 A的电动汽车传导充电用车辆插头、" +
      "车辆插座及与其连接的充电电缆组件的设计、制造和检验。额定电流不大于250 A的直流充电连接装置可参照使用。",
  ),
);

const zhNormativeReferences = kclause(
  "normative_references",
  "c-normrefs",
  "规范性引用文件",
  p(
    "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，" +
      "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。",
  ),
  refEntry("ref-gbt2423-17", "GB/T 2423.17—2008　电工电子产品环境试验　第2部分：试验方法　试验Ka：盐雾"),
  refEntry("ref-gbt2423-22", "GB/T 2423.22—2012　环境试验　第2部分：试验方法　试验N：温度变化"),
  refEntry("ref-gbt4208", "GB/T 4208—2017　外壳防护等级（IP代码）"),
  refEntry("ref-gbt18487-1", "GB/T 18487.1—2023　电动汽车传导充电系统　第1部分：通用要求"),
  refEntry("ref-gbt20234-1", "GB/T 20234.1—2023　电动汽车传导充电用连接装置　第1部分：通用要求"),
  refEntry("ref-gbt20234-3", "GB/T 20234.3—2023　电动汽车传导充电用连接装置　第3部分：直流充电接口"),
);

const zhTerms = kclause(
  "terms",
  "c-terms",
  "术语和定义",
  p(xref("ref-gbt18487-1"), "和", xref("ref-gbt20234-1"), "界定的以及下列术语和定义适用于本文件。"),
  term("term-hpc", {
    preferred: "大功率直流充电",
    en: "high-power DC charging",
    definition: "额定电压不超过1 500 V（直流）、额定电流大于250 A的电动汽车直流传导充电方式",
  }),
  term("term-coupler", {
    preferred: "充电连接装置",
    en: "charging coupler",
    definition:
      "在充电过程中实现电动汽车供电设备与电动汽车之间电气连接和信号连接的组件，由车辆插头和车辆插座组成，" +
      "必要时包括与车辆插头连接的充电电缆",
    // Rendered as "[来源：GB/T 18487.1—2023，3.1.2，有修改]": the label and brackets are computed.
    source: "GB/T 18487.1—2023，3.1.2，有修改",
  }),
  term("term-lc-cable", {
    preferred: "液冷充电电缆",
    en: "liquid-cooled charging cable",
    admitted: ["液冷电缆"],
    definition: "内部设有冷却介质流道，通过冷却介质循环将导体和端子产生的焦耳热带走的充电电缆",
    notes: ["冷却介质通常为合成烃类绝缘油、硅油或水-乙二醇溶液。"],
  }),
  term("term-tsd", {
    preferred: "温度监测装置",
    en: "temperature sensing device",
    definition: "设置于车辆插头或车辆插座内，用于连续测量直流功率端子温度并向供电设备或车辆提供温度信息的元件及其电路",
  }),
  term("term-rated-current", {
    preferred: "额定电流",
    en: "rated current",
    definition: "制造商为充电连接装置规定的、在规定的冷却条件和环境温度下能持续通过的最大直流电流",
  }),
  term("term-temp-rise", {
    preferred: "温升",
    en: "temperature rise",
    definition: "在规定的试验条件下，充电连接装置被测部位的温度与同时刻环境温度之差",
  }),
);

// --- 4 技术要求 -------------------------------------------------------------

const zhReq41 = clause(
  "c-4-1",
  "一般要求",
  p(
    "充电连接装置的结构、触头布置、功能定义和尺寸兼容性应符合",
    xref("ref-gbt20234-1"),
    "和",
    xref("ref-gbt20234-3"),
    "的规定；" +
      "本文件对额定值、温升、温度监测和液冷系统另有规定的，还应符合本文件的规定。",
  ),
  p("充电连接装置应满足下列要求："),
  alpha(
    "车辆插头应设置机械锁止装置，并与供电设备的电子锁止装置配合使用；充电过程中车辆插头与车辆插座应保持可靠锁止，锁止状态应能被供电设备检测；",
    li(
      "车辆插头和车辆插座的每个直流功率端子均应配置温度监测装置，并满足：",
      numeric(
        "测温元件应与被测端子保持可靠的热耦合，测温回路与功率回路之间的绝缘应满足加强绝缘的要求；",
        "在−30 ℃～120 ℃范围内，温度监测装置的测量误差不应超过±2 K；",
        "温度监测装置出现开路或短路故障时，供电设备应能识别该故障，并在1 s内停止输出或将输出电流降至制造商规定的安全值；",
      ),
    ),
    "采用液冷充电电缆时，冷却回路与带电部件之间应有可靠的电气隔离，并应设置冷却介质压力、流量或温度的监测点；",
    "车辆插头的手柄宜符合人体工程学要求，宜能由操作者单手完成插入、锁止和拔出操作。",
  ),
  p(
    "车辆插头的电缆出口处宜设置弯曲保护装置，以减小充电电缆在反复弯折时的应力集中。" +
      "液冷充电电缆的质量较大时，可配置电缆悬挂或平衡装置，以降低操作力。",
  ),
  note(
    "n-4-1-lock",
    ["电子锁止装置的控制时序和锁止状态的检测方法见", xref("ref-gbt18487-1"), "。"],
  ),
);

const zhReq42 = clause(
  "c-4-2",
  "额定值",
  p(
    "充电连接装置的额定电压、额定电流及相关参数应从",
    xref("t-rated"),
    "中选取。制造商声明的额定电流应为在规定冷却条件下能持续通过、且温升符合",
    xref("c-4-3"),
    "要求的电流。",
  ),
  table(
    "t-rated",
    "充电连接装置额定值",
    ["参数", "单位", "A型", "B型", "C型"],
    [
      ["额定电压（直流）", "V", "1 000", "1 000", "1 500"],
      ["额定电流", "A", "250", "500", "800"],
      ["短时峰值电流（持续时间不大于60 s）", "A", "300", "600", "1 000"],
      ["冷却方式", "—", "自然冷却", "液冷", "液冷"],
      ["低压辅助电源电压", "V", "12", "12", "12"],
      ["工作环境温度", "℃", "−30～+50", "−30～+50", "−30～+50"],
    ],
  ),
  note(
    "n-4-2-peak",
    "短时峰值电流主要用于车辆动力蓄电池在低荷电状态下的快速补电工况，其持续时间和间隔时间由供电设备控制。",
  ),
  p("充电连接装置的规格宜按“额定电压/额定电流-冷却方式代号”的形式表示，冷却方式代号如下："),
  dash("N：自然冷却；", "L：液冷。"),
  example(
    "ex-4-2-designation",
    "额定电压1 000 V、额定电流500 A、采用液冷方式的充电连接装置，其规格表示为：DC 1000 V/500 A-L。",
  ),
);

const zhReq43 = clause(
  "c-4-3",
  "温升",
  p(
    "在",
    xref("t-rated"),
    "规定的额定电流和冷却条件下按",
    xref("c-5-2"),
    "进行试验时，充电连接装置各部位的温升和表面温度应符合下列要求：",
  ),
  alpha(
    "直流功率端子的温升不应大于50 K；",
    "正常使用时手握部位的表面温度，金属材料不应高于50 ℃，非金属材料不应高于60 ℃；",
    "可触及但正常使用时无须手握部位的表面温度，金属材料不应高于60 ℃，非金属材料不应高于85 ℃；",
    "充电电缆护套外表面的温度不应高于70 ℃。",
  ),
  p(
    "以短时峰值电流进行试验时，直流功率端子的最高温度不应超过90 ℃，且试验后充电连接装置不应出现变形、变色或绝缘损坏。",
  ),
  p(
    "当直流功率端子温度达到制造商规定的降额阈值时，温度监测装置应能在1 s内向供电设备提供有效的温度信号。" +
      "推荐的温度降额策略见",
    xref("annex-b"),
    "。",
  ),
);

const zhReq44 = clause(
  "c-4-4",
  "防护等级",
  p("充电连接装置的外壳防护等级应符合", xref("ref-gbt4208"), "的规定，并满足下列要求："),
  alpha(
    "车辆插头与车辆插座处于插合状态时，防护等级不应低于IP55；",
    "车辆插头处于未插合状态时，防护等级不应低于IP44；配有防护盖且防护盖处于关闭状态时，防护等级不应低于IP55；",
    "车辆插座处于未插合状态且防护盖关闭时，防护等级不应低于IP55；",
    "液冷充电电缆与车辆插头的连接部位，防护等级不应低于IP67。",
  ),
  p(
    "按",
    xref("c-5-5"),
    "试验后，充电连接装置的绝缘电阻应符合",
    xref("c-4-6"),
    "的规定，带电部件上不应有可见积水。",
  ),
);

const zhReq45 = clause(
  "c-4-5",
  "机械强度",
  p("充电连接装置应具有足够的机械强度，以承受正常使用中可能出现的插拔、跌落、碾压和电缆拉扯等机械应力。"),
  clause(
    "c-4-5-1",
    "插拔力",
    p("解除锁止后，车辆插头的插入力和拔出力均不应大于100 N。"),
  ),
  clause(
    "c-4-5-2",
    "机械寿命",
    p("充电连接装置在不带负载的条件下完成10 000次插拔循环后，应满足下列要求："),
    alpha(
      ["插拔力仍符合", xref("c-4-5-1"), "的规定；"],
      "直流功率端子接触电阻的增加量不应大于初始值的50%；",
      "锁止装置功能正常，外壳、触头及防护盖不应出现影响正常使用的损坏。",
    ),
  ),
  clause(
    "c-4-5-3",
    "跌落",
    p(
      "车辆插头从1 m高度自由跌落至混凝土地面，累计8次后，不应出现影响防护等级或电气安全的破损，带电部件不应变为可触及。",
    ),
  ),
  clause(
    "c-4-5-4",
    "抗车辆碾压",
    p("车辆插头承受(5 000±250) N的碾压力后，不应出现影响电气安全的破裂，锁止装置及温度监测装置功能应正常。"),
    note("n-4-5-4-crush", "该碾压力模拟乘用车车轮碾压掉落在地面上的车辆插头的情形。"),
  ),
  clause(
    "c-4-5-5",
    "电缆固定",
    p(
      "充电电缆在车辆插头出口处的固定装置应能承受200 N的轴向拉力和0.7 N·m的扭矩，试验后电缆的纵向位移不应大于2 mm，" +
        "液冷流道不应出现泄漏。",
    ),
  ),
);

const zhReq46 = clause(
  "c-4-6",
  "绝缘性能",
  p("充电连接装置的绝缘性能应满足下列要求："),
  alpha(
    "绝缘电阻：在直流功率端子之间以及直流功率端子与保护接地端子之间，绝缘电阻不应小于100 MΩ；经湿热处理或防护等级试验后不应小于10 MΩ；",
    [
      "介电强度：在上述部位之间施加工频电压（2",
      em("U"),
      sub("n"),
      "+1 000）V，持续1 min，不应出现击穿或闪络，其中",
      em("U"),
      sub("n"),
      "为额定电压；",
    ],
    "温度监测回路与直流功率回路之间应能承受与加强绝缘相对应的试验电压。",
  ),
);

const zhReq47 = clause(
  "c-4-7",
  "液冷系统",
  p("采用液冷方式的充电连接装置，其冷却系统应满足下列要求："),
  alpha(
    "冷却回路在1.5倍最大工作压力下保持15 min，不应出现泄漏或永久变形；",
    "在制造商规定的额定流量下，冷却介质进出口之间的压降不应超过制造商的声明值；",
    "冷却介质应与冷却回路材料和密封材料相容；采用含水冷却介质时，冷却回路与带电部件之间应采用双重绝缘或加强绝缘；",
    "冷却系统失效（流量不足或冷却介质温度超限）时，应能向供电设备提供故障信号，供电设备应降低输出电流或停止充电。",
  ),
  p("冷却介质的选择宜综合考虑绝缘性能、低温流动性和防火性能，选用建议见", xref("annex-b"), "。"),
);

const zhReq48 = clause(
  "c-4-8",
  "环境适应性",
  p("充电连接装置应能在", xref("t-rated"), "规定的工作环境温度范围内正常工作，并满足下列要求："),
  alpha(
    "经盐雾试验后，金属部件不应出现影响功能的腐蚀，触头镀层不应出现基体金属外露；",
    ["经温度变化试验后，外壳不应出现开裂，绝缘性能应符合", xref("c-4-6"), "的规定。"],
  ),
);

const zhRequirements = clause(
  "c-4",
  "技术要求",
  zhReq41,
  zhReq42,
  zhReq43,
  zhReq44,
  zhReq45,
  zhReq46,
  zhReq47,
  zhReq48,
);

// --- 5 试验方法 -------------------------------------------------------------

const zhTest51 = clause(
  "c-5-1",
  "试验条件",
  p("除另有规定外，试验应在下列大气条件下进行："),
  alpha("环境温度：15 ℃～35 ℃；", "相对湿度：25%～75%；", "大气压力：86 kPa～106 kPa。"),
  p("温升试验的环境温度宜为(25±5) ℃，试验期间环境温度的变化不应大于2 K。"),
  p(
    "试验装置及仪器设备应符合",
    xref("annex-a"),
    "的规定，仪器设备应经计量检定或校准并在有效期内。型式检验的样品应从按正常工艺生产的产品中抽取，检验项目见",
    xref("t-inspection"),
    "。",
  ),
);

const zhTest52 = clause(
  "c-5-2",
  "温升试验",
  p("温升试验按下列步骤进行："),
  alpha(
    [
      "按",
      xref("c-a-1"),
      "的规定布置试验回路，将车辆插头与车辆插座插合并锁止，按",
      xref("c-a-2"),
      "的规定在直流功率端子及",
      xref("c-4-3"),
      "所列各部位布置热电偶；",
    ],
    "采用液冷充电电缆时，按制造商规定的冷却介质、流量和入口温度运行冷却系统；",
    [
      "通以",
      xref("t-rated"),
      "规定的额定电流，直至达到热稳定状态，即连续3次、间隔10 min的温度读数变化均不超过1 K；",
    ],
    "记录各测温部位的最高温度、同时刻的环境温度以及温度监测装置的输出值。",
  ),
  p("温升按", xref("f-temp-rise"), "计算："),
  formula("f-temp-rise", "\\Delta T = T_{\\max} - T_{\\mathrm{amb}}"),
  p("式中："),
  p(em("ΔT"), "——温升，单位为开尔文（K）；"),
  p(em("T"), sub("max"), "——被测部位在热稳定状态下的最高温度，单位为摄氏度（℃）；"),
  p(em("T"), sub("amb"), "——同时刻的环境温度，单位为摄氏度（℃）。"),
  p("温度监测装置的测量误差按", xref("f-sensor-error"), "计算："),
  formula("f-sensor-error", "\\delta = T_{\\mathrm{s}} - T_{\\mathrm{tc}}"),
  p("式中："),
  p(em("δ"), "——温度监测装置的测量误差，单位为开尔文（K）；"),
  p(em("T"), sub("s"), "——温度监测装置的输出值，单位为摄氏度（℃）；"),
  p(em("T"), sub("tc"), "——同一端子上热电偶的实测值，单位为摄氏度（℃）。"),
  p("计算结果应符合", xref("c-4-3"), "和", xref("c-4-1"), "的规定。"),
  p(
    "额定电流温升试验达到热稳定后，继续通以",
    xref("t-rated"),
    "规定的短时峰值电流并保持规定的持续时间，记录直流功率端子的最高温度；试验结束后检查样品外观。",
  ),
);

const zhTest53 = clause(
  "c-5-3",
  "插拔力试验",
  p(
    "将车辆插座固定在试验台上，解除锁止装置，使用拉压力计沿插合轴线方向匀速插入和拔出车辆插头，" +
      "插拔速度不大于0.8 m/s。分别测量插入力和拔出力，共进行3次，取最大值，结果应符合",
    xref("c-4-5-1"),
    "的规定。",
  ),
);

const zhTest54 = clause(
  "c-5-4",
  "机械寿命试验",
  p(
    "在不带负载的条件下，以每分钟不超过8次的频率进行插拔循环，每次循环包括一次完整的插入、锁止、解锁和拔出动作，" +
      "共进行10 000次。试验前后分别测量插拔力和直流功率端子的接触电阻，结果应符合",
    xref("c-4-5-2"),
    "的规定。",
  ),
);

const zhTest55 = clause(
  "c-5-5",
  "防护等级试验",
  p(
    "按",
    xref("ref-gbt4208"),
    "规定的方法，分别在插合状态和未插合状态下进行防尘和防水试验，防尘试验按第2类外壳进行。" +
      "试验后立即按",
    xref("c-5-7"),
    "测量绝缘电阻，并检查带电部件，结果应符合",
    xref("c-4-4"),
    "的规定。",
  ),
);

const zhTest56 = clause(
  "c-5-6",
  "机械强度试验",
  clause(
    "c-5-6-1",
    "跌落试验",
    p(
      "车辆插头连同长度为1 m的充电电缆，从1 m高度自由跌落至水平混凝土地面，每次跌落时改变样品的姿态，共跌落8次。" +
        "试验后检查外观并进行防护等级和绝缘性能检查，结果应符合",
      xref("c-4-5-3"),
      "的规定。",
    ),
  ),
  clause(
    "c-5-6-2",
    "碾压试验",
    p(
      "将车辆插头以任意正常静止姿态放置于混凝土地面，用安装有充气压力为(220±10) kPa的乘用车轮胎的车轮，" +
        "以(8±2) km/h的速度施加(5 000±250) N的碾压力。试验后检查样品，结果应符合",
      xref("c-4-5-4"),
      "的规定。",
    ),
  ),
  clause(
    "c-5-6-3",
    "电缆固定试验",
    p(
      "对充电电缆施加200 N的轴向拉力，持续1 s，共100次；随后施加0.7 N·m的扭矩，持续1 min。试验后测量电缆的纵向位移，" +
        "并对液冷流道进行密封检查，结果应符合",
      xref("c-4-5-5"),
      "的规定。",
    ),
  ),
);

const zhTest57 = clause(
  "c-5-7",
  "绝缘电阻和介电强度试验",
  p(
    "使用绝缘电阻表，在直流功率端子之间以及直流功率端子与保护接地端子之间施加直流电压：额定电压为1 000 V时施加1 000 V，" +
      "额定电压为1 500 V时施加2 500 V，稳定1 min后读取绝缘电阻值。",
  ),
  p(
    "介电强度试验在绝缘电阻测量之后进行，试验电压从不大于规定值的一半开始，在10 s内均匀升至规定值并保持1 min。" +
      "试验结果应符合",
    xref("c-4-6"),
    "的规定。",
  ),
);

const zhTest58 = clause(
  "c-5-8",
  "液冷系统密封试验",
  p(
    "在冷却介质充满冷却回路的状态下，将回路压力缓慢升至1.5倍最大工作压力，保压15 min，观察压力变化并检查各接头，" +
      "结果应符合",
    xref("c-4-7"),
    "的规定。冷却系统失效信号的检查可通过关闭循环泵或提高冷却介质入口温度的方式进行。",
  ),
);

const zhTest59 = clause(
  "c-5-9",
  "环境适应性试验",
  p("环境适应性试验按下列方法进行："),
  alpha(
    ["盐雾试验：按", xref("ref-gbt2423-17"), "的规定进行，试验持续时间为96 h，试验后用清水冲洗并干燥后检查；"],
    [
      "温度变化试验：按",
      xref("ref-gbt2423-22"),
      "中试验Nb的规定进行，低温−30 ℃，高温85 ℃，每个温度保持2 h，温度变化速率为(1±0.2) K/min，共5个循环。",
    ],
  ),
  p("试验结果应符合", xref("c-4-8"), "的规定。"),
);

const zhTests = clause(
  "c-5",
  "试验方法",
  zhTest51,
  zhTest52,
  zhTest53,
  zhTest54,
  zhTest55,
  zhTest56,
  zhTest57,
  zhTest58,
  zhTest59,
);

// --- 6 检验规则 -------------------------------------------------------------

const zhInspection = clause(
  "c-6",
  "检验规则",
  clause("c-6-1", "检验分类", p("充电连接装置的检验分为出厂检验和型式检验。")),
  clause(
    "c-6-2",
    "出厂检验",
    p(
      "每件产品均应进行出厂检验，检验项目见",
      xref("t-inspection"),
      "。出厂检验全部合格并签发产品合格证后，产品方可出厂。",
    ),
  ),
  clause(
    "c-6-3",
    "型式检验",
    p("有下列情况之一时，应进行型式检验："),
    alpha(
      "新产品定型或老产品转厂生产时；",
      "产品的结构、材料或工艺有较大改变，可能影响产品性能时；",
      "正常生产时，每两年进行一次；",
      "产品停产一年以上恢复生产时；",
      "出厂检验结果与上次型式检验结果有较大差异时。",
    ),
    p("型式检验项目见", xref("t-inspection"), "，样品数量为3套，试验宜按表中所列顺序进行。"),
    table(
      "t-inspection",
      "检验项目",
      ["检验项目", "技术要求", "试验方法", "出厂检验", "型式检验"],
      [
        ["外观和标志", [xref("c-7-1")], "目视检查", "√", "√"],
        ["温升", [xref("c-4-3")], [xref("c-5-2")], "—", "√"],
        ["防护等级", [xref("c-4-4")], [xref("c-5-5")], "—", "√"],
        ["插拔力", [xref("c-4-5-1")], [xref("c-5-3")], "√", "√"],
        ["机械寿命", [xref("c-4-5-2")], [xref("c-5-4")], "—", "√"],
        ["跌落、碾压和电缆固定", [xref("c-4-5")], [xref("c-5-6")], "—", "√"],
        ["绝缘电阻", [xref("c-4-6")], [xref("c-5-7")], "√", "√"],
        ["介电强度", [xref("c-4-6")], [xref("c-5-7")], "√", "√"],
        ["液冷系统密封", [xref("c-4-7")], [xref("c-5-8")], "√", "√"],
        ["环境适应性", [xref("c-4-8")], [xref("c-5-9")], "—", "√"],
      ],
    ),
  ),
  clause(
    "c-6-4",
    "判定规则",
    p(
      "出厂检验中任一项不合格时，应返修后重新检验，重新检验仍不合格的产品判定为不合格品。" +
        "型式检验项目全部合格时，判定型式检验合格；有不合格项时，应加倍抽样对不合格项进行复检，复检仍不合格的，判定型式检验不合格。",
    ),
  ),
);

// --- 7 标志、包装、运输和贮存 ------------------------------------------------

const zhMarking = clause(
  "c-7",
  "标志、包装、运输和贮存",
  clause(
    "c-7-1",
    "标志",
    p("车辆插头和车辆插座上应有清晰、耐久的标志，标志至少包括下列内容："),
    alpha(
      "制造商名称或商标；",
      "产品型号和规格；",
      "额定电压和额定电流；",
      "防护等级；",
      "生产日期或生产批号。",
    ),
    p("用浸水的棉布擦拭标志15 s，再用浸汽油的棉布擦拭15 s后，标志应仍清晰可辨。"),
  ),
  clause(
    "c-7-2",
    "包装",
    p(
      "产品包装应具有防潮、防震措施，包装箱内应附有产品合格证、使用说明书和装箱清单。" +
        "液冷充电电缆在包装前宜排空冷却介质，未排空时应采取可靠的防泄漏措施，并在包装箱外标明。",
    ),
  ),
  clause(
    "c-7-3",
    "运输和贮存",
    p(
      "运输过程中应避免雨淋、曝晒和剧烈撞击。产品应贮存在环境温度为−25 ℃～+55 ℃、相对湿度不大于85%、" +
        "无腐蚀性气体且通风良好的库房内。",
    ),
  ),
);

// --- 附录 A（规范性）试验装置 ------------------------------------------------

const zhAnnexA = annex(
  "annex-a",
  true,
  "试验装置",
  clause(
    "c-a-1",
    "温升试验装置",
    p(
      "温升试验装置由直流大电流源、试验回路、冷却介质循环机组、温度采集系统和试验支架组成，主要仪器设备及准确度要求见",
      xref("t-a-equipment"),
      "。",
    ),
    p("试验回路应满足下列要求："),
    alpha(
      "车辆插座侧的直流功率端子采用截面积不小于被试电缆导体截面积的铜排短接，短接导体长度不小于0.5 m；",
      "车辆插座侧连接导线长度不应小于2 m，其截面积按额定电流选取，以避免外部导线向被试样品传热或从样品吸热；",
      "试验支架应采用非金属材料，样品距墙面和地面均不小于0.5 m，试验区域内应无强制气流，风速不大于0.5 m/s。",
    ),
    table(
      "t-a-equipment",
      "温升试验用主要仪器设备",
      ["仪器设备", "测量或输出范围", "准确度或分辨力"],
      [
        ["直流大电流源", "0 A～1 200 A", "输出电流稳定度±0.5%"],
        ["温度采集系统及热电偶", "−40 ℃～200 ℃", "±0.5 K"],
        ["冷却介质循环机组", "流量0 L/min～30 L/min；入口温度10 ℃～60 ℃", "流量±2%；温度±1 K"],
        ["拉压力计", "0 N～500 N", "±1%"],
        ["绝缘电阻表", "DC 500 V、1 000 V、2 500 V", "±5%"],
        ["耐电压测试仪", "AC 0 kV～5 kV", "±3%"],
        ["温湿度计", "−20 ℃～60 ℃；10%RH～95%RH", "±0.5 K；±3%RH"],
      ],
    ),
  ),
  clause(
    "c-a-2",
    "热电偶的布置",
    p("热电偶应采用线径不大于0.5 mm的T型或K型热电偶，其布置应满足下列要求："),
    alpha(
      "直流功率端子的测点位于端子接触区与压接区之间、距接触面最近的位置，可在端子上加工直径不大于1.5 mm的盲孔埋入热电偶，并以导热胶固定；",
      "外表面测点以导热胶或耐热胶带固定，热电偶端部及靠近端部不小于10 mm的导线应紧贴被测表面；",
      "环境温度测点不少于2个，布置在距样品1 m、与样品中心同高的位置，取其平均值作为环境温度。",
    ),
    note(
      "n-a-2-hole",
      "盲孔会在一定程度上减小端子的导电截面积，盲孔深度通常控制在端子直径的一半以内。",
    ),
  ),
  clause(
    "c-a-3",
    "液冷试验回路",
    p(
      "液冷试验回路应能在制造商规定的范围内调节冷却介质的流量和入口温度，入口温度控制精度为±1 K，流量控制精度为±2%。" +
        "冷却介质的进口和出口处应分别设置温度和压力测点。",
    ),
  ),
);

// --- 附录 B（资料性）液冷充电连接装置热管理设计指南 ----------------------------

const zhAnnexB = annex(
  "annex-b",
  false,
  "液冷充电连接装置热管理设计指南",
  clause(
    "c-b-1",
    "概述",
    p("本附录给出液冷大功率充电连接装置热管理设计和温度降额控制的推荐做法，供充电连接装置制造商和供电设备制造商参考。"),
  ),
  clause(
    "c-b-2",
    "冷却介质的选择",
    p("冷却介质的选择宜考虑下列因素："),
    alpha(
      "电气绝缘性能：宜优先选用体积电阻率高、击穿电压高的介质；",
      "传热与流动性能：比热容较大、黏度较低的介质有利于降低泵功耗；",
      "材料相容性：介质不宜引起密封件溶胀或管路材料老化；",
      "低温性能：倾点宜低于−40 ℃；",
      "防火和环保性能：宜选用闪点较高、低毒且易于回收的介质。",
    ),
    note("n-b-2-media", "目前常用的冷却介质包括合成烃类绝缘油、硅油和水-乙二醇溶液。"),
  ),
  clause(
    "c-b-3",
    "温度降额策略",
    p("供电设备可根据温度监测装置提供的端子温度，按", xref("t-b-derating"), "对输出电流进行分级降额。"),
    table(
      "t-b-derating",
      "推荐的端子温度降额策略",
      ["直流功率端子温度T", "输出电流限值", "说明"],
      [
        ["T＜80 ℃", "额定电流", "正常充电"],
        ["80 ℃≤T＜85 ℃", "额定电流的80%", "提示温度偏高"],
        ["85 ℃≤T＜90 ℃", "额定电流的50%", "持续监测冷却系统状态"],
        ["T≥90 ℃", "0", "停止充电并提示故障"],
      ],
    ),
    example(
      "ex-b-3-derating",
      "额定电流为500 A的充电连接装置，当端子温度升至86 ℃时，供电设备将输出电流限制为250 A；" +
        "温度回落至80 ℃以下并持续60 s后，供电设备逐步恢复输出电流。",
    ),
  ),
);

const zhBibliography = bibliography(
  "zh-bibliography",
  ["bib-nbt33008-1", "NB/T 33008.1—2018　电动汽车充电设备检验试验规范　第1部分：非车载充电机"],
  [
    "bib-iec62196-1",
    "IEC 62196-1:2022　Plugs, socket-outlets, vehicle connectors and vehicle inlets—Conductive charging of electric vehicles—Part 1: General requirements",
  ],
  [
    "bib-iec62196-3",
    "IEC 62196-3:2022　Plugs, socket-outlets, vehicle connectors and vehicle inlets—Conductive charging of electric vehicles—Part 3: Dimensional compatibility requirements for DC and AC/DC pin and contact-tube vehicle couplers",
  ],
);

export const demoDraftZh: PMNode = doc(
  zhForeword,
  zhScope,
  zhNormativeReferences,
  zhTerms,
  zhRequirements,
  zhTests,
  zhInspection,
  zhMarking,
  zhAnnexA,
  zhAnnexB,
  zhBibliography,
);

// ===========================================================================
// English draft: Battery swapping station — Safety requirements (ISO style)
// ===========================================================================

const enForeword = foreword(
  "en-foreword",
  p(
    "The Guangdong–Hong Kong–Macao Greater Bay Area New Energy Vehicle Industry Technology Alliance (hereafter “the Alliance”) " +
      "prepares group standards through its technical working groups. Each member organization interested in a subject " +
      "for which a working group has been established has the right to be represented on that working group.",
  ),
  p(
    "The procedures used to develop this document and those intended for its further maintenance are described in the " +
      "Alliance's standardization rules. This document was drafted in accordance with the editorial rules of the ISO/IEC Directives, Part 2.",
  ),
  p(
    "Attention is drawn to the possibility that some of the elements of this document may be the subject of patent rights. " +
      "The Alliance is not responsible for identifying any or all such patent rights.",
  ),
  p("This document was prepared by Working Group 4, ", em("Battery swapping"), ", of the Alliance."),
  p("Feedback and questions on this document are welcome at the Alliance secretariat."),
);

const enScope = kclause(
  "scope",
  "en-c-scope",
  "Scope",
  p(
    "This document specifies safety requirements for battery swapping stations in which the swappable traction battery " +
      "pack of an electric road vehicle is exchanged by automated equipment. It covers the swapping platform, the battery " +
      "handling equipment, the battery storage and charging system and the station control system.",
  ),
  p(
    "This document is applicable to stations serving passenger cars and light commercial vehicles with swappable battery " +
      "packs of a nominal voltage up to 1 000 V DC. It is not applicable to manual battery exchange or to the design of " +
      "the battery packs themselves.",
  ),
);

const enNormativeReferences = kclause(
  "normative_references",
  "en-c-normrefs",
  "Normative references",
  p(
    "The following documents are referred to in the text in such a way that some or all of their content constitutes " +
      "requirements of this document. For dated references, only the edition cited applies. For undated references, " +
      "the latest edition of the referenced document (including any amendments) applies.",
  ),
  refEntry(
    "en-ref-iso13849-1",
    "ISO 13849-1:2023, Safety of machinery — Safety-related parts of control systems — Part 1: General principles for design",
  ),
  refEntry(
    "en-ref-iso13857",
    "ISO 13857:2019, Safety of machinery — Safety distances to prevent hazard zones being reached by upper and lower limbs",
  ),
  refEntry("en-ref-iec60529", "IEC 60529:1989+AMD1:1999+AMD2:2013, Degrees of protection provided by enclosures (IP Code)"),
  refEntry("en-ref-iec61851-1", "IEC 61851-1:2017, Electric vehicle conductive charging system — Part 1: General requirements"),
  refEntry(
    "en-ref-iec62619",
    "IEC 62619:2022, Secondary cells and batteries containing alkaline or other non-acid electrolytes — Safety requirements " +
      "for secondary lithium cells and batteries, for use in industrial applications",
  ),
);

const enTerms = kclause(
  "terms",
  "en-c-terms",
  "Terms and definitions",
  p("For the purposes of this document, the following terms and definitions apply."),
  p("ISO and IEC maintain terminology databases for use in standardization at the following addresses:"),
  dash(
    "ISO Online browsing platform: available at https://www.iso.org/obp",
    "IEC Electropedia: available at https://www.electropedia.org/",
  ),
  term("en-term-station", {
    preferred: "battery swapping station",
    admitted: ["battery exchange station"],
    definition:
      "facility in which the swappable battery pack of an electric vehicle is removed and replaced by a charged battery " +
      "pack using automated equipment, and in which removed battery packs are stored and charged",
  }),
  term("en-term-pack", {
    preferred: "swappable battery pack",
    definition:
      "traction battery pack designed to be removed from and installed in a vehicle by battery swapping equipment " +
      "through a defined mechanical and electrical interface",
    notes: ["A swappable battery pack includes its battery management system and the locking interface to the vehicle."],
  }),
  term("en-term-platform", {
    preferred: "swapping platform",
    definition: "part of the battery swapping station on which the vehicle is positioned and held during the battery exchange",
  }),
);

const enRequirements = clause(
  "en-c-4",
  "Safety requirements",
  clause(
    "en-c-4-1",
    "General",
    p(
      "The battery swapping station shall be designed and built on the basis of a documented risk assessment covering " +
        "at least the hazards listed in ",
      xref("en-annex-a"),
      ".",
    ),
    p(
      "Safety-related parts of the control system that stop hazardous motion or isolate hazardous voltage shall achieve " +
        "at least performance level d (PL d) in accordance with ",
      xref("en-ref-iso13849-1"),
      ".",
    ),
    note(
      "en-n-4-1-pl",
      "The performance level required for other safety functions depends on the outcome of the risk assessment.",
    ),
  ),
  clause(
    "en-c-4-2",
    "Electrical safety",
    p("The electrical installation of the station shall meet the following requirements:"),
    alpha(
      [
        "enclosures containing hazardous live parts shall provide at least IP54 in accordance with ",
        xref("en-ref-iec60529"),
        " when installed outdoors, and at least IP4X when installed indoors;",
      ],
      "the power connector between the storage rack and a battery pack shall only be energized when the battery pack is locked in its storage position;",
      [
        "charging of battery packs in the storage rack shall comply with the applicable requirements of ",
        xref("en-ref-iec61851-1"),
        ";",
      ],
      "the insulation resistance between the battery pack circuits and earth should be monitored continuously during charging.",
    ),
  ),
  clause(
    "en-c-4-3",
    "Mechanical safety",
    p(
      "Hazard zones of the battery handling equipment shall be protected by fixed guards or by interlocked movable guards. " +
        "Safety distances shall be in accordance with ",
      xref("en-ref-iso13857"),
      ".",
    ),
    p(
      "Emergency stop devices shall be provided at the operator console, at each access door to a hazard zone and within " +
        "reach of the driver's position on the swapping platform.",
    ),
    p(
      "The vehicle positioning and lifting system shall hold the vehicle in position in the event of a loss of power, " +
        "pressure or control signal. The swapping sequence should be visible to the operator, either directly or by video.",
    ),
    p("Access for maintenance may be provided through a separate door, provided that it is interlocked with the handling equipment."),
  ),
  clause(
    "en-c-4-4",
    "Battery storage and charging",
    p(
      "Battery packs handled by the station shall have passed the safety tests of ",
      xref("en-ref-iec62619"),
      " that apply to them. " +
        "Each storage position shall be equipped with temperature monitoring of the battery pack and with smoke detection.",
    ),
    p(
      "Before a removed battery pack is placed in storage, the station shall read the fault records from its battery " +
        "management system. The station shall stop charging and move the battery pack to a quarantine position when any of " +
        "the following is detected:",
    ),
    alpha(
      "a cell temperature above the limit declared by the battery manufacturer;",
      "a rate of temperature rise above 1 K/min in any monitored cell;",
      "smoke, or electrolyte vapour detected at the storage position.",
    ),
    note(
      "en-n-4-4-quarantine",
      "A quarantine position can be an outdoor container or a fire-resistant compartment separated from the main storage rack.",
    ),
  ),
  clause(
    "en-c-4-5",
    "Fire protection",
    p(
      "The battery storage area shall be separated from the swapping area and from occupied rooms by construction with a " +
        "fire resistance of at least 2 h. An automatic fire suppression system shall be provided for the battery storage area; " +
        "it should be able to cool an individual storage position.",
    ),
    example(
      "en-ex-4-5",
      "A water mist system with a nozzle above each storage position, actuated by the smoke detector of that position.",
    ),
  ),
);

const enAnnexA = annex(
  "en-annex-a",
  false,
  "Significant hazards",
  clause(
    "en-c-a-1",
    "General",
    p(
      "This annex lists significant hazards that are typically identified in the risk assessment of a battery swapping " +
        "station. ",
      xref("en-t-a-hazards"),
      " gives each hazard with the subclauses of this document that address it. The list is not exhaustive.",
    ),
  ),
  clause(
    "en-c-a-2",
    "List of hazards",
    table(
      "en-t-a-hazards",
      "Significant hazards and related requirements",
      ["Hazard", "Hazardous situation", "Subclause"],
      [
        ["Electric shock", "Contact with live parts of the storage rack or of a damaged battery pack", [xref("en-c-4-2")]],
        ["Crushing", "Person inside the swapping area while the handling equipment moves", [xref("en-c-4-3")]],
        ["Falling vehicle", "Loss of lifting force during the battery exchange", [xref("en-c-4-3")]],
        ["Thermal runaway", "Damaged or faulty battery pack charged in the storage rack", [xref("en-c-4-4")]],
        ["Fire spread", "Fire in one storage position reaching adjacent positions or rooms", [xref("en-c-4-5")]],
      ],
    ),
  ),
);

export const demoDraftEn: PMNode = doc(enForeword, enScope, enNormativeReferences, enTerms, enRequirements, enAnnexA);

