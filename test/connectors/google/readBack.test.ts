/** readBack(): what Google shows, keyed like project(), and Google's own edits as platformEdits. */
import { describe, expect, it } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { canonicalJson } from '../../../src/lib/canonicalJson.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { connector, location, projectionOf, setup } from './helpers.ts';

const full = location({
  website: 'https://tenpo.example/akasaka',
  description: '醤油ラーメン。深夜まで営業。',
  additionalPhones: ['090-1234-5678'],
  additionalCategories: ['restaurant', 'bar'],
  labels: ['flagship', 'tokyo'],
  regularHours: [
    { day: 'MONDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '02:00' }] },
    { day: 'SATURDAY', intervals: [{ open: '00:00', close: '24:00' }] },
    { day: 'SUNDAY', intervals: [{ open: '18:00', close: '01:30' }] },
  ],
  specialHours: [
    { startDate: '2026-12-24', endDate: '2026-12-24', closed: false, intervals: [{ open: '17:00', close: '01:00' }] },
    { startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] },
  ],
});

async function delivered(settings: Record<string, boolean | string> = {}) {
  const ctx = await setup({ settings });
  const projection = projectionOf(full, settings);
  const { platformListingId: name } = await ctx.conn.deliver(ctx.session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r1' });
  return { ...ctx, name, projection };
}

const same = (a: Projection, b: Projection) => expect(canonicalJson(a)).toBe(canonicalJson(b));

describe('readBack', () => {
  it('reads back what was delivered as exactly the projection', async () => {
    const { conn, session, calls, name, projection, fake } = await delivered();
    const back = await conn.readBack(session, calls.call, name);
    same(back.current, projection);
    expect(back.platformEdits).toEqual({});
    expect(back.publicUrl).toMatch(/^https:\/\/maps\.google\.com\//);
    const get = fake.findCalls({ method: 'GET', path: `/v1/${name}` })[0];
    expect(get?.query.readMask?.split(',').sort()).toEqual(
      ['categories', 'metadata', 'name', 'openInfo', 'phoneNumbers', 'profile', 'regularHours', 'specialHours', 'storeCode', 'storefrontAddress', 'labels', 'title', 'websiteUri'].sort(),
    );
  });

  it('reads latlng back only where it is sent', async () => {
    const { conn, session, calls, name, projection } = await delivered({ sendLatlng: true });
    expect(projection.latlng).toEqual({ latitude: 35.6727, longitude: 139.7365 });
    same((await conn.readBack(session, calls.call, name)).current, projection);
  });

  it('reads Google’s own spellings of the same content as equal: phone formats, output-only fields, proto3 defaults, midnight', async () => {
    const { fake, conn, session, calls, account } = await setup();
    const loc = location({ regularHours: [{ day: 'FRIDAY', intervals: [{ open: '18:00', close: '24:00' }] }], specialHours: [{ startDate: '2027-01-01', endDate: '2027-01-01', closed: false, intervals: [{ open: '10:00', close: '15:00' }] }] });
    const expected = projectionOf(loc);
    const seeded = fake.seedLocation(account, {
      title: 'てんぽ 赤坂店',
      storeCode: 'TKY-001',
      languageCode: 'ja',
      phoneNumbers: { primaryPhone: '03-1234-5678', additionalPhones: [] },
      categories: { primaryCategory: { name: 'categories/gcid:ramen_restaurant', displayName: 'ラーメン屋', serviceTypes: [{ serviceTypeId: 'job_type_id:x', displayName: 'x' }] } },
      storefrontAddress: { revision: 0, regionCode: 'JP', languageCode: 'ja', postalCode: '107-0052', administrativeArea: '東京都', locality: '港区', sublocality: '赤坂四丁目', addressLines: ['３番２号', '赤坂ビル５F'], recipients: [] },
      regularHours: { periods: [{ openDay: 'FRIDAY', openTime: { hours: 18, minutes: 0 }, closeDay: 'SATURDAY', closeTime: {} }] },
      specialHours: { specialHourPeriods: [{ startDate: { year: 2027, month: 1, day: 1 }, endDate: { year: 2027, month: 1, day: 1 }, openTime: { hours: 10 }, closeTime: { hours: 15 }, closed: false }] },
      labels: ['flagship'],
      openInfo: { status: 'OPEN', canReopen: true },
      websiteUri: '',
    });
    const back = await conn.readBack(session, calls.call, seeded.name as string);
    same(back.current, expected);
  });

  it('returns Google-side edits (diffMask) as whole projection values, and keeps showing the merchant’s version', async () => {
    const { fake, conn, session, calls, name, projection } = await delivered();
    expect(fake.googleEdit(name, { title: 'てんぽ 赤坂', storefrontAddress: { postalCode: '107-0051' }, profile: { description: 'Googleの説明' } })).toEqual([
      'title',
      'storefrontAddress.postalCode',
      'profile.description',
    ]);
    fake.googleEdit(name, {}, ['websiteUri']); // Google removed the website
    const back = await conn.readBack(session, calls.call, name);
    same(back.current, projection);
    expect(back.platformEdits).toEqual({
      title: 'てんぽ 赤坂',
      storefrontAddress: { ...(projection.storefrontAddress as object), postalCode: '107-0051' },
      'profile.description': 'Googleの説明',
      websiteUri: null,
    });
    expect(fake.findCalls({ method: 'GET' }).map((c) => c.path)).toEqual([`/v1/${name}`, `/v1/${name}:getGoogleUpdated`]);
  });

  it('does not ask for Google’s version when Google changed nothing', async () => {
    const { fake, conn, session, calls, name } = await delivered();
    fake.clearCalls();
    await conn.readBack(session, calls.call, name);
    expect(fake.findCalls({ method: 'GET' })).toHaveLength(1);
    expect(calls.options.at(-1)).toEqual({ kind: 'read', listingKey: name });
  });
});

describe('toLocationPatch', () => {
  it('accepting each Google edit makes Tenpo project exactly Google’s value, and the result validates', async () => {
    const { fake, conn, session, calls, name } = await delivered();
    fake.googleEdit(name, {
      title: 'てんぽ 赤坂',
      phoneNumbers: { primaryPhone: '+81 3-5555-5555', additionalPhones: ['+81 90-2222-3333', '+81 90-4444-5555'] },
      categories: { primaryCategory: { name: 'categories/gcid:japanese_restaurant' }, additionalCategories: [{ name: 'categories/gcid:japanese_izakaya_restaurant' }] },
      storefrontAddress: { postalCode: '107-0051', sublocality: '元赤坂一丁目' },
      regularHours: { periods: [{ openDay: 'TUESDAY', openTime: { hours: 11, minutes: 30 }, closeDay: 'WEDNESDAY', closeTime: { hours: 1 } }, { openDay: 'SUNDAY', openTime: {}, closeDay: 'SUNDAY', closeTime: { hours: 24 } }] },
      specialHours: { specialHourPeriods: [1, 2, 3].map((day) => ({ startDate: { year: 2027, month: 1, day }, closed: true })) },
      profile: { description: 'Googleの説明' },
      labels: ['google'],
      openInfo: { status: 'CLOSED_TEMPORARILY' },
    });
    fake.googleEdit(name, {}, ['websiteUri']);
    const { platformEdits } = await conn.readBack(session, calls.call, name);
    expect(Object.keys(platformEdits).sort()).toEqual(['categories', 'labels', 'openInfo', 'phoneNumbers', 'profile.description', 'regularHours', 'specialHours', 'storefrontAddress', 'title', 'websiteUri']);

    for (const [key, value] of Object.entries(platformEdits)) {
      const patch = conn.toLocationPatch(key, value, full);
      expect(patch, key).not.toBeNull();
      const accepted = { ...full, ...patch };
      expect(validateLocation(accepted).ok, key).toBe(true);
      const projected = conn.project(accepted, { settings: {} });
      expect(projected.ok, key).toBe(true);
      if (projected.ok) expect(canonicalJson(projected.projection[key] ?? null), key).toBe(canonicalJson(value));
    }
    expect(conn.toLocationPatch('specialHours', platformEdits.specialHours, full)).toEqual({
      specialHours: [{ startDate: '2027-01-01', endDate: '2027-01-03', closed: true, intervals: [] }], // consecutive days joined
    });
    expect(conn.toLocationPatch('storefrontAddress', platformEdits.storefrontAddress, full)).toEqual({
      address: { ...full.address, postalCode: '107-0051', district: '元赤坂一丁目' }, // the building stays the building
    });
  });

  it('maps status back, keeping what Google cannot say', () => {
    const conn = connector();
    expect(conn.toLocationPatch('openInfo', { status: 'CLOSED_PERMANENTLY' }, full)).toEqual({ status: 'CLOSED_PERMANENTLY', statusDate: null });
    const soon = location({ status: 'OPENING_SOON', statusDate: '2027-04-01' });
    expect(conn.toLocationPatch('openInfo', { status: 'OPEN', openingDate: { year: 2027, month: 5, day: 1 } }, soon)).toEqual({ status: 'OPENING_SOON', statusDate: '2027-05-01' });
    const closed = location({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-02-01' });
    expect(conn.toLocationPatch('openInfo', { status: 'CLOSED_TEMPORARILY' }, closed)).toEqual({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-02-01' });
    expect(conn.toLocationPatch('openInfo', { status: 'OPEN' }, closed)).toEqual({ status: 'OPEN', statusDate: null });
  });

  it('returns null for what Tenpo cannot express', () => {
    const conn = connector();
    expect(conn.toLocationPatch('categories', { primaryCategory: { name: 'categories/gcid:space_station' } }, full)).toBeNull();
    expect(conn.toLocationPatch('categories', { primaryCategory: { name: 'categories/gcid:cafe' }, additionalCategories: [{ name: 'categories/gcid:zoo' }] }, full)).toBeNull();
    expect(conn.toLocationPatch('regularHours', { periods: [{ openDay: 'MONDAY', openTime: { hours: 9 }, closeDay: 'TUESDAY', closeTime: { hours: 18 } }] }, full)).toBeNull(); // 33 hours
    expect(conn.toLocationPatch('storefrontAddress', { regionCode: 'JP', organization: 'Tenpo KK', addressLines: ['1'] }, full)).toBeNull();
    expect(conn.toLocationPatch('title', null, full)).toBeNull(); // a name is required
    expect(conn.toLocationPatch('nickname', 'x', full)).toBeNull();
    expect(conn.toLocationPatch('labels', null, full)).toEqual({ labels: [] });
    expect(conn.toLocationPatch('phoneNumbers', undefined, full)).toEqual({ primaryPhone: null, additionalPhones: [] });
  });
});
