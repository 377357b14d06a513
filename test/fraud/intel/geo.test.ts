import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  baseLanguage,
  countryCentroid,
  countryTimezones,
  distanceKm,
  languageMatchesCountry,
  minDistanceKm,
  timezoneCountry,
  timezoneMatchesCountry,
} from '../../../src/fraud/intel/geo.ts';

describe('time zones', () => {
  it.each([
    ['Asia/Tokyo', 'JP'],
    ['America/New_York', 'US'],
    ['America/Los_Angeles', 'US'],
    ['Europe/London', 'GB'],
    ['Asia/Kolkata', 'IN'],
    ['Asia/Calcutta', 'IN'],
    ['Asia/Ho_Chi_Minh', 'VN'],
    ['Asia/Taipei', 'TW'],
    ['Asia/Hong_Kong', 'HK'],
    ['Australia/Sydney', 'AU'],
    ['America/Sao_Paulo', 'BR'],
    ['Japan', 'JP'],
    // Withdrawn codes (DD, NT, BU, YU) list these zones too and sort first; they must not win.
    ['Europe/Berlin', 'DE'],
    ['Asia/Riyadh', 'SA'],
    ['Asia/Yangon', 'MM'],
    ['Europe/Belgrade', 'RS'],
  ])('%s is in %s', (tz, country) => {
    expect(timezoneCountry(tz)).toBe(country);
  });

  it.each(['UTC', 'Etc/UTC', 'Etc/GMT+9', 'Not/AZone', '', 'x'.repeat(100)])('%s has no country', (tz) => {
    expect(timezoneCountry(tz)).toBeNull();
  });

  it('lists a country’s zones from Intl', () => {
    expect(countryTimezones('JP')).toEqual(['Asia/Tokyo']);
    expect(countryTimezones('us')).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago', 'Pacific/Honolulu']));
    expect(countryTimezones('XX')).toEqual([]);
    expect(countryTimezones('JPN')).toEqual([]);
  });

  it('matches a zone to a country, and never accuses on an unknown one', () => {
    expect(timezoneMatchesCountry('Asia/Tokyo', 'JP')).toBe(true);
    expect(timezoneMatchesCountry('America/New_York', 'JP')).toBe(false);
    expect(timezoneMatchesCountry('UTC', 'JP')).toBe(true);
    expect(timezoneMatchesCountry('garbage', 'JP')).toBe(true);
  });
});

describe('languages', () => {
  it.each([
    ['ja-JP', 'JP', true],
    ['ja', 'JP', true],
    ['ja_JP', 'JP', true],
    ['ja,en-US;q=0.9', 'JP', true],
    ['zh-CN', 'JP', false],
    ['en-US', 'JP', false],
    ['en-US', 'US', true],
    ['es-MX', 'US', true],
    ['ko-KR', 'KR', true],
    ['zh-Hant-TW', 'TW', true],
    ['fil-PH', 'PH', true],
    ['in-ID', 'ID', true], // deprecated code for Indonesian, canonicalized to "id"
    ['vi-VN', 'TH', false],
    ['fr-CA', 'CA', true],
    ['pt-BR', 'BR', true],
    ['ja-JP', 'ZW', true], // no data for the country: no accusation
    ['', 'JP', true],
    ['not a tag!', 'JP', true],
  ])('%j in %s → %s', (lang, country, expected) => {
    expect(languageMatchesCountry(lang, country)).toBe(expected);
  });

  it('reduces tags to their base language', () => {
    expect(baseLanguage('JA-jp')).toBe('ja');
    expect(baseLanguage('*')).toBeNull();
  });
});

describe('distances', () => {
  it('places a country at its capital', () => {
    expect(countryCentroid('JP')).toEqual({ lat: 35.68, lng: 139.69 });
    expect(countryCentroid('jp')).toEqual({ lat: 35.68, lng: 139.69 });
    expect(countryCentroid('XX')).toBeNull();
  });

  it('measures great-circle distances', () => {
    const tokyo = { lat: 35.68, lng: 139.69 };
    const osaka = { lat: 34.69, lng: 135.5 };
    const newYork = { lat: 40.71, lng: -74.01 };
    expect(distanceKm(tokyo, tokyo)).toBe(0);
    expect(distanceKm(tokyo, osaka)).toBeGreaterThan(390);
    expect(distanceKm(tokyo, osaka)).toBeLessThan(405);
    expect(distanceKm(tokyo, newYork)).toBeGreaterThan(10_800);
    expect(distanceKm(tokyo, newYork)).toBeLessThan(10_900);
    expect(distanceKm(tokyo, newYork)).toBeCloseTo(distanceKm(newYork, tokyo), 6);
  });

  it('gives impossible-travel rules a distance that was covered at least', () => {
    expect(minDistanceKm('JP', 'jp')).toBe(0);
    expect(minDistanceKm('FR', 'DE')).toBe(0); // neighbours: anything is possible
    const jpBr = minDistanceKm('JP', 'BR') ?? 0;
    expect(jpBr).toBeGreaterThan(10_000);
    const capitals = distanceKm(countryCentroid('JP') ?? { lat: 0, lng: 0 }, countryCentroid('BR') ?? { lat: 0, lng: 0 });
    expect(jpBr).toBeLessThan(capitals);
    expect(minDistanceKm('JP', 'XX')).toBeNull();
  });

  it('keeps a large country from counting as next door because of one corner (Alaska, Okinawa)', () => {
    // One point per country with a reach covering Alaska and Hawaii would put Japan at 0 km from the US.
    expect(minDistanceKm('JP', 'US')).toBeGreaterThan(1500);
    expect(minDistanceKm('JP', 'US')).toBeLessThan(distanceKm({ lat: 43.06, lng: 141.35 }, { lat: 61.22, lng: -149.9 }));
    expect(minDistanceKm('US', 'DE')).toBeGreaterThan(3000);
    expect(minDistanceKm('US', 'CA')).toBe(0);
  });

  it('lists points only for countries Intl also knows', () => {
    const file = JSON.parse(readFileSync(new URL('../../../src/fraud/data/country-points.json', import.meta.url), 'utf8')) as {
      countries: Record<string, unknown>;
    };
    const codes = Object.keys(file.countries);
    expect(codes).toEqual(expect.arrayContaining(['JP', 'US', 'GB', 'DE', 'FR', 'SG', 'TH', 'VN', 'KR', 'TW', 'HK', 'CN', 'BR', 'IN']));
    for (const code of codes) expect(countryTimezones(code).length, code).toBeGreaterThan(0);
  });
});
