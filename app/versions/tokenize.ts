/*
 * The units a redline compares text in. Chinese and Japanese are written without spaces, so a CJK
 * character is a token of its own (a reviewer reads 额定→规定 as one changed character, not a changed
 * sentence); Latin words and numbers are tokens as a whole (a changed word shows as that word, not
 * as scattered letters); each punctuation mark is a token, and so is each run of whitespace.
 *
 * A decimal number ("1.5", "18487.1") stays one token so that 1.5 → 1.6 reads as a changed number.
 */
import type { TokenCount } from "./types";

// Han (with 〇 and 々), kana and bopomofo; Hangul is left to the word rule because Korean separates
// words with spaces.
// A word may hold an apostrophe between letters (don't, manufacturer's).
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]|\p{Nd}+(?:[.,]\p{Nd}+)+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}])[\p{L}\p{M}\p{N}_])+(?:['’](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}])[\p{L}\p{M}\p{N}_])+)*|\s+|[\s\S]/gu;

const WHITESPACE = /^\s+$/u;

/** The tokens of `text`, in order; joined they give back `text`. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Whitespace is compared (so "a b" differs from "ab") but never counted as an insertion or deletion. */
export function isWhitespace(token: string): boolean {
  return WHITESPACE.test(token);
}

/** Code points, so that a character outside the BMP (𠀀) counts once. */
function codePoints(token: string): number {
  let count = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

export function emptyCount(): TokenCount {
  return { tokens: 0, chars: 0 };
}

/** Adds the counted tokens of `text` to `count`. */
export function addText(count: TokenCount, text: string): void {
  for (const token of tokenize(text)) {
    if (isWhitespace(token)) continue;
    count.tokens++;
    count.chars += codePoints(token);
  }
}

export function countText(text: string): TokenCount {
  const count = emptyCount();
  addText(count, text);
  return count;
}

export function addCount(into: TokenCount, from: TokenCount): void {
  into.tokens += from.tokens;
  into.chars += from.chars;
}
