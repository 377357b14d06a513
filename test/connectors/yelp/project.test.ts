/** Yelp's projection and rules: what a store looks like on Yelp, and what must change first. */
import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';

const project = (overrides: Record<string, unknown>) => connector().project(location(overrides), { settings: {} });
const problems = (overrides: Record<string, unknown>) => {
  const r = project(overrides);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('address', () => {
  it('writes a Japanese address as on an envelope: district and street first, building on its own line', () => {
    expect(projectionOf(location()).location).toEqual({
      address1: '赤坂四丁目３番２号',
      address2: '赤坂ビル５F',
      address3: null,
      city: '港区',
      state: '東京都',
      postal_code: '107-0052',
      country: 'JP',
    });
  });

  it('puts a foreign district after the street lines', () => {
    const loc = location({ address: { country: 'US', postalCode: '94109', region: 'CA', city: 'San Francisco', district: 'Russian Hill', lines: ['800 N Point St'], building: null }, primaryPhone: '+14157492060' });
    expect(projectionOf(loc).location).toMatchObject({ address1: '800 N Point St', address2: 'Russian Hill', address3: null, state: 'CA', postal_code: '94109' });
  });

  it('refuses characters Yelp does not take in address lines, naming the line', () => {
    const found = problems({ address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂', lines: ['4-3-2'], building: 'ビル・アネックス' } });
    expect(found).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'address', rule: 'yelp.address.characters' })]);
    expect(found[0]?.message).toContain('ビル・アネックス');
  });

  it('refuses more than three lines, the building included', () => {
    const found = problems({ address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂', lines: ['4-3-2', '別館', '2階'], building: '赤坂ビル' } });
    expect(found.map((p) => p.rule)).toEqual(['yelp.address.maxLines']);
  });
});

describe('hours', () => {
  it('spells an interval past midnight as Yelp does: end not after start, overnight', () => {
    expect(projectionOf(location()).hours).toEqual([
      { day: 0, start: '1100', end: '1500', is_overnight: false },
      { day: 0, start: '1700', end: '0200', is_overnight: true },
      { day: 5, start: '1100', end: '2200', is_overnight: false },
    ]);
  });

  it('gives both spellings of a midnight close the same Yelp entry, and leaves closed days out', () => {
    const a = projectionOf(location({ regularHours: [{ day: 'FRIDAY', intervals: [{ open: '18:00', close: '24:00' }] }, { day: 'SUNDAY', intervals: [] }] }));
    const b = projectionOf(location({ regularHours: [{ day: 'FRIDAY', intervals: [{ open: '18:00', close: '00:00' }] }] }));
    expect(a.hours).toEqual([{ day: 4, start: '1800', end: '0000', is_overnight: true }]);
    expect(b.hours).toEqual(a.hours);
  });

  it('spells special hours day by day: closed days, and other hours past midnight', () => {
    const p = projectionOf(
      location({
        specialHours: [
          { startDate: '2030-12-31', endDate: '2031-01-01', closed: true, intervals: [] },
          { startDate: '2030-12-24', endDate: '2030-12-24', closed: false, intervals: [{ open: '18:00', close: '03:00' }] },
        ],
      }),
    );
    expect(p.special_hours).toEqual([
      { date: '2030-12-24', is_closed: false, start: '1800', end: '0300', is_overnight: true },
      { date: '2030-12-31', is_closed: true },
      { date: '2031-01-01', is_closed: true },
    ]);
  });
});

describe('status', () => {
  it('shows a temporary closure, and says the reopening date has no place on Yelp', () => {
    const r = project({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-03-01' });
    if (!r.ok) throw new Error('expected a projection');
    expect(r.projection).toMatchObject({ is_closed: false, temporarily_closed: true });
    expect(r.notSupported).toContain('statusDate');
  });

  it('marks a permanent closure, and an open store as not closed', () => {
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' }))).toMatchObject({ is_closed: true });
    const open = projectionOf(location());
    expect(open.is_closed).toBe(false);
    expect(open).not.toHaveProperty('temporarily_closed');
  });

  it('holds an opening-soon store back until it opens, since Yelp would show it as open', () => {
    expect(problems({ status: 'OPENING_SOON', statusDate: '2031-04-01' })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'status', rule: 'yelp.status.openingSoon' })]);
  });
});

describe('limits and eligibility', () => {
  it('asks for a shorter description instead of truncating it', () => {
    const found = problems({ description: 'あ'.repeat(1501) });
    expect(found).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'yelp.description.maxLength' })]);
    expect(found[0]?.message).toContain('1501');
    expect(projectionOf(location({ description: 'あ'.repeat(1500) })).specialties).toBe('あ'.repeat(1500));
  });

  it('asks for a shorter name', () => {
    expect(problems({ name: 'x'.repeat(65) }).map((p) => [p.field, p.rule])).toEqual([['name', 'yelp.name.maxLength']]);
  });

  it('does not take stores in countries Yelp does not serve', () => {
    const loc = { address: { country: 'IN', postalCode: '110001', region: 'Delhi', city: 'New Delhi', district: null, lines: ['1 Janpath'], building: null }, primaryPhone: '+911123456789' };
    expect(problems(loc)).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', rule: 'yelp.country.notServed' })]);
  });

  it('maps categories to Yelp aliases, falling back to the parent, and refuses what has no alias', () => {
    expect(projectionOf(location({ primaryCategory: 'restaurant.family', additionalCategories: ['restaurant.ramen', 'restaurant'] })).categories).toEqual(['restaurants', 'ramen']);
    expect(problems({ primaryCategory: 'atm' })).toEqual([expect.objectContaining({ field: 'primaryCategory', rule: 'yelp.category.unmapped' })]);
  });

  it('takes at most three categories', () => {
    const found = problems({ additionalCategories: ['restaurant.sushi', 'restaurant.izakaya', 'bar'] });
    expect(found.map((p) => [p.field, p.rule])).toEqual([['additionalCategories', 'yelp.categories.maxCount']]);
  });

  it('lists the fields Yelp has no place for', () => {
    const r = project({ additionalPhones: ['03-1234-9999'], socialProfiles: [{ network: 'INSTAGRAM', url: 'https://instagram.com/tenpo' }] });
    if (!r.ok) throw new Error('expected a projection');
    expect(r.notSupported.sort()).toEqual(['additionalPhones', 'labels', 'latitude', 'localizedNames', 'longitude', 'socialProfiles']);
  });
});
