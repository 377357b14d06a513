import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/fraud/normalize/name.ts';

describe('normalizeName: one spelling, one form', () => {
  it.each([
    // kanji with any spacing
    ['山田　太郎', '山田太郎'],
    ['山田 太郎', '山田太郎'],
    [' 山田\t太郎 ', '山田太郎'],
    ['山田太郎', '山田太郎'],
    // every kana script and width folds to hiragana
    ['ヤマダ タロウ', 'やまだたろう'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだたろう'], // half-width, with a separate dakuten
    ['やまだ　たろう', 'やまだたろう'],
    ['ヤマダ・タロウ', 'やまだたろう'],
    ['ﾔﾏﾀﾞ･ﾀﾛｳ', 'やまだたろう'], // half-width middle dot
    ['ジョン・スミス', 'じょんすみす'],
    ['ヴァイオレット', 'ゔぁいおれっと'],
    ['ケン', 'けん'],
    ['サヽキ', 'さゝき'], // the katakana iteration mark has a hiragana twin
    ['ヶ', 'ゖ'],
    ['ヷ', 'ヷ'], // no hiragana twin exists: kept
    // the long vowel mark is part of the name, not a separator
    ['ジョーンズ', 'じょーんず'],
    // latin: width and case
    ['ＴＡＲＯ　ＹＡＭＡＤＡ', 'taroyamada'],
    ['Taro Yamada', 'taroyamada'],
    ['John·Smith', 'johnsmith'],
    ['   ', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('makes the spellings a person would call the same name equal', () => {
    const same = ['ﾔﾏﾀﾞ ﾀﾛｳ', 'やまだ たろう', 'ヤマダ　タロウ', 'ヤマダ・タロウ', 'ﾔﾏﾀﾞﾀﾛｳ'];
    expect(new Set(same.map(normalizeName)).size).toBe(1);
  });

  it('keeps kana and kanji spellings apart: reading kanji needs a dictionary', () => {
    expect(normalizeName('山田 太郎')).not.toBe(normalizeName('やまだ たろう'));
  });

  it('keeps different names different', () => {
    expect(normalizeName('やまだ たろう')).not.toBe(normalizeName('やまだ じろう'));
    expect(normalizeName('ﾀﾛｳ')).not.toBe(normalizeName('ﾀﾞﾛｳ'));
    expect(normalizeName('おおの')).not.toBe(normalizeName('おの'));
  });
});
