import { describe, expect, test } from 'vitest';
import { formatTime, parseIsoDate, parseTime, weeklyMinuteRanges } from '../../src/locations/hours.ts';
import type { Weekday } from '../../src/locations/model.ts';
import { errorsOf, expectOnlyError, expectValid } from './helpers.ts';

const day = (d: Weekday, ...intervals: [string, string][]) => ({ day: d, intervals: intervals.map(([open, close]) => ({ open, close })) });

describe('parseTime / formatTime', () => {
  test.each([
    ['00:00', 0],
    ['09:05', 545],
    ['9:05', 545],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s -> %d', (s, minutes) => {
    expect(parseTime(s)).toBe(minutes);
    expect(parseTime(formatTime(minutes))).toBe(minutes);
  });

  test.each(['25:00', '09:60', '24:01', '9', '0900', '09:5', ' 09:00', '09:00:00', '', '-1:00', '１０:００'])('rejects %j', (s) => {
    expect(parseTime(s)).toBeNull();
  });
});

describe('parseIsoDate', () => {
  test.each([
    ['1970-01-01', 0],
    ['2024-02-29', 19782],
    ['0001-01-01', -719162],
  ])('%s -> %d', (s, n) => expect(parseIsoDate(s)).toBe(n));

  test.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026/01/01', '20260101'])('rejects %s', (s) =>
    expect(parseIsoDate(s)).toBeNull(),
  );
});

describe('regular hours', () => {
  test('several intervals per day, normalized, sorted by day and open time', () => {
    const value = expectValid({
      regularHours: [
        day('WEDNESDAY', ['17:00', '22:00'], ['9:00', '12:00']),
        day('MONDAY', ['10:00', '20:00']),
        day('TUESDAY'),
      ],
    });
    expect(value.regularHours).toEqual([
      day('MONDAY', ['10:00', '20:00']),
      day('WEDNESDAY', ['09:00', '12:00'], ['17:00', '22:00']),
    ]);
  });

  test('overnight 22:00-02:00 and 24 hours are accepted', () => {
    const value = expectValid({ regularHours: [day('MONDAY', ['22:00', '02:00']), day('TUESDAY', ['02:00', '10:00']), day('SATURDAY', ['00:00', '24:00'])] });
    expect(value.regularHours).toHaveLength(3);
  });

  test('a close at 00:00 is stored as 24:00 (same instant, one spelling)', () => {
    const value = expectValid({ regularHours: [day('MONDAY', ['18:00', '00:00'])] });
    expect(value.regularHours).toEqual([day('MONDAY', ['18:00', '24:00'])]);
  });

  test.each<[string, unknown[], string[]]>([
    ['25:00 open', [day('MONDAY', ['25:00', '12:00'])], ['regularHours', '0', 'intervals', '0', 'open']],
    ['09:60 close', [day('MONDAY', ['09:00', '09:60'])], ['regularHours', '0', 'intervals', '0', 'close']],
    ['24:00 as open', [day('MONDAY', ['24:00', '02:00'])], ['regularHours', '0', 'intervals', '0', 'open']],
    ['open equals close', [day('MONDAY', ['09:00', '09:00'])], ['regularHours', '0', 'intervals', '0', 'close']],
    ['00:00-00:00', [day('MONDAY', ['00:00', '00:00'])], ['regularHours', '0', 'intervals', '0', 'close']],
    ['duplicate day', [day('MONDAY', ['09:00', '12:00']), day('TUESDAY'), day('MONDAY', ['13:00', '17:00'])], ['regularHours', '2', 'day']],
    ['overlap within a day', [day('MONDAY', ['09:00', '13:00'], ['12:00', '17:00'])], ['regularHours', '0', 'intervals', '1']],
    ['overlap reported on the later interval', [day('MONDAY', ['12:00', '17:00'], ['09:00', '13:00'])], ['regularHours', '0', 'intervals', '0']],
    ['overnight spills into the next day', [day('FRIDAY', ['20:00', '03:00']), day('SATURDAY', ['02:00', '10:00'])], ['regularHours', '1', 'intervals', '0']],
    ['Sunday night wraps into Monday morning', [day('MONDAY', ['01:00', '09:00']), day('SUNDAY', ['22:00', '02:00'])], ['regularHours', '0', 'intervals', '0']],
    ['24h day overlapping the previous night', [day('MONDAY', ['22:00', '01:00']), day('TUESDAY', ['00:00', '24:00'])], ['regularHours', '1', 'intervals', '0']],
  ])('%s', (_name, regularHours, path) => {
    expectOnlyError({ regularHours }, 'INVALID_HOURS', path);
  });

  test('collects every hours error, not only the first', () => {
    const errors = errorsOf({ regularHours: [day('MONDAY', ['25:00', '09:60']), day('TUESDAY', ['09:00', '09:00'])] });
    expect(errors.map((e) => e.path.join('.'))).toEqual([
      'regularHours.0.intervals.0.open',
      'regularHours.0.intervals.0.close',
      'regularHours.1.intervals.0.close',
    ]);
  });

  test('malformed shapes are INVALID_INPUT', () => {
    expectOnlyError({ regularHours: [{ day: 'MON', intervals: [] }] }, 'INVALID_INPUT', ['regularHours', '0', 'day']);
    expectOnlyError({ regularHours: [{ day: 'MONDAY', intervals: [{ open: 900, close: '17:00' }] }] }, 'INVALID_INPUT', ['regularHours', '0', 'intervals', '0', 'open']);
  });

  test('weeklyMinuteRanges wraps Sunday night into Monday', () => {
    expect(weeklyMinuteRanges([day('SUNDAY', ['22:00', '02:00']), day('MONDAY', ['09:00', '17:00'])])).toEqual([
      { start: 0, end: 120 },
      { start: 540, end: 1020 },
      { start: 6 * 1440 + 1320, end: 7 * 1440 },
    ]);
  });
});

describe('special hours', () => {
  const closed = (startDate: string, endDate?: string) => ({ startDate, endDate, closed: true, intervals: [] });
  const open = (startDate: string, ...intervals: [string, string][]) => ({ startDate, closed: false, intervals: intervals.map(([o, c]) => ({ open: o, close: c })) });

  test('endDate defaults to startDate; entries sorted by startDate', () => {
    const value = expectValid({ specialHours: [open('2026-12-24', ['17:00', '23:00'], ['10:00', '14:00']), closed('2026-01-01')] });
    expect(value.specialHours).toEqual([
      { startDate: '2026-01-01', endDate: '2026-01-01', closed: true, intervals: [] },
      { startDate: '2026-12-24', endDate: '2026-12-24', closed: false, intervals: [{ open: '10:00', close: '14:00' }, { open: '17:00', close: '23:00' }] },
    ]);
  });

  test('special hours are allowed without regular hours', () => {
    expectValid({ regularHours: [], specialHours: [closed('2026-05-03', '2026-05-05')] });
  });

  test('a range of exactly 366 days is allowed', () => {
    expectValid({ specialHours: [closed('2028-01-01', '2028-12-31')] });
  });

  test.each<[string, unknown[], string[]]>([
    ['Feb 30', [closed('2026-02-30')], ['specialHours', '0', 'startDate']],
    ['bad end date', [closed('2026-02-01', '2026-02-29')], ['specialHours', '0', 'endDate']],
    ['end before start', [closed('2026-02-10', '2026-02-01')], ['specialHours', '0', 'endDate']],
    ['more than 366 days', [closed('2026-01-01', '2027-01-02')], ['specialHours', '0', 'endDate']],
    ['closed with intervals', [{ ...closed('2026-01-01'), intervals: [{ open: '10:00', close: '12:00' }] }], ['specialHours', '0', 'intervals']],
    ['open without intervals', [{ startDate: '2026-01-01', closed: false }], ['specialHours', '0', 'intervals']],
    ['bad time', [open('2026-01-01', ['10:00', '25:00'])], ['specialHours', '0', 'intervals', '0', 'close']],
    ['overlap within the entry', [open('2026-01-01', ['10:00', '14:00'], ['13:00', '18:00'])], ['specialHours', '0', 'intervals', '1']],
    ['overnight into the next day of a multi-day entry', [{ ...open('2026-01-01', ['06:00', '12:00'], ['20:00', '07:00']), endDate: '2026-01-03' }], ['specialHours', '0', 'intervals', '0']],
    ['overlapping date ranges', [closed('2026-12-29', '2027-01-03'), closed('2027-01-03')], ['specialHours', '1']],
    ['same day twice', [closed('2026-01-01'), open('2026-01-01', ['10:00', '12:00'])], ['specialHours', '1']],
    ['missing closed flag', [{ startDate: '2026-01-01', intervals: [] }], ['specialHours', '0', 'closed']],
  ])('%s', (_name, specialHours, path) => {
    expectOnlyError({ specialHours }, path.length === 3 && path[2] === 'closed' ? 'INVALID_INPUT' : 'INVALID_HOURS', path);
  });

  test('a single-day overnight interval may run past midnight without self-overlap', () => {
    expectValid({ specialHours: [open('2026-12-31', ['06:00', '12:00'], ['20:00', '07:00'])] });
  });
});
