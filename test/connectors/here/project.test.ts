/** What HERE gets for a store, and what Tenpo refuses to send before HERE can reject it. */
import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';

const project = (overrides: Record<string, unknown> = {}) => connector().project(location(overrides), { settings: {} });
const problems = (overrides: Record<string, unknown>) => {
  const r = project(overrides);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('HERE projection', () => {
  it('writes a Japanese address in HERE fields: alpha-3 country, prefecture as state, street lines as written, building apart', () => {
    expect(projectionOf(location()).address).toEqual({
      countryCode: 'JPN',
      state: '東京都',
      city: '港区',
      district: '赤坂四丁目',
      street: '３番２号',
      building: '赤坂ビル５F',
      postalCode: '107-0052',
    });
  });

  it('states past-midnight hours as a start and a duration, several intervals a day, closed days left out', () => {
    expect(projectionOf(location()).openingHours).toEqual([
      { start: 'T110000', duration: 'PT04H00M', recurrence: 'FREQ:DAILY;BYDAY:MO' },
      { start: 'T170000', duration: 'PT09H00M', recurrence: 'FREQ:DAILY;BYDAY:MO' },
      { start: 'T110000', duration: 'PT11H00M', recurrence: 'FREQ:DAILY;BYDAY:SA' },
    ]);
  });

  it('groups days with the same interval into one recurrence, as HERE answers', () => {
    const hours = ['MONDAY', 'TUESDAY', 'FRIDAY'].map((day) => ({ day, intervals: [{ open: '10:00', close: '00:00' }] }));
    expect(projectionOf(location({ regularHours: hours })).openingHours).toEqual([{ start: 'T100000', duration: 'PT14H00M', recurrence: 'FREQ:DAILY;BYDAY:MO,TU,FR' }]);
  });

  it('writes special hours per date: closed days and different hours, past midnight too', () => {
    const specialHours = [
      { startDate: '2030-12-31', endDate: '2031-01-01', closed: true, intervals: [] },
      { startDate: '2031-01-02', endDate: '2031-01-02', closed: false, intervals: [{ open: '18:00', close: '01:30' }] },
    ];
    expect(projectionOf(location({ specialHours })).specialHours).toEqual([
      { date: '2030-12-31', closed: true },
      { date: '2031-01-01', closed: true },
      { date: '2031-01-02', start: 'T180000', duration: 'PT07H30M' },
    ]);
  });

  it('keeps the reopening date of a temporary closure and the opening date of a store opening soon', () => {
    expect(projectionOf(location({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-03-01' })).status).toEqual({ status: 'temporarily_closed', date: '2030-03-01' });
    expect(projectionOf(location({ status: 'CLOSED_TEMPORARILY' })).status).toEqual({ status: 'temporarily_closed' });
    expect(projectionOf(location({ status: 'OPENING_SOON', statusDate: '2030-04-01' })).status).toEqual({ status: 'opening_soon', date: '2030-04-01' });
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).status).toEqual({ status: 'permanently_closed' });
  });

  it('maps categories to HERE ids, falling back to the parent (HERE has no cuisine level), each id once', () => {
    expect(projectionOf(location({ primaryCategory: 'restaurant.ramen', additionalCategories: ['restaurant.sushi', 'cafe'] })).categories).toEqual({ primary: '100-1000-0000', additional: ['100-1100-0010'] });
  });

  it('asks for another category when HERE has no equivalent', () => {
    expect(problems({ primaryCategory: 'public_bath' })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'primaryCategory', rule: 'here.category.unmapped' })]);
  });

  it('never shortens: a description or a name too long is for the user to fix', () => {
    expect(problems({ description: 'あ'.repeat(501) })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'here.description.maxLength' })]);
    expect(project({ description: 'あ'.repeat(500) }).ok).toBe(true);
    expect(problems({ name: 'て'.repeat(101) })).toEqual([expect.objectContaining({ field: 'name', rule: 'here.name.maxLength' })]);
  });

  it('takes at most four additional categories and needs a primary phone before additional ones', () => {
    const five = ['cafe', 'bar', 'bakery', 'florist', 'bank'];
    expect(problems({ additionalCategories: five })).toEqual([expect.objectContaining({ field: 'additionalCategories', rule: 'here.categories.maxAdditional' })]);
    expect(project({ additionalCategories: five.slice(0, 4) }).ok).toBe(true);
    expect(problems({ primaryPhone: null, additionalPhones: ['03-9999-0000'] })).toEqual([expect.objectContaining({ field: 'primaryPhone', rule: 'here.phones.primaryRequired' })]);
  });

  it('does not take places in embargoed countries', () => {
    const address = { country: 'KP', postalCode: null, region: null, city: 'Pyongyang', district: null, lines: ['Street 1'], building: null };
    expect(problems({ address, primaryPhone: null })).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', rule: 'here.country.notServed' })]);
  });

  it('needs a street address to place a navigation POI', () => {
    const address = { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂四丁目', lines: [], building: null };
    expect(problems({ address })).toEqual([expect.objectContaining({ field: 'address', rule: 'here.address.streetRequired' })]);
  });

  it('lists the fields HERE has no place for, and sends phones primary first with translations of the name', () => {
    const r = project({ labels: ['a'], photos: [{ url: 'https://example.com/a.jpg', kind: 'EXTERIOR', caption: null }], additionalPhones: ['+81 3-9999-0000'] });
    if (!r.ok) throw new Error('expected a projection');
    expect(r.notSupported).toEqual(['labels', 'photos']);
    expect(r.projection.phones).toEqual(['+81312345678', '+81399990000']);
    expect(r.projection.localizedNames).toEqual({ en: 'Tenpo Akasaka' });
  });
});
