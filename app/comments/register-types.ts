// The comment resolution register as plain data: what the exports write and the import returns. It is
// deliberately free of database types so the file formats can be built and tested on their own; the
// model layer maps its rows onto these.
import type { AppLocale } from "~/utils/i18n";

/** The three kinds of comment every commenting template knows (ISO: ge / te / ed; 一般 / 技术 / 编辑). */
export const commentTypes = ["general", "technical", "editorial"] as const;
export type CommentType = (typeof commentTypes)[number];

/** Dispositions seen in practice (ISO "observations of the secretariat"; 处理意见). */
export const decisions = ["accepted", "accepted_in_principle", "not_accepted", "noted"] as const;
export type Decision = (typeof decisions)[number];

export type RegisterDisposition = {
  decision: Decision;
  /** Why, in the words of whoever decided ("observations of the secretariat", 处理意见的理由). */
  reason: string;
  decidedBy: string;
  decidedAt: Date;
};

export type RegisterRow = {
  sequence: number;
  /** The commenter's body or company: the template's "MB/NC", the table's 提出单位. */
  organization: string;
  /** Clause number as shown in the draft, e.g. "5.2" or "A.1", or "General" / "全文". */
  clause: string;
  /** Paragraph, figure or table reference, e.g. "表 2", "Table 2", "Para 3"; may be empty. */
  element: string;
  type: CommentType;
  comment: string;
  /** May be empty: not every comment proposes wording. */
  proposedChange: string;
  author: string;
  createdAt: Date;
  /** null while the comment waits for a decision. */
  disposition: null | RegisterDisposition;
};

export type RegisterHeader = {
  date: Date;
  /** The document commented on, e.g. "T/GBA 001—2026 征求意见稿" or "ISO/CD 12345". */
  document: string;
  /** Project reference or number. */
  project: string;
  title: string;
  /** The project's language: decides the words written for dispositions in the ISO template. */
  language: AppLocale;
};
