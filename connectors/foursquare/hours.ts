/**
 * Opening hours in the Places API's `hours` string and back. The suggest endpoints take "a
 * semi-colon separated list of open segments … formatted as day,start,end", days 1 (Monday) to
 * 7 (Sunday), times HHMM, and "+0230 to represent 2:30 am past midnight into the following day"
 * (place-suggest-edit). Place details answers `hours.regular` as [{ day, open, close }] in the same
 * HHMM terms. Both sides go through `canonicalHours`, so equal hours are equal strings.
 * Foursquare has no special (dated) hours: those are reported as not supported.
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseTime } from '../../src/locations/hours.ts';
import { isObject } from './keys.ts';

const DAY = 24 * 60;

interface Segment {
  day: number;
  open: number;
  /** Minutes after the open day's midnight: above 1440 closes the next day. */
  close: number;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

function segmentText(s: Segment): string {
  // 24:00 is written 2400 (end of the same day); anything later gets the '+' of the next day.
  const close = s.close > DAY ? `+${hhmm(s.close - DAY)}` : hhmm(s.close);
  return `${s.day},${hhmm(s.open)},${close}`;
}

function order(a: Segment, b: Segment): number {
  return a.day - b.day || a.open - b.open || a.close - b.close;
}

/** Tenpo's interval as minutes on the open day: a close not after the open passes midnight. */
function segmentOf(day: number, interval: TimeInterval): Segment | null {
  const open = parseTime(interval.open);
  const close = parseTime(interval.close);
  if (open === null || close === null || open === DAY) return null;
  const end = close === 0 ? DAY : close;
  return { day, open, close: end > open ? end : end + DAY };
}

export function projectHours(days: readonly DayHours[]): string | undefined {
  const segments: Segment[] = [];
  for (const { day, intervals } of days) {
    for (const interval of intervals) {
      const s = segmentOf(WEEKDAYS.indexOf(day) + 1, interval);
      if (s) segments.push(s);
    }
  }
  return segments.length > 0 ? segments.sort(order).map(segmentText).join(';') : undefined;
}

/** "HHMM" or "+HHMM" → minutes after the open day's midnight, or null. */
function parseHhmm(text: string, open: number | null): number | null {
  const m = /^(\+)?(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > DAY) return null;
  if (m[1]) return minutes + DAY;
  // A close without '+' that is not after the open still means the next day (as in Tenpo).
  if (open !== null && minutes <= open) return minutes + DAY;
  return minutes;
}

function parseSegment(day: unknown, open: unknown, close: unknown): Segment | null {
  const d = typeof day === 'number' ? day : Number(day);
  if (!Number.isInteger(d) || d < 1 || d > 7 || typeof open !== 'string' || typeof close !== 'string') return null;
  const o = parseHhmm(open, null);
  if (o === null || o >= DAY) return null;
  const c = parseHhmm(close, o);
  if (c === null || c <= o || c - o > DAY) return null;
  return { day: d, open: o, close: c };
}

/** Segments of an hours string (named segments' labels are dropped); null when malformed. */
function parseHoursText(text: string): Segment[] | null {
  const out: Segment[] = [];
  for (const part of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const [day, open, close] = part.split(',');
    const s = parseSegment(day, open, close);
    if (!s) return null;
    out.push(s);
  }
  return out;
}

/** Place details `hours` ({ regular: [{ day, open, close }] }) or an hours string, canonically. */
export function canonicalHours(value: unknown): string | undefined {
  let segments: Segment[] | null;
  if (typeof value === 'string') segments = parseHoursText(value);
  else if (isObject(value) && Array.isArray(value.regular)) {
    segments = value.regular.map((r) => (isObject(r) ? parseSegment(r.day, r.open, r.close) : null)).filter((s): s is Segment => s !== null);
  } else segments = [];
  return segments && segments.length > 0 ? segments.sort(order).map(segmentText).join(';') : undefined;
}

/** Tenpo's weekly hours for an hours string, or null when it cannot be read. */
export function regularHoursFromFoursquare(text: string): DayHours[] | null {
  const segments = parseHoursText(text);
  if (!segments) return null;
  const byDay = new Map<Weekday, TimeInterval[]>();
  for (const s of segments.sort(order)) {
    const day = WEEKDAYS[s.day - 1] as Weekday;
    const close = s.close > DAY ? s.close - DAY : s.close;
    byDay.set(day, [...(byDay.get(day) ?? []), { open: formatTime(s.open), close: formatTime(close) }]);
  }
  return WEEKDAYS.filter((d) => byDay.has(d)).map((day) => ({ day, intervals: byDay.get(day) as TimeInterval[] }));
}
