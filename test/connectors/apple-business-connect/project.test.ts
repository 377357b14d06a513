/** project(): Tenpo's location in Apple's locationDetails shape, and the rules checked before any request. */
import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';

const problemsOf = (overrides: Record<string, unknown>, settings: Record<string, string> = {}) => {
  const result = connector().project(location(overrides), { settings });
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('project: shape', () => {
  it('maps the Japanese address: prefecture, city, district, street then building, postal code 107-0052, Japanese locale', () => {
    expect(projectionOf(location()).mainAddress).toEqual({
      locale: 'ja-JP',
      structuredAddress: { administrativeArea: '東京都', countryCode: 'JP', fullThoroughfare: '３番２号 赤坂ビル５F', locality: '港区', postCode: '107-0052', subLocality: '赤坂四丁目' },
    });
  });

  it('gives the name as the one primary display name and each localized name in its locale', () => {
    expect(projectionOf(location()).displayNames).toEqual([
      { locale: 'ja-JP', name: 'てんぽ 赤坂店', primary: true },
      { locale: 'en', name: 'Tenpo Akasaka', primary: false },
    ]);
    const us = location({ address: { country: 'US', postalCode: '10011', region: 'NY', city: 'New York', district: null, lines: ['75 9th Ave'], building: null }, localizedNames: [], primaryPhone: '+12125550100' });
    expect(projectionOf(us, { locale: 'en-US' }).displayNames).toEqual([{ locale: 'en-US', name: 'てんぽ 赤坂店', primary: true }]);
  });

  it('writes an interval past midnight as it reads on the door (17:00-02:00), several intervals a day, and leaves closed days out', () => {
    expect(projectionOf(location()).openingHoursByDay).toEqual([
      { day: 'MONDAY', times: [{ endTime: '15:00', startTime: '11:00' }, { endTime: '02:00', startTime: '17:00' }] },
      { day: 'SATURDAY', times: [{ endTime: '22:00', startTime: '11:00' }] },
    ]);
    const midnight = location({ regularHours: [{ day: 'FRIDAY', intervals: [{ open: '18:00', close: '00:00' }] }] });
    expect(projectionOf(midnight).openingHoursByDay).toEqual([{ day: 'FRIDAY', times: [{ endTime: '24:00', startTime: '18:00' }] }]);
  });

  it('sends closed special days as closed and different hours for each weekday of the period', () => {
    const loc = location({
      specialHours: [
        { startDate: '2027-01-01', endDate: '2027-01-02', closed: true, intervals: [] },
        { startDate: '2027-01-04', endDate: '2027-01-05', closed: false, intervals: [{ open: '12:00', close: '01:00' }] },
      ],
    });
    expect(projectionOf(loc).specialHours).toEqual([
      { closed: true, endDate: '2027-01-02', startDate: '2027-01-01' },
      {
        closed: false,
        endDate: '2027-01-05',
        hoursByDay: [
          { day: 'MONDAY', times: [{ endTime: '01:00', startTime: '12:00' }] },
          { day: 'TUESDAY', times: [{ endTime: '01:00', startTime: '12:00' }] },
        ],
        startDate: '2027-01-04',
      },
    ]);
  });

  it('maps each status to Apple’s with its date', () => {
    expect(projectionOf(location()).locationStatus).toEqual({ status: 'OPEN' });
    expect(projectionOf(location({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-03-01' })).locationStatus).toEqual({ reopenDate: '2027-03-01', status: 'TEMPORARILY_CLOSED' });
    expect(projectionOf(location({ status: 'OPENING_SOON', statusDate: '2027-02-01' })).locationStatus).toEqual({ openingDate: '2027-02-01', status: 'OPENING_SOON' });
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).locationStatus).toEqual({ status: 'CLOSED' });
  });

  it('sends phones as E.164 VOICE numbers with the first primary, the website as HOMEPAGE, coordinates as strings with five decimals', () => {
    const p = projectionOf(location({ additionalPhones: ['090-1234-5678'], website: 'https://tenpo.example/akasaka', description: '醤油ラーメン' }));
    expect(p.phoneNumbers).toEqual([
      { phoneNumber: '+81312345678', primary: true, type: 'VOICE' },
      { phoneNumber: '+819012345678', primary: false, type: 'VOICE' },
    ]);
    expect(p.urls).toEqual([{ type: 'HOMEPAGE', url: 'https://tenpo.example/akasaka' }]);
    expect(p.locationDescriptions).toEqual([{ descriptions: [{ locale: 'ja-JP', text: '醤油ラーメン' }], type: 'ABOUT' }]);
    expect(p.displayPoint).toEqual({ coordinates: { latitude: '35.67270', longitude: '139.73650' }, source: 'MANUALLY_PLACED' });
  });

  // Every Tenpo subcategory has its own Apple id now, so there is no parent fallback to show.
  it('maps categories, primary first', () => {
    expect(projectionOf(location({ primaryCategory: 'restaurant.ramen', additionalCategories: ['restaurant.izakaya', 'restaurant.japanese'] })).categories).toEqual(['restaurants.japanese.ramen', 'restaurants.japanese.izakaya', 'restaurants.japanese']);
  });

  it('lists the Tenpo fields Apple has no place for', () => {
    const result = connector().project(location({ socialProfiles: [{ network: 'X', url: 'https://x.com/tenpo' }], labels: ['flagship'] }), { settings: {} });
    expect(result.ok && result.notSupported).toEqual(['socialProfiles', 'labels']);
  });
});

describe('project: rules', () => {
  it('refuses a description longer than Apple takes instead of cutting it', () => {
    expect(problemsOf({ description: 'あ'.repeat(501) })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'apple-business-connect.description.maxLength' })]);
    expect(connector().project(location({ description: 'あ'.repeat(500) }), { settings: {} }).ok).toBe(true);
  });

  it('refuses a name longer than Apple takes', () => {
    expect(problemsOf({ name: 'x'.repeat(101) })).toEqual([expect.objectContaining({ field: 'name', rule: 'apple-business-connect.name.maxLength' })]);
  });

  it('needs a reopening date for a temporary closure', () => {
    expect(problemsOf({ status: 'CLOSED_TEMPORARILY', statusDate: null })).toEqual([expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'statusDate', rule: 'apple-business-connect.locationStatus.reopenDateRequired' })]);
  });

  it('does not publish stores in countries Apple Business does not serve', () => {
    const cn = { address: { country: 'CN', postalCode: '100000', region: '北京市', city: '北京市', district: null, lines: ['长安街1号'], building: null }, primaryPhone: '+861012345678', localizedNames: [] };
    expect(problemsOf(cn)).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', field: 'address', rule: 'apple-business-connect.country.notServed' })]);
  });

  it('asks for another category when neither it nor its parent maps', () => {
    expect(problemsOf({ primaryCategory: 'music_school' })).toEqual([expect.objectContaining({ field: 'primaryCategory', rule: 'apple-business-connect.category.unmapped' })]);
  });

  it('refuses a localized name in the language of the store’s own name', () => {
    expect(problemsOf({ localizedNames: [{ locale: 'ja', name: 'テンポ' }] })).toEqual([expect.objectContaining({ field: 'localizedNames', rule: 'apple-business-connect.displayNames.duplicateLocale' })]);
  });
});
