import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../src/fraud/normalize/phone.ts';

describe('normalizePhone: Japanese numbers as people type them', () => {
  it.each([
    ['090-1234-5678'],
    ['09012345678'],
    ['090 1234 5678'],
    ['０９０－１２３４－５６７８'], // full-width digits and full-width hyphen
    ['０９０ー１２３４ー５６７８'], // katakana long vowel mark used as a dash
    ['090‐1234‐5678'], // U+2010
    ['090−1234−5678'], // U+2212
    ['(090)1234-5678'],
    ['+81 90-1234-5678'],
    ['＋８１ ９０ １２３４ ５６７８'],
    ['81-90-1234-5678'],
  ])('%s is +819012345678, a mobile in JP', (raw) => {
    expect(normalizePhone(raw)).toEqual({ e164: '+819012345678', country: 'JP', type: 'MOBILE' });
  });

  it.each([
    ['090-1234-5678', '+819012345678', 'MOBILE'],
    ['080-1234-5678', '+818012345678', 'MOBILE'],
    ['070-1234-5678', '+817012345678', 'MOBILE'],
    ['050-1234-5678', '+815012345678', 'VOIP'],
    ['０５０－１２３４－５６７８', '+815012345678', 'VOIP'],
    ['0120-123-456', '+81120123456', 'TOLL_FREE'],
    ['0800-123-4567', '+818001234567', 'TOLL_FREE'],
    ['03-1234-5678', '+81312345678', 'FIXED'],
    ['06-6123-4567', '+81661234567', 'FIXED'],
    ['(03)1234-5678', '+81312345678', 'FIXED'],
    ['03-1234-5678 内線12', '+81312345678', 'FIXED'], // the extension is not part of the line
    ['0570-123-456', '+81570123456', 'OTHER'], // navi dial (UAN)
    ['020-1234-5678', '+812012345678', 'OTHER'], // pager / M2M
  ] as const)('%s → %s %s', (raw, e164, type) => {
    expect(normalizePhone(raw)).toEqual({ e164, country: 'JP', type });
  });
});

describe('normalizePhone: other countries', () => {
  it('uses the default country only for numbers without a country code', () => {
    expect(normalizePhone('+44 7400 123456')).toEqual({ e164: '+447400123456', country: 'GB', type: 'MOBILE' });
    expect(normalizePhone('(650) 253-0000', 'US')).toEqual({ e164: '+16502530000', country: 'US', type: 'OTHER' });
    expect(normalizePhone('090-1234-5678', 'US').type).toBe('INVALID');
  });

  it('answers OTHER, not a guess, when the plan cannot tell fixed from mobile (US, CA)', () => {
    expect(normalizePhone('+1 650 253 0000').type).toBe('OTHER');
  });

  it('has no country for non-geographic numbers', () => {
    expect(normalizePhone('+800 1234 5678')).toEqual({ e164: '+80012345678', country: null, type: 'TOLL_FREE' });
  });
});

describe('normalizePhone: INVALID is a result, never a throw', () => {
  it.each([
    [''],
    ['   '],
    ['電話なし'],
    ['abc'],
    ['12'],
    ['090-1234-567'], // one digit short
    ['090-1234-56789'], // one digit long
    ['0120-12-345'],
    ['+81'],
    ['1'.repeat(300)],
  ])('%j', (raw) => {
    expect(normalizePhone(raw)).toEqual({ e164: null, country: null, type: 'INVALID' });
  });
});
