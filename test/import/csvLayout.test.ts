import { readFile } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCATION_STATUSES, PHOTO_KINDS, SOCIAL_NETWORKS, WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, LocationData, TimeInterval } from '../../src/locations/model.ts';
import { CSV_COLUMNS, CsvLayoutError, locationToCsvRow, readLocationCsv, writeLocationCsv } from '../../src/import/csvLayout.ts';
import type { CsvRecord, ReadCsvOptions, WriteCsvOptions } from '../../src/import/csvLayout.ts';
import { csvLine } from '../../src/import/csvWrite.ts';
import { parseAttributes, parseHours, parseNumber, parsePhotos, parseSpecialHours } from '../../src/import/csvSyntax.ts';

const REQUIRED = 'store_code,name,country,primary_category';

async function readAll(text: string | Buffer, options?: ReadCsvOptions, chunkSize?: number): Promise<CsvRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks = chunkSize ? Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) => bytes.subarray(i * chunkSize, (i + 1) * chunkSize)) : [bytes];
  const records: CsvRecord[] = [];
  for await (const record of readLocationCsv(Readable.from(chunks), options)) records.push(record);
  return records;
}

async function layoutError(text: string | Buffer, options?: ReadCsvOptions): Promise<{ error: CsvLayoutError; records: CsvRecord[] }> {
  const records: CsvRecord[] = [];
  try {
    for await (const record of readLocationCsv(Readable.from([Buffer.from(text)]), options)) records.push(record);
  } catch (error) {
    if (error instanceof CsvLayoutError) return { error, records };
    throw error;
  }
  throw new Error('expected a CsvLayoutError');
}

/** The one record of a file with the required columns plus `column`. */
async function readCell(column: string, cell: string): Promise<CsvRecord> {
  const [record] = await readAll(`${REQUIRED},${column}\r\nS1,Shop,JP,gcid:cafe,${csvLine([cell])}`);
  if (!record) throw new Error('no record');
  return record;
}

async function writeToText(rows: { data: LocationData; groups: string[] }[], options?: WriteCsvOptions): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  await writeLocationCsv(rows, out, options);
  return chunks.join('');
}

const hours = (day: DayHours['day'], ...intervals: [string, string][]): DayHours => ({
  day,
  intervals: intervals.map(([open, close]) => ({ open, close })),
});

describe('hours syntax', () => {
  const nineToSix: [string, string] = ['09:00', '18:00'];
  it.each<[string, DayHours[]]>([
    [
      'Mon-Fri 09:00-18:00; Sat 10:00-14:00,15:00-19:00; Sun closed',
      [
        ...(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => hours(day, nineToSix)),
        hours('SATURDAY', ['10:00', '14:00'], ['15:00', '19:00']),
      ],
    ],
    ['mon,WED 9:00-17:30', [hours('MONDAY', ['09:00', '17:30']), hours('WEDNESDAY', ['09:00', '17:30'])]],
    ['Fri 22:00-02:00', [hours('FRIDAY', ['22:00', '02:00'])]],
    ['Sat-Mon 24h', [hours('MONDAY', ['00:00', '24:00']), hours('SATURDAY', ['00:00', '24:00']), hours('SUNDAY', ['00:00', '24:00'])]],
    ['月-水 10:00-20:00; 土,日 10:00-18:00', [
      hours('MONDAY', ['10:00', '20:00']),
      hours('TUESDAY', ['10:00', '20:00']),
      hours('WEDNESDAY', ['10:00', '20:00']),
      hours('SATURDAY', ['10:00', '18:00']),
      hours('SUNDAY', ['10:00', '18:00']),
    ]],
    ['木～金 ９：００〜１８：００；日 closed', [hours('THURSDAY', nineToSix), hours('FRIDAY', nineToSix)]],
    ['Tue 09:00 - 18:00\nThu 09:00-18:00;', [hours('TUESDAY', nineToSix), hours('THURSDAY', nineToSix)]],
    ['Mon-Sun closed', []],
  ])('reads %j', (cell, expected) => {
    expect(parseHours(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['Mon 9-18', '"9-18" in "Mon 9-18" is not a time range'],
    ['Funday 09:00-18:00', 'cannot read "Funday 09:00-18:00"'],
    ['Mon', '"Mon" has no hours'],
    ['Mon 09:00-18:00,', '"" in "Mon 09:00-18:00," is not a time range'],
    ['Mon-Fri 09:00-18:00; Fri 10:00-12:00', 'Fri is given twice, in "Mon-Fri 09:00-18:00" and "Fri 10:00-12:00"'],
    ['Mon,Mon 24h', 'Mon is given twice'],
    ['日 定休日', '"定休日" in "日 定休日" is not a time range'],
  ])('refuses %j', (cell, message) => {
    const parsed = parseHours(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(message);
  });

  it('reports every bad entry of a cell with INVALID_HOURS at the hours column', async () => {
    const record = await readCell('hours', 'Mon 9-18; Tue 09:00-18:00; Wed nine');
    expect(record).toMatchObject({ ok: false, line: 2, storeCode: 'S1' });
    if (record.ok) return;
    expect(record.errors).toHaveLength(2);
    expect(record.errors.every((error) => error.code === 'INVALID_HOURS' && error.path.join() === 'hours')).toBe(true);
  });
});

describe('special_hours syntax', () => {
  it.each([
    [
      '2026-12-31 closed; 2027-01-01..2027-01-03 10:00-15:00; 2027-01-04 09:00-12:00,13:00-17:00',
      [
        { startDate: '2026-12-31', endDate: '2026-12-31', closed: true, intervals: [] },
        { startDate: '2027-01-01', endDate: '2027-01-03', closed: false, intervals: [{ open: '10:00', close: '15:00' }] },
        {
          startDate: '2027-01-04',
          endDate: '2027-01-04',
          closed: false,
          intervals: [{ open: '09:00', close: '12:00' }, { open: '13:00', close: '17:00' }],
        },
      ],
    ],
    ['2027/1/2 24h', [{ startDate: '2027-01-02', endDate: '2027-01-02', closed: false, intervals: [{ open: '00:00', close: '24:00' }] }]],
    ['2027/1/1〜2027/1/3 closed', [{ startDate: '2027-01-01', endDate: '2027-01-03', closed: true, intervals: [] }]],
  ])('reads %j', (cell, expected) => {
    expect(parseSpecialHours(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12/31 closed', 'cannot read "12/31 closed"'],
    ['2026-12-31', '"2026-12-31" has no hours'],
    ['2026-12-31 10:00', '"10:00" in "2026-12-31 10:00" is not a time range'],
    ['2026-12-31 closed; 2027-01-01 - 2027-01-03 closed', '"- 2027-01-03 closed" in'],
  ])('refuses %j', (cell, message) => {
    const parsed = parseSpecialHours(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(message);
  });
});

describe('attributes syntax', () => {
  it.each([
    [
      'wheelchair_accessible_entrance=true; payment_methods=cash|credit_card|qr_paypay; wifi=free',
      [
        { key: 'wheelchair_accessible_entrance', value: true },
        { key: 'payment_methods', value: ['cash', 'credit_card', 'qr_paypay'] },
        { key: 'wifi', value: 'free' },
      ],
    ],
    [
      'has_parking=FALSE; payment_methods=cash|; tags= | ; note=; url_menu=https://example.jp/?a=1;',
      [
        { key: 'has_parking', value: false },
        { key: 'payment_methods', value: ['cash'] },
        { key: 'tags', value: [] },
        { key: 'note', value: '' },
        { key: 'url_menu', value: 'https://example.jp/?a=1' },
      ],
    ],
  ])('reads %j', (cell, expected) => {
    expect(parseAttributes(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['wifi', 'cannot read "wifi": expected key=value'],
    ['=free', 'cannot read "=free"'],
    ['wifi=free; wifi=paid', '"wifi" is given twice'],
  ])('refuses %j', (cell, message) => {
    const parsed = parseAttributes(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(message);
  });
});

describe('photos syntax', () => {
  it.each([
    [
      'LOGO https://cdn.example.com/logo.png | COVER https://cdn.example.com/cover.jpg',
      [
        { kind: 'LOGO', url: 'https://cdn.example.com/logo.png', caption: null },
        { kind: 'COVER', url: 'https://cdn.example.com/cover.jpg', caption: null },
      ],
    ],
    [
      'EXTERIOR https://x.jp/a.jpg "渋谷店 外観" | INTERIOR https://x.jp/b.jpg"say ""hi"" | ok; fine" |',
      [
        { kind: 'EXTERIOR', url: 'https://x.jp/a.jpg', caption: '渋谷店 外観' },
        { kind: 'INTERIOR', url: 'https://x.jp/b.jpg', caption: 'say "hi" | ok; fine' },
      ],
    ],
    ['MENU https://x.jp/m.jpg ""', [{ kind: 'MENU', url: 'https://x.jp/m.jpg', caption: null }]],
  ])('reads %j', (cell, expected) => {
    expect(parsePhotos(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['https://x.jp/a.jpg', 'cannot read "https://x.jp/a.jpg": expected KIND URL'],
    ['LOGO https://x.jp/a.png "unclosed', 'cannot read "LOGO https://x.jp/a.png \\"unclosed"'],
    ['LOGO https://x.jp/a.png | COVER https://x.jp/b.png extra', 'cannot read "COVER https://x.jp/b.png extra"'],
  ])('refuses %j', (cell, message) => {
    const parsed = parsePhotos(cell);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(message);
  });
});

describe('numbers', () => {
  it.each([
    ['35.6812', 35.6812],
    ['-139.7', -139.7],
    ['３５．６８', 35.68],
    ['1e-7', 1e-7],
  ])('reads %j', (cell, value) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value });
  });

  it('refuses a decimal comma at the latitude column', async () => {
    const record = await readCell('latitude', '35,6812');
    expect(record).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_INPUT', path: ['latitude'], message: '"35,6812" is not a number' }],
    });
  });
});

describe('rows to inputs', () => {
  it('leaves out absent columns and reads empty cells as null or []', async () => {
    const header = `${REQUIRED},city,address_line_2,phone,labels,instagram_url,name_ja,hours,photos,groups`;
    const [record] = await readAll(`${header}\nS1,Shop,JP,gcid:cafe,,2-1,,,https://instagram.com/s,,,,`);
    expect(record).toEqual({
      line: 2,
      storeCode: 'S1',
      ok: true,
      groups: [],
      input: {
        storeCode: 'S1',
        name: 'Shop',
        localizedNames: [],
        address: { country: 'JP', city: null, lines: ['2-1'] },
        primaryPhone: null,
        socialProfiles: [{ network: 'INSTAGRAM', url: 'https://instagram.com/s' }],
        primaryCategory: 'gcid:cafe',
        labels: [],
        regularHours: [],
        photos: [],
      },
    });
  });

  it('reads every column of the documented example', async () => {
    const docs = await readFile(new URL('../../docs/import-csv.md', import.meta.url), 'utf8');
    const example = /```csv\n([\s\S]*?)```/u.exec(docs)?.[1] ?? '';
    const records = await readAll(example);
    expect(records.map((record) => record.ok)).toEqual([true, true]);
    expect(records[0]).toMatchObject({
      storeCode: 'TKY-001',
      groups: ['関東', '旗艦店'],
      input: {
        localizedNames: [{ locale: 'en', name: 'Cafe Shibuya' }],
        address: { country: 'JP', region: '東京都', lines: ['2丁目21-1'], building: '渋谷ヒカリエ 3F' },
        specialHours: [
          { startDate: '2026-12-31', closed: true },
          { startDate: '2027-01-01', endDate: '2027-01-03', intervals: [{ open: '11:00', close: '17:00' }] },
        ],
        attributes: [{ key: 'wifi', value: 'free' }, { key: 'payment_methods', value: ['cash', 'qr_paypay'] }],
      },
    });
    expect(records[1]).toMatchObject({
      input: { photos: [{ kind: 'COVER', caption: 'Front, on Spring St' }], address: { district: null } },
    });
  });

  it('reads Excel dates in status_date and keeps other text as typed', async () => {
    expect(await readCell('status_date', '2027/4/1')).toMatchObject({ input: { statusDate: '2027-04-01' } });
    expect(await readCell('status_date', 'next spring')).toMatchObject({ input: { statusDate: 'next spring' } });
  });

  it('refuses rows with the wrong number of cells, and values under nameless columns', async () => {
    const records = await readAll(`${REQUIRED},,\nS1,Shop,JP,c,,\nS2,Shop,JP,c,,x\nS3,Shop,JP,c\n`);
    expect(records.map(({ ok }) => ok)).toEqual([true, false, false]);
    expect(records[1]).toMatchObject({ line: 3, errors: [{ path: [], message: 'column 6 has no header but holds "x"' }] });
    expect(records[2]).toMatchObject({ line: 4, storeCode: 'S3', errors: [{ message: 'the row has 4 cells but the header has 6' }] });
  });
});

describe('header', () => {
  it('lists every header problem before reading any row', async () => {
    const { error, records } = await layoutError('stor_code,name,name_kana,city,City,primary_category\nS1,Shop,,,,c\n');
    expect(records).toEqual([]);
    expect(error.line).toBe(1);
    expect(error.problems).toEqual([
      { code: 'INVALID_INPUT', path: ['stor_code'], message: 'unknown column "stor_code"' },
      { code: 'INVALID_INPUT', path: ['name_kana'], message: 'unknown column "name_kana"' },
      { code: 'INVALID_INPUT', path: ['City'], message: 'column "City" appears twice' },
      { code: 'INVALID_INPUT', path: ['store_code'], message: 'required column "store_code" is missing' },
      { code: 'INVALID_INPUT', path: ['country'], message: 'required column "country" is missing' },
    ]);
  });

  it('matches names case-insensitively and keeps the locale as written', async () => {
    const [record] = await readAll(' Store_Code ,NAME,Country,primary_category,name_zh-Hant\nS1,Shop,JP,c,店\n');
    expect(record).toMatchObject({ ok: true, input: { storeCode: 'S1', localizedNames: [{ locale: 'zh-Hant', name: '店' }] } });
  });

  it('refuses a file without a header', async () => {
    const { error } = await layoutError('\n,,\n');
    expect(error.message).toContain('no header row');
  });
});

describe('line numbers and encodings', () => {
  const file = [
    `${REQUIRED},description\r\n`,
    '\r\n',
    'S1,Shop,JP,c,"first line\nsecond, with comma\r\nthird ""quoted"""\r\n',
    ',,,,\r\n',
    'S2,Shop,JP,c,one line\r\n',
    'S3,Shop,JP,c,"\n\n"\r\n',
    'S4,Shop,JP,c,x',
  ].join('');

  it('gives each record the physical line where it starts', async () => {
    const records = await readAll(file);
    expect(records.map(({ line, storeCode }) => [line, storeCode])).toEqual([
      [3, 'S1'],
      [7, 'S2'],
      [8, 'S3'],
      [11, 'S4'],
    ]);
    expect(records[0]).toMatchObject({ input: { description: 'first line\nsecond, with comma\r\nthird "quoted"' } });
    expect(records[2]).toMatchObject({ input: { description: null } });
  });

  it('reads a UTF-8 BOM, whatever the chunking', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file.replace('Shop', '渋谷店'))]);
    const expected = await readAll(file.replace('Shop', '渋谷店'));
    expect(await readAll(withBom, {}, 1)).toEqual(expected);
    expect(await readAll(withBom, { encoding: 'shift_jis' }, 2)).toEqual(expected);
    expect(expected[0]).toMatchObject({ input: { name: '渋谷店' } });
  });

  it('reads Shift_JIS when asked, and says so when UTF-8 was expected', async () => {
    const shiftJis = Buffer.from(
      '73746f72655f636f64652c6e616d652c636f756e7472792c7072696d6172795f63617465676f72790d0a53312c8f61924a93582c4a502c676369643a636166650d0a',
      'hex',
    );
    expect(await readAll(shiftJis, { encoding: 'shift_jis' }, 7)).toMatchObject([{ ok: true, input: { name: '渋谷店' } }]);
    const { error } = await layoutError(shiftJis);
    expect(error.message).toContain('not utf-8 text');
    expect(error.message).toContain('shift_jis');
  });

  it('reads an endless source lazily and releases it when the reader stops', async () => {
    const source = Readable.from(
      (function* endless() {
        yield `${REQUIRED}\n`;
        for (let index = 0; ; index += 1) yield `S${index},Shop,JP,c\n`;
      })(),
    );
    const seen: (string | null)[] = [];
    for await (const record of readLocationCsv(source)) {
      seen.push(record.storeCode);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['S0', 'S1', 'S2']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });

  it('stops at malformed CSV with its line, after the rows before it', async () => {
    const { error, records } = await layoutError(`${REQUIRED}\nS1,a,JP,c\nS2,"a\nb",JP,c\nS3,"bad"x,JP,c\nS4,a,JP,c\n`);
    expect(records.map(({ storeCode }) => storeCode)).toEqual(['S1', 'S2']);
    expect(error.line).toBe(5);
    expect(error.problems[0]?.message).toContain('text follows the closing quote');
  });

  it('reports a quote left open at the line where it starts', async () => {
    const { error, records } = await layoutError(`${REQUIRED}\nS1,a,JP,c\nS2,"a,JP,c\nS3,a,JP,c\n`);
    expect(records).toHaveLength(1);
    expect(error.line).toBe(3);
    expect(error.message).toContain('never closed');
  });
});

const base: LocationData = {
  storeCode: 'S1',
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
  primaryCategory: 'gcid:cafe',
  additionalCategories: [],
  description: null,
  labels: [],
  regularHours: [],
  specialHours: [],
  attributes: [],
  photos: [],
};

describe('writing', () => {
  it('writes the canonical header, a BOM, CRLF and the readable hours form', async () => {
    const data: LocationData = {
      ...base,
      regularHours: [
        ...(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((day) => hours(day, ['09:00', '18:00'])),
        hours('SATURDAY', ['10:00', '14:00'], ['15:00', '19:00']),
      ],
    };
    const text = await writeToText([{ data, groups: [] }]);
    expect(text.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(locationToCsvRow(data, []).hours).toBe('Mon-Fri 09:00-18:00; Sat 10:00-14:00,15:00-19:00; Sun closed');
    expect(locationToCsvRow({ ...data, regularHours: [hours('WEDNESDAY', ['00:00', '24:00']), hours('MONDAY', ['00:00', '24:00'])] }, []).hours).toBe(
      'Mon,Wed 24h; Tue,Thu-Sun closed',
    );
  });

  it('quotes cells as RFC 4180 says', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\ronly', ''])).toBe('plain,"a,b","say ""hi""","two\nlines","cr\ronly",\r\n');
  });

  it('refuses data the layout cannot carry, naming every problem', () => {
    const data: LocationData = {
      ...base,
      labels: ['a|b'],
      address: { ...base.address, lines: ['1', '2', '3', '4', '5', '6'] },
      socialProfiles: [
        { network: 'FACEBOOK', url: 'https://facebook.com/a' },
        { network: 'FACEBOOK', url: 'https://facebook.com/b' },
      ],
      attributes: [{ key: 'wifi', value: 'TRUE' }, { key: 'note', value: 'a;b' }],
      photos: [{ kind: 'LOGO', url: 'https://x.jp/a b.png', caption: null }],
    };
    expect(() => locationToCsvRow(data, ['g|h'])).toThrow(CsvLayoutError);
    try {
      locationToCsvRow(data, ['g|h']);
    } catch (error) {
      const paths = error instanceof CsvLayoutError ? error.problems.map(({ path }) => path.join()) : [];
      expect(paths).toEqual(['address_line_5', 'facebook_url', 'labels', 'groups', 'attributes', 'attributes', 'photos']);
    }
  });

  it('refuses a localized name whose locale has no column', async () => {
    const rows = [{ data: { ...base, localizedNames: [{ locale: 'ko', name: '가게' }] }, groups: [] }];
    await expect(writeToText(rows)).rejects.toThrow('name_ko');
    expect(await writeToText(rows, { locales: ['ko'] })).toContain('name_en,name_ko,status');
  });

  it('reads back the documented equivalents of empty values', async () => {
    const data: LocationData = {
      ...base,
      description: ' ',
      address: { ...base.address, lines: ['', '1-2'], city: '' },
      regularHours: [hours('MONDAY'), hours('TUESDAY', ['09:00', '17:00'])],
      photos: [{ kind: 'LOGO', url: 'https://x.jp/l.png', caption: '' }],
    };
    const [record] = await readAll(await writeToText([{ data, groups: [] }]));
    expect(record).toMatchObject({
      ok: true,
      input: {
        description: null,
        address: { lines: ['1-2'], city: null },
        regularHours: [hours('TUESDAY', ['09:00', '17:00'])],
        photos: [{ caption: null }],
      },
    });
  });
});

describe('round trip', () => {
  // Separators of the mini-syntaxes appear only where the layout can carry them (free text,
  // captions); list items and attribute values are drawn without them.
  const plainUnit = fc.constantFrom('a', 'Z', '7', ' ', ',', '"', "'", '.', '-', '&', '渋', '谷', '店', 'ー', 'カ', '（', '）', '　');
  const richUnit = fc.oneof(plainUnit, fc.constantFrom('|', ';', '=', '\n', '\r\n', '""'));
  const textOf = (unit: fc.Arbitrary<string>, maxLength = 12): fc.Arbitrary<string> =>
    fc
      .string({ unit, minLength: 1, maxLength })
      .map((text) => text.trim())
      .filter((text) => text !== '');
  const plain = textOf(plainUnit);
  const rich = textOf(richUnit, 40);
  const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null });
  const url = fc.webUrl().filter((text) => !/[\s|"]/u.test(text));
  const isoDate = fc
    .date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const intervals: fc.Arbitrary<TimeInterval[]> = fc.array(
    fc.record({ open: clock, close: fc.oneof(clock, fc.constant('24:00')) }),
    { minLength: 1, maxLength: 3 },
  );
  const each = <K, V>(keys: readonly K[], value: (key: K) => fc.Arbitrary<V>): fc.Arbitrary<V[]> =>
    fc.subarray([...keys]).chain((chosen) => fc.tuple(...chosen.map(value)));

  const location: fc.Arbitrary<LocationData> = fc.record({
    storeCode: plain,
    name: rich,
    localizedNames: each(['ja', 'en', 'zh-Hant', 'ko'], (locale) => rich.map((name) => ({ locale, name }))),
    status: fc.constantFrom(...LOCATION_STATUSES),
    statusDate: optional(isoDate),
    address: fc.record({
      country: fc.constantFrom('JP', 'US'),
      postalCode: optional(fc.stringMatching(/^\d{3}-\d{4}$/u)),
      region: optional(plain),
      city: optional(plain),
      district: optional(rich),
      lines: fc.array(rich, { maxLength: 5 }),
      building: optional(rich),
    }),
    latitude: optional(fc.integer({ min: -90_000_000, max: 90_000_000 }).map((n) => n / 1e6)),
    longitude: optional(fc.integer({ min: -180_000_000, max: 180_000_000 }).map((n) => n / 1e6)),
    primaryPhone: optional(fc.stringMatching(/^\+81[1-9]\d{8,9}$/u)),
    additionalPhones: fc.array(fc.stringMatching(/^0\d{1,3}-\d{2,4}-\d{4}$/u), { maxLength: 3 }),
    website: optional(url),
    socialProfiles: each(SOCIAL_NETWORKS, (network) => url.map((profileUrl) => ({ network, url: profileUrl }))),
    primaryCategory: fc.constantFrom('gcid:cafe', 'gcid:ramen_restaurant', 'gcid:drugstore'),
    additionalCategories: fc.array(plain, { maxLength: 3 }),
    description: optional(textOf(richUnit, 200)),
    labels: fc.array(plain, { maxLength: 4 }),
    regularHours: each(WEEKDAYS, (day) => intervals.map((list) => ({ day, intervals: list }))),
    specialHours: fc.array(
      fc.record({ startDate: isoDate, endDate: isoDate, closed: fc.boolean() }).chain(({ closed, ...dates }) =>
        (closed ? fc.constant<TimeInterval[]>([]) : intervals).map((list) => ({ ...dates, closed, intervals: list })),
      ),
      { maxLength: 3 },
    ),
    attributes: each(['wifi', 'payment_methods', 'has_parking', 'note'], (key) =>
      fc.oneof(fc.boolean(), plain, fc.array(plain, { maxLength: 3 })).map((value) => ({ key, value })),
    ),
    photos: fc.array(fc.record({ kind: fc.constantFrom(...PHOTO_KINDS), url, caption: optional(rich) }), { maxLength: 3 }),
  });
  const rows = fc.array(fc.record({ data: location, groups: fc.array(plain, { maxLength: 3 }) }), { minLength: 1, maxLength: 4 });

  it('reads back what it writes, at the lines where the rows start', async () => {
    await fc.assert(
      fc.asyncProperty(rows, async (written) => {
        const options = { locales: ['zh-Hant', 'ko'] };
        const records = await readAll(await writeToText(written, options), {}, 4096);
        expect(records).toEqual(
          written.map(({ data, groups }) => ({ line: expect.any(Number), storeCode: data.storeCode, ok: true, input: data, groups })),
        );
        // Each written row spans as many lines as its text has line breaks, header on line 1.
        const header = ['store_code', 'name', 'name_ja', 'name_en', 'name_zh-Hant', 'name_ko'];
        const spans = written.map(({ data, groups }) => {
          const row = locationToCsvRow(data, groups);
          const cells = [...header, ...CSV_COLUMNS.slice(4)].map((column) => row[column] ?? '');
          return csvLine(cells).match(/\r\n|\r|\n/gu)?.length ?? 0;
        });
        const starts = spans.map((_, index) => 2 + spans.slice(0, index).reduce((sum, span) => sum + span, 0));
        expect(records.map(({ line }) => line)).toEqual(starts);
      }),
      { numRuns: 300 },
    );
  });
});
