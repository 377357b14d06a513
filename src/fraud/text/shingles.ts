/**
 * Review text → a set of character k-grams ("shingles"), the input of MinHash (minhash.ts).
 *
 * Japanese has no spaces between words, so word shingles would need a morphological analyser
 * (MeCab, kuromoji: a dictionary of tens of MB). Character k-grams need none and work the same for
 * Japanese, English and anything else, which is what near-duplicate detection needs: the question
 * is "was this text copied and lightly edited", not "what does it mean".
 *
 * Normalization removes what a copier changes for free, so that those copies give the same set:
 * - NFKC: full-width ＡＢＣ１２３ → ABC123, half-width ｶﾀｶﾅ → カタカナ (ｶﾞ → ガ), ① → 1, ㈱ → (株) ...
 * - lowercase;
 * - everything that is not a letter or a number (Unicode L, N), or a combining mark on one, is
 *   dropped: punctuation (。、！？・「」 and ASCII), symbols, emoji with their variation selectors
 *   and joiners, and whitespace. Whitespace goes entirely, not just runs of it: Japanese spaced
 *   out ("とても 美味しかった") or English re-spaced must match the original, and in a string with
 *   no separators the k-grams still capture the order of the letters. The long-vowel mark ー is a
 *   letter (Lm) and stays.
 * Katakana and hiragana are not folded into each other: writing one word in the other script is
 * an edit like any other and costs a few shingles.
 */

/**
 * The shingle length, 3 characters.
 *
 * Why 3 for Japanese: a kanji or kana carries far more than a Latin letter (a kanji is often a
 * whole morpheme; 美味, 丁寧 are words of two characters), so 3 characters already span about a
 * word and its particle (丁寧で, 対応も). Reviews are short (20 to 200 characters is typical), and
 * an edit of c consecutive characters changes up to c + k - 1 shingles: swapping 丁寧 → 親切 in
 * the 32-character review of the tests replaces 4 of 30 shingles with k = 3 (Jaccard 26/34 = 0.76),
 * 6 of 28 with k = 5 (22/34 = 0.65, close to the LSH threshold of 0.5, which a second edit would
 * cross). k = 2 is too common: bigrams like した, です, ます occur in almost every Japanese review,
 * so unrelated reviews would look alike. With 3, unrelated reviews of the same kind of shop share
 * mostly stock endings (ました, います, です): every pair of the 20 reviews in
 * test/fraud/text/minhash.test.ts stays below 0.15.
 * For English 3 letters is short (the, ing, and are everywhere), but with spaces dropped the
 * trigrams also span word joins, and unrelated English reviews still stay below 0.1.
 */
export const DEFAULT_SHINGLE_SIZE = 3;

// Code point classes.
const DROP = 0;
/** A letter or a number: kept. */
const KEEP = 1;
/** A high surrogate: classify the code point it starts. */
const HIGH = 2;
/** A combining mark (Mn, Mc): kept only as part of a kept letter or number (é, ç, Thai and Indic vowel signs). */
const MARK = 3;
/** A variation selector or an enclosing mark (❤️'s U+FE0F, 1⃣'s U+20E3): dropped, and invisible to the mark rule. */
const IGNORE = 4;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const IGNORED = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Me}]$/u;
const COMBINING = /^\p{M}$/u;

function classify(char: string): number {
  if (LETTER_OR_NUMBER.test(char)) return KEEP;
  if (IGNORED.test(char)) return IGNORE;
  if (COMBINING.test(char)) return MARK;
  return DROP;
}

/**
 * classify() per UTF-16 code unit (HIGH for high surrogates, DROP for low ones met on their own),
 * built on first use (~20 ms, once per process): a lookup per code unit is about three times
 * faster than Unicode-property regexes over the text, and gives the same result (a property test
 * compares them).
 */
let classes: Uint8Array | null = null;

function charClasses(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = c <= 0xdbff ? HIGH : DROP;
    else table[c] = classify(String.fromCharCode(c));
  }
  classes = table;
  return table;
}

let scratch = new Uint16Array(1024);

/**
 * NFKC, lowercase, and only letters and numbers left, with the combining marks that belong to them
 * (see the file comment). Variation selectors and enclosing marks go, so ❤️ and ❤ both vanish
 * without a trace; a combining mark with no letter or number before it (after an emoji or a
 * space) goes too.
 */
export function normalizeReviewText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const table = charClasses();
  if (scratch.length < s.length) scratch = new Uint16Array(Math.max(s.length, scratch.length * 2));
  const out = scratch;
  let n = 0;
  let afterKept = false; // is the last character that counts a kept letter, number or mark?
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let kind = table[c]!;
    let width = 1;
    if (kind === HIGH) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        kind = classify(s.slice(i, i + 2));
        width = 2;
      } else kind = DROP; // a lone high surrogate is no character
    }
    if (kind === KEEP || (kind === MARK && afterKept)) {
      out[n++] = c;
      if (width === 2) out[n++] = s.charCodeAt(i + 1);
      afterKept = true;
    } else if (kind !== IGNORE) afterKept = false;
    i += width - 1;
  }
  if (n === s.length) return s;
  let result = '';
  for (let start = 0; start < n; start += 8192) {
    result += String.fromCharCode.apply(null, out.subarray(start, Math.min(n, start + 8192)) as unknown as number[]);
  }
  return result;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Character k-grams of the normalized text, k counted in code points (a kanji outside the BMP,
 * such as 𠮷, is one character, never half a surrogate pair).
 * A normalized text of k characters or fewer gives one shingle, the whole text; an empty one
 * (or one of only punctuation, spaces and emoji) gives the empty set.
 */
export function shingles(text: string, k: number = DEFAULT_SHINGLE_SIZE): Set<string> {
  checkShingleSize(k);
  const normalized = normalizeReviewText(text);
  const out = new Set<string>();
  if (normalized.length === 0) return out;
  if (!SURROGATE.test(normalized)) {
    // Every character is one UTF-16 code unit: slice directly.
    if (normalized.length <= k) return out.add(normalized);
    for (let i = 0, last = normalized.length - k; i <= last; i++) out.add(normalized.slice(i, i + k));
    return out;
  }
  const chars = Array.from(normalized);
  if (chars.length <= k) return out.add(normalized);
  for (let i = 0, last = chars.length - k; i <= last; i++) out.add(chars.slice(i, i + k).join(''));
  return out;
}

export function checkShingleSize(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > 64) throw new RangeError(`shingle size must be an integer in [1, 64], got ${k}`);
}
