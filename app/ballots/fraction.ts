// Exact shares. A threshold is a fraction and a share is a count over a base; they are compared by
// cross-multiplication in BigInt, so "3 of 4" meets "at least 3/4" exactly and no figure, however
// large, loses precision the way 0.75 * 4 can in floating point.
export type Fraction = { numerator: number; denominator: number };

/** Pass marks and quorums are lower bounds; caps on negatives and abstentions are upper bounds. */
export type LowerBound = "at_least" | "more_than";
export type UpperBound = "at_most" | "less_than";
export type Comparison = LowerBound | UpperBound;

export const fraction = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

/** Sign of a − b. Denominators are positive (the rule schema refuses anything else). */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

export const isLowerBound = (comparison: Comparison): comparison is LowerBound =>
  comparison === "at_least" || comparison === "more_than";

/**
 * Whether `count` out of `base` satisfies the comparison. An empty base has no share: a lower bound
 * is then not met (nobody approved, so nothing passes) and an upper bound is met (there is nothing
 * to exceed) — cross-multiplying 0 × d against n × 0 would otherwise "meet" every bound.
 */
export function shareMeets(count: number, base: number, comparison: Comparison, required: Fraction): boolean {
  if (base === 0) return !isLowerBound(comparison);
  const sign = compareFractions({ numerator: count, denominator: base }, required);
  switch (comparison) {
    case "at_least":
      return sign >= 0;
    case "more_than":
      return sign > 0;
    case "at_most":
      return sign <= 0;
    case "less_than":
      return sign < 0;
  }
}

/** ⌊fraction × whole⌋, exactly. */
export function floorTimes(f: Fraction, whole: number): number {
  return Number((BigInt(f.numerator) * BigInt(whole)) / BigInt(f.denominator));
}

export const formatFraction = (f: Fraction): string => `${f.numerator}/${f.denominator}`;

/** For people only (the English fallback text); decisions never use it. "75 %", "66.7 %". */
export function formatPercent(numerator: number, denominator: number): string {
  if (denominator === 0) return "–";
  const tenths = Math.round((numerator * 1000) / denominator) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)} %`;
}
