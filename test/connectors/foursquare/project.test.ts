import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';
import { canonicalHours, regularHoursFromFoursquare } from '../../../connectors/foursquare/hours.ts';

const project = (overrides: Record<string, unknown> = {}) => connector().project(location(overrides), { settings: {} });

describe('Foursquare projection', () => {
  it('writes a Japanese address in Japanese order, half-width digits, prefecture as region', () => {
    expect(projectionOf(location()).location).toEqual({
      country_code: 'JP',
      address: '赤坂四丁目3番2号 赤坂ビル5F',
      locality: '港区',
      region: '東京都',
      postcode: '107-0052',
    });
  });

  it('sends the phone in national format and the ramen category id', () => {
    const p = projectionOf(location());
    expect(p.tel).toBe('03-1234-5678');
    expect(p.categories).toEqual({ primary: '55a59bace4b013909087cb24' });
  });

  it('writes past-midnight closes with "+" and several intervals a day in order', () => {
    expect(projectionOf(location()).hours).toBe('1,1100,1500;1,1700,+0200;6,1100,2200');
  });

  it('writes a midnight close as 2400 and leaves closed days out', () => {
    const p = projectionOf(location({ regularHours: [{ day: 'SUNDAY', intervals: [{ open: '18:00', close: '00:00' }] }] }));
    expect(p.hours).toBe('7,1800,2400');
  });

  it('reads Foursquare hours back to the same string and to Tenpo intervals', () => {
    const read = canonicalHours({ regular: [{ day: 6, open: '1100', close: '2200' }, { day: 1, open: '1700', close: '+0200' }, { day: 1, open: '1100', close: '1500' }] });
    expect(read).toBe('1,1100,1500;1,1700,+0200;6,1100,2200');
    expect(regularHoursFromFoursquare(read as string)).toEqual([
      { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] },
      { day: 'SATURDAY', intervals: [{ open: '11:00', close: '22:00' }] },
    ]);
  });

  it('refuses a description over 300 characters instead of truncating it', () => {
    const result = project({ description: 'あ'.repeat(301) });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ kind: 'ACTION_REQUIRED', field: 'description', rule: 'foursquare.description.maxLength' })] });
    expect(project({ description: 'あ'.repeat(300) }).ok).toBe(true);
  });

  it('refuses a name over the limit', () => {
    const result = project({ name: 'x'.repeat(101) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.rule)).toEqual(['foursquare.name.maxLength']);
  });

  it('falls back to the parent category and asks for a mappable one otherwise', () => {
    expect(projectionOf(location({ primaryCategory: 'restaurant.okonomiyaki' })).categories).toEqual({ primary: '4d4b7105d754a06374d81259' });
    const result = project({ primaryCategory: 'music_school' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ kind: 'ACTION_REQUIRED', field: 'primaryCategory', rule: 'foursquare.category.unmapped' });
  });

  it('marks a permanent closure and reports a temporary one as not supported, hours still sent', () => {
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).closed).toBe(true);
    const temp = project({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-05-01' });
    expect(temp.ok && temp.notSupported).toEqual(expect.arrayContaining(['status', 'statusDate']));
    expect(temp.ok && temp.projection.closed).toBeUndefined();
    expect(temp.ok && temp.projection.hours).toBeDefined();
  });

  it('does not publish a store that is only opening soon', () => {
    const result = project({ status: 'OPENING_SOON', statusDate: '2030-05-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'status', rule: 'foursquare.status.openingSoon' });
  });

  it('lists special hours, labels and the store code as not supported', () => {
    const result = project({ specialHours: [{ startDate: '2030-01-01', endDate: '2030-01-01', closed: true, intervals: [] }] });
    expect(result.ok && result.notSupported).toEqual(expect.arrayContaining(['specialHours', 'labels', 'storeCode', 'localizedNames']));
  });

  it('sends Instagram and X handles, and reports other networks as not supported', () => {
    const result = project({ socialProfiles: [{ network: 'INSTAGRAM', url: 'https://www.instagram.com/tenpo_akasaka/' }, { network: 'LINE', url: 'https://line.me/R/ti/p/@tenpo' }] });
    expect(result.ok && result.projection.social).toEqual({ instagram: 'tenpo_akasaka' });
    expect(result.ok && result.notSupported).toContain('socialProfiles');
  });
});
