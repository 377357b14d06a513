import type { DayHours, SpecialHours, TimeInterval, Weekday } from '../../../src/locations/model.ts';

/**
 * Opening hours as OpenStreetMap's `opening_hours` syntax (wiki.openstreetmap.org/wiki/Key:opening_hours),
 * the one textual format that many directories and feeds document and that states hours past
 * midnight plainly ("17:00-02:00" closes at 2 a.m. the next day).
 */
const OSM_DAY: Readonly<Record<Weekday, string>> = {
  MONDAY: 'Mo',
  TUESDAY: 'Tu',
  WEDNESDAY: 'We',
  THURSDAY: 'Th',
  FRIDAY: 'Fr',
  SATURDAY: 'Sa',
  SUNDAY: 'Su',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ranges = (intervals: readonly TimeInterval[]): string => intervals.map((i) => `${i.open}-${i.close}`).join(',');

/** Days with no interval are closed, which OSM expresses by leaving them out. Empty when never open. */
export function osmRegularHours(days: readonly DayHours[]): string {
  return days
    .filter((d) => d.intervals.length > 0)
    .map((d) => `${OSM_DAY[d.day]} ${ranges(d.intervals)}`)
    .join('; ');
}

function osmDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y} ${MONTHS[Number(m) - 1]} ${d}`;
}

export function osmSpecialHours(entries: readonly SpecialHours[]): string {
  return entries
    .map((e) => {
      const dates = e.startDate === e.endDate ? osmDate(e.startDate) : `${osmDate(e.startDate)}-${osmDate(e.endDate)}`;
      return `${dates} ${e.closed ? 'off' : ranges(e.intervals)}`;
    })
    .join('; ');
}
