/*
 * How a standard looks in Word, per convention: page, fonts, sizes and the few words an export adds
 * around the text. Used by the redline export (docx-redline.ts).
 *
 * GB documents (GB/T 1.1—2020) set body text in SimSun (宋体) 五号 (10.5 pt) and headings in SimHei
 * (黑体); Latin text in Times New Roman. ISO documents set everything in Cambria 11 pt, as the ISO
 * templates do, with Times New Roman for complex scripts and SimSun for any Chinese. East Asian text
 * is tagged zh-CN so that a reader without SimSun (macOS, LibreOffice) substitutes a Simplified Chinese
 * face. Fonts are named, not embedded (SimSun's licence and size forbid it). A4 portrait, in twips.
 */
import type { Convention } from "~/editor/numbering";

/** A run's fonts per script, as w:rFonts names them. */
export interface Fonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
}

export interface HouseStyle {
  bodyFont: Fonts;
  headingFont: Fonts;
  /** Half-points. */
  bodySize: number;
  smallSize: number;
  titleSize: number;
  /** First-line indent of body paragraphs (twips): GB indents two characters, ISO not at all. */
  firstLineIndent: number;
  /** Between the number and the title of a clause. */
  numberGap: string;
  page: { width: number; height: number; margin: { top: number; bottom: number; left: number; right: number } };
  wording: {
    comparing: (from: string, to: string) => string;
    madeBy: (author: string, date: string) => string;
    howTo: string;
    movedFrom: (from: string) => string;
    movedTo: (to: string) => string;
    movedElsewhere: string;
    source: string;
    figure: (text: string) => string;
    page: [string, string];
  };
}

const A4 = { width: 11906, height: 16838 } as const;
const mm = (value: number) => Math.round((value / 25.4) * 1440);

const GB: HouseStyle = {
  bodyFont: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimSun" },
  headingFont: { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "SimHei" },
  bodySize: 21, // 五号
  smallSize: 18, // 小五, for notes and examples
  titleSize: 32, // 三号
  firstLineIndent: 420, // two characters of 10.5 pt
  numberGap: "\u3000",
  // GB/T 1.1 layout: 25 mm at the top and the binding edge, 20 mm elsewhere.
  page: { ...A4, margin: { top: mm(25), bottom: mm(20), left: mm(25), right: mm(20) } },
  wording: {
    comparing: (from, to) => `修订对照：${from} → ${to}`,
    madeBy: (author, date) => `修订者：${author}\u3000日期：${date}`,
    howTo: "本文件中的修改以 Word 修订（跟踪更改）标出，可在“审阅”选项卡中逐条接受或拒绝。",
    movedFrom: (from) => `本条由 ${from} 移来。`,
    movedTo: (to) => `本条已移至 ${to}。`,
    movedElsewhere: "本条已移至别处。",
    source: "来源：",
    figure: (text) => `［图：${text}］`,
    page: ["第 ", " 页"],
  },
};

const ISO: HouseStyle = {
  bodyFont: { ascii: "Cambria", hAnsi: "Cambria", cs: "Times New Roman", eastAsia: "SimSun" },
  headingFont: { ascii: "Cambria", hAnsi: "Cambria", cs: "Times New Roman", eastAsia: "SimHei" },
  bodySize: 22,
  smallSize: 20,
  titleSize: 32,
  firstLineIndent: 0,
  numberGap: "\u2002",
  page: { ...A4, margin: { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20) } },
  wording: {
    comparing: (from, to) => `Changes from ${from} to ${to}`,
    madeBy: (author, date) => `Revised by ${author}, ${date}`,
    howTo: "Changes are Word tracked changes: accept or reject each on the Review tab.",
    movedFrom: (from) => `Moved here from ${from}.`,
    movedTo: (to) => `Moved to ${to}.`,
    movedElsewhere: "Moved elsewhere.",
    source: "SOURCE: ",
    figure: (text) => `[Figure: ${text}]`,
    page: ["Page ", ""],
  },
};

export function houseStyle(convention: Convention): HouseStyle {
  return convention === "GB" ? GB : ISO;
}

/** Latin runs are proofed as English; East Asian runs as Simplified Chinese, which also picks the fallback font. */
export const LANGUAGE = { value: "en-US", eastAsia: "zh-CN" } as const;
