import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHINGLE_SIZE, normalizeReviewText, shingles } from '../../../src/fraud/text/shingles.ts';

/** The definition that normalizeReviewText's lookup table and loop must agree with. */
const reference = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\p{Me}]/gu, '') // variation selectors, enclosing marks
    .replace(/(?<![\p{L}\p{N}]\p{M}*)\p{M}/gu, '') // combining marks not on a letter or number
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

describe('normalizeReviewText', () => {
  it('folds full-width and half-width forms (NFKC) and lowercases', () => {
    expect(normalizeReviewText('ＡＢＣ　ｘｙｚ　１２３')).toBe('abcxyz123');
    expect(normalizeReviewText('ｶﾞｲﾄﾞﾌﾞｯｸ')).toBe('ガイドブック');
    expect(normalizeReviewText('ﾗｰﾒﾝ')).toBe(normalizeReviewText('ラーメン'));
    expect(normalizeReviewText('Great FOOD')).toBe('greatfood');
    expect(normalizeReviewText('①②㈱')).toBe('12株');
  });

  it('drops punctuation, symbols, emoji and every kind of whitespace, keeps letters, marks and numbers', () => {
    expect(normalizeReviewText('「美味しい！」…また来ます。😋🍜✨')).toBe('美味しいまた来ます');
    expect(normalizeReviewText(' a\tb\nc\u3000d\u00a0e ')).toBe('abcde');
    expect(normalizeReviewText('ラーメン〜〜')).toBe('ラーメン'); // ー (Lm) stays, the wave dash goes
    expect(normalizeReviewText('café naïve')).toBe('cafénaïve');
    expect(normalizeReviewText('👨‍👩‍👧‍👦 🇯🇵 ❤️ 👍🏽 ☺︎')).toBe('');
    expect(normalizeReviewText('美味しい❤️です')).toBe(normalizeReviewText('美味しいです'));
    expect(normalizeReviewText('e\u0301 \u0301x ไทย')).toBe('éxไทย'); // a mark stays on its letter, a stray one goes
  });

  it('keeps letters outside the BMP whole and drops lone surrogates', () => {
    expect(normalizeReviewText('𠮷野家の牛丼')).toBe('𠮷野家の牛丼');
    expect(normalizeReviewText('a\ud800b\udc00c')).toBe('abc');
    expect(normalizeReviewText('x\ud83dy')).toBe('xy');
  });

  it('is the Unicode-property definition, for any text', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'あア漢ｱＡａ１①。、！？ 　\n-・ー〜😀𠮷é\u0301\u0e34\ufe0f\u20e3\u200d\ud800\udfff', '\u{e0100}', '\u{1d165}', '🏽'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        expect(normalizeReviewText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = normalizeReviewText(text);
        expect(normalizeReviewText(once)).toBe(once);
      }),
    );
  });
});

describe('shingles', () => {
  it('are the character 3-grams of the normalized text', () => {
    expect(DEFAULT_SHINGLE_SIZE).toBe(3);
    expect([...shingles('美味しい！')]).toEqual(['美味し', '味しい']);
    expect([...shingles('Great food.')]).toEqual(['gre', 'rea', 'eat', 'atf', 'tfo', 'foo', 'ood']);
    expect([...shingles('abcd', 2)]).toEqual(['ab', 'bc', 'cd']);
  });

  it('are a set: repeated k-grams count once', () => {
    expect([...shingles('ははははは')]).toEqual(['ははは']);
    expect(shingles('abcabcabc').size).toBe(3);
  });

  it('give one shingle, the whole text, when the normalized text is shorter than k', () => {
    expect([...shingles('良い')]).toEqual(['良い']);
    expect([...shingles('神!!')]).toEqual(['神']);
    expect([...shingles('abc')]).toEqual(['abc']);
    expect([...shingles('OK!!!', 5)]).toEqual(['ok']);
  });

  it('give the empty set for empty text, or text of only punctuation, spaces and emoji', () => {
    expect(shingles('').size).toBe(0);
    expect(shingles('。。。！！ 　\n😀😀').size).toBe(0);
  });

  it('count k in code points: a kanji outside the BMP is one character', () => {
    expect([...shingles('𠮷野家')]).toEqual(['𠮷野家']);
    expect([...shingles('𠮷野家です')]).toEqual(['𠮷野家', '野家で', '家です']);
    expect([...shingles('𠮷𠮷')]).toEqual(['𠮷𠮷']);
  });

  it('are the same for re-punctuated, re-spaced and full-width/half-width copies', () => {
    const original = 'とても美味しかったです。店員さんの対応も丁寧で、また来たいと思います。';
    const copies = [
      'とても美味しかったです!!店員さんの対応も丁寧で…また来たいと思います😊',
      'とても 美味しかったです 店員さんの 対応も 丁寧で また来たいと 思います',
      'とても美味しかったです。\n\n店員さんの対応も丁寧で、\nまた来たいと思います！！！',
      '「とても美味しかったです」店員さんの対応も丁寧で、また来たいと思います★★★★★',
    ];
    for (const copy of copies) expect(shingles(copy)).toEqual(shingles(original));

    expect(shingles('ｽﾀｯﾌのｻｰﾋﾞｽが最高でした。ＷｉＦｉもあります。')).toEqual(shingles('スタッフのサービスが最高でした WiFiもあります'));
    expect(shingles('Great food, friendly staff!! Will come back.')).toEqual(shingles('great food friendly staff — will come back'));
    expect(shingles('ＧＲＥＡＴ　ＦＯＯＤ')).toEqual(shingles('Great Food'));
  });

  it('reject a shingle size that is not a positive integer', () => {
    expect(() => shingles('abc', 0)).toThrow(RangeError);
    expect(() => shingles('abc', 2.5)).toThrow(RangeError);
  });
});
