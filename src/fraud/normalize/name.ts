// Person names are compared, never shown, so the normal form may drop whatever people type
// inconsistently: width, case, spacing between family and given name, and the choice of kana.

// Katakana ァ..ヶ (U+30A1..U+30F6) and hiragana ぁ..ゖ (U+3041..U+3096) are parallel blocks.
// ヷ..ヺ have no hiragana counterpart and stay katakana; ヽヾ are the katakana iteration marks.
const KATAKANA_TO_HIRAGANA_OFFSET = 0x60;
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;

// \s covers U+3000 (ideographic space). Middle dots separate given and family names in katakana
// renderings of foreign names (ジョン・スミス), so they carry no identity either.
const SEPARATORS = /[\s\u00b7\u2027\u30fb\uff65]/g;

/**
 * Normal form of a person's name for matching: `山田　太郎` and `山田太郎` agree, and so do
 * `ﾔﾏﾀﾞ ﾀﾛｳ`, `ヤマダ タロウ` and `やまだ たろう`. Kana and kanji spellings stay different: telling
 * that 山田 reads やまだ needs a dictionary, and a guess would link strangers.
 */
export function normalizeName(raw: string): string {
  // NFKC first: it widens half-width katakana (composing ﾀﾞ into ダ) and narrows full-width latin,
  // so the steps below see one form of each character.
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(SEPARATORS, '')
    .replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - KATAKANA_TO_HIRAGANA_OFFSET));
}
