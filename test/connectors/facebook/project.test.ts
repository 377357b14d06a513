/** What a store looks like as a Facebook location Page, and what stops it from being published. */
import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';

const project = (overrides: Record<string, unknown> = {}, settings: Record<string, string | Record<string, string>> = {}) => connector().project(location(overrides), { settings });

function problems(overrides: Record<string, unknown>, settings: Record<string, string | Record<string, string>> = {}) {
  const result = project(overrides, settings);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('Facebook projection', () => {
  it('writes a Japanese address as Facebook Location: prefecture as state, district, lines and building as the street', () => {
    expect(projectionOf(location()).location).toEqual({
      street: '赤坂四丁目 ３番２号 赤坂ビル５F',
      city: '港区',
      state: '東京都',
      zip: '107-0052',
      country: 'Japan',
      latitude: 35.6727,
      longitude: 139.7365,
    });
  });

  it('writes hours as mon_1_open … keys, a range past midnight closing earlier than it opens', () => {
    expect(projectionOf(location()).hours).toEqual({
      mon_1_open: '11:00',
      mon_1_close: '15:00',
      mon_2_open: '17:00',
      mon_2_close: '02:00',
      sat_1_open: '11:00',
      sat_1_close: '22:00',
    });
  });

  it('writes a close at the end of the day as 00:00 and leaves closed days out', () => {
    const hours = projectionOf(location({ regularHours: [{ day: 'SUNDAY', intervals: [{ open: '10:00', close: '24:00' }] }] })).hours;
    expect(hours).toEqual({ sun_1_open: '10:00', sun_1_close: '00:00' });
  });

  it('refuses more than two ranges a day, naming the hours', () => {
    const found = problems({ regularHours: [{ day: 'TUESDAY', intervals: [{ open: '08:00', close: '10:00' }, { open: '11:00', close: '14:00' }, { open: '17:00', close: '22:00' }] }] });
    expect(found).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'regularHours', rule: 'facebook.hours.maxIntervalsPerDay' })]);
  });

  it('sends the status: open, temporarily closed (reopening date not supported), permanently closed', () => {
    expect(projectionOf(location()).status).toEqual({ temporary_status: 'operating_as_usual', is_permanently_closed: false });
    const closed = project({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-04-01' });
    expect(closed.ok && closed.projection.status).toEqual({ temporary_status: 'temporarily_closed', is_permanently_closed: false });
    expect(closed.ok && closed.notSupported).toContain('statusDate');
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).status).toEqual({ temporary_status: 'operating_as_usual', is_permanently_closed: true });
  });

  it('shows a store that has not opened yet as temporarily closed, its opening date unsupported', () => {
    const soon = project({ status: 'OPENING_SOON', statusDate: '2027-05-01' });
    expect(soon.ok && soon.projection.status).toEqual({ temporary_status: 'temporarily_closed', is_permanently_closed: false });
    expect(soon.ok && soon.notSupported).toContain('statusDate');
  });

  it('lists special hours, extra phones, labels and other fields a Page has no place for', () => {
    const result = project({
      specialHours: [{ startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] }],
      additionalPhones: ['03-9876-5432'],
    });
    expect(result.ok && result.notSupported).toEqual(['localizedNames', 'additionalPhones', 'labels', 'specialHours']);
    expect(result.ok && Object.keys(result.projection)).not.toContain('specialHours');
  });

  it('refuses a description longer than the 100 characters of a Page description, without truncating it', () => {
    const found = problems({ description: 'あ'.repeat(101) });
    expect(found).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'facebook.description.maxLength' })]);
    expect(projectionOf(location({ description: 'あ'.repeat(100) })).about).toBe('あ'.repeat(100));
  });

  it('refuses a name longer than a Page name may be', () => {
    expect(problems({ name: 'x'.repeat(76) })).toEqual([expect.objectContaining({ field: 'name', rule: 'facebook.name.maxLength' })]);
  });

  it('maps categories to Facebook ids, falling back to the parent, and from connection settings', () => {
    expect(projectionOf(location()).category_list).toEqual(['218838724804749']);
    const settings = { categoryIds: { restaurant: '273819889375819', cafe: '128673187201735' } };
    expect(projectionOf(location({ primaryCategory: 'restaurant.sushi', additionalCategories: ['cafe'] }), settings).category_list).toEqual(['273819889375819', '128673187201735']);
  });

  it('asks for a Facebook category when a category has none', () => {
    expect(problems({ primaryCategory: 'bank' })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'primaryCategory', rule: 'facebook.category.unmapped' })]);
  });

  it('refuses more than three categories', () => {
    const categoryIds = { cafe: '1', bar: '2', bakery: '3' };
    const found = problems({ additionalCategories: ['cafe', 'bar', 'bakery'] }, { categoryIds });
    expect(found).toEqual([expect.objectContaining({ field: 'additionalCategories', rule: 'facebook.categories.max' })]);
  });

  it('needs a street and a city for a location Page', () => {
    const found = problems({ address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: null, district: null, lines: [], building: null } });
    expect(found).toEqual([expect.objectContaining({ field: 'address', rule: 'facebook.address.street' })]);
  });

  it('does not publish stores in countries Meta does not serve', () => {
    const found = problems({ address: { country: 'IR', postalCode: null, region: null, city: 'Tehran', district: null, lines: ['Valiasr St 1'], building: null }, primaryPhone: null });
    expect(found).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', rule: 'facebook.country.notServed' })]);
  });

  it('sends the phone in E.164 and the store code', () => {
    const p = projectionOf(location());
    expect(p.phone).toBe('+81312345678');
    expect(p.store_code).toBe('TKY-001');
    expect(p.name).toBe('てんぽ 赤坂店');
  });
});
