// Sample register data for the register tests: a mix of languages, clause styles, types and decisions,
// including text that looks like markup or a formula, which must come back exactly as written.
import { commentTypes, decisions, type RegisterHeader, type RegisterRow } from "./register-types";

export const sampleHeader: RegisterHeader = {
  date: new Date("2026-03-01T00:00:00Z"),
  document: "T/GBA 001—2026 征求意见稿",
  project: "GBA-2026-001",
  title: "智能网联汽车 数据记录系统",
  language: "zh-CN",
};

/** One person and one instant for everything, since an imported file carries neither. */
export const sampleAuthor = "李伟";
export const sampleInstant = new Date("2026-03-15T08:00:00Z");

const clauses = ["5.2", "A.1", "General", "3.1.2", "B", "10.4", "全文", "6", "A.2.3", "Foreword"];
const elements = ["表 2", "Table 2", "", "Para 3", "图 1", ""];
const organizations = ["CN", "DE", "中国标准化研究院", "Acme Automotive GmbH", "JP"];
const comments = [
  "“应”宜改为“宜”，此处为推荐性条款。",
  "The requirement in the note should be moved into the body text.",
  "<script>alert('x')</script> is shown as text, <b>not bold</b>.",
  "=SUM(A1:A2) is not a formula.",
  "第一行\n第二行：多行意见。",
];
const proposedChanges = ["将“应”改为“宜”。", "", "Move the sentence to 5.2.", "", "删除该注。"];

/** count rows with sequence 1…count; every fourth has no disposition. */
export function sampleRows(count: number): RegisterRow[] {
  return Array.from({ length: count }, (_, index): RegisterRow => {
    const pick = <T>(list: readonly T[]): T => list[index % list.length];
    return {
      sequence: index + 1,
      organization: pick(organizations),
      clause: pick(clauses),
      element: pick(elements),
      type: pick(commentTypes),
      comment: `${pick(comments)} (#${index + 1})`,
      proposedChange: pick(proposedChanges),
      author: sampleAuthor,
      createdAt: sampleInstant,
      disposition:
        index % 4 === 3
          ? null
          : { decision: pick(decisions), reason: index % 3 === 0 ? "" : `理由 ${index + 1}`, decidedBy: sampleAuthor, decidedAt: sampleInstant },
    };
  });
}
