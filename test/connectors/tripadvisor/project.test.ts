/** Tripadvisor's rules and projection: which stores it takes, and what must change first. */
import { describe, expect, it } from 'vitest';
import { connector, location } from './helpers.ts';

const project = (overrides: Record<string, unknown> = {}) => connector().project(location(overrides), { settings: {} });
const projection = (overrides: Record<string, unknown> = {}) => {
  const r = project(overrides);
  if (!r.ok) throw new Error(`expected a projection: ${JSON.stringify(r.problems)}`);
  return r;
};
const problems = (overrides: Record<string, unknown>) => {
  const r = project(overrides);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('eligibility', () => {
  it('takes restaurants, hotels and attractions as Tripadvisor’s own categories', () => {
    expect(projection().projection.categories).toEqual({ primary: 'restaurant', additional: [] });
    expect(projection({ primaryCategory: 'hotel.ryokan' }).projection.categories).toEqual({ primary: 'hotel', additional: [] });
    expect(projection({ primaryCategory: 'karaoke' }).projection.categories).toEqual({ primary: 'attraction', additional: [] });
  });

  it('does not take other businesses', () => {
    expect(problems({ primaryCategory: 'dental_clinic' })).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', field: 'primaryCategory', rule: 'tripadvisor.category.notEligible' })]);
  });
});

describe('projection', () => {
  it('keeps the Japanese address whole: prefecture, city, district, lines, building and postal code', () => {
    expect(projection().projection.address).toMatchObject({ country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂四丁目', lines: ['３番２号'], building: '赤坂ビル５F' });
  });

  it('keeps hours past midnight as such', () => {
    expect(projection().projection.hours).toMatchObject({ osm: 'Mo 11:00-15:00,17:00-02:00; Sa 11:00-22:00' });
  });

  it('sends a temporary closure with its reopening date, and special hours', () => {
    const p = projection({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-03-01', specialHours: [{ startDate: '2030-12-31', endDate: '2030-12-31', closed: true, intervals: [] }] }).projection;
    expect(p.status).toEqual({ status: 'CLOSED_TEMPORARILY', date: '2030-03-01' });
    expect(p.specialHours).toMatchObject({ osm: '2030 Dec 31 off' });
  });

  it('asks for a shorter description instead of truncating it', () => {
    // Tenpo itself stops at 5,000 characters today; the rule holds should that limit rise.
    const long = connector().project({ ...location(), description: 'x'.repeat(5001) }, { settings: {} });
    expect(long.ok ? [] : long.problems).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'tripadvisor.description.maxLength' })]);
    expect(projection({ description: 'x'.repeat(5000) }).projection.description).toBe('x'.repeat(5000));
  });

  it('lists what Tripadvisor has no place for', () => {
    const r = projection({ additionalCategories: ['hotel'], additionalPhones: ['03-1234-9999'] });
    expect(r.notSupported.sort()).toEqual(['additionalCategories', 'additionalPhones', 'labels', 'localizedNames']);
    expect(r.projection.categories).toEqual({ primary: 'restaurant', additional: [] });
  });
});
