/**
 * Opening hours in the Graph API's Page `hours` map and back. The Page reference: "Each day can
 * have 2 different hours ranges. The keys in the map are in the form of {day}_{number}_{status}"
 * (`mon_1_open`, `mon_1_close`, `mon_2_open` …), values "HH:MM". A range that passes midnight keeps
 * its close on the same day's key with an earlier time (`fri_1_open` 18:00, `fri_1_close` 02:00),
 * which is how Tenpo spells it too (close not after open = next day). Facebook has no 24:00, so a
 * close at the end of the day is written 00:00; read back, 00:00 is the end of the day again.
 * Special hours have no Page field at all (see project.ts).
 */
import { WEEKDAYS } from '../../src/locations/model.ts';
import type { DayHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { formatTime, parseTime } from '../../src/locations/hours.ts';
import type { JsonObject } from './keys.ts';
import { isObject } from './keys.ts';

/** "Each day can have 2 different hours ranges." */
export const INTERVALS_PER_DAY_MAX = 2;

const PREFIX: Readonly<Record<Weekday, string>> = {
  MONDAY: 'mon', TUESDAY: 'tue', WEDNESDAY: 'wed', THURSDAY: 'thu', FRIDAY: 'fri', SATURDAY: 'sat', SUNDAY: 'sun',
};

const DAY = 24 * 60;

function fbTime(minutes: number): string {
  return formatTime(minutes % DAY);
}

function sorted(intervals: readonly TimeInterval[]): TimeInterval[] {
  return [...intervals].sort((a, b) => (parseTime(a.open) ?? 0) - (parseTime(b.open) ?? 0));
}

/** Tenpo's weekly hours as the Page `hours` map, keys in a fixed order; undefined when there are none. */
export function projectHours(days: readonly DayHours[]): JsonObject | undefined {
  const out: JsonObject = {};
  for (const day of WEEKDAYS) {
    const intervals = sorted(days.find((d) => d.day === day)?.intervals ?? []);
    intervals.slice(0, INTERVALS_PER_DAY_MAX).forEach((interval, i) => {
      const open = parseTime(interval.open);
      const close = parseTime(interval.close);
      if (open === null || close === null) return;
      out[`${PREFIX[day]}_${i + 1}_open`] = fbTime(open);
      out[`${PREFIX[day]}_${i + 1}_close`] = fbTime(close);
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The map as the projection holds it: only well-formed day keys, in the fixed order. */
export function normalizeHours(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const days = hoursFromFacebook(value);
  return days === null ? undefined : projectHours(days);
}

/** Tenpo's weekly hours for a Page `hours` map, or null when a range is incomplete or malformed. */
export function hoursFromFacebook(value: unknown): DayHours[] | null {
  if (!isObject(value)) return null;
  const out: DayHours[] = [];
  for (const day of WEEKDAYS) {
    const intervals: TimeInterval[] = [];
    for (let n = 1; n <= INTERVALS_PER_DAY_MAX; n++) {
      const open = value[`${PREFIX[day]}_${n}_open`];
      const close = value[`${PREFIX[day]}_${n}_close`];
      if (open === undefined && close === undefined) continue;
      if (typeof open !== 'string' || typeof close !== 'string') return null;
      const o = parseTime(open);
      const c = parseTime(close);
      if (o === null || c === null || o === DAY) return null;
      // 00:00 as a close is midnight at the end of the open day.
      intervals.push({ open: formatTime(o), close: c === 0 ? '24:00' : formatTime(c) });
    }
    if (intervals.length > 0) out.push({ day, intervals: sorted(intervals) });
  }
  return out;
}
