import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ATTRIBUTES } from '../../src/locations/attributes.ts';
import { CATEGORIES } from '../../src/locations/categories.ts';
import { formatTime, weeklyMinuteRanges } from '../../src/locations/hours.ts';
import type { MinuteRange } from '../../src/locations/hours.ts';
import { ERROR_CODES, LOCATION_FIELDS, WEEKDAYS } from '../../src/locations/model.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { validateLocation } from '../../src/locations/validate.ts';
import { validInput } from './fixtures.ts';

const DAY = 1440;
const WEEK = 7 * DAY;

/** The contract every call must keep, whatever the input. */
function checkResultShape(input: unknown): void {
  const result = validateLocation(input);
  if (result.ok) {
    expect(validateLocation(result.value)).toEqual(result);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(ERROR_CODES).toContain(error.code);
    expect(Array.isArray(error.path)).toBe(true);
    for (const part of error.path) expect(typeof part).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
}

const exotic = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

const nestedKeys = fc.constantFrom('day', 'intervals', 'open', 'close', 'startDate', 'endDate', 'closed', 'key', 'value', 'url', 'kind', 'caption', 'network', 'locale', 'name', 'country', 'lines');
const fieldValue = fc.oneof(
  exotic,
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom(null, undefined, '', [], {}, 0, -0, Number.NaN, true, '24:00', '2026-02-29', '03-1234-5678', 'restaurant'),
  fc.array(fc.dictionary(nestedKeys, fc.oneof(exotic, fc.string(), fc.array(fc.dictionary(nestedKeys, fc.string()))), { maxKeys: 5 }), { maxLength: 12 }),
);

describe('validateLocation never throws and reports well-formed errors', () => {
  test('arbitrary values', () => {
    fc.assert(fc.property(exotic, checkResultShape), { numRuns: 500 });
  });

  test('arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), checkResultShape), { numRuns: 500 });
  });

  test('a valid location with random fields replaced', () => {
    const patch = fc.dictionary(fc.constantFrom(...LOCATION_FIELDS, 'extra', '__proto__', 'constructor'), fieldValue, { maxKeys: 4 });
    fc.assert(
      fc.property(patch, (p) => checkResultShape({ ...validInput(), ...p })),
      { numRuns: 1000 },
    );
  });

  test('a valid location with random address fields', () => {
    const address = fc.dictionary(fc.constantFrom('country', 'postalCode', 'region', 'city', 'district', 'lines', 'building'), fieldValue, { maxKeys: 3 });
    fc.assert(
      fc.property(address, (a) => checkResultShape({ ...validInput(), address: { ...(validInput().address as object), ...a } })),
      { numRuns: 500 },
    );
  });
});

// Valid weekly hours by construction: disjoint ranges laid end to end around the week's circle
// (the last may wrap from Sunday into Monday), none longer than a day, a full day only from
// midnight, written with the spellings people use.
const step = fc.record({ length: fc.integer({ min: 1, max: DAY - 1 }), gap: fc.integer({ min: 0, max: 720 }), toMidnight: fc.boolean(), fullDay: fc.boolean() });
const weeklyHours = fc
  .record({ origin: fc.integer({ min: 0, max: DAY - 1 }), steps: fc.array(step, { maxLength: 30 }), spellings: fc.infiniteStream(fc.boolean()) })
  .map(({ origin, steps, spellings }) => {
    const ranges: MinuteRange[] = [];
    let cursor = origin;
    for (const { length, gap, toMidnight, fullDay } of steps) {
      const span = fullDay && cursor % DAY === 0 ? DAY : length;
      if (cursor + span > origin + WEEK) break;
      ranges.push(cursor >= WEEK ? { start: cursor - WEEK, end: cursor + span - WEEK } : { start: cursor, end: cursor + span });
      cursor += span + (toMidnight ? DAY - ((cursor + span) % DAY) : gap);
    }
    const spell = (minutes: number): string => {
      const t = formatTime(minutes);
      return t.startsWith('0') && spellings.next().value ? t.slice(1) : t;
    };
    const byDay = new Map<string, { open: string; close: string }[]>();
    for (const r of ranges) {
      const day = WEEKDAYS[Math.floor(r.start / DAY)] ?? 'MONDAY';
      const open = r.start % DAY;
      const closeInDay = r.end - Math.floor(r.start / DAY) * DAY;
      const close = closeInDay === DAY && open > 0 && spellings.next().value ? 0 : closeInDay > DAY ? closeInDay - DAY : closeInDay;
      byDay.set(day, [...(byDay.get(day) ?? []), { open: spell(open), close: spell(close) }]);
    }
    const days = [...byDay].map(([day, intervals]) => ({ day, intervals: spellings.next().value ? intervals.reverse() : intervals }));
    const expected = ranges.flatMap((r) => (r.end <= WEEK ? [r] : [{ start: r.start, end: WEEK }, { start: 0, end: r.end - WEEK }]));
    return { days: spellings.next().value ? days.reverse() : days, expected: expected.sort((a, b) => a.start - b.start) };
  });

const spellings = <T>(...values: T[]) => fc.constantFrom(...values);
const validLocation = fc.record({
  storeCode: fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/).map((s) => ` ${s}`),
  name: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(s)),
  localizedNames: fc.uniqueArray(spellings('en', 'EN-us', 'zh-hant', 'ko', 'fr-CA'), { selector: (l) => l.toLowerCase().slice(0, 2) }).map((ls) => ls.map((locale) => ({ locale, name: `n-${locale}` }))),
  address: fc.record({
    country: spellings('JP', 'jp'),
    postalCode: spellings('1070052', '１０７－００５２', '〒107-0052', null, ''),
    region: spellings('東京都', ' 大阪府 ', null),
    lines: fc.array(spellings('３番２号', '1-2-3', '赤坂 ４丁目'), { maxLength: 5 }),
  }),
  primaryPhone: spellings('03-1234-5678', '０３−１２３４−５６７８', '+81 3-1234-5678', null, ''),
  additionalPhones: fc.subarray(['090-1234-5678', '+1 202 555 0123', '06-6123-4567']),
  primaryCategory: fc.constantFrom(...CATEGORIES.map((c) => c.id)),
  regularHours: weeklyHours.map((h) => h.days),
  attributes: fc.subarray(ATTRIBUTES.filter((a) => a.kind !== 'URL')).chain((defs) =>
    fc.tuple(...defs.map((d) => (d.kind === 'BOOLEAN' ? fc.boolean() : d.kind === 'ENUM' ? fc.constantFrom(...(d.values ?? [])) : fc.shuffledSubarray((d.values ?? []).filter((v) => v !== 'none'), { minLength: 1 })))).map((values) => defs.map((d, i) => ({ key: d.key, value: values[i] }))),
  ),
  labels: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[\u0000-\u001F\u007F]/g, 'x')).filter((s) => s.trim() !== ''), { maxLength: 10, selector: (s) => s.trim() }),
  description: fc.option(fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')), { nil: null }),
});

describe('normalization', () => {
  test('generated valid locations are accepted, and validating the output again changes nothing', () => {
    fc.assert(
      fc.property(validLocation, (input) => {
        const first = validateLocation(input);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        const again = validateLocation(first.value);
        expect(again).toEqual(first);
        expect(validateLocation(structuredClone(input))).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  test('valid generated hours are accepted with the same weekly ranges', () => {
    fc.assert(
      fc.property(weeklyHours, ({ days, expected }) => {
        const result = validateLocation({ ...validInput(), regularHours: days });
        if (!result.ok) throw new Error(JSON.stringify({ days, errors: result.errors }));
        const value: LocationData = result.value;
        expect(weeklyMinuteRanges(value.regularHours)).toEqual(expected);
        expect(value.regularHours.map((d) => WEEKDAYS.indexOf(d.day))).toEqual([...new Set(value.regularHours.map((d) => WEEKDAYS.indexOf(d.day)))].sort());
      }),
      { numRuns: 1000 },
    );
  });

  test('repeating any interval of valid hours is reported as an overlap', () => {
    const withRepeat = weeklyHours.filter(({ days }) => days.length > 0).chain(({ days }) => fc.record({ days: fc.constant(days), pick: fc.nat({ max: days.length - 1 }) }));
    fc.assert(
      fc.property(withRepeat, ({ days, pick }) => {
        const repeated = days.map((d, i) => (i === pick ? { ...d, intervals: [...d.intervals, ...d.intervals.slice(0, 1)] } : d));
        const result = validateLocation({ ...validInput(), regularHours: repeated });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(['INVALID_HOURS']);
      }),
      { numRuns: 300 },
    );
  });
});
