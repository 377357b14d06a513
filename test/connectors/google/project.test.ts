/** project(): LocationData → Google Location fields keyed by updateMask path. */
import { describe, expect, it } from 'vitest';
import { googleManifest } from '../../../connectors/google/index.ts';
import type { LocationData, LocationField } from '../../../src/locations/model.ts';
import { canonicalJson } from '../../../src/lib/canonicalJson.ts';
import { connector, location, projectionOf } from './helpers.ts';

const hours = (day: string, ...intervals: [string, string][]) => ({ day, intervals: intervals.map(([open, close]) => ({ open, close })) });

describe('project', () => {
  it('projects the Tokyo fixture into Google shapes, each under its updateMask path', () => {
    const result = connector().project(location(), { settings: {} });
    expect(result).toEqual({
      ok: true,
      projection: {
        title: 'てんぽ 赤坂店',
        storeCode: 'TKY-001',
        phoneNumbers: { primaryPhone: '+81312345678' },
        categories: { primaryCategory: { name: 'categories/gcid:ramen_restaurant' } },
        storefrontAddress: {
          regionCode: 'JP',
          languageCode: 'ja',
          postalCode: '107-0052',
          administrativeArea: '東京都',
          locality: '港区',
          sublocality: '赤坂四丁目',
          addressLines: ['３番２号', '赤坂ビル５F'], // the building is the last line
        },
        regularHours: {
          periods: [
            { openDay: 'MONDAY', openTime: { hours: 11 }, closeDay: 'MONDAY', closeTime: { hours: 15 } },
            { openDay: 'MONDAY', openTime: { hours: 17 }, closeDay: 'TUESDAY', closeTime: { hours: 2 } }, // past midnight
            { openDay: 'SATURDAY', openTime: { hours: 11 }, closeDay: 'SATURDAY', closeTime: { hours: 22 } },
          ],
        },
        labels: ['flagship'],
        openInfo: { status: 'OPEN' },
      },
      // The English name has no Google field; coordinates are not sent unless the connection allows it.
      notSupported: ['localizedNames', 'latitude', 'longitude'],
    });
  });

  it('projects every optional field that has a value and leaves absent ones out', () => {
    const p = projectionOf(
      location({
        additionalPhones: ['090-1234-5678', '03-9876-5432'],
        website: 'https://tenpo.example/akasaka',
        description: '醤油ラーメンの店',
        additionalCategories: ['restaurant', 'bar'],
      }),
    );
    expect(p.phoneNumbers).toEqual({ primaryPhone: '+81312345678', additionalPhones: ['+819012345678', '+81398765432'] });
    expect(p.websiteUri).toBe('https://tenpo.example/akasaka');
    expect(p['profile.description']).toBe('醤油ラーメンの店');
    expect(p.categories).toEqual({
      primaryCategory: { name: 'categories/gcid:ramen_restaurant' },
      additionalCategories: [{ name: 'categories/gcid:restaurant' }, { name: 'categories/gcid:bar' }],
    });
    const bare = projectionOf(location({ primaryPhone: null, labels: [], regularHours: [] }));
    expect(Object.keys(bare).sort()).toEqual(['categories', 'openInfo', 'storeCode', 'storefrontAddress', 'title']);
  });

  it('writes midnight as 00:00 ({}), a close at midnight as 24:00, and intervals past midnight as closing the next day', () => {
    const p = projectionOf(
      location({
        regularHours: [
          hours('TUESDAY', ['09:30', '18:45']),
          hours('THURSDAY', ['00:00', '24:00']),
          hours('WEDNESDAY', ['18:00', '00:00']), // validation stores 24:00
          hours('SUNDAY', ['22:00', '03:30']),
        ],
      }),
    );
    expect(p.regularHours).toEqual({
      periods: [
        { openDay: 'TUESDAY', openTime: { hours: 9, minutes: 30 }, closeDay: 'TUESDAY', closeTime: { hours: 18, minutes: 45 } },
        { openDay: 'WEDNESDAY', openTime: { hours: 18 }, closeDay: 'WEDNESDAY', closeTime: { hours: 24 } },
        { openDay: 'THURSDAY', openTime: {}, closeDay: 'THURSDAY', closeTime: { hours: 24 } }, // open 24 hours
        { openDay: 'SUNDAY', openTime: { hours: 22 }, closeDay: 'MONDAY', closeTime: { hours: 3, minutes: 30 } }, // wraps the week
      ],
    });
  });

  it('writes special hours one period per day: closed days, open intervals, and an overnight close with endDate', () => {
    const p = projectionOf(
      location({
        specialHours: [
          { startDate: '2026-12-24', endDate: '2026-12-24', closed: false, intervals: [{ open: '12:00', close: '24:00' }] },
          { startDate: '2026-12-25', endDate: '2026-12-25', closed: false, intervals: [{ open: '17:00', close: '01:00' }] },
          { startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] },
        ],
      }),
    );
    expect(p.specialHours).toEqual({
      specialHourPeriods: [
        { startDate: { year: 2026, month: 12, day: 24 }, openTime: { hours: 12 }, closeTime: { hours: 24 } },
        { startDate: { year: 2026, month: 12, day: 25 }, openTime: { hours: 17 }, closeTime: { hours: 1 }, endDate: { year: 2026, month: 12, day: 26 } },
        { startDate: { year: 2026, month: 12, day: 31 }, closed: true },
        { startDate: { year: 2027, month: 1, day: 1 }, closed: true },
        { startDate: { year: 2027, month: 1, day: 2 }, closed: true },
      ],
    });
  });

  it('gives a Japanese address languageCode "ja" and leaves the language out elsewhere', () => {
    const jp = projectionOf(location({ address: { country: 'JP', postalCode: '1500002', region: '東京都', city: '渋谷区', lines: ['渋谷2-1-1'] } }));
    expect(jp.storefrontAddress).toEqual({ regionCode: 'JP', languageCode: 'ja', postalCode: '150-0002', administrativeArea: '東京都', locality: '渋谷区', addressLines: ['渋谷2-1-1'] });
    const us = projectionOf(location({ primaryPhone: '+1 415-555-0132', address: { country: 'US', postalCode: '94105', region: 'CA', city: 'San Francisco', lines: ['1 Market St'], building: 'Suite 300' } }));
    expect(us.storefrontAddress).toEqual({ regionCode: 'US', postalCode: '94105', administrativeArea: 'CA', locality: 'San Francisco', addressLines: ['1 Market St', 'Suite 300'] });
  });

  it('maps the store status to openInfo: opening soon is OPEN with a future openingDate; a reopening date has no Google field', () => {
    expect(projectionOf(location({ status: 'OPENING_SOON', statusDate: '2027-04-01' })).openInfo).toEqual({ status: 'OPEN', openingDate: { year: 2027, month: 4, day: 1 } });
    expect(projectionOf(location({ status: 'CLOSED_PERMANENTLY' })).openInfo).toEqual({ status: 'CLOSED_PERMANENTLY' });
    const closed = connector().project(location({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-01-10' }), { settings: {} });
    expect(closed.ok && closed.projection.openInfo).toEqual({ status: 'CLOSED_TEMPORARILY' });
    expect(closed.ok && closed.notSupported).toContain('statusDate');
  });

  it('sends latlng only when the connection allows it', () => {
    expect(projectionOf(location()).latlng).toBeUndefined();
    const result = connector().project(location(), { settings: { sendLatlng: true } });
    expect(result.ok && result.projection.latlng).toEqual({ latitude: 35.6727, longitude: 139.7365 });
    expect(result.ok && result.notSupported).toEqual(['localizedNames']);
  });

  it('sends each Google category once when two Tenpo categories share it', () => {
    const p = projectionOf(location({ primaryCategory: 'hotel', additionalCategories: ['hotel.business', 'hotel.capsule'] }));
    expect(p.categories).toEqual({ primaryCategory: { name: 'categories/gcid:hotel' }, additionalCategories: [{ name: 'categories/gcid:capsule_hotel' }] });
  });

  it('lists Tenpo fields Google has no place for as notSupported', () => {
    const result = connector().project(
      location({
        socialProfiles: [{ network: 'INSTAGRAM', url: 'https://www.instagram.com/tenpo' }],
        attributes: [{ key: 'takeout', value: true }],
        photos: [{ url: 'https://cdn.example.jp/logo.png', kind: 'LOGO', caption: null }],
      }),
      { settings: {} },
    );
    expect(result.ok && result.notSupported).toEqual(['localizedNames', 'latitude', 'longitude', 'socialProfiles', 'attributes', 'photos']);
  });

  it('keeps `fields` accurate: changing one Tenpo field changes exactly the keys that list it', () => {
    const base = location({ website: 'https://tenpo.example', description: 'x', specialHours: [] });
    const settings = { sendLatlng: true };
    const mutations: [LocationField, Partial<LocationData>][] = [
      ['name', { name: 'てんぽ 赤坂二号店' }],
      ['storeCode', { storeCode: 'TKY-002' }],
      ['primaryPhone', { primaryPhone: '+81355555555' }],
      ['additionalPhones', { additionalPhones: ['+819012345678'] }],
      ['primaryCategory', { primaryCategory: 'restaurant.udon' }],
      ['additionalCategories', { additionalCategories: ['cafe'] }],
      ['address', { address: { ...base.address, postalCode: '107-0051' } }],
      ['website', { website: 'https://tenpo.example/other' }],
      ['regularHours', { regularHours: [] }],
      ['specialHours', { specialHours: [{ startDate: '2027-01-01', endDate: '2027-01-01', closed: true, intervals: [] }] }],
      ['description', { description: 'y' }],
      ['labels', { labels: ['tokyo'] }],
      ['latitude', { latitude: 35.7 }],
      ['longitude', { longitude: 139.8 }],
      ['status', { status: 'CLOSED_PERMANENTLY' }],
      ['statusDate', { status: 'OPENING_SOON', statusDate: '2027-04-01' }],
    ];
    const fields = connector().fields;
    const before = projectionOf(base, settings);
    for (const [field, change] of mutations) {
      const after = projectionOf({ ...base, ...change }, settings);
      const changed = Object.keys({ ...before, ...after }).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
      const expected = Object.keys(fields).filter((k) => fields[k]?.includes(field) || Object.keys(change).some((f) => fields[k]?.includes(f as LocationField)));
      expect({ field, changed: changed.sort() }).toEqual({ field, changed: expected.sort() });
    }
    // Every key project() can write is described (special hours are empty in `base`).
    expect(Object.keys(fields).sort()).toEqual([...Object.keys(before), 'specialHours'].sort());
  });

  it('has a valid manifest matching the platform catalog row and Google’s documented quotas', () => {
    expect(googleManifest).toMatchObject({
      id: 'google',
      countries: 'GLOBAL',
      reach: 'api',
      quotas: { requestsPerMinute: 300, editsPerDay: 10_000, perListing: { editsPerMinute: 10 } },
      fieldLimits: { nameMax: 100, descriptionMax: 750, addressLinesMax: 5, categoriesMax: 10, labelsMax: 10, labelMax: 255, phonesMax: 3 },
      capabilities: { listingWrite: true, readBack: true, reviewsRead: true, reviewReply: true, posts: true, insights: true },
    });
    expect(googleManifest.sources.length).toBeGreaterThan(0);
  });
});
