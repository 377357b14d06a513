import { describe, expect, test } from 'vitest';
import type { ErrorCode } from '../../src/locations/model.ts';
import { validateLocation, validationLimits } from '../../src/locations/validate.ts';
import { validInput } from './fixtures.ts';
import { errorsOf, expectOnlyError, expectValid } from './helpers.ts';

type Row = [name: string, patch: Record<string, unknown>, code: ErrorCode, path: string[]];

function table(rows: Row[]): void {
  test.each(rows)('%s', (_name, patch, code, path) => {
    expectOnlyError(patch, code, path);
  });
}

describe('whole input', () => {
  test('the fixture is valid and normalized', () => {
    const value = expectValid({});
    expect(value.primaryPhone).toBe('+81312345678');
    expect(value.attributes).toEqual([
      { key: 'payment_methods', value: ['cash', 'qr_paypay'] },
      { key: 'takeout', value: true },
    ]);
  });

  test('minimal input gets defaults', () => {
    const result = validateLocation({ storeCode: 'A1', name: 'Shop', address: { country: 'JP' }, primaryCategory: 'cafe' });
    expect(result).toEqual({
      ok: true,
      value: {
        storeCode: 'A1',
        name: 'Shop',
        localizedNames: [],
        status: 'OPEN',
        statusDate: null,
        address: { country: 'JP', postalCode: null, region: null, city: null, district: null, lines: [], building: null },
        latitude: null,
        longitude: null,
        primaryPhone: null,
        additionalPhones: [],
        website: null,
        socialProfiles: [],
        primaryCategory: 'cafe',
        additionalCategories: [],
        description: null,
        labels: [],
        regularHours: [],
        specialHours: [],
        attributes: [],
        photos: [],
      },
    });
  });

  test.each([null, undefined, 42, 'store', [], [validInput()], true])('non-object %j is one INVALID_INPUT at the root', (input) => {
    expect(validateLocation(input)).toEqual({ ok: false, errors: [{ code: 'INVALID_INPUT', path: [], message: expect.any(String) }] });
  });

  test('required fields and unknown fields are all reported, in field order', () => {
    const result = validateLocation({ nmae: 'typo', status: 'SHUT' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path.join('.'), e.message])).toEqual([
      ['INVALID_INPUT', 'nmae', 'Unknown field "nmae"'],
      ['INVALID_INPUT', 'storeCode', 'Required'],
      ['INVALID_INPUT', 'name', 'Required'],
      ['INVALID_INPUT', 'status', 'Must be one of: OPEN, CLOSED_PERMANENTLY, CLOSED_TEMPORARILY, OPENING_SOON'],
      ['INVALID_INPUT', 'address', 'Required'],
      ['INVALID_INPUT', 'primaryCategory', 'Required'],
    ]);
  });

  test('errors in independent fields are collected together', () => {
    const errors = errorsOf({ storeCode: 'a b', primaryPhone: '123', primaryCategory: 'pachinko', attributes: [{ key: 'wifi', value: 'yes' }] });
    expect(errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['INVALID_INPUT', 'storeCode'],
      ['INVALID_PHONE', 'primaryPhone'],
      ['UNKNOWN_CATEGORY', 'primaryCategory'],
      ['INVALID_INPUT', 'attributes.0.value'],
    ]);
  });

  test('one half of a pair failing its shape does not hide the other half', () => {
    const errors = errorsOf({ primaryPhone: '123', additionalPhones: '090-1234-5678', primaryCategory: 'pachinko', additionalCategories: [1] });
    expect(errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['INVALID_PHONE', 'primaryPhone'],
      ['INVALID_INPUT', 'additionalPhones'],
      ['UNKNOWN_CATEGORY', 'primaryCategory'],
      ['INVALID_INPUT', 'additionalCategories.0'],
    ]);
  });

  test('null-prototype objects (as graphql-js builds input objects) are accepted', () => {
    const bare = <T extends object>(o: T): T => Object.assign(Object.create(null) as T, o);
    const result = validateLocation(bare({ storeCode: 'A1', name: 'x', address: bare({ country: 'JP' }), primaryCategory: 'cafe', regularHours: [bare({ day: 'MONDAY', intervals: [bare({ open: '9:00', close: '17:00' })] })] }));
    expect(result.ok && result.value.regularHours).toEqual([{ day: 'MONDAY', intervals: [{ open: '09:00', close: '17:00' }] }]);
  });

  test('a getter that throws yields an error, not an exception', () => {
    const input = Object.defineProperty(validInput(), 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateLocation(input)).toMatchObject({ ok: false, errors: [{ code: 'INVALID_INPUT', path: [] }] });
  });

  test('limits are exported', () => {
    expect(validationLimits).toMatchObject({ nameMaxLength: 200, additionalPhonesMax: 10, additionalCategoriesMax: 9, urlMaxLength: 2048 });
  });
});

describe('storeCode and name', () => {
  test('are trimmed', () => {
    expect(expectValid({ storeCode: '  TKY-001 ', name: ' 天保 ' })).toMatchObject({ storeCode: 'TKY-001', name: '天保' });
  });

  test('name may hold 200 characters counted as code points', () => {
    expectValid({ name: '𠮷'.repeat(200) });
  });

  table([
    ['empty store code', { storeCode: '  ' }, 'INVALID_INPUT', ['storeCode']],
    ['store code with space', { storeCode: 'TKY 001' }, 'INVALID_INPUT', ['storeCode']],
    ['store code with kanji', { storeCode: '東京1' }, 'INVALID_INPUT', ['storeCode']],
    ['store code of 65 chars', { storeCode: 'a'.repeat(65) }, 'INVALID_INPUT', ['storeCode']],
    ['store code number', { storeCode: 1 }, 'INVALID_INPUT', ['storeCode']],
    ['empty name', { name: '' }, 'INVALID_INPUT', ['name']],
    ['name of 201 chars', { name: 'あ'.repeat(201) }, 'INVALID_INPUT', ['name']],
    ['name with NUL', { name: 'a\u0000b' }, 'INVALID_INPUT', ['name']],
    ['name with newline', { name: 'a\nb' }, 'INVALID_INPUT', ['name']],
    ['name with lone surrogate', { name: 'a\uD800b' }, 'INVALID_INPUT', ['name']],
    ['huge name', { name: 'x'.repeat(1_000_000) }, 'INVALID_INPUT', ['name']],
  ]);
});

describe('localizedNames', () => {
  test('locales are canonicalized and entries sorted by locale', () => {
    const value = expectValid({ localizedNames: [{ locale: 'zh-hant', name: '拉麵天保' }, { locale: 'EN', name: 'Ramen Tenpo' }] });
    expect(value.localizedNames).toEqual([
      { locale: 'en', name: 'Ramen Tenpo' },
      { locale: 'zh-Hant', name: '拉麵天保' },
    ]);
  });

  table([
    ['invalid tag', { localizedNames: [{ locale: 'en_US', name: 'x' }] }, 'INVALID_INPUT', ['localizedNames', '0', 'locale']],
    ['empty tag', { localizedNames: [{ locale: '', name: 'x' }] }, 'INVALID_INPUT', ['localizedNames', '0', 'locale']],
    ['duplicate after canonicalization', { localizedNames: [{ locale: 'en', name: 'a' }, { locale: 'EN', name: 'b' }] }, 'INVALID_INPUT', ['localizedNames', '1', 'locale']],
    ['empty name', { localizedNames: [{ locale: 'en', name: ' ' }] }, 'INVALID_INPUT', ['localizedNames', '0', 'name']],
    ['missing name', { localizedNames: [{ locale: 'en' }] }, 'INVALID_INPUT', ['localizedNames', '0', 'name']],
    ['more than 20', { localizedNames: Array.from({ length: 21 }, (_, i) => ({ locale: `a${String.fromCharCode(97 + i)}a`, name: 'n' })) }, 'INVALID_INPUT', ['localizedNames']],
  ]);
});

describe('status and statusDate', () => {
  test.each([
    ['OPEN', null],
    ['CLOSED_PERMANENTLY', null],
    ['CLOSED_TEMPORARILY', null],
    ['CLOSED_TEMPORARILY', '2026-04-01'],
    ['OPENING_SOON', '2026-04-01'],
  ])('%s with %s is valid', (status, statusDate) => {
    expect(expectValid({ status, statusDate })).toMatchObject({ status, statusDate });
  });

  test('status defaults to OPEN', () => {
    expect(expectValid({ status: undefined }).status).toBe('OPEN');
  });

  table([
    ['unknown status', { status: 'closed' }, 'INVALID_INPUT', ['status']],
    ['OPENING_SOON without date', { status: 'OPENING_SOON', statusDate: null }, 'INVALID_INPUT', ['statusDate']],
    ['OPEN with date', { status: 'OPEN', statusDate: '2026-04-01' }, 'INVALID_INPUT', ['statusDate']],
    ['CLOSED_PERMANENTLY with date', { status: 'CLOSED_PERMANENTLY', statusDate: '2026-04-01' }, 'INVALID_INPUT', ['statusDate']],
    ['impossible date', { status: 'OPENING_SOON', statusDate: '2026-02-30' }, 'INVALID_INPUT', ['statusDate']],
    ['not ISO', { status: 'OPENING_SOON', statusDate: '2026/04/01' }, 'INVALID_INPUT', ['statusDate']],
  ]);
});

describe('website, social profiles, description, labels', () => {
  test('social profiles are sorted by network; empty website and description become null', () => {
    const value = expectValid({
      website: ' ',
      description: '\r\n',
      socialProfiles: [
        { network: 'LINE', url: 'https://line.me/R/ti/p/@tenpo' },
        { network: 'FACEBOOK', url: 'https://www.facebook.com/tenpo' },
      ],
    });
    expect(value).toMatchObject({ website: null, description: null });
    expect(value.socialProfiles.map((p) => p.network)).toEqual(['FACEBOOK', 'LINE']);
  });

  test('description keeps newlines and tabs; CRLF becomes LF', () => {
    expect(expectValid({ description: ' 営業時間:\r\n\t平日 11時〜 ' }).description).toBe('営業時間:\n\t平日 11時〜');
  });

  test('Japanese domain names and paths are accepted as entered', () => {
    expect(expectValid({ website: 'https://天保.jp/店舗/赤坂' }).website).toBe('https://天保.jp/店舗/赤坂');
  });

  table([
    ['relative website', { website: 'www.example.com' }, 'INVALID_INPUT', ['website']],
    ['ftp website', { website: 'ftp://example.com' }, 'INVALID_INPUT', ['website']],
    ['javascript website', { website: 'javascript:alert(1)' }, 'INVALID_INPUT', ['website']],
    ['website with credentials', { website: 'https://user:pw@example.com' }, 'INVALID_INPUT', ['website']],
    ['website with a space', { website: 'https://example.com/a b' }, 'INVALID_INPUT', ['website']],
    ['website without a public host', { website: 'http://localhost:3000' }, 'INVALID_INPUT', ['website']],
    ['website too long', { website: `https://example.com/${'a'.repeat(2048)}` }, 'INVALID_INPUT', ['website']],
    ['unknown network', { socialProfiles: [{ network: 'MIXI', url: 'https://mixi.jp/x' }] }, 'INVALID_INPUT', ['socialProfiles', '0', 'network']],
    ['two profiles on one network', { socialProfiles: [{ network: 'X', url: 'https://x.com/a' }, { network: 'X', url: 'https://x.com/b' }] }, 'INVALID_INPUT', ['socialProfiles', '1', 'network']],
    ['bad profile url', { socialProfiles: [{ network: 'X', url: '@tenpo' }] }, 'INVALID_INPUT', ['socialProfiles', '0', 'url']],
    ['description too long', { description: 'あ'.repeat(5001) }, 'INVALID_INPUT', ['description']],
    ['description with a control character', { description: 'a\u0007b' }, 'INVALID_INPUT', ['description']],
    ['empty label', { labels: ['ok', ' '] }, 'INVALID_INPUT', ['labels', '1']],
    ['label too long', { labels: ['x'.repeat(256)] }, 'INVALID_INPUT', ['labels', '0']],
    ['duplicate label after trim', { labels: ['tokyo', ' tokyo'] }, 'INVALID_INPUT', ['labels', '1']],
    ['more than 10 labels', { labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }, 'INVALID_INPUT', ['labels']],
  ]);
});

describe('categories', () => {
  test('known categories, trimmed', () => {
    expect(expectValid({ primaryCategory: ' restaurant.sushi ', additionalCategories: ['restaurant.izakaya'] })).toMatchObject({
      primaryCategory: 'restaurant.sushi',
      additionalCategories: ['restaurant.izakaya'],
    });
  });

  table([
    ['unknown primary', { primaryCategory: 'pachinko' }, 'UNKNOWN_CATEGORY', ['primaryCategory']],
    ['wrong case', { primaryCategory: 'Restaurant' }, 'UNKNOWN_CATEGORY', ['primaryCategory']],
    ['empty primary', { primaryCategory: '' }, 'INVALID_INPUT', ['primaryCategory']],
    ['unknown additional', { additionalCategories: ['restaurant', 'ramen'] }, 'UNKNOWN_CATEGORY', ['additionalCategories', '1']],
    ['primary repeated', { additionalCategories: ['restaurant.ramen'] }, 'INVALID_INPUT', ['additionalCategories', '0']],
    ['duplicate additional', { additionalCategories: ['cafe', 'cafe'] }, 'INVALID_INPUT', ['additionalCategories', '1']],
    ['more than 9 additional', { additionalCategories: ['cafe', 'bar', 'bakery', 'restaurant', 'restaurant.sushi', 'restaurant.udon', 'restaurant.soba', 'restaurant.izakaya', 'restaurant.japanese_curry', 'hotel'] }, 'INVALID_INPUT', ['additionalCategories']],
  ]);
});

describe('attributes', () => {
  test('each kind accepts its values; lists come back in vocabulary order, entries sorted by key', () => {
    const value = expectValid({
      attributes: [
        { key: 'wifi', value: 'free' },
        { key: 'reservation_url', value: 'https://www.tablecheck.com/ja/shops/tenpo/reserve' },
        { key: 'languages_spoken', value: ['zh', 'en', 'ja'] },
        { key: 'tax_free', value: false },
        { key: 'parking', value: ['none'] },
      ],
    });
    expect(value.attributes).toEqual([
      { key: 'languages_spoken', value: ['ja', 'en', 'zh'] },
      { key: 'parking', value: ['none'] },
      { key: 'reservation_url', value: 'https://www.tablecheck.com/ja/shops/tenpo/reserve' },
      { key: 'tax_free', value: false },
      { key: 'wifi', value: 'free' },
    ]);
  });

  table([
    ['unknown key', { attributes: [{ key: 'karaoke_rooms', value: true }] }, 'UNKNOWN_ATTRIBUTE', ['attributes', '0', 'key']],
    ['duplicate key', { attributes: [{ key: 'takeout', value: true }, { key: 'takeout', value: false }] }, 'INVALID_INPUT', ['attributes', '1', 'key']],
    ['BOOLEAN given a string', { attributes: [{ key: 'takeout', value: 'true' }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM given an unknown value', { attributes: [{ key: 'wifi', value: 'fast' }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM given a list', { attributes: [{ key: 'smoking', value: ['no_smoking'] }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM_LIST empty', { attributes: [{ key: 'payment_methods', value: [] }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM_LIST with duplicates', { attributes: [{ key: 'payment_methods', value: ['cash', 'cash'] }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM_LIST with unknown value', { attributes: [{ key: 'payment_methods', value: ['cash', 'bitcoin'] }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['ENUM_LIST given a string', { attributes: [{ key: 'payment_methods', value: 'cash' }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['none combined with other values', { attributes: [{ key: 'parking', value: ['none', 'street'] }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['URL given a relative path', { attributes: [{ key: 'menu_url', value: '/menu' }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['URL given a boolean', { attributes: [{ key: 'menu_url', value: true }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['value of a wrong type', { attributes: [{ key: 'takeout', value: 1 }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
    ['missing value', { attributes: [{ key: 'takeout' }] }, 'INVALID_INPUT', ['attributes', '0', 'value']],
  ]);
});

describe('photos', () => {
  test('captions are trimmed; empty caption becomes null; order is kept', () => {
    const value = expectValid({
      photos: [
        { url: 'https://cdn.example.jp/2.jpg', kind: 'INTERIOR', caption: ' 店内 ' },
        { url: 'http://cdn.example.jp/1.jpg', kind: 'EXTERIOR', caption: '' },
      ],
    });
    expect(value.photos).toEqual([
      { url: 'https://cdn.example.jp/2.jpg', kind: 'INTERIOR', caption: '店内' },
      { url: 'http://cdn.example.jp/1.jpg', kind: 'EXTERIOR', caption: null },
    ]);
  });

  const photo = (i: number, kind = 'PRODUCT') => ({ url: `https://cdn.example.jp/${i}.jpg`, kind });
  table([
    ['second LOGO', { photos: [photo(1, 'LOGO'), photo(2, 'LOGO')] }, 'INVALID_INPUT', ['photos', '1', 'kind']],
    ['second COVER', { photos: [photo(1, 'COVER'), photo(2, 'LOGO'), photo(3, 'COVER')] }, 'INVALID_INPUT', ['photos', '2', 'kind']],
    ['unknown kind', { photos: [photo(1, 'SELFIE')] }, 'INVALID_INPUT', ['photos', '0', 'kind']],
    ['data URL', { photos: [{ url: 'data:image/png;base64,AAAA', kind: 'LOGO' }] }, 'INVALID_INPUT', ['photos', '0', 'url']],
    ['duplicate URL', { photos: [photo(1), photo(1)] }, 'INVALID_INPUT', ['photos', '1', 'url']],
    ['caption too long', { photos: [{ ...photo(1), caption: 'a'.repeat(501) }] }, 'INVALID_INPUT', ['photos', '0', 'caption']],
    ['more than 100', { photos: Array.from({ length: 101 }, (_, i) => photo(i)) }, 'INVALID_INPUT', ['photos']],
  ]);
});
