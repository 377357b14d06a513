/**
 * Opening hours in HERE's structured form, as HERE Geocoding & Search returns them in
 * `openingHours[].structured`: `start` "THHMMSS" local time, `duration` "PTxxHyyM", and
 * `recurrence` "FREQ:DAILY;BYDAY:MO,TU". A start and a duration say past-midnight hours plainly:
 * 17:00 to 02:00 is `T170000` + `PT09H00M`. Days with the same interval share one entry, as
 * HERE's own answers do, so the projection and the read-back compare equal.
 *
 * Special hours: HERE's answers carry no dated exceptions, so the feed's `special_hours` column
 * (one entry per date and interval, or `closed`) is Tenpo's design on the same notation.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, intervalMinutes, parseIsoDate } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';
import { isObject } from './keys.ts';

const DAY = 24 * 60;
const BYDAY: Readonly<Record<Weekday, string>> = { MONDAY: 'MO', TUESDAY: 'TU', WEDNESDAY: 'WE', THURSDAY: 'TH', FRIDAY: 'FR', SATURDAY: 'SA', SUNDAY: 'SU' };
const CODES = WEEKDAYS.map((d) => BYDAY[d]);

const two = (n: number) => String(n).padStart(2, '0');
export const hereStart = (minutes: number) => `T${two(Math.floor(minutes / 60))}${two(minutes % 60)}00`;
export const hereDuration = (minutes: number) => `PT${two(Math.floor(minutes / 60))}H${two(minutes % 60)}M`;

export function parseStart(s: unknown): number | null {
  const m = typeof s === 'string' ? /^T(\d{2})(\d{2})(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[1]) < 24 && Number(m[2]) < 60 ? v : null;
}

export function parseDuration(s: unknown): number | null {
  const m = typeof s === 'string' ? /^PT(\d{1,2})H(\d{2})M$/.exec(s) : null;
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v > 0 && v <= DAY ? v : null;
}

/** Weekly hours as HERE's structured entries, grouped by interval, in week order. */
export function projectOpeningHours(days: readonly DayHours[]): JsonObject[] | undefined {
  const groups = new Map<string, { start: number; duration: number; days: Set<string> }>();
  for (const { day, intervals } of days) {
    for (const interval of intervals) {
      const span = intervalMinutes(interval);
      if (!span) continue;
      const key = `${span.start}/${span.end - span.start}`;
      const group = groups.get(key) ?? { start: span.start, duration: span.end - span.start, days: new Set<string>() };
      group.days.add(BYDAY[day]);
      groups.set(key, group);
    }
  }
  const entries = [...groups.values()].map((g) => ({ ...g, codes: CODES.filter((c) => g.days.has(c)) }));
  entries.sort((a, b) => CODES.indexOf(a.codes[0] as string) - CODES.indexOf(b.codes[0] as string) || a.start - b.start || a.duration - b.duration);
  const out = entries.map((e) => ({ start: hereStart(e.start), duration: hereDuration(e.duration), recurrence: `FREQ:DAILY;BYDAY:${e.codes.join(',')}` }));
  return out.length > 0 ? out : undefined;
}

/** HERE's structured entries in the projection's canonical order; undefined when none can be read. */
export function normalizeOpeningHours(value: unknown): JsonObject[] | undefined {
  const days = openingHoursToDays(value);
  return days ? projectOpeningHours(days) : undefined;
}

/** Tenpo's weekly hours for HERE's structured entries, or null when an entry is not one Tenpo can hold. */
export function openingHoursToDays(value: unknown): DayHours[] | null {
  if (!Array.isArray(value)) return null;
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const entry of value) {
    if (!isObject(entry)) return null;
    const start = parseStart(entry.start);
    const duration = parseDuration(entry.duration);
    const rec = typeof entry.recurrence === 'string' ? /^FREQ:DAILY;BYDAY:((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(entry.recurrence) : null;
    if (start === null || duration === null || !rec) return null;
    const end = start + duration;
    const interval = { open: formatTime(start), close: formatTime(end > DAY ? end - DAY : end) };
    for (const code of (rec[1] as string).split(',')) {
      const day = WEEKDAYS[CODES.indexOf(code)] as Weekday;
      byDay.set(day, [...(byDay.get(day) ?? []), interval]);
    }
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({ day, intervals: (byDay.get(day) as TimeInterval[]).sort((a, b) => a.open.localeCompare(b.open)) }));
}

const isoOf = (days: number) => new Date(days * DAY * 60_000).toISOString().slice(0, 10);

/** One entry per date: `{ date, closed: true }` or `{ date, start, duration }` per interval. */
export function projectSpecialHours(entries: readonly SpecialHours[]): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  for (const e of entries) {
    const first = parseIsoDate(e.startDate);
    const last = parseIsoDate(e.endDate);
    if (first === null || last === null) continue;
    for (let d = first; d <= last; d++) {
      if (e.closed) {
        out.push({ date: isoOf(d), closed: true });
        continue;
      }
      for (const interval of e.intervals) {
        const span = intervalMinutes(interval);
        if (span) out.push({ date: isoOf(d), start: hereStart(span.start), duration: hereDuration(span.end - span.start) });
      }
    }
  }
  out.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.start ?? '').localeCompare(String(b.start ?? '')));
  return out.length > 0 ? out : undefined;
}
