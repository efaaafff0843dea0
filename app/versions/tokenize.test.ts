import { describe, expect, it } from "vitest";
import { countText, isWhitespace, tokenize } from "./tokenize";

describe("tokenize", () => {
  it("splits Chinese into single characters and punctuation marks", () => {
    expect(tokenize("温升不应大于50 K。")).toEqual(["温", "升", "不", "应", "大", "于", "50", " ", "K", "。"]);
  });

  it("keeps Latin words, numbers and decimal numbers whole, and punctuation apart", () => {
    expect(tokenize("The connector shall carry 1.5 kA, don't it?")).toEqual([
      "The", " ", "connector", " ", "shall", " ", "carry", " ", "1.5", " ", "kA", ",", " ", "don't", " ", "it", "?",
    ]);
  });

  it("separates CJK from Latin text written against it", () => {
    expect(tokenize("符合GB/T 20234.1—2023的IP55要求")).toEqual([
      "符", "合", "GB", "/", "T", " ", "20234.1", "—", "2023", "的", "IP55", "要", "求",
    ]);
  });

  it("treats kana as characters and a character outside the BMP as one token", () => {
    expect(tokenize("カタカナと𠀀")).toEqual(["カ", "タ", "カ", "ナ", "と", "𠀀"]);
  });

  it("gives back the text when its tokens are joined", () => {
    const text = "额定电压1 500 V（直流）、rated 250 A; 注：见表 3.\n\tEnd";
    expect(tokenize(text).join("")).toBe(text);
  });

  it("counts tokens and characters without whitespace", () => {
    expect(isWhitespace(" \u3000")).toBe(true);
    expect(countText("额定 电流 rated current")).toEqual({ tokens: 6, chars: 16 });
    expect(countText("𠀀")).toEqual({ tokens: 1, chars: 1 });
  });
});
