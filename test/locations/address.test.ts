import { describe, expect, test } from 'vitest';
import { normalizePostalCode } from '../../src/locations/address.ts';
import { expectOnlyError, expectValid } from './helpers.ts';

const jp = {
  country: 'JP',
  postalCode: '107-0052',
  region: '東京都',
  city: '港区',
  district: '赤坂四丁目',
  lines: ['３番２号'],
  building: '赤坂ビル５F',
};

describe('address', () => {
  test('a Japanese address round-trips exactly', () => {
    expect(expectValid({ address: jp }).address).toEqual(jp);
  });

  test('inner spaces, full-width spaces inside text and half-width kana are kept; edges are trimmed', () => {
    const address = {
      ...jp,
      district: '赤坂　四丁目',
      lines: ['  ３番 ２号　', 'ｱｶｻｶ'],
      building: '　赤坂ビル　５F ',
    };
    expect(expectValid({ address }).address).toEqual({ ...jp, district: '赤坂　四丁目', lines: ['３番 ２号', 'ｱｶｻｶ'], building: '赤坂ビル　５F' });
  });

  test('defaults: absent subfields become null or []; empty strings become null; country is upper-cased', () => {
    expect(expectValid({ address: { country: 'jp', region: '', city: '  ' } }).address).toEqual({
      country: 'JP',
      postalCode: null,
      region: null,
      city: null,
      district: null,
      lines: [],
      building: null,
    });
  });

  test.each([
    ['JP', '1070052', '107-0052'],
    ['JP', '１０７−００５２', '107-0052'],
    ['JP', '１０７－００５２', '107-0052'],
    ['JP', '〒107-0052', '107-0052'],
    ['JP', '107ー0052', '107-0052'],
    ['US', '94103', '94103'],
    ['US', '94103-1234', '94103-1234'],
    ['US', '941031234', '94103-1234'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['GB', 'M1 1AE', 'M1 1AE'],
    ['DE', '10115', '10115'],
    ['FR', '75001', '75001'],
    ['KR', '03187', '03187'],
    ['TW', '100', '100'],
    ['TW', '100012', '100012'],
    ['SG', '018956', '018956'],
    ['AU', '2000', '2000'],
    ['NZ', ' 6011 ', '6011'],
  ])('%s postal code %s -> %s', (country, raw, normalized) => {
    expect(normalizePostalCode(raw, country)).toEqual({ ok: true, value: normalized });
  });

  test.each([
    ['JP', '107-005'],
    ['JP', '1070-052'],
    ['US', '9410'],
    ['CA', 'D1A 0B1'],
    ['GB', '12345'],
    ['DE', '1011'],
    ['KR', '123-456'],
    ['SG', '12345'],
    ['AU', '20000'],
  ])('%s rejects postal code %s', (country, raw) => {
    expect(normalizePostalCode(raw, country).ok).toBe(false);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['unknown country', { ...jp, country: 'XX' }, ['address', 'country']],
    ['alpha-3 country', { ...jp, country: 'JPN' }, ['address', 'country']],
    ['bad postal code', { ...jp, postalCode: '107-005' }, ['address', 'postalCode']],
    ['more than 5 lines', { ...jp, lines: ['1', '2', '3', '4', '5', '6'] }, ['address', 'lines']],
    ['empty line', { ...jp, lines: ['３番２号', ' '] }, ['address', 'lines', '1']],
    ['too long city', { ...jp, city: '港'.repeat(201) }, ['address', 'city']],
    ['control character', { ...jp, building: '赤坂\u0000ビル' }, ['address', 'building']],
  ])('%s -> INVALID_ADDRESS', (_name, address, path) => {
    expectOnlyError({ address }, 'INVALID_ADDRESS', path);
  });

  test('countries without a pattern only get a length limit', () => {
    const nz = { country: 'NZ', postalCode: '1'.repeat(21) };
    expectOnlyError({ address: nz, primaryPhone: null, additionalPhones: [] }, 'INVALID_ADDRESS', ['address', 'postalCode']);
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['missing address', { address: undefined }, ['address']],
    ['missing country', { address: { city: '港区' } }, ['address', 'country']],
    ['unknown address field', { address: { ...jp, prefecture: '東京都' } }, ['address', 'prefecture']],
    ['lines not a list', { address: { ...jp, lines: '３番２号' } }, ['address', 'lines']],
  ])('%s -> INVALID_INPUT', (_name, patch, path) => {
    expectOnlyError(patch, 'INVALID_INPUT', path);
  });
});

describe('coordinates', () => {
  test('both or neither', () => {
    expect(expectValid({ latitude: null, longitude: undefined })).toMatchObject({ latitude: null, longitude: null });
    expect(expectValid({ latitude: -90, longitude: 180 })).toMatchObject({ latitude: -90, longitude: 180 });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ['latitude too big', { latitude: 90.5 }, ['latitude']],
    ['longitude too small', { longitude: -180.01 }, ['longitude']],
    ['latitude without longitude', { longitude: null }, ['longitude']],
    ['longitude without latitude', { latitude: undefined }, ['latitude']],
    ['latitude as a string', { latitude: '35.6' }, ['latitude']],
    ['NaN', { latitude: Number.NaN }, ['latitude']],
    ['Infinity', { longitude: Number.POSITIVE_INFINITY }, ['longitude']],
  ])('%s', (_name, patch, path) => {
    expectOnlyError(patch, 'INVALID_INPUT', path);
  });
});
