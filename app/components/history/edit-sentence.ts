// One sentence per group of edits: "Li and Wang edited 5.2 and Annex A this afternoon" /
// "李和王今天下午编辑了 5.2 和附录 A". Parts are named by their number in the current text; parts
// since deleted are counted as such. Pure (takes `t`), so tests check both languages directly.
import type { EditGroup, PartOfDay, RelativeDay } from "./timeline";

export type SentencePart = { id: string; kind: "clause" | "annex" | "foreword" | "introduction" | "bibliography" | "deleted"; number: string };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** At most this many parts are named; the rest are counted. */
const NAMED_PARTS = 8;

const isChinese = (language: string) => language.startsWith("zh");
const latinAtEnd = /[A-Za-z0-9]$/;
const latinAtStart = /^[A-Za-z0-9]/;

/**
 * "A, B and C" / "A、B和C". In Chinese a space separates 和 from a neighbouring number or Latin word,
 * as Chinese typesetting does ("5.2 和附录 A").
 */
export function joinList(items: readonly string[], language: string, and: string): string {
  if (items.length <= 1) return items[0] ?? "";
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  if (!isChinese(language)) return `${head.join(", ")} ${and} ${last}`;
  const before = head.join("、");
  return `${before}${latinAtEnd.test(before) ? " " : ""}${and}${latinAtStart.test(last) ? " " : ""}${last}`;
}

function partLabel(part: SentencePart, t: Translate): string {
  switch (part.kind) {
    case "clause":
      return part.number;
    case "annex":
      return t("history.part.annex", { number: part.number });
    case "foreword":
      return t("history.part.foreword");
    case "introduction":
      return t("history.part.introduction");
    case "bibliography":
      return t("history.part.bibliography");
    case "deleted":
      return "";
  }
}

export function whenText(relativeDay: RelativeDay, part: PartOfDay, date: string, t: Translate): string {
  if (relativeDay === "today") return t(`history.when.today.${part}`);
  if (relativeDay === "yesterday") return t(`history.when.yesterday.${part}`);
  return t(`history.when.other.${part}`, { date });
}

export function editSentence<S>(options: {
  group: Pick<EditGroup<S>, "people" | "partIds" | "relativeDay" | "part">;
  parts: ReadonlyMap<string, SentencePart>;
  /** The group's day as the reader writes it (used when it is neither today nor yesterday). */
  date: string;
  language: string;
  t: Translate;
}): string {
  const { group, parts, language, t } = options;
  const and = t("history.and");
  const named: string[] = [];
  let deleted = 0;
  let more = 0;
  for (const id of group.partIds) {
    const part = parts.get(id);
    if (!part || part.kind === "deleted") {
      deleted += 1;
      continue;
    }
    if (named.length < NAMED_PARTS) named.push(partLabel(part, t));
    else more += 1;
  }
  if (more > 0) named.push(t("history.part.more", { count: more }));
  if (deleted > 0) named.push(t("history.part.deleted", { count: deleted }));

  const zh = isChinese(language);
  let people = joinList(group.people, language, and);
  let partsText = joinList(named, language, and);
  // Chinese: a space where a Latin name or a number meets the Chinese around it.
  if (zh && latinAtEnd.test(people)) people = `${people} `;
  if (zh && latinAtStart.test(partsText)) partsText = ` ${partsText}`;
  const when = whenText(group.relativeDay, group.part, options.date, t);
  return named.length > 0 ? t("history.edited", { people, parts: partsText, when }) : t("history.editedText", { people, when });
}
