/**
 * Opening hours in Bing's shapes and back. `OperatingHours` is a list of strings, one per day and
 * interval, "Mon 08:00 AM-08:00 PM" (12-hour clock); a day with two intervals has two strings,
 * a closed day none, and an interval past midnight closes at the earlier time ("Mon 05:00 PM-02:00
 * AM"). `HolidayHours` is one entry per date, { Date: yyyy-MM-dd, OpenTime, CloseTime: HH:mm } or
 * { Date, IsClosed: true }: one interval per date at most (rules.ts).
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseIsoDate, parseTime } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';

const DAY = 24 * 60;
const SHORT: Readonly<Record<Weekday, string>> = { MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun' };

/** Minutes → "hh:mm AM"; 00:00 and 24:00 are both "12:00 AM" (midnight). */
function twelveHour(minutes: number): string {
  const m = minutes % DAY;
  const h = Math.floor(m / 60);
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(hour12).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

function fromTwelveHour(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})\s*(AM|PM)$/i.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour < 1 || hour > 12 || minute > 59) return null;
  return ((hour % 12) + ((m[3] as string).toUpperCase() === 'PM' ? 12 : 0)) * 60 + minute;
}

export function projectOperatingHours(days: readonly DayHours[]): string[] | undefined {
  const out: string[] = [];
  for (const day of WEEKDAYS) {
    const entry = days.find((d) => d.day === day);
    for (const i of [...(entry?.intervals ?? [])].sort((a, b) => a.open.localeCompare(b.open))) {
      const open = parseTime(i.open);
      const close = parseTime(i.close);
      if (open !== null && close !== null) out.push(`${SHORT[day]} ${twelveHour(open)}-${twelveHour(close)}`);
    }
  }
  return out.length > 0 ? out : undefined;
}

export function regularHoursFromBing(value: unknown): DayHours[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const line of value) {
    if (typeof line !== 'string') return null;
    if (line.trim() === '') continue; // Bing answers [""] for a business without hours
    const m = /^(\w{3})\s+(.+?)\s*-\s*(.+)$/.exec(line.trim());
    const day = m ? WEEKDAYS.find((d) => SHORT[d] === m[1]) : undefined;
    const open = m ? fromTwelveHour(m[2] as string) : null;
    const close = m ? fromTwelveHour(m[3] as string) : null;
    if (!day || open === null || close === null) return null;
    const list = byDay.get(day) ?? [];
    // Midnight as a close is the end of the day: Tenpo's 24:00.
    list.push({ open: formatTime(open), close: close === 0 && open > 0 ? '24:00' : formatTime(close) });
    byDay.set(day, list);
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({ day, intervals: byDay.get(day) as TimeInterval[] }));
}

const isoOf = (days: number) => new Date(days * DAY * 60_000).toISOString().slice(0, 10);

export function projectHolidayHours(entries: readonly SpecialHours[]): JsonObject[] | undefined {
  const out: JsonObject[] = [];
  for (const e of entries) {
    const first = parseIsoDate(e.startDate);
    const last = parseIsoDate(e.endDate);
    if (first === null || last === null) continue;
    const interval = e.intervals[0];
    for (let d = first; d <= last; d++) {
      if (e.closed || !interval) out.push({ Date: isoOf(d), IsClosed: true });
      else out.push({ Date: isoOf(d), OpenTime: interval.open === '24:00' ? '00:00' : interval.open, CloseTime: interval.close === '24:00' ? '00:00' : interval.close, IsClosed: false });
    }
  }
  out.sort((a, b) => String(a.Date).localeCompare(String(b.Date)));
  return out.length > 0 ? out : undefined;
}

export function specialHoursFromBing(value: unknown): SpecialHours[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const out: SpecialHours[] = [];
  for (const h of value) {
    if (typeof h !== 'object' || h === null || Array.isArray(h)) return null;
    const date = typeof h.Date === 'string' ? h.Date.slice(0, 10) : '';
    if (parseIsoDate(date) === null) return null;
    if (h.IsClosed === true) {
      out.push({ startDate: date, endDate: date, closed: true, intervals: [] });
      continue;
    }
    const open = typeof h.OpenTime === 'string' ? parseTime(h.OpenTime) : null;
    const close = typeof h.CloseTime === 'string' ? parseTime(h.CloseTime) : null;
    if (open === null || close === null) return null;
    out.push({ startDate: date, endDate: date, closed: false, intervals: [{ open: formatTime(open), close: close === 0 ? '24:00' : formatTime(close) }] });
  }
  // Consecutive equal days become one Tenpo entry, as they were entered.
  const merged: SpecialHours[] = [];
  for (const e of out.sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const prev = merged.at(-1);
    if (prev && parseIsoDate(e.startDate) === (parseIsoDate(prev.endDate) ?? NaN) + 1 && prev.closed === e.closed && JSON.stringify(prev.intervals) === JSON.stringify(e.intervals)) prev.endDate = e.endDate;
    else merged.push(e);
  }
  return merged;
}
