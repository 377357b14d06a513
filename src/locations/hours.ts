/**
 * Opening hours rules. Times are minutes since 00:00 (0..1440); an interval whose close is
 * not after its open passes midnight. open === close is rejected (INVALID_HOURS) rather than
 * read as "24 hours", because it is far more often a typo; 24 hours is written 00:00-24:00.
 */
import { z } from 'zod';
import { WEEKDAYS } from './model.ts';
import type { DayHours, FieldError, SpecialHours, TimeInterval } from './model.ts';
import { fieldError } from './text.ts';

const DAY = 24 * 60;
const WEEK = 7 * DAY;

export const hoursLimits = {
  specialHoursMaxDays: 366,
} as const;

const intervalSchema = z.strictObject({ open: z.string(), close: z.string() });
const intervalsSchema = z
  .array(intervalSchema)
  .nullish()
  .transform((v) => v ?? []);

export const regularHoursSchema = z
  .array(z.strictObject({ day: z.enum(WEEKDAYS), intervals: intervalsSchema }))
  .nullish()
  .transform((v) => v ?? []);

export const specialHoursSchema = z
  .array(
    z.strictObject({
      startDate: z.string(),
      endDate: z.string().nullish(),
      closed: z.boolean(),
      intervals: intervalsSchema,
    }),
  )
  .nullish()
  .transform((v) => v ?? []);

type RawDayHours = z.output<typeof regularHoursSchema>[number];
type RawSpecialHours = z.output<typeof specialHoursSchema>[number];

/** "HH:MM" or "H:MM" to minutes since 00:00; 24:00 is allowed (as a close). Null if malformed. */
export function parseTime(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Minutes since 00:00 (0..1440) to "HH:MM". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** ISO "YYYY-MM-DD" of a date that exists, to days since 1970-01-01; null otherwise. */
export function parseIsoDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / (DAY * 60_000));
}

/** [start, end) in minutes from the start of a day; end may pass 1440 for overnight intervals. */
export function intervalMinutes(interval: TimeInterval): { start: number; end: number } | null {
  const start = parseTime(interval.open);
  const close = parseTime(interval.close);
  if (start === null || close === null || start === DAY || start === close) return null;
  return { start, end: close > start ? close : close + DAY };
}

export interface MinuteRange {
  /** Minutes since Monday 00:00, 0..10080; end is exclusive. */
  start: number;
  end: number;
}

function wrap(range: MinuteRange, period: number): MinuteRange[] {
  if (range.end <= period) return [range];
  return [{ start: range.start, end: period }, { start: 0, end: range.end - period }];
}

/** The week's open ranges, sorted; Sunday-night intervals wrap into Monday morning. */
export function weeklyMinuteRanges(days: readonly DayHours[]): MinuteRange[] {
  const ranges: MinuteRange[] = [];
  for (const { day, intervals } of days) {
    const offset = WEEKDAYS.indexOf(day) * DAY;
    for (const interval of intervals) {
      const r = intervalMinutes(interval);
      if (r) ranges.push(...wrap({ start: offset + r.start, end: offset + r.end }, WEEK));
    }
  }
  return ranges.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface Slot extends MinuteRange {
  path: string[];
  label: string;
}

/** Records one error per slot that overlaps an earlier one, on a timeline that repeats every `period`. */
function reportOverlaps(slots: Slot[], period: number, errors: FieldError[]): void {
  const pieces = slots
    .flatMap((slot) => wrap(slot, period).map((r) => ({ ...r, slot })))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const reported = new Set<Slot>();
  let reach: (typeof pieces)[number] | undefined;
  for (const piece of pieces) {
    if (reach && piece.start < reach.end && !reported.has(piece.slot)) {
      reported.add(piece.slot);
      errors.push(fieldError('INVALID_HOURS', piece.slot.path, `${piece.slot.label} overlaps ${reach.slot.label}`));
    }
    if (!reach || piece.end > reach.end) reach = piece;
  }
}

interface CheckedInterval {
  interval: TimeInterval;
  range: { start: number; end: number };
  path: string[];
}

function checkInterval(raw: TimeInterval, path: string[], errors: FieldError[]): CheckedInterval | null {
  const open = parseTime(raw.open);
  const close = parseTime(raw.close);
  const before = errors.length;
  if (open === null) errors.push(fieldError('INVALID_HOURS', [...path, 'open'], `Opening time "${raw.open.slice(0, 20)}" is not a time between 00:00 and 23:59`));
  else if (open === DAY) errors.push(fieldError('INVALID_HOURS', [...path, 'open'], '24:00 can only be a closing time; use 00:00 to open at midnight'));
  if (close === null) errors.push(fieldError('INVALID_HOURS', [...path, 'close'], `Closing time "${raw.close.slice(0, 20)}" is not a time between 00:00 and 24:00`));
  if (errors.length > before || open === null || close === null) return null;
  if (open === close) {
    errors.push(fieldError('INVALID_HOURS', [...path, 'close'], 'Closing time equals opening time; for 24 hours use 00:00-24:00'));
    return null;
  }
  // A close at 00:00 ends at midnight, the same instant as 24:00; store one spelling.
  const closeText = close === 0 ? formatTime(DAY) : formatTime(close);
  return {
    interval: { open: formatTime(open), close: closeText },
    range: { start: open, end: close > open ? close : close + DAY },
    path,
  };
}

function checkIntervals(raws: TimeInterval[], path: string[], errors: FieldError[]): CheckedInterval[] {
  const checked: CheckedInterval[] = [];
  raws.forEach((raw, i) => {
    const c = checkInterval(raw, [...path, String(i)], errors);
    if (c) checked.push(c);
  });
  return checked;
}

function sortedIntervals(checked: CheckedInterval[]): TimeInterval[] {
  return checked
    .map((c) => c.interval)
    .sort((a, b) => (a.open < b.open ? -1 : a.open > b.open ? 1 : 0));
}

function describe(interval: TimeInterval): string {
  return `${interval.open}-${interval.close}`;
}

/** Validates and normalizes weekly hours; errors use paths under ["regularHours"]. */
export function checkRegularHours(raws: RawDayHours[], errors: FieldError[]): DayHours[] {
  const seen = new Set<string>();
  const slots: Slot[] = [];
  const days: DayHours[] = [];
  raws.forEach((raw, i) => {
    const path = ['regularHours', String(i)];
    const checked = checkIntervals(raw.intervals, [...path, 'intervals'], errors);
    if (seen.has(raw.day)) {
      errors.push(fieldError('INVALID_HOURS', [...path, 'day'], `${raw.day} is listed more than once; put all its intervals in one entry`));
      return;
    }
    seen.add(raw.day);
    const offset = WEEKDAYS.indexOf(raw.day) * DAY;
    for (const c of checked) {
      const label = `${raw.day} ${describe(c.interval)}`;
      slots.push({ start: offset + c.range.start, end: offset + c.range.end, path: c.path, label });
    }
    if (checked.length > 0) days.push({ day: raw.day, intervals: sortedIntervals(checked) });
  });
  reportOverlaps(slots, WEEK, errors);
  return days.sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
}

interface DatedEntry {
  value: SpecialHours;
  first: number;
  last: number;
  index: number;
}

function checkSpecialEntry(raw: RawSpecialHours, index: number, errors: FieldError[]): DatedEntry | null {
  const path = ['specialHours', String(index)];
  const before = errors.length;
  const endText = raw.endDate ?? raw.startDate;
  const first = parseIsoDate(raw.startDate);
  const last = parseIsoDate(endText);
  if (first === null) errors.push(fieldError('INVALID_HOURS', [...path, 'startDate'], `Start date "${raw.startDate.slice(0, 20)}" is not an existing date in YYYY-MM-DD form`));
  if (last === null && raw.endDate != null) errors.push(fieldError('INVALID_HOURS', [...path, 'endDate'], `End date "${raw.endDate.slice(0, 20)}" is not an existing date in YYYY-MM-DD form`));
  if (first !== null && last !== null) {
    if (last < first) errors.push(fieldError('INVALID_HOURS', [...path, 'endDate'], 'End date is before the start date'));
    else if (last - first + 1 > hoursLimits.specialHoursMaxDays) {
      errors.push(fieldError('INVALID_HOURS', [...path, 'endDate'], `A special-hours entry may cover at most ${hoursLimits.specialHoursMaxDays} days; split it into several entries`));
    }
  }
  if (raw.closed && raw.intervals.length > 0) {
    errors.push(fieldError('INVALID_HOURS', [...path, 'intervals'], 'A closed day cannot have opening intervals; remove them or set closed to false'));
  }
  if (!raw.closed && raw.intervals.length === 0) {
    errors.push(fieldError('INVALID_HOURS', [...path, 'intervals'], 'Give at least one opening interval, or set closed to true'));
  }
  const checked = checkIntervals(raw.intervals, [...path, 'intervals'], errors);
  const dateLabel = first === last ? raw.startDate : `${raw.startDate} to ${endText}`;
  const slots = checked.map((c) => ({ ...c.range, path: c.path, label: `${dateLabel} ${describe(c.interval)}` }));
  // Over several days the same intervals repeat daily, so an overnight interval can run into
  // the next day's first one; a single day's spill-over meets regular hours, not itself.
  reportOverlaps(slots, first !== null && last !== null && last > first ? DAY : Infinity, errors);
  if (errors.length > before || first === null || last === null) return null;
  const value = { startDate: raw.startDate, endDate: endText, closed: raw.closed, intervals: sortedIntervals(checked) };
  return { value, first, last, index };
}

/** Validates and normalizes date-specific hours; errors use paths under ["specialHours"]. */
export function checkSpecialHours(raws: RawSpecialHours[], errors: FieldError[]): SpecialHours[] {
  const entries = raws
    .map((raw, i) => checkSpecialEntry(raw, i, errors))
    .filter((e): e is DatedEntry => e !== null)
    .sort((a, b) => a.first - b.first || a.last - b.last || a.index - b.index);
  let reach: DatedEntry | undefined;
  for (const entry of entries) {
    if (reach && entry.first <= reach.last) {
      const other = `${reach.value.startDate} to ${reach.value.endDate}`;
      errors.push(fieldError('INVALID_HOURS', ['specialHours', String(entry.index)], `Dates overlap another special-hours entry (${other}); each date may appear in one entry only`));
    }
    if (!reach || entry.last > reach.last) reach = entry;
  }
  return entries.map((e) => e.value);
}
