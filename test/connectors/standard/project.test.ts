/** The standard projection every manifest-run platform gets, and the manifest rules it checks. */
import { describe, expect, it } from 'vitest';
import { defineManifest, type ConnectorManifestInput } from '../../../connectors/runtime/manifest.ts';
import { projectStandard } from '../../../connectors/runtime/standard/project.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { fullStore } from '../network/locations.ts';

const base: ConnectorManifestInput = {
  id: 'example-directory',
  name: 'Example Directory',
  countries: ['JP', 'US'],
  kind: 'directory',
  reach: 'partner-api',
  auth: { kind: 'api-key' },
  fieldLimits: { nameMax: 40, descriptionMax: 100, categoriesMax: 2, photosMax: 1 },
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  delivery: { kind: 'publisher', protocol: 'tenpo-publisher/1' },
  listing: { fields: ['name', 'address', 'primaryPhone', 'primaryCategory', 'additionalCategories', 'regularHours', 'specialHours', 'status', 'description'], required: ['name', 'address', 'primaryPhone'] },
  factsInferred: ['delivery'],
  sources: ['test'],
};
const manifest = (over: Partial<ConnectorManifestInput> = {}) => defineManifest({ ...base, ...over });
const store = (over: Partial<LocationData> = {}): LocationData => ({ ...fullStore('JP', 'restaurant.ramen'), ...over });

function projection(m = manifest(), l = store()) {
  const r = projectStandard(m, l);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('the standard projection', () => {
  it('writes a Japanese address from the postal code down, and a US one street first', () => {
    expect(projection().projection.address).toMatchObject({ formatted: '〒107-0052 東京都港区赤坂四丁目３番２号 赤坂ビル５F', street: '３番２号 赤坂ビル５F', region: '東京都' });
    const us = store({ address: { country: 'US', postalCode: '10001', region: 'NY', city: 'New York', district: null, lines: ['350 5th Ave'], building: 'Floor 3' } });
    expect(projection(manifest(), us).projection.address).toMatchObject({ formatted: '350 5th Ave, Floor 3, New York, NY 10001', street: '350 5th Ave, Floor 3' });
  });

  it('states hours in opening_hours syntax, past midnight as it is, closed days left out', () => {
    const late = store({ regularHours: [{ day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] }, { day: 'TUESDAY', intervals: [] }, { day: 'SUNDAY', intervals: [{ open: '00:00', close: '24:00' }] }] });
    expect(projection(manifest(), late).projection.hours).toMatchObject({ osm: 'Mo 11:00-15:00,17:00-02:00; Su 00:00-24:00' });
    const special = projection(manifest(), store({ specialHours: [{ startDate: '2026-12-31', endDate: '2026-12-31', closed: false, intervals: [{ open: '10:00', close: '15:00' }] }, { startDate: '2027-01-01', endDate: '2027-01-03', closed: true, intervals: [] }] }));
    expect(special.projection.specialHours).toMatchObject({ osm: '2026 Dec 31 10:00-15:00; 2027 Jan 01-2027 Jan 03 off' });
  });

  it('gives the phone in E.164 and national format', () => {
    expect(projection().projection.phone).toEqual({ e164: fullStore('JP', 'x').primaryPhone, national: expect.stringMatching(/^0\d0-\d{4}-\d{4}$/) });
  });

  it('names categories in the manifest language, maps codes with the parent as fallback, and reports unmappable extras', () => {
    const ja = projection(manifest({ listing: { ...base.listing!, categories: { names: 'ja' } } }));
    expect(ja.projection.categories).toEqual({ primary: 'ラーメン店', additional: [] });
    const mapped = manifest({ fieldLimits: { categoriesMax: 5 }, listing: { ...base.listing!, categories: { map: { restaurant: 'R100', cafe: 'C200' } } } });
    const r = projection(mapped, store({ additionalCategories: ['cafe', 'pharmacy'] }));
    expect(r.projection.categories).toEqual({ primary: 'R100', additional: ['C200'] });
    expect(r.notSupported).toContain('additionalCategories');
    const none = projectStandard(mapped, store({ primaryCategory: 'pharmacy' }));
    expect(none.ok || none.problems).toEqual([expect.objectContaining({ field: 'primaryCategory', rule: 'example-directory.category.unmapped' })]);
  });

  it('reports filled fields the platform has no place for, and a non-open status only when it is not shown', () => {
    const r = projection(manifest(), store({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-02-01' }));
    expect(r.notSupported.sort()).toEqual(['latitude', 'localizedNames', 'longitude', 'photos', 'socialProfiles', 'website']);
    expect(r.projection.status).toEqual({ status: 'CLOSED_TEMPORARILY', date: '2027-02-01' });
    const noStatus = manifest({ listing: { ...base.listing!, fields: ['name', 'address', 'primaryPhone', 'primaryCategory'] } });
    expect(projection(noStatus, store({ status: 'CLOSED_TEMPORARILY' })).notSupported).toContain('status');
    expect(projection(noStatus).notSupported).not.toContain('status');
  });
});

describe('manifest rules', () => {
  it('refuses stores outside its countries and categories as NOT_ELIGIBLE, before any other rule', () => {
    const r = projectStandard(manifest({ countries: ['US'] }), store({ name: 'x'.repeat(99) }));
    expect(r.ok || r.problems).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', field: 'address', rule: 'example-directory.country.notServed' })]);
    const beauty = projectStandard(manifest({ eligibility: { categories: ['hair_salon', 'restaurant.sushi'] } }), store());
    expect(beauty.ok || beauty.problems).toEqual([expect.objectContaining({ kind: 'NOT_ELIGIBLE', field: 'primaryCategory' })]);
    expect(projectStandard(manifest({ eligibility: { categories: ['restaurant'] } }), store()).ok).toBe(true);
  });

  it('asks for required fields and refuses values over the limits, naming each field, never truncating', () => {
    const r = projectStandard(
      manifest(),
      store({ primaryPhone: null, name: 'あ'.repeat(41), description: 'い'.repeat(101), additionalCategories: ['cafe', 'bar'], photos: [] }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => [p.field, p.rule])).toEqual([
        ['primaryPhone', 'example-directory.primaryPhone.required'],
        ['name', 'example-directory.name.maxLength'],
        ['description', 'example-directory.description.maxLength'],
        ['additionalCategories', 'example-directory.categories.maxCount'],
      ]);
      expect(r.problems[1]!.message).toBe('Example Directory takes business names of at most 40 characters (this one has 41); shorten it.');
    }
  });

  it('does not hold a platform to limits of fields it does not show', () => {
    const m = manifest({ listing: { ...base.listing!, fields: ['name', 'address', 'primaryPhone', 'primaryCategory'] } });
    const r = projection(m, store({ description: 'い'.repeat(500) }));
    expect(r.notSupported).toContain('description');
    expect(r.projection.description).toBeUndefined();
  });
});
