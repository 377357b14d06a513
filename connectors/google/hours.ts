/**
 * Opening hours in Google's shapes (BusinessHours.periods and SpecialHours.specialHourPeriods)
 * and back. A Tenpo interval whose close is not after its open passes midnight; Google says the
 * same with a closeDay (weekly) or an endDate (special) one day later. 24:00 is Google's "midnight
 * at the end of the day" and is kept as such; Google's other spelling of it (next day, 00:00) is
 * folded into it when read, so both sides compare equal.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseIsoDate, parseTime } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';
import { asNumber, canonical, isObject, pick } from './json.ts';

const DAY = 24 * 60;
const MS_PER_DAY = DAY * 60_000;

function timeOfDay(minutes: number): JsonObject {
  return (canonical({ hours: Math.floor(minutes / 60), minutes: minutes % 60 }) ?? {}) as JsonObject;
}

function minutesOf(time: unknown): number | null {
  if (!isObject(time)) return null;
  const m = asNumber(time.hours) * 60 + asNumber(time.minutes);
  return Number.isInteger(m) && m >= 0 && m <= DAY ? m : null;
}

const dayIndex = (day: unknown): number => WEEKDAYS.indexOf(day as Weekday);
const nextDay = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7] as Weekday;

/** [open, close) in minutes of the open day; close passes 1440 overnight. Null for a malformed interval. */
function span(interval: TimeInterval): { open: number; close: number } | null {
  const open = parseTime(interval.open);
  const close = parseTime(interval.close);
  if (open === null || close === null || open === DAY) return null;
  // 00:00 as a close is the same instant as 24:00 on the open day.
  const end = close === 0 ? DAY : close;
  return { open, close: end > open ? end : end + DAY };
}

function periodOrder(a: JsonObject, b: JsonObject): number {
  return (
    dayIndex(a.openDay) - dayIndex(b.openDay) ||
    (minutesOf(a.openTime) ?? 0) - (minutesOf(b.openTime) ?? 0) ||
    dayIndex(a.closeDay) - dayIndex(b.closeDay) ||
    (minutesOf(a.closeTime) ?? 0) - (minutesOf(b.closeTime) ?? 0)
  );
}

export function projectRegularHours(days: readonly DayHours[]): JsonObject | undefined {
  const periods: JsonObject[] = [];
  for (const { day, intervals } of days) {
    for (const interval of intervals) {
      const s = span(interval);
      if (!s) continue;
      const overnight = s.close > DAY;
      periods.push({
        openDay: day,
        openTime: timeOfDay(s.open),
        closeDay: overnight ? nextDay(day) : day,
        closeTime: timeOfDay(overnight ? s.close - DAY : s.close),
      });
    }
  }
  return periods.length > 0 ? { periods: periods.sort(periodOrder) } : undefined;
}

/** Google's periods as the projection holds them: canonical, 24:00 spelt one way, in order. */
export function normalizeRegularHours(value: unknown): JsonObject | undefined {
  const raw = isObject(value) && Array.isArray(value.periods) ? value.periods : [];
  const periods = raw.map((p) => {
    const period = pick(p, ['openDay', 'openTime', 'closeDay', 'closeTime']) ?? {};
    const close = minutesOf(period.closeTime);
    const openDay = dayIndex(period.openDay);
    if (close === 0 && openDay >= 0 && dayIndex(period.closeDay) === (openDay + 1) % 7) {
      return { ...period, closeDay: WEEKDAYS[openDay] as Weekday, closeTime: { hours: 24 } };
    }
    return period;
  });
  return periods.length > 0 ? { periods: periods.sort(periodOrder) } : undefined;
}

/** Tenpo's weekly hours for Google's periods, or null when a period cannot be one Tenpo interval. */
export function regularHoursFromGoogle(value: unknown): DayHours[] | null {
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const period of (normalizeRegularHours(value)?.periods ?? []) as JsonObject[]) {
    const open = minutesOf(period.openTime ?? {});
    const close = minutesOf(period.closeTime ?? {});
    const openIdx = dayIndex(period.openDay);
    const closeIdx = dayIndex(period.closeDay);
    if (open === null || close === null || openIdx < 0 || closeIdx < 0) return null;
    const end = ((closeIdx - openIdx + 7) % 7) * DAY + close;
    // Tenpo intervals last at most one day (a close not after the open passes midnight once).
    if (end <= open || end - open > DAY) return null;
    const day = WEEKDAYS[openIdx] as Weekday;
    const intervals = byDay.get(day) ?? [];
    intervals.push({ open: formatTime(open), close: formatTime(end > DAY ? end - DAY : end) });
    byDay.set(day, intervals);
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({
    day,
    intervals: (byDay.get(day) as TimeInterval[]).sort((a, b) => (a.open < b.open ? -1 : a.open > b.open ? 1 : 0)),
  }));
}

// ---- special hours ---------------------------------------------------------------------------

function googleDate(days: number): JsonObject {
  const d = new Date(days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoOf(date: unknown): string | null {
  if (!isObject(date)) return null;
  const [y, m, d] = [asNumber(date.year), asNumber(date.month), asNumber(date.day)];
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) === null ? null : iso;
}

/** A Google Date from ISO "YYYY-MM-DD", or undefined when the text is not a date. */
export function googleDateOf(iso: string): JsonObject | undefined {
  const days = parseIsoDate(iso);
  return days === null ? undefined : googleDate(days);
}

const specialOrder = (a: JsonObject, b: JsonObject): number =>
  (isoOf(a.startDate) ?? '').localeCompare(isoOf(b.startDate) ?? '') || (minutesOf(a.openTime) ?? -1) - (minutesOf(b.openTime) ?? -1);

/**
 * Google takes one period per day (endDate may only be the next day, for an overnight close), so a
 * Tenpo entry over several days becomes one period per day and interval.
 */
export function projectSpecialHours(entries: readonly SpecialHours[]): JsonObject | undefined {
  const periods: JsonObject[] = [];
  for (const entry of entries) {
    const first = parseIsoDate(entry.startDate);
    const last = parseIsoDate(entry.endDate);
    if (first === null || last === null) continue;
    for (let d = first; d <= last; d++) {
      if (entry.closed) {
        periods.push({ startDate: googleDate(d), closed: true });
        continue;
      }
      for (const interval of entry.intervals) {
        const s = span(interval);
        if (!s) continue;
        const overnight = s.close > DAY;
        const period: JsonObject = { startDate: googleDate(d), openTime: timeOfDay(s.open), closeTime: timeOfDay(overnight ? s.close - DAY : s.close) };
        if (overnight) period.endDate = googleDate(d + 1);
        periods.push(period);
      }
    }
  }
  return periods.length > 0 ? { specialHourPeriods: periods.sort(specialOrder) } : undefined;
}

export function normalizeSpecialHours(value: unknown): JsonObject | undefined {
  const raw = isObject(value) && Array.isArray(value.specialHourPeriods) ? value.specialHourPeriods : [];
  const periods = raw.map((p) => {
    const period = pick(p, ['startDate', 'endDate', 'openTime', 'closeTime', 'closed']) ?? {};
    // Google ignores everything but startDate on a closed day, and an endDate equal to startDate.
    if (period.closed === true) return { startDate: period.startDate ?? {}, closed: true } as JsonObject;
    if (period.endDate !== undefined && isoOf(period.endDate) === isoOf(period.startDate)) delete period.endDate;
    return period;
  });
  return periods.length > 0 ? { specialHourPeriods: periods.sort(specialOrder) } : undefined;
}

interface DaySpecial {
  closed: boolean;
  intervals: TimeInterval[];
}

/** Tenpo's special hours for Google's periods (consecutive equal days joined), or null if not expressible. */
export function specialHoursFromGoogle(value: unknown): SpecialHours[] | null {
  const byDate = new Map<string, DaySpecial>();
  for (const period of (normalizeSpecialHours(value)?.specialHourPeriods ?? []) as JsonObject[]) {
    const date = isoOf(period.startDate);
    if (date === null) return null;
    const day = byDate.get(date) ?? { closed: false, intervals: [] };
    if (period.closed === true) day.closed = true;
    else {
      const open = minutesOf(period.openTime ?? {});
      const close = minutesOf(period.closeTime ?? {});
      if (open === null || close === null) return null;
      const overnight = period.endDate !== undefined;
      const end = overnight ? close + DAY : close;
      if (end <= open || end - open > DAY) return null;
      day.intervals.push({ open: formatTime(open), close: formatTime(end > DAY ? end - DAY : end) });
    }
    if (day.closed && day.intervals.length > 0) return null;
    byDate.set(date, day);
  }
  const out: SpecialHours[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const day = byDate.get(date) as DaySpecial;
    const intervals = day.intervals.sort((a, b) => (a.open < b.open ? -1 : 1));
    const prev = out.at(-1);
    const contiguous = prev && parseIsoDate(date) === (parseIsoDate(prev.endDate) ?? NaN) + 1;
    if (prev && contiguous && prev.closed === day.closed && JSON.stringify(prev.intervals) === JSON.stringify(intervals)) {
      prev.endDate = date;
    } else {
      out.push({ startDate: date, endDate: date, closed: day.closed, intervals });
    }
  }
  return out;
}

