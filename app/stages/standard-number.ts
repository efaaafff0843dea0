// A released standard's number from the organization's pattern: {prefix}, {seq} or {seq:N} (zero-padded
// to N digits) and {year}, e.g. "{prefix} {seq:3}—{year}" → "T/GBA 001—2026". The sequence runs per
// organization and year (StandardNumberCounter).
const placeholder = /\{(prefix|year|seq)(?::(\d{1,2}))?\}/g;

export type NumberPatternIssue = "approval.number.patternNeedsSeq" | "approval.number.patternUnknownPlaceholder";

/** A pattern must number each standard apart ({seq}) and use only known placeholders. */
export function parseNumberPattern(pattern: string): { ok: true } | { ok: false; issue: NumberPatternIssue } {
  const withoutKnown = pattern.replace(placeholder, "");
  if (/[{}]/.test(withoutKnown)) return { ok: false, issue: "approval.number.patternUnknownPlaceholder" };
  if (!/\{seq(?::\d{1,2})?\}/.test(pattern)) return { ok: false, issue: "approval.number.patternNeedsSeq" };
  return { ok: true };
}

export function formatStandardNumber(pattern: string, values: { prefix: string; seq: number; year: number }): string {
  return pattern
    .replace(placeholder, (_, name: string, width?: string) => {
      if (name === "prefix") return values.prefix;
      if (name === "year") return String(values.year);
      return String(values.seq).padStart(width ? Number(width) : 1, "0");
    })
    .trim();
}
