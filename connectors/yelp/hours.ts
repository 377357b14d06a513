/**
 * Opening hours in Yelp's shape (business details `hours[].open` and `special_hours`) and back:
 * day 0 = Monday … 6 = Sunday, start and end as "HHMM", one entry per interval, and `is_overnight`
 * when the end is on the next day, which Yelp spells with an end not after the start. So both of
 * Tenpo's spellings of midnight (close "24:00" and close "00:00") become end "0000", overnight.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseIsoDate, parseTime } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';

const DAY = 24 * 60;
const MS_PER_DAY = DAY * 60_000;

const hhmm = (minutes: number): string => formatTime(minutes % DAY).replace(':', '');

/** "HHMM" to minutes, or null. */
function minutesOf(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) return null;
  return parseTime(`${value.slice(0, 2)}:${value.slice(2)}`);
}

function span(interval: TimeInterval): { start: string; end: string; is_overnight: boolean } | null {
  const open = parseTime(interval.open);
  const close = parseTime(interval.close);
  if (open === null || close === null || open >= DAY) return null;
  const end = close % DAY;
  return { start: hhmm(open), end: hhmm(end), is_overnight: end <= open };
}

const openOrder = (a: JsonObject, b: JsonObject): number => Number(a.day) - Number(b.day) || String(a.start).localeCompare(String(b.start));

export function projectRegularHours(days: readonly DayHours[]): JsonObject[] | undefined {
  const open: JsonObject[] = [];
  for (const { day, intervals } of days) {
    for (const interval of intervals) {
      const s = span(interval);
      if (s) open.push({ day: WEEKDAYS.indexOf(day), ...s });
    }
  }
  return open.length > 0 ? open.sort(openOrder) : undefined;
}

/** Tenpo's interval for a Yelp one: end "0000" is the close at midnight ("24:00"). */
function intervalOf(start: unknown, end: unknown): TimeInterval | null {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === null || e === null || s >= DAY) return null;
  return { open: formatTime(s), close: formatTime(e === 0 ? DAY : e) };
}

/** Tenpo's weekly hours for Yelp's `open` entries, or null when one cannot be read. */
export function regularHoursFromYelp(value: unknown): DayHours[] | null {
  if (!Array.isArray(value)) return null;
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const entry of value as JsonObject[]) {
    const day = WEEKDAYS[Number(entry.day)];
    const interval = intervalOf(entry.start, entry.end);
    if (!day || !interval) return null;
    byDay.set(day, [...(byDay.get(day) ?? []), interval]);
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({ day, intervals: byDay.get(day) as TimeInterval[] }));
}

const isoOf = (days: number): string => new Date(days * MS_PER_DAY).toISOString().slice(0, 10);

/** One Yelp entry per date (and interval): a Tenpo entry over several days is spelt out. */
export function projectSpecialHours(entries: readonly SpecialHours[]): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  for (const entry of entries) {
    const first = parseIsoDate(entry.startDate);
    const last = parseIsoDate(entry.endDate);
    if (first === null || last === null) continue;
    for (let d = first; d <= last; d++) {
      if (entry.closed) out.push({ date: isoOf(d), is_closed: true });
      for (const interval of entry.closed ? [] : entry.intervals) {
        const s = span(interval);
        if (s) out.push({ date: isoOf(d), is_closed: false, ...s });
      }
    }
  }
  return out.length > 0 ? out.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.start ?? '').localeCompare(String(b.start ?? ''))) : undefined;
}

/** Yelp's special hours as the projection holds them: `is_closed: null` is Yelp's "not closed". */
export function normalizeSpecialHours(value: unknown): JsonObject[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return (value as JsonObject[]).map((e): JsonObject =>
    e.is_closed === true ? { date: e.date ?? null, is_closed: true } : { date: e.date ?? null, is_closed: false, start: e.start ?? null, end: e.end ?? null, is_overnight: e.is_overnight === true },
  );
}

/** Tenpo's special hours for Yelp's, consecutive equal days joined; null when not expressible. */
export function specialHoursFromYelp(value: unknown): SpecialHours[] | null {
  const byDate = new Map<string, { closed: boolean; intervals: TimeInterval[] }>();
  for (const e of normalizeSpecialHours(value) ?? []) {
    const date = String(e.date);
    if (parseIsoDate(date) === null) return null;
    const day = byDate.get(date) ?? { closed: false, intervals: [] };
    if (e.is_closed === true) day.closed = true;
    else {
      const interval = intervalOf(e.start, e.end);
      if (!interval) return null;
      day.intervals.push(interval);
    }
    if (day.closed && day.intervals.length > 0) return null;
    byDate.set(date, day);
  }
  const out: SpecialHours[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date) as { closed: boolean; intervals: TimeInterval[] };
    const prev = out.at(-1);
    if (prev && parseIsoDate(date) === (parseIsoDate(prev.endDate) ?? NaN) + 1 && prev.closed === day.closed && JSON.stringify(prev.intervals) === JSON.stringify(day.intervals)) {
      prev.endDate = date;
    } else out.push({ startDate: date, endDate: date, closed: day.closed, intervals: day.intervals });
  }
  return out;
}
