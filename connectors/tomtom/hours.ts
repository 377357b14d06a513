/**
 * Opening hours in OpenStreetMap's `opening_hours` syntax (wiki.openstreetmap.org/wiki/Key:opening_hours),
 * the syntax of the OSM data TomTom Orbis Maps is built with. Past midnight is written plainly
 * ("17:00-02:00"); a close at midnight is "24:00". Special dates follow the weekly rules in the
 * same value, since a later OSM rule overrides an earlier one for the days it names:
 * "Mo 11:00-15:00,17:00-02:00; Sa 11:00-22:00; 2030 Dec 31 off; 2031 Jan 02 18:00-01:30".
 */
import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../src/locations/model.ts';
import { intervalMinutes, parseIsoDate } from '../../src/locations/hours.ts';

const OSM_DAY: Readonly<Record<Weekday, string>> = { MONDAY: 'Mo', TUESDAY: 'Tu', WEDNESDAY: 'We', THURSDAY: 'Th', FRIDAY: 'Fr', SATURDAY: 'Sa', SUNDAY: 'Su' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ranges(intervals: readonly TimeInterval[]): string {
  return intervals
    .filter((i) => intervalMinutes(i) !== null)
    .map((i) => `${i.open}-${i.close === '00:00' ? '24:00' : i.close}`)
    .join(',');
}

function osmDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y} ${MONTHS[Number(m) - 1]} ${d}`;
}

export function osmOpeningHours(days: readonly DayHours[], special: readonly SpecialHours[]): string | undefined {
  const rules = days.filter((d) => ranges(d.intervals) !== '').map((d) => `${OSM_DAY[d.day]} ${ranges(d.intervals)}`);
  for (const e of special) {
    if (parseIsoDate(e.startDate) === null || parseIsoDate(e.endDate) === null) continue;
    const dates = e.startDate === e.endDate ? osmDate(e.startDate) : `${osmDate(e.startDate)}-${osmDate(e.endDate)}`;
    const hours = e.closed ? 'off' : ranges(e.intervals);
    if (hours !== '') rules.push(`${dates} ${hours}`);
  }
  return rules.length > 0 ? rules.join('; ') : undefined;
}
