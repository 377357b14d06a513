import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf } from './helpers.ts';
import { regularHoursFromText } from '../../../connectors/yahoo-place-jp/hours.ts';
import { toYahooWidth } from '../../../connectors/yahoo-place-jp/width.ts';

const project = (overrides: Record<string, unknown> = {}) => connector().project(location(overrides), { settings: {} });

describe('Yahoo!プレイス projection', () => {
  it('splits a Japanese address into 都道府県, 市区町村, 町域, 番地 and building, half-width digits', () => {
    expect(projectionOf(location()).address).toEqual({ postalCode: '107-0052', prefecture: '東京都', city: '港区', town: '赤坂四丁目', street: '3番2号', building: '赤坂ビル5F' });
  });

  it('normalises a postal code written in full-width with a long vowel mark', () => {
    const p = projectionOf(location({ address: { country: 'JP', postalCode: '１０７ー００５２', region: '東京都', city: '港区', district: null, lines: ['赤坂４－３－２'], building: null } }));
    expect(p.address).toEqual({ postalCode: '107-0052', prefecture: '東京都', city: '港区', street: '赤坂4-3-2' });
  });

  it('makes full-width Latin half-width and half-width katakana full-width, and nothing else', () => {
    expect(toYahooWidth('ＴＥＮＰＯ　ｶﾞｽﾄ ①㈱')).toBe('TENPO ガスト ①㈱');
    expect(projectionOf(location({ name: 'てんぽ　赤坂店（ＡＫＡＳＡＫＡ）' })).name).toBe('てんぽ 赤坂店(AKASAKA)');
  });

  it('writes the phone in Japanese national format', () => {
    expect(projectionOf(location()).tel).toBe('03-1234-5678');
    expect(projectionOf(location({ primaryPhone: '+81 90 1234 5678' })).tel).toBe('090-1234-5678');
  });

  it('writes hours as Japanese text: several intervals, 翌 past midnight, closed days as 定休日', () => {
    expect(projectionOf(location()).businessHours).toBe('月 11:00〜15:00, 17:00〜翌2:00\n土 11:00〜22:00\n定休日 火・水・木・金・日');
  });

  it('groups days with the same hours and writes 24時間営業 for whole days', () => {
    const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, intervals: [{ open: '09:00', close: '18:00' }] }));
    const p = projectionOf(location({ regularHours: [...days, { day: 'SATURDAY', intervals: [{ open: '00:00', close: '24:00' }] }, { day: 'SUNDAY', intervals: [{ open: '00:00', close: '24:00' }] }] }));
    expect(p.businessHours).toBe('月・火・水・木・金 9:00〜18:00\n土・日 24時間営業');
  });

  it('reads its own hours text back to Tenpo intervals', () => {
    expect(regularHoursFromText('月 11:00〜15:00, 17:00〜翌2:00\n土 11:00〜22:00\n定休日 火・水・木・金・日')).toEqual(location().regularHours);
    expect(regularHoursFromText('平日 11時から')).toBeNull();
  });

  it('writes special hours as dated lines: closed days and different hours', () => {
    const p = projectionOf(location({ specialHours: [
      { startDate: '2026-12-31', endDate: '2027-01-03', closed: true, intervals: [] },
      { startDate: '2026-12-24', endDate: '2026-12-24', closed: false, intervals: [{ open: '17:00', close: '01:00' }] },
    ] }));
    expect(p.holidayHours).toBe('2026年12月24日 17:00〜翌1:00\n2026年12月31日〜2027年1月3日 休業');
  });

  it('sends temporary closure with its reopening date and note, and opening soon with its date', () => {
    expect(projectionOf(location({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-05-01' })).status).toEqual({ code: 'TEMPORARILY_CLOSED', date: '2030-05-01', note: '臨時休業中（2030年5月1日より営業再開予定）' });
    expect(projectionOf(location({ status: 'OPENING_SOON', statusDate: '2030-05-01' })).status).toMatchObject({ code: 'OPENING_SOON', date: '2030-05-01' });
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).status).toEqual({ code: 'CLOSED', note: '閉業' });
  });

  it('maps Tenpo categories to Yahoo! genre codes, falling back to the parent', () => {
    expect(projectionOf(location({ primaryCategory: 'cafe' })).genre).toEqual({ primary: '0115001' });
    expect(projectionOf(location({ primaryCategory: 'restaurant.vegetarian' })).genre).toEqual({ primary: '0101001' });
    const result = project({ primaryCategory: 'funeral_home' });
    expect(result.ok ? [] : result.problems.map((p) => [p.kind, p.field, p.rule])).toEqual([['ACTION_REQUIRED', 'primaryCategory', 'yahoo-place-jp.genre.unmapped']]);
  });

  it('refuses stores outside Japan as not eligible', () => {
    const result = project({ address: { country: 'US', postalCode: '94103', region: 'CA', city: 'San Francisco', district: null, lines: ['1 Market St'], building: null }, primaryPhone: '+14155550100' });
    expect(result.ok ? [] : result.problems.map((p) => [p.kind, p.rule])).toEqual([['NOT_ELIGIBLE', 'yahoo-place-jp.country.notServed']]);
  });

  it('refuses too long a description or name instead of truncating', () => {
    const d = project({ description: 'あ'.repeat(501) });
    expect(d.ok ? [] : d.problems.map((p) => [p.field, p.rule])).toEqual([['description', 'yahoo-place-jp.description.maxLength']]);
    expect(project({ description: 'あ'.repeat(500) }).ok).toBe(true);
    const n = project({ name: 'あ'.repeat(51) });
    expect(n.ok ? [] : n.problems.map((p) => p.rule)).toEqual(['yahoo-place-jp.name.maxLength']);
  });

  it('lists what Yahoo!プレイス has no place for', () => {
    const result = project({ socialProfiles: [{ network: 'LINE', url: 'https://line.me/R/ti/p/@tenpo' }] });
    expect(result.ok && result.notSupported).toEqual(expect.arrayContaining(['localizedNames', 'labels', 'socialProfiles']));
  });
});
