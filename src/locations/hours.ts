/**
 * Opening hours rules. Times are minutes since 00:00 (0..1440); an interval whose close is
 * not after its open passes midnight. open === close is rejected (INVALID_HOURS) rather than
 * read as "24 hours", because it is far more often a typo; 24 hours is written 00:00-24:00.
 */
import { z } from 'zod';
import { WEEKDAYS } from './model.ts';
import type { DayHours, FieldError, SpecialHours, TimeInterval } from './model.ts';
import { enumReader, plainRecord, readList, shapeKeys } from './plain.ts';
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

const dayHoursSchema = z.strictObject({ day: z.enum(WEEKDAYS), intervals: intervalsSchema });

export const regularHoursSchema = z
  .array(dayHoursSchema)
  .nullish()
  .transform((v) => v ?? []);

const specialEntrySchema = z.strictObject({
  startDate: z.string(),
  endDate: z.string().nullish(),
  closed: z.boolean(),
  intervals: intervalsSchema,
});

export const specialHoursSchema = z
  .array(specialEntrySchema)
  .nullish()
  .transform((v) => v ?? []);

type RawDayHours = z.output<typeof regularHoursSchema>[number];
type RawSpecialHours = z.output<typeof specialEntrySchema>;

// Plain-data readers for the schemas above; undefined means "not sure, ask zod" (see plain.ts).
const INTERVAL_KEYS = shapeKeys(intervalSchema.shape);
const DAY_KEYS = shapeKeys(dayHoursSchema.shape);
const SPECIAL_KEYS = shapeKeys(specialEntrySchema.shape);
const readWeekday = enumReader(WEEKDAYS);

function readInterval(value: unknown): TimeInterval | undefined {
  const raw = plainRecord(value, INTERVAL_KEYS);
  if (raw === undefined) return undefined;
  const { open, close } = raw;
  return typeof open === 'string' && typeof close === 'string' ? { open, close } : undefined;
}

function readDayHours(value: unknown): RawDayHours | undefined {
  const raw = plainRecord(value, DAY_KEYS);
  if (raw === undefined) return undefined;
  const day = readWeekday(raw.day);
  const intervals = readList(raw.intervals, readInterval);
  return day === undefined || intervals === undefined ? undefined : { day, intervals };
}

function readSpecialEntry(value: unknown): RawSpecialHours | undefined {
  const raw = plainRecord(value, SPECIAL_KEYS);
  if (raw === undefined) return undefined;
  const { startDate, endDate, closed } = raw;
  if (typeof startDate !== 'string' || typeof closed !== 'boolean') return undefined;
  const intervals = readList(raw.intervals, readInterval);
  if (intervals === undefined) return undefined;
  // endDate is nullish without a default: zod keeps null as null and undefined (present or
  // absent) as undefined, and the rules below treat both alike.
  if (endDate === undefined || endDate === null || typeof endDate === 'string') return { startDate, endDate, closed, intervals };
  return undefined;
}

/** regularHoursSchema for plain data. */
export function readRegularHours(value: unknown): RawDayHours[] | undefined {
  return readList(value, readDayHours);
}

/** specialHoursSchema for plain data. */
export function readSpecialHours(value: unknown): RawSpecialHours[] | undefined {
  return readList(value, readSpecialEntry);
}

/** The digit at `i` as a number, or -1 (also past the end): what \d (ASCII only) matches. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** "HH:MM" or "H:MM" to minutes since 00:00; 24:00 is allowed (as a close). Null if malformed. */
export function parseTime(s: string): number | null {
  // By hand rather than /^(\d{1,2}):(\d{2})$/ (the same language): it runs for every interval
  // of every imported store, and the regex's match array and Number() calls showed in profiles.
  const n = s.length;
  if ((n !== 4 && n !== 5) || s.charCodeAt(n - 3) !== 0x3a) return null;
  const h1 = n === 5 ? digitAt(s, 0) : 0;
  const h0 = digitAt(s, n - 4);
  const m1 = digitAt(s, n - 2);
  const m0 = digitAt(s, n - 1);
  if (h1 < 0 || h0 < 0 || m1 < 0 || m0 < 0) return null;
  const hours = h1 * 10 + h0;
  const minutes = m1 * 10 + m0;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

function timeText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// Every valid time's spelling, made once: normalizing hours formats two times per interval.
const TIME_TEXT: readonly string[] = Array.from({ length: DAY + 1 }, (_, minutes) => timeText(minutes));

/** Minutes since 00:00 (0..1440) to "HH:MM". */
export function formatTime(minutes: number): string {
  return TIME_TEXT[minutes] ?? timeText(minutes);
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

type HoursField = 'regularHours' | 'specialHours';

interface CheckedInterval {
  /** The normalized spelling. */
  interval: TimeInterval;
  /** [start, end) in minutes from the start of its day; end passes 1440 overnight. */
  start: number;
  end: number;
  /** Position in the input list, for error paths. */
  index: number;
}

/**
 * A checked interval on a timeline. Its error path and label are built only when an overlap is
 * reported: building them for every interval of every store cost more than the check itself.
 */
interface Slot {
  start: number;
  end: number;
  field: HoursField;
  entry: number;
  /** What the label starts with: the weekday or the dates. */
  prefix: string;
  checked: CheckedInterval;
}

function intervalPath(field: HoursField, entry: number, index: number): string[] {
  return [field, String(entry), 'intervals', String(index)];
}

function slotPath(slot: Slot): string[] {
  return intervalPath(slot.field, slot.entry, slot.checked.index);
}

function slotLabel(slot: Slot): string {
  return `${slot.prefix} ${slot.checked.interval.open}-${slot.checked.interval.close}`;
}

/**
 * Sorts in place into exactly the order Array.prototype.sort gives (both are stable), by
 * insertion for the few items a store has, where the built-in sort's set-up dominates. Nothing
 * limits how many intervals an input lists, so long lists still get the built-in sort.
 */
function sortFew<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    for (; j >= 0 && compare(items[j] as T, item) > 0; j--) items[j + 1] = items[j] as T;
    items[j + 1] = item;
  }
  return items;
}

interface Piece extends MinuteRange {
  slot: Slot;
}

const byRange = (a: MinuteRange, b: MinuteRange): number => a.start - b.start || a.end - b.end;
const byOpen = (a: TimeInterval, b: TimeInterval): number => (a.open < b.open ? -1 : a.open > b.open ? 1 : 0);
const byWeekday = (a: DayHours, b: DayHours): number => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day);

/** Records one error per slot that overlaps an earlier one, on a timeline that repeats every `period`. */
function reportOverlaps(slots: Slot[], period: number, errors: FieldError[]): void {
  const pieces: Piece[] = [];
  for (const slot of slots) {
    if (slot.end <= period) pieces.push({ start: slot.start, end: slot.end, slot });
    else pieces.push({ start: slot.start, end: period, slot }, { start: 0, end: slot.end - period, slot });
  }
  sortFew(pieces, byRange);
  let reported: Set<Slot> | undefined;
  let reach: Piece | undefined;
  for (const piece of pieces) {
    if (reach && piece.start < reach.end && !reported?.has(piece.slot)) {
      (reported ??= new Set()).add(piece.slot);
      errors.push(fieldError('INVALID_HOURS', slotPath(piece.slot), `${slotLabel(piece.slot)} overlaps ${slotLabel(reach.slot)}`));
    }
    if (!reach || piece.end > reach.end) reach = piece;
  }
}

function checkInterval(raw: TimeInterval, field: HoursField, entry: number, index: number, errors: FieldError[]): CheckedInterval | null {
  const open = parseTime(raw.open);
  const close = parseTime(raw.close);
  if (open === null || open === DAY || close === null) {
    const path = intervalPath(field, entry, index);
    if (open === null) errors.push(fieldError('INVALID_HOURS', [...path, 'open'], `Opening time "${raw.open.slice(0, 20)}" is not a time between 00:00 and 23:59`));
    else if (open === DAY) errors.push(fieldError('INVALID_HOURS', [...path, 'open'], '24:00 can only be a closing time; use 00:00 to open at midnight'));
    if (close === null) errors.push(fieldError('INVALID_HOURS', [...path, 'close'], `Closing time "${raw.close.slice(0, 20)}" is not a time between 00:00 and 24:00`));
    return null;
  }
  if (open === close) {
    errors.push(fieldError('INVALID_HOURS', [...intervalPath(field, entry, index), 'close'], 'Closing time equals opening time; for 24 hours use 00:00-24:00'));
    return null;
  }
  // A close at 00:00 ends at midnight, the same instant as 24:00; store one spelling.
  const interval = { open: formatTime(open), close: formatTime(close === 0 ? DAY : close) };
  return { interval, start: open, end: close > open ? close : close + DAY, index };
}

function checkIntervals(raws: TimeInterval[], field: HoursField, entry: number, errors: FieldError[]): CheckedInterval[] {
  const checked: CheckedInterval[] = [];
  for (let i = 0; i < raws.length; i++) {
    const c = checkInterval(raws[i] as TimeInterval, field, entry, i, errors);
    if (c) checked.push(c);
  }
  return checked;
}

function sortedIntervals(checked: CheckedInterval[]): TimeInterval[] {
  const intervals: TimeInterval[] = [];
  for (const c of checked) intervals.push(c.interval);
  return sortFew(intervals, byOpen);
}

/** Validates and normalizes weekly hours; errors use paths under ["regularHours"]. */
export function checkRegularHours(raws: RawDayHours[], errors: FieldError[]): DayHours[] {
  let seen = 0; // one bit per weekday
  const slots: Slot[] = [];
  const days: DayHours[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as RawDayHours;
    const checked = checkIntervals(raw.intervals, 'regularHours', i, errors);
    const weekday = WEEKDAYS.indexOf(raw.day);
    if (seen & (1 << weekday)) {
      errors.push(fieldError('INVALID_HOURS', ['regularHours', String(i), 'day'], `${raw.day} is listed more than once; put all its intervals in one entry`));
      continue;
    }
    seen |= 1 << weekday;
    const offset = weekday * DAY;
    for (const c of checked) {
      slots.push({ start: offset + c.start, end: offset + c.end, field: 'regularHours', entry: i, prefix: raw.day, checked: c });
    }
    if (checked.length > 0) days.push({ day: raw.day, intervals: sortedIntervals(checked) });
  }
  reportOverlaps(slots, WEEK, errors);
  return sortFew(days, byWeekday);
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
  const checked = checkIntervals(raw.intervals, 'specialHours', index, errors);
  const dateLabel = first === last ? raw.startDate : `${raw.startDate} to ${endText}`;
  const slots: Slot[] = [];
  for (const c of checked) slots.push({ start: c.start, end: c.end, field: 'specialHours', entry: index, prefix: dateLabel, checked: c });
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
