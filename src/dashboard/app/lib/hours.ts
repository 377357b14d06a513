/** Opening hours as the store form edits them, and back to the API's shape. */
import { WEEKDAYS, type DayHours, type SpecialHours, type TimeInterval, type Weekday } from '../api/types.ts';

export interface DayDraft {
  closed: boolean;
  intervals: TimeInterval[];
}

export type WeekDraft = Record<Weekday, DayDraft>;

export interface SpecialDraft {
  /** A React key that survives reordering and removal. */
  key: number;
  startDate: string;
  endDate: string;
  closed: boolean;
  intervals: TimeInterval[];
}

export const DEFAULT_INTERVAL: TimeInterval = { open: '09:00', close: '18:00' };

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const isTime = (value: string): boolean => TIME.test(value);

/** A close not after the open runs into the next day; 00:00 and 24:00 are midnight, the same day's end. */
export function passesMidnight(interval: TimeInterval): boolean {
  if (!isTime(interval.open) || !isTime(interval.close)) return false;
  if (interval.close === '00:00' || interval.close === '24:00') return false;
  return interval.close <= interval.open;
}

export function weekFromApi(days: DayHours[]): WeekDraft {
  const week = {} as WeekDraft;
  for (const day of WEEKDAYS) {
    const found = days.find((d) => d.day === day);
    week[day] = found && found.intervals.length > 0 ? { closed: false, intervals: found.intervals.map((i) => ({ ...i })) } : { closed: true, intervals: [] };
  }
  return week;
}

/** Every weekday in order, a closed one with no intervals: so an error's index is the weekday's. */
export function weekToApi(week: WeekDraft): DayHours[] {
  return WEEKDAYS.map((day) => ({ day, intervals: week[day].closed ? [] : week[day].intervals.map((i) => ({ open: i.open.trim(), close: i.close.trim() })) }));
}

let nextKey = 1;

export function newSpecialDraft(startDate: string): SpecialDraft {
  return { key: nextKey++, startDate, endDate: startDate, closed: true, intervals: [] };
}

export function specialFromApi(list: SpecialHours[]): SpecialDraft[] {
  return list.map((s) => ({ key: nextKey++, startDate: s.startDate, endDate: s.endDate, closed: s.closed, intervals: s.intervals.map((i) => ({ ...i })) }));
}

export function specialToApi(list: SpecialDraft[]): SpecialHours[] {
  return list.map((s) => ({
    startDate: s.startDate,
    endDate: s.endDate || s.startDate,
    closed: s.closed,
    intervals: s.closed ? [] : s.intervals.map((i) => ({ open: i.open.trim(), close: i.close.trim() })),
  }));
}

/** The error paths the hours editors show next to an input, for the drafts as they are. */
export function hoursErrorKeys(week: WeekDraft, special: SpecialDraft[]): string[] {
  const keys: string[] = [];
  WEEKDAYS.forEach((day, i) => {
    keys.push(`regularHours.${i}`, `regularHours.${i}.day`, `regularHours.${i}.intervals`);
    week[day].intervals.forEach((_, j) => keys.push(...intervalKeys(`regularHours.${i}.intervals.${j}`)));
  });
  special.forEach((entry, i) => {
    const base = `specialHours.${i}`;
    keys.push(base, `${base}.startDate`, `${base}.endDate`, `${base}.closed`, `${base}.intervals`);
    entry.intervals.forEach((_, j) => keys.push(...intervalKeys(`${base}.intervals.${j}`)));
  });
  return keys;
}

const intervalKeys = (base: string): string[] => [base, `${base}.open`, `${base}.close`];
