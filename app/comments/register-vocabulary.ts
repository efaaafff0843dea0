// The words the commenting templates use for comment types and dispositions, in both directions: the
// exports write them and the import reads them back. Reading is lenient (people type these by hand in
// Excel, in either language); writing always produces the one canonical form, so a file we export
// imports again unchanged.
import type { AppLocale } from "~/utils/i18n";
import { type CommentType, type Decision, decisions, type RegisterDisposition } from "./register-types";

/** The ISO template's type codes. */
export const isoTypeCodes: Record<CommentType, "ge" | "te" | "ed"> = {
  general: "ge",
  technical: "te",
  editorial: "ed",
};

/** The words of issue 4 and of Chinese practice for the three comment types. */
export const chineseTypeLabels: Record<CommentType, string> = {
  general: "一般",
  technical: "技术",
  editorial: "编辑",
};

export const decisionLabels: Record<AppLocale, Record<Decision, string>> = {
  en: {
    accepted: "Accepted",
    accepted_in_principle: "Accepted in principle",
    not_accepted: "Not accepted",
    noted: "Noted",
  },
  "zh-CN": {
    accepted: "采纳",
    accepted_in_principle: "部分采纳",
    not_accepted: "不采纳",
    noted: "备注",
  },
};

// Every spelling accepted for a type, already normalized (see normalizeWord).
const typeSpellings: Record<string, CommentType> = {
  ge: "general",
  general: "general",
  一般: "general",
  一般性: "general",
  te: "technical",
  technical: "technical",
  技术: "technical",
  技术性: "technical",
  ed: "editorial",
  editorial: "editorial",
  编辑: "editorial",
  编辑性: "editorial",
};

// NFKC folds full-width letters (ｔｅ) and compatibility forms that Chinese input methods produce.
function normalizeWord(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase();
}

/** Reads a type as people write it: ge/te/ed, general/technical/editorial, 一般/技术/编辑. */
export function parseCommentType(text: string): CommentType | null {
  return typeSpellings[normalizeWord(text)] ?? null;
}

const reasonSeparator: Record<AppLocale, string> = { en: ": ", "zh-CN": "：" };

/** "Not accepted: reason" / "不采纳：理由"; empty while undecided. */
export function formatDisposition(disposition: RegisterDisposition | null, language: AppLocale): string {
  if (!disposition) return "";
  const label = decisionLabels[language][disposition.decision];
  const reason = disposition.reason.trim();
  return reason ? `${label}${reasonSeparator[language]}${reason}` : label;
}

// Longest label first, so "Accepted in principle" wins over "Accepted". The Chinese labels share no
// prefix ("不采纳" and "部分采纳" do not start with "采纳"), so length order is enough there too.
const labelsLongestFirst: { label: string; decision: Decision }[] = Object.values(decisionLabels)
  .flatMap((labels) => decisions.map((decision) => ({ decision, label: labels[decision].toLowerCase() })))
  .sort((a, b) => b.label.length - a.label.length);

// What may stand between the decision word and the reason: spaces and the usual punctuation.
const separatorPattern = /^[\s:：.。,，;；\-—–]+/;

/**
 * Reads "Accepted in principle. See new text" or "不采纳：理由" back into a decision and a reason.
 * null when the text does not start with a known decision, so a caller never records a guess.
 */
export function parseDisposition(text: string): { decision: Decision; reason: string } | null {
  // No NFKC here: it would rewrite the reason's full-width punctuation (，→ ,), which must stay as typed.
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  for (const { label, decision } of labelsLongestFirst) {
    if (!lower.startsWith(label)) continue;
    const rest = trimmed.slice(label.length);
    // "Notedly" is not "Noted": after the label comes nothing, a separator, or (in Chinese) the reason.
    if (/^[a-z]/i.test(rest)) continue;
    return { decision, reason: rest.replace(separatorPattern, "").trim() };
  }
  return null;
}

/**
 * YYYY-MM-DD in the given time zone (ISO 8601, which both templates use). A register date is a
 * calendar day, so the zone matters: 00:30 in Beijing is still the previous day in UTC.
 */
export function formatRegisterDate(date: Date, timeZone = "UTC"): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
