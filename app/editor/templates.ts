/*
 * A new standard, with the elements its convention requires already in place and the prescribed
 * sentences already written, because reviewers most often reject drafts for a missing foreword
 * statement or lead-in (standards primer, section 4).
 */
import type { Node } from "prosemirror-model";
import { newId } from "./ids";
import type { Convention } from "./numbering";
import { schema, type ClauseKind, type ListStyle } from "./schema";

export interface TemplateTitles {
  titleZh: string;
  titleEn: string;
}

/** The sentences each convention prescribes; kept apart so a drafting-rule check can look for them. */
export const BOILERPLATE = {
  GB: {
    draftingRules:
      "本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。",
    patents: "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。",
    normativeReferences:
      "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，" +
      "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。",
    terms: "下列术语和定义适用于本文件。",
  },
  ISO: {
    procedures:
      "The procedures used to develop this document and those intended for its further maintenance " +
      "are described in the ISO/IEC Directives, Part 1.",
    patents:
      "Attention is drawn to the possibility that some of the elements of this document may be the " +
      "subject of patent rights. ISO and IEC shall not be held responsible for identifying any or all " +
      "such patent rights.",
    normativeReferences:
      "The following documents are referred to in the text in such a way that some or all of their " +
      "content constitutes requirements of this document. For dated references, only the edition " +
      "cited applies. For undated references, the latest edition of the referenced document " +
      "(including any amendments) applies.",
    terms: "For the purposes of this document, the following terms and definitions apply.",
    termDatabases: "ISO and IEC maintain terminology databases for use in standardization at the following addresses:",
    termDatabaseIso: "ISO Online browsing platform: available at https://www.iso.org/obp",
    termDatabaseIec: "IEC Electropedia: available at https://www.electropedia.org/",
  },
} as const;

const n = schema.nodes;

function para(text = ""): Node {
  return n.paragraph.create(null, text === "" ? null : schema.text(text));
}

function list(style: ListStyle, items: string[]): Node {
  return n.list.create(
    { style },
    items.map((item) => n.list_item.create(null, para(item))),
  );
}

function clause(kind: ClauseKind, title: string, blocks: Node[]): Node {
  const heading = n.clause_title.create(null, title === "" ? null : schema.text(title));
  return n.clause.create({ id: newId(), kind }, [heading, ...blocks]);
}

function emptyTerm(withEnglish: boolean): Node {
  const parts = [n.term_preferred.create(), ...(withEnglish ? [n.term_preferred_en.create()] : []), n.term_definition.create()];
  return n.term_entry.create({ id: newId() }, parts);
}

function emptyReference(): Node {
  return n.reference_entry.create({ id: newId() });
}

function gbTemplate({ titleZh }: TemplateTitles): Node {
  const text = BOILERPLATE.GB;
  const subject = titleZh.trim();
  return n.doc.createChecked(null, [
    n.foreword.create({ id: newId() }, [
      para(text.draftingRules),
      para(text.patents),
      para("本文件由……提出。"),
      para("本文件由……归口。"),
      para("本文件起草单位：……。"),
      para("本文件主要起草人：……。"),
    ]),
    clause("scope", "范围", [
      para(subject === "" ? "本文件规定了……。" : `本文件规定了${subject}的……。`),
      para("本文件适用于……。"),
    ]),
    clause("normative_references", "规范性引用文件", [para(text.normativeReferences), emptyReference()]),
    clause("terms", "术语和定义", [para(text.terms), emptyTerm(true)]),
    clause("general", "", [para()]),
  ]);
}

function isoTemplate({ titleEn }: TemplateTitles): Node {
  const text = BOILERPLATE.ISO;
  const subject = titleEn.trim();
  return n.doc.createChecked(null, [
    n.foreword.create({ id: newId() }, [
      para(text.procedures),
      para(text.patents),
      para("This document was prepared by Technical Committee …, …."),
    ]),
    clause("scope", "Scope", [para(subject === "" ? "This document specifies …." : `This document specifies … for ${subject}.`)]),
    clause("normative_references", "Normative references", [para(text.normativeReferences), emptyReference()]),
    clause("terms", "Terms and definitions", [
      para(text.terms),
      para(text.termDatabases),
      list("dash", [text.termDatabaseIso, text.termDatabaseIec]),
      emptyTerm(false),
    ]),
    clause("general", "", [para()]),
  ]);
}

/** A valid new document for the convention; `titles` seed the scope statement. */
export function createTemplate(convention: Convention, titles: TemplateTitles): Node {
  return convention === "GB" ? gbTemplate(titles) : isoTemplate(titles);
}
