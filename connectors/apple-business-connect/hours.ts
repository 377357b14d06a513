/**
 * Opening hours in Apple's shapes and back. Apple takes, per weekday, `times` of
 * { startTime, endTime } in "HH:MM" with hours 00-24, valid as OSM opening_hours: an interval that
 * passes midnight is written as it is read on the door, 17:00-02:00 (OSM's wrap-around), and a
 * close at midnight is 24:00. Special hours are { startDate, endDate, closed, hoursByDay }: a
 * closed period has no times, an open one repeats its times for each weekday the period covers.
 * Several intervals a day are several `times`; a closed weekday is simply absent.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseIsoDate, parseTime } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';
import { asString, isObject } from './json.ts';

const DAY = 24 * 60;

/** Tenpo "HH:MM" → Apple's spelling; a close at 00:00 is midnight at the end of the day, 24:00. */
function appleTime(time: string, isClose: boolean): string | null {
  const minutes = parseTime(time);
  if (minutes === null) return null;
  return formatTime(isClose && minutes === 0 ? DAY : minutes);
}

function times(intervals: readonly TimeInterval[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const i of [...intervals].sort((a, b) => a.open.localeCompare(b.open))) {
    const startTime = appleTime(i.open, false);
    const endTime = appleTime(i.close, true);
    if (startTime !== null && endTime !== null) out.push({ startTime, endTime });
  }
  return out;
}

export function projectOpeningHours(days: readonly DayHours[]): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  for (const day of WEEKDAYS) {
    const entry = days.find((d) => d.day === day);
    const t = entry ? times(entry.intervals) : [];
    if (t.length > 0) out.push({ day, times: t });
  }
  return out.length > 0 ? out : undefined;
}

/** The weekdays an ISO date range covers, in Tenpo's order (at most all seven). */
function weekdaysBetween(startDate: string, endDate: string): Weekday[] {
  const first = parseIsoDate(startDate);
  const last = parseIsoDate(endDate);
  if (first === null || last === null) return [];
  const seen = new Set<Weekday>();
  // 1970-01-01 (day 0) was a Thursday: WEEKDAYS index 3.
  for (let d = first; d <= last && seen.size < 7; d++) seen.add(WEEKDAYS[(d + 3) % 7] as Weekday);
  return WEEKDAYS.filter((w) => seen.has(w));
}

export function projectSpecialHours(entries: readonly SpecialHours[]): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  for (const e of [...entries].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    if (e.closed) {
      out.push({ startDate: e.startDate, endDate: e.endDate, closed: true });
      continue;
    }
    const t = times(e.intervals);
    out.push({ startDate: e.startDate, endDate: e.endDate, closed: false, hoursByDay: weekdaysBetween(e.startDate, e.endDate).map((day) => ({ day, times: t })) });
  }
  return out.length > 0 ? out : undefined;
}

// ---- back to Tenpo ----------------------------------------------------------------------------

/** Apple's "HH:MM" (00:00-24:00) → Tenpo's; null when malformed. Apple's 24:00 is Tenpo's 24:00. */
function tenpoTime(value: unknown): string | null {
  const text = asString(value);
  const minutes = text === undefined ? null : parseTime(text);
  return minutes === null ? null : formatTime(minutes);
}

function intervalsFrom(value: unknown): TimeInterval[] | null {
  if (!Array.isArray(value)) return null;
  const out: TimeInterval[] = [];
  for (const t of value) {
    const open = isObject(t) ? tenpoTime(t.startTime) : null;
    const close = isObject(t) ? tenpoTime(t.endTime) : null;
    if (open === null || close === null || open === '24:00') return null;
    out.push({ open, close });
  }
  return out;
}

export function regularHoursFromApple(value: unknown): DayHours[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const out: DayHours[] = [];
  for (const entry of value) {
    const day = isObject(entry) ? asString(entry.day) : undefined;
    const intervals = isObject(entry) ? intervalsFrom(entry.times) : null;
    if (!day || !(WEEKDAYS as readonly string[]).includes(day) || intervals === null) return null;
    out.push({ day: day as Weekday, intervals });
  }
  return out;
}

/** Tenpo's special hours for Apple's; null when an open period has different times per weekday. */
export function specialHoursFromApple(value: unknown): SpecialHours[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const out: SpecialHours[] = [];
  for (const entry of value) {
    if (!isObject(entry)) return null;
    const startDate = asString(entry.startDate);
    const endDate = asString(entry.endDate) ?? startDate;
    if (!startDate || !endDate) return null;
    if (entry.closed === true) {
      out.push({ startDate, endDate, closed: true, intervals: [] });
      continue;
    }
    const days = Array.isArray(entry.hoursByDay) ? entry.hoursByDay : [];
    const each = days.map((d) => (isObject(d) ? intervalsFrom(d.times) : null));
    const first = each[0];
    if (!first || each.some((i) => i === null || JSON.stringify(i) !== JSON.stringify(first))) return null;
    out.push({ startDate, endDate, closed: false, intervals: first });
  }
  return out;
}
