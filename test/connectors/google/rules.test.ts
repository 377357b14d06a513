/** Google's rules, checked in project() before any request: each names the Tenpo field to fix. */
import { describe, expect, it } from 'vitest';
import type { ListingProblem } from '../../../connectors/runtime/connector.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { connector, location } from './helpers.ts';

function problems(loc: LocationData): ListingProblem[] {
  const result = connector().project(loc, { settings: {} });
  return result.ok ? [] : result.problems;
}

const base = location();
const with_ = (change: Partial<LocationData>): LocationData => ({ ...base, ...change });

const cases: { rule: string; loc: LocationData; kind?: ListingProblem['kind']; field: ListingProblem['field'] }[] = [
  { rule: 'google.title.required', loc: with_({ name: '  ' }), field: 'name' },
  { rule: 'google.title.maxLength', loc: with_({ name: 'あ'.repeat(101) }), field: 'name' },
  { rule: 'google.title.noUrl', loc: with_({ name: 'Tenpo https://tenpo.example' }), field: 'name' },
  { rule: 'google.title.noUrl', loc: with_({ name: 'Tenpo www.tenpo.example' }), field: 'name' },
  { rule: 'google.title.noPhoneNumber', loc: with_({ name: 'てんぽ ０３-１２３４-５６７８' }), field: 'name' },
  { rule: 'google.phone.maxAdditional', loc: with_({ additionalPhones: ['+819011111111', '+819022222222', '+819033333333'] }), field: 'additionalPhones' },
  { rule: 'google.phone.primaryRequired', loc: with_({ primaryPhone: null, additionalPhones: ['+819011111111'] }), field: 'primaryPhone' },
  { rule: 'google.specialHours.needsRegularHours', loc: with_({ regularHours: [], specialHours: [{ startDate: '2027-01-01', endDate: '2027-01-01', closed: true, intervals: [] }] }), field: 'specialHours' },
  { rule: 'google.description.maxLength', loc: with_({ description: 'あ'.repeat(751) }), field: 'description' },
  { rule: 'google.address.maxLines', loc: with_({ address: { ...base.address, lines: ['1', '2', '3', '4', '5'], building: 'ビル' } }), field: 'address' },
  { rule: 'google.labels.maxCount', loc: with_({ labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }), field: 'labels' },
  { rule: 'google.labels.length', loc: with_({ labels: ['ok', 'x'.repeat(256)] }), field: 'labels' },
  { rule: 'google.category.unmapped', loc: with_({ primaryCategory: 'space_station' }), field: 'primaryCategory' },
  { rule: 'google.categories.maxAdditional', loc: with_({ additionalCategories: ['cafe', 'bar', 'bakery', 'restaurant', 'dessert_shop', 'liquor_store', 'bar.pub', 'supermarket', 'florist', 'karaoke'] }), field: 'additionalCategories' },
  { rule: 'google.website.httpUrl', loc: with_({ website: 'ftp://tenpo.example/' }), field: 'website' },
  { rule: 'google.openInfo.openingDateRequired', loc: with_({ status: 'OPENING_SOON', statusDate: null }), field: 'statusDate' },
  ...['KP', 'IR', 'SY', 'CU'].map((country) => ({ rule: 'google.country.notServed', loc: with_({ address: { ...base.address, country } }), kind: 'NOT_ELIGIBLE' as const, field: 'address' as const })),
];

describe('Google rules', () => {
  it('the fixture breaks none', () => {
    expect(problems(base)).toEqual([]);
  });

  it.each(cases)('$rule ($field)', ({ rule, loc, kind = 'ACTION_REQUIRED', field }) => {
    const found = problems(loc);
    expect(found).toEqual([{ kind, field, rule, message: expect.any(String) }]);
    expect(found[0]?.message.length).toBeGreaterThan(20);
  });

  it('reports every broken rule at once', () => {
    const found = problems(with_({ name: '', description: 'あ'.repeat(751), additionalPhones: ['+819011111111', '+819022222222', '+819033333333'] }));
    expect(found.map((p) => p.rule)).toEqual(['google.title.required', 'google.phone.maxAdditional', 'google.description.maxLength']);
  });

  it('accepts what Google accepts: names with digits, a 100-character name, 5 lines with the building, ATMs', () => {
    expect(problems(with_({ name: '7-Eleven 赤坂4丁目店 24/7' }))).toEqual([]);
    expect(problems(with_({ name: 'あ'.repeat(100) }))).toEqual([]);
    expect(problems(with_({ address: { ...base.address, lines: ['1', '2', '3', '4'], building: 'ビル' } }))).toEqual([]);
    expect(problems(with_({ description: 'あ'.repeat(750), additionalPhones: ['+819011111111', '+819022222222'] }))).toEqual([]);
    // Google's eligibility guidelines name ATMs as an allowed exception.
    const atm = connector().project(with_({ primaryCategory: 'atm' }), { settings: {} });
    expect(atm.ok && atm.projection.categories).toEqual({ primaryCategory: { name: 'categories/gcid:atm' } });
  });

  it('publishes a store with an additional category Google has no equivalent for, leaving that one out and saying so', () => {
    const result = connector().project(with_({ additionalCategories: ['bakery', 'space_station'] }), { settings: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.projection.categories).toEqual({ primaryCategory: expect.any(Object), additionalCategories: [{ name: 'categories/gcid:bakery' }] });
    expect(result.notSupported).toContain('additionalCategories');
    expect(connector().project(with_({ additionalCategories: ['bakery'] }), { settings: {} })).toMatchObject({ notSupported: expect.not.arrayContaining(['additionalCategories']) });
  });
});
