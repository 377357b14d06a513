import { describe, expect, it } from 'vitest';
import type { DeliverRequest } from '../../../connectors/runtime/connector.ts';
import { location, projectionOf, setup } from './helpers.ts';

function request(overrides: Partial<DeliverRequest> = {}): DeliverRequest {
  const projection = projectionOf(location({ description: '濃厚豚骨ラーメンの店' }));
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection).sort(), firstWrite: true, requestId: 'listing-1', ...overrides };
}

describe('Foursquare delivery', () => {
  it('suggests a new place (checked with dry_run first) and is SUBMITTED until Foursquare creates it', async () => {
    const { fake, conn, session, calls } = await setup();
    const result = await conn.deliver(session, calls.call, request());
    expect(result).toMatchObject({ status: 'SUBMITTED', publicUrl: null });
    expect(result.platformListingId).toMatch(/^suggestion:[0-9a-f]{24}$/);
    const posts = fake.calls.filter((c) => c.path === '/places/suggest/place');
    expect(posts.map((c) => c.query.dry_run)).toEqual(['true', 'false']);
    expect(posts[1]?.query).toMatchObject({ name: 'てんぽ 赤坂店', address: '赤坂四丁目3番2号 赤坂ビル5F', locality: '港区', region: '東京都', postcode: '107-0052', country_code: 'JP', tel: '03-1234-5678', hours: '1,1100,1500;1,1700,+0200;6,1100,2200', categories: '55a59bace4b013909087cb24' });
    // description is not a parameter of a new place: Foursquare would refuse it.
    expect(posts[1]?.query.description).toBeUndefined();
    expect(fake.suggestions.size).toBe(1);
  });

  it('once Foursquare created the place, moves the listing to it and sends what the suggestion could not carry', async () => {
    const { fake, conn, session, calls } = await setup();
    const first = await conn.deliver(session, calls.call, request());
    const placeId = fake.accept(first.platformListingId.slice('suggestion:'.length)) as string;
    const next = await conn.deliver(session, calls.call, request({ platformListingId: first.platformListingId, changed: [], firstWrite: false }));
    expect(next).toEqual({ platformListingId: placeId, publicUrl: `https://foursquare.com/v/${placeId}`, status: 'IN_SYNC' });
    expect(fake.places.get(placeId)?.description).toBe('濃厚豚骨ラーメンの店');
  });

  it('holds changes while the new place is still under review, as a transient wait', async () => {
    const { conn, session, calls } = await setup();
    const first = await conn.deliver(session, calls.call, request());
    await expect(conn.deliver(session, calls.call, request({ platformListingId: first.platformListingId, changed: ['name'], firstWrite: false }))).rejects.toMatchObject({ kind: 'PENDING', details: { rule: 'foursquare.suggestion.pending' } });
  });

  it('edits an existing place matched by Foursquare instead of suggesting a duplicate', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'てんぽ 赤坂店', location: { address: '赤坂四丁目3番2号 赤坂ビル5F', postcode: '107-0052', country: 'JP' }, categories: [] });
    const result = await conn.deliver(session, calls.call, request());
    expect(result).toMatchObject({ platformListingId: id, status: 'IN_SYNC' });
    expect(fake.suggestions.size).toBe(1);
    expect(fake.places.get(id)?.description).toBe('濃厚豚骨ラーメンの店');
  });

  it('sends only the changed parameters, unsets removed ones and replaces categories', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'old', website: 'https://old.example', location: { country: 'JP' }, categories: [{ fsq_category_id: '4bf58dd8d48988d111941735', name: 'Japanese' }] });
    const projection = projectionOf(location({ name: 'てんぽ 赤坂本店' }));
    const result = await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['name', 'website', 'categories'], firstWrite: false, requestId: 'l1' });
    expect(result.status).toBe('IN_SYNC');
    const edit = fake.calls.find((c) => c.path.endsWith('/suggest/edit'));
    expect(edit?.query).toEqual({ name: 'てんぽ 赤坂本店', unset_fields: 'website', primary_fsq_category_id: '55a59bace4b013909087cb24', remove_fsq_category_ids: '4bf58dd8d48988d111941735', dry_run: 'false' });
    expect(fake.places.get(id)).toMatchObject({ name: 'てんぽ 赤坂本店', categories: [{ fsq_category_id: '55a59bace4b013909087cb24' }] });
    expect(fake.places.get(id)?.website).toBeUndefined();
    expect(calls.options.map((o) => o.kind)).toEqual(['read', 'edit']);
  });

  it('is SUBMITTED when Foursquare holds an edit for review', async () => {
    const { fake, conn, session, calls } = await setup({ fake: { autoAcceptEdits: false } });
    const id = fake.seedPlace({ name: 'old', location: { country: 'JP' }, categories: [] });
    const projection = projectionOf(location());
    const result = await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['name'], firstWrite: false, requestId: 'l1' });
    expect(result.status).toBe('SUBMITTED');
    expect(fake.places.get(id)?.name).toBe('old');
  });

  it('reports a permanent closure through the remove endpoint with reason closed', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'てんぽ 赤坂店', location: { country: 'JP' }, categories: [] });
    const projection = projectionOf(location({ status: 'CLOSED_PERMANENTLY' }));
    await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['closed'], firstWrite: false, requestId: 'l1' });
    expect(fake.calls.find((c) => c.path.endsWith('/suggest/remove'))?.query).toMatchObject({ reason: 'closed' });
    expect(fake.places.get(id)?.date_closed).toBeDefined();
  });

  it('maps a refused parameter to INVALID naming the Tenpo field', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'x', location: { country: 'JP' }, categories: [] });
    const projection = { ...projectionOf(location()), hours: '8,1100,1500' };
    await expect(conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['hours'], firstWrite: true, requestId: 'l1' })).rejects.toMatchObject({
      kind: 'INVALID',
      details: { status: 400, field: 'regularHours', rule: 'foursquare.invalid.hours' },
    });
    // The dry run caught it: nothing was submitted.
    expect(fake.suggestions.size).toBe(0);
  });
});

describe('Foursquare social handles', () => {
  it('unsets the X handle when only Instagram remains', async () => {
    const { fake, conn, session, calls } = await setup();
    const id = fake.seedPlace({ name: 'x', location: { country: 'JP' }, categories: [], social_media: { instagram: 'old', twitter: 'tenpo' } });
    const projection = projectionOf(location({ socialProfiles: [{ network: 'INSTAGRAM', url: 'https://www.instagram.com/tenpo_akasaka' }] }));
    await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['social'], firstWrite: false, requestId: 'l1' });
    expect(fake.calls.find((c) => c.path.endsWith('/suggest/edit'))?.query).toMatchObject({ instagram: 'tenpo_akasaka', unset_fields: 'twitter' });
    expect(fake.places.get(id)?.social_media).toEqual({ instagram: 'tenpo_akasaka' });
  });
});
