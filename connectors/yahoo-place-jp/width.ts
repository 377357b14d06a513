/**
 * Japanese text as Yahoo! JAPAN shows it: full-width Latin letters, digits and symbols
 * (Ａ-Ｚ, ０-９, ＃…) made half-width, the ideographic space a plain space, and half-width katakana
 * (ｶﾞｽﾄ) made full-width (ガスト). Unlike a blanket NFKC this leaves ①, ㈱ and the like alone,
 * which belong to a business's own spelling. Both what we send and what we read go through it.
 */

const FULL_ASCII = /[\uFF01-\uFF5E]/g;
const HALF_KANA = /[\uFF61-\uFF9F]+/g;

export function toYahooWidth(text: string): string {
  return text
    .replace(FULL_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    // NFKC on the run, so a voiced mark (ﾞ) joins the kana before it: ｶﾞ → ガ.
    .replace(HALF_KANA, (run) => run.normalize('NFKC'))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits with the dashes Japanese text uses for them (ー, －, ‐, −) made "-": postal codes, numbers. */
export function toAsciiNumber(text: string): string {
  return toYahooWidth(text).replace(/[ー－‐−–—]/g, '-');
}
