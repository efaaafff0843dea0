import { describe, expect, test } from "vitest";
import { compareFractions, floorTimes, formatPercent, fraction, shareMeets } from "~/ballots/fraction";

describe("shareMeets", () => {
  test("exactly the threshold meets 'at least' and 'at most' but not 'more than' or 'less than'", () => {
    const threeQuarters = fraction(3, 4);
    expect(shareMeets(3, 4, "at_least", threeQuarters)).toBe(true);
    expect(shareMeets(3, 4, "at_most", threeQuarters)).toBe(true);
    expect(shareMeets(3, 4, "more_than", threeQuarters)).toBe(false);
    expect(shareMeets(3, 4, "less_than", threeQuarters)).toBe(false);
  });

  test("compares exactly where floating point does not", () => {
    // 0.07 × 100 is 7.000000000000001 in binary floating point, so "7 ≥ 7 % of 100" is false there.
    expect(7 >= (7 / 100) * 100).toBe(false);
    expect(shareMeets(7, 100, "at_least", fraction(7, 100))).toBe(true);
    // 2/3 has no exact decimal: 666 666 of 999 999 is exactly 2/3.
    expect(shareMeets(666_666, 999_999, "at_least", fraction(2, 3))).toBe(true);
    expect(shareMeets(666_665, 999_999, "at_least", fraction(2, 3))).toBe(false);
  });

  test("stays exact for figures whose products exceed 2^53", () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(shareMeets(big - 1, big, "less_than", fraction(big, big))).toBe(true);
    expect(shareMeets(big, big, "at_least", fraction(big - 1, big))).toBe(true);
  });

  test("an empty base meets no lower bound and every upper bound", () => {
    expect(shareMeets(0, 0, "at_least", fraction(2, 3))).toBe(false);
    expect(shareMeets(0, 0, "more_than", fraction(1, 2))).toBe(false);
    expect(shareMeets(0, 0, "at_most", fraction(1, 4))).toBe(true);
    expect(shareMeets(0, 0, "less_than", fraction(3, 10))).toBe(true);
  });
});

describe("fraction helpers", () => {
  test("compareFractions treats equal values in different terms as equal", () => {
    expect(compareFractions(fraction(75, 100), fraction(3, 4))).toBe(0);
    expect(compareFractions(fraction(2, 3), fraction(3, 4))).toBe(-1);
    expect(compareFractions(fraction(4, 5), fraction(3, 4))).toBe(1);
  });

  test("floorTimes rounds down exactly", () => {
    expect(floorTimes(fraction(1, 4), 8)).toBe(2);
    expect(floorTimes(fraction(1, 4), 11)).toBe(2);
    expect(floorTimes(fraction(1, 3), 9)).toBe(3);
  });

  test("formatPercent is for display only", () => {
    expect(formatPercent(3, 4)).toBe("75 %");
    expect(formatPercent(2, 3)).toBe("66.7 %");
    expect(formatPercent(0, 0)).toBe("–");
  });
});
