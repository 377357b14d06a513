/** What TomTom gets for a store, and what Tenpo refuses to send before TomTom can reject it. */
import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';

const project = (overrides: Record<string, unknown> = {}) => connector().project(location(overrides), { settings: {} });
const problems = (overrides: Record<string, unknown>) => {
  const r = project(overrides);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('TomTom projection', () => {
  it('writes a Japanese address the Japanese way round, the prefecture as its ISO 3166-2 code', () => {
    expect(projectionOf(location()).address).toEqual({ country: 'JP', freeform: '赤坂四丁目３番２号 赤坂ビル５F', locality: '港区', postcode: '107-0052', region: 'JP-13' });
  });

  it('writes hours in OSM syntax: past midnight plainly, several intervals a day, closed days left out, special dates after', () => {
    const specialHours = [
      { startDate: '2030-12-31', endDate: '2031-01-01', closed: true, intervals: [] },
      { startDate: '2031-01-02', endDate: '2031-01-02', closed: false, intervals: [{ open: '18:00', close: '00:00' }] },
    ];
    expect(projectionOf(location({ specialHours })).openingHours).toBe('Mo 11:00-15:00,17:00-02:00; Sa 11:00-22:00; 2030 Dec 31-2031 Jan 01 off; 2031 Jan 02 18:00-24:00');
  });

  it('closes temporarily without a reopening date (Overture has none), and opens soon on its opening date', () => {
    const closed = project({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-03-01' });
    if (!closed.ok) throw new Error('expected a projection');
    expect(closed.projection.operatingStatus).toEqual({ operating_status: 'temporarily_closed' });
    expect(closed.notSupported).toContain('statusDate');
    expect(projectionOf(location({ status: 'OPENING_SOON', statusDate: '2030-04-01' })).operatingStatus).toEqual({ operating_status: 'temporarily_closed', opening_date: '2030-04-01' });
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).operatingStatus).toEqual({ operating_status: 'permanently_closed' });
  });

  it('maps categories to Overture names, falling back to the parent, and places the POI by its coordinates', () => {
    const p = projectionOf(location({ primaryCategory: 'restaurant.tonkatsu', additionalCategories: ['restaurant.ramen', 'cafe'] }));
    expect(p.categories).toEqual({ primary: 'restaurant', alternate: ['noodles_restaurant', 'cafe'] });
    expect(p.geometry).toEqual({ type: 'Point', coordinates: [139.7365, 35.6727] });
  });

  it('refuses what TomTom would reject: no map position, an unmapped category, a description or name too long', () => {
    expect(problems({ latitude: null, longitude: null })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'latitude', rule: 'tomtom.geometry.required' })]);
    expect(problems({ primaryCategory: 'photo_studio' })).toEqual([expect.objectContaining({ field: 'primaryCategory', rule: 'tomtom.category.unmapped' })]);
    expect(problems({ description: 'x'.repeat(1001) })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'tomtom.description.maxLength' })]);
    expect(project({ description: 'x'.repeat(1000) }).ok).toBe(true);
    expect(problems({ name: 'n'.repeat(101) })).toEqual([expect.objectContaining({ field: 'name', rule: 'tomtom.name.maxLength' })]);
    expect(problems({ additionalCategories: ['cafe', 'bar', 'bakery', 'florist', 'bank'] })).toEqual([expect.objectContaining({ field: 'additionalCategories', rule: 'tomtom.categories.maxAlternate' })]);
  });

  it('does not take places in embargoed countries', () => {
    const address = { country: 'IR', postalCode: null, region: null, city: 'Tehran', district: null, lines: ['Street 1'], building: null };
    expect(problems({ address, primaryPhone: null, latitude: 35.7, longitude: 51.4 })).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', rule: 'tomtom.country.notServed' })]);
  });

  it('lists the fields TomTom has no place for', () => {
    const r = project({ attributes: [], labels: ['x'], photos: [{ url: 'https://example.com/a.jpg', kind: 'EXTERIOR', caption: null }] });
    if (!r.ok) throw new Error('expected a projection');
    expect(r.notSupported).toEqual(['labels', 'photos']);
  });
});
