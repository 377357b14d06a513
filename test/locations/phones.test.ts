import { describe, expect, test } from 'vitest';
import { normalizePhone } from '../../src/locations/phones.ts';
import { errorsOf, expectOnlyError, expectValid, withFields } from './helpers.ts';
import { validInput } from './fixtures.ts';

describe('normalizePhone', () => {
  test.each([
    ['03-1234-5678', 'JP', '+81312345678'],
    ['090-1234-5678', 'JP', '+819012345678'],
    ['０３−１２３４−５６７８', 'JP', '+81312345678'],
    ['０３ー１２３４ー５６７８', 'JP', '+81312345678'],
    ['(03) 1234-5678', 'JP', '+81312345678'],
    ['0120-123-456', 'JP', '+81120123456'],
    ['+81 3-1234-5678', 'JP', '+81312345678'],
    ['+81 3-1234-5678', 'US', '+81312345678'],
    ['＋８１ ３ １２３４ ５６７８', 'FR', '+81312345678'],
    ['(201) 555-0123', 'US', '+12015550123'],
    ['+1 202 555 0123', 'JP', '+12025550123'],
    ['+44 20 7946 0958', 'JP', '+442079460958'],
    ['+81 3-1234-5678', null, '+81312345678'],
  ])('%s in %s -> %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  test.each([
    ['03-1234-567', 'JP'], // one digit short
    ['(212) 555-0123', 'JP'], // a US national number read as Japanese
    ['03-1234-5678', 'US'], // a Japanese national number read as American
    ['+1 999 555 0123', 'JP'], // no such area code
    ['03-1234-5678 ext. 12', 'JP'], // extensions cannot be expressed in E.164
    ['03-1234-5678 (予約専用)', 'JP'], // extra text is not silently dropped
    ['03-1234-5678', null], // national number without a usable country
    ['abc', 'JP'],
    ['1', 'JP'],
    ['0'.repeat(200), 'JP'],
  ])('rejects %s in %s', (raw, country) => {
    const result = normalizePhone(raw, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toMatch(/undefined/);
  });
});

describe('phones in a location', () => {
  test('national formats use address.country', () => {
    const value = expectValid({
      address: { country: 'US', postalCode: '94103', region: 'CA', city: 'San Francisco', lines: ['1 Market St'] },
      primaryPhone: '(201) 555-0123',
      additionalPhones: ['+81 3-1234-5678'],
    });
    expect(value.primaryPhone).toBe('+12015550123');
    expect(value.additionalPhones).toEqual(['+81312345678']);
  });

  test('empty or absent primary phone becomes null', () => {
    expect(expectValid({ primaryPhone: '  ' }).primaryPhone).toBeNull();
    expect(expectValid({ primaryPhone: undefined, additionalPhones: null })).toMatchObject({ primaryPhone: null, additionalPhones: [] });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['invalid primary', { primaryPhone: '03-1234-567' }, ['primaryPhone']],
    ['invalid additional', { additionalPhones: ['090-1234-5678', '12345'] }, ['additionalPhones', '1']],
    ['duplicate of primary in another spelling', { additionalPhones: ['+81 3 1234 5678'] }, ['additionalPhones', '0']],
    ['duplicate additional', { additionalPhones: ['090-1234-5678', '０９０１２３４５６７８'] }, ['additionalPhones', '1']],
    ['empty additional entry', { additionalPhones: [''] }, ['additionalPhones', '0']],
    ['more than 10 additional', { additionalPhones: Array.from({ length: 11 }, (_, i) => `090-1234-56${String(i).padStart(2, '0')}`) }, ['additionalPhones']],
  ])('%s -> INVALID_PHONE', (_name, patch, path) => {
    expectOnlyError(patch, 'INVALID_PHONE', path);
  });

  test('with an invalid country only international numbers are checked', () => {
    const input = withFields({ primaryPhone: '+81 3-1234-567', additionalPhones: ['03-1111-2222'] });
    input.address = { ...(validInput().address as object), country: 'ZZ' };
    const errors = errorsOf(input);
    expect(errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['INVALID_ADDRESS', 'address.country'],
      ['INVALID_PHONE', 'primaryPhone'],
    ]);
  });
});
