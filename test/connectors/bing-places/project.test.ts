/** project(): Tenpo's location as a Bing Places BusinessListing, and the rules checked before any request. */
import { describe, expect, it } from 'vitest';
import { SETTINGS, connector, location, projectionOf } from './helpers.ts';

const problemsOf = (overrides: Record<string, unknown>, settings = SETTINGS) => {
  const result = connector().project(location(overrides), { settings });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('project: shape', () => {
  it('maps the Japanese address: prefecture, city, district and street, building apart, postal code 107-0052', () => {
    expect(projectionOf(location()).Address).toEqual({ AddressLine1: '赤坂四丁目３番２号', AddressLine2: '赤坂ビル５F', City: '港区', StateOrProvince: '東京都', ZipCode: '107-0052', Country: 'JP' });
  });

  it('writes hours on a 12-hour clock, one string per interval, an interval past midnight closing at the earlier time', () => {
    expect(projectionOf(location()).OperatingHours).toEqual(['Mon 11:00 AM-03:00 PM', 'Mon 05:00 PM-02:00 AM', 'Sat 11:00 AM-10:00 PM']);
    expect(projectionOf(location({ regularHours: [{ day: 'SUNDAY', intervals: [{ open: '00:00', close: '24:00' }] }] })).OperatingHours).toEqual(['Sun 12:00 AM-12:00 AM']);
  });

  it('writes special hours one date at a time: closed days closed, different hours with their times', () => {
    const loc = location({
      specialHours: [
        { startDate: '2026-12-31', endDate: '2027-01-01', closed: true, intervals: [] },
        { startDate: '2027-01-02', endDate: '2027-01-02', closed: false, intervals: [{ open: '18:00', close: '02:00' }] },
      ],
    });
    expect(projectionOf(loc).HolidayHours).toEqual([
      { Date: '2026-12-31', IsClosed: true },
      { Date: '2027-01-01', IsClosed: true },
      { Date: '2027-01-02', OpenTime: '18:00', CloseTime: '02:00', IsClosed: false },
    ]);
  });

  it('marks a permanently closed store closed, an open one open', () => {
    expect(projectionOf(location()).IsClosed).toBe(false);
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).IsClosed).toBe(true);
  });

  it('maps categories, subcategories falling back to the parent, configured ones from the connection', () => {
    expect(projectionOf(location({ primaryCategory: 'restaurant.ramen', additionalCategories: ['cafe', 'restaurant'] })).Categories).toEqual({
      BusinessCategories: [{ CategoryName: 'Restaurants', BPCategoryId: 700341 }, { CategoryName: 'Cafes', BPCategoryId: 700099 }],
      PrimaryCategory: { CategoryName: 'Restaurants', BPCategoryId: 700341 },
    });
  });

  it('sends Facebook and X links in their members and lists what Bing has no place for', () => {
    const result = connector().project(location({ description: '醤油ラーメン', additionalPhones: ['090-1234-5678'], socialProfiles: [{ network: 'FACEBOOK', url: 'https://facebook.com/tenpo' }, { network: 'LINE', url: 'https://line.me/tenpo' }] }), { settings: SETTINGS });
    expect(result.ok && result.projection.FacebookAddress).toBe('https://facebook.com/tenpo');
    expect(result.ok && result.notSupported).toEqual(['localizedNames', 'additionalPhones', 'description', 'labels', 'socialProfiles']);
  });
});

describe('project: rules', () => {
  it('does not silently drop a temporary closure or an opening date Bing cannot show', () => {
    expect(problemsOf({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-03-01' })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'status', rule: 'bing-places.status.temporarilyClosed' })]);
    expect(problemsOf({ status: 'OPENING_SOON', statusDate: '2027-03-01' })).toEqual([expect.objectContaining({ field: 'status', rule: 'bing-places.status.openingSoon' })]);
  });

  it('needs a business name', () => {
    const result = connector().project({ ...location(), name: '  ' }, { settings: SETTINGS });
    expect(result.ok ? [] : result.problems).toEqual([expect.objectContaining({ field: 'name', rule: 'bing-places.name.required' })]);
  });

  it('does not publish stores in countries Bing Places does not take', () => {
    const gh = { address: { country: 'GH', postalCode: 'GA-123', region: 'Greater Accra', city: 'Accra', district: null, lines: ['1 Oxford St'], building: null }, primaryPhone: '+233302123456', localizedNames: [] };
    expect(problemsOf(gh)).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', field: 'address', rule: 'bing-places.country.notServed' })]);
  });

  it('asks for a category Bing knows, and for one interval per special day', () => {
    expect(problemsOf({ primaryCategory: 'karaoke' })).toEqual([expect.objectContaining({ field: 'primaryCategory', rule: 'bing-places.category.unmapped' })]);
    expect(problemsOf({ specialHours: [{ startDate: '2027-01-02', endDate: '2027-01-02', closed: false, intervals: [{ open: '10:00', close: '12:00' }, { open: '13:00', close: '15:00' }] }] })).toEqual([
      expect.objectContaining({ field: 'specialHours', rule: 'bing-places.specialHours.oneInterval' }),
    ]);
  });

  it('needs the address members Bing requires', () => {
    expect(problemsOf({ address: { country: 'JP', postalCode: null, region: '東京都', city: '港区', district: null, lines: ['1-1'], building: null } })).toEqual([expect.objectContaining({ field: 'address', rule: 'bing-places.address.incomplete' })]);
  });
});
