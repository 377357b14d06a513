/** Delivery through Data Ingestion jobs against the fake: create, update, pending jobs, refusals. */
import { describe, expect, it } from 'vitest';
import type { DeliverRequest, Projection } from '../../../connectors/runtime/connector.ts';
import { failure, location, projectionOf, setup } from './helpers.ts';

function request(projection: Projection, over: Partial<DeliverRequest> = {}): DeliverRequest {
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection).sort(), firstWrite: true, requestId: 'listing-1', ...over };
}

describe('create', () => {
  it('submits one job with the whole store, matched by store code, and answers SUBMITTED with the business', async () => {
    const { fake, conn, session, calls } = await setup({ processImmediately: true });
    const projection = projectionOf(location({ website: 'https://tenpo.example/akasaka', description: '濃厚豚骨' }));
    const result = await conn.deliver(session, calls.call, request(projection));

    expect(result.status).toBe('SUBMITTED');
    const business = fake.businesses.get(result.platformListingId);
    expect(business).toMatchObject({ name: 'てんぽ 赤坂店', address1: '赤坂四丁目３番２号', city: '港区', phone: '+81312345678', url: 'https://tenpo.example/akasaka', specialties: '濃厚豚骨', categories: ['ramen'] });
    expect(result.publicUrl).toBe(`https://www.yelp.com/biz/${result.platformListingId}`);

    const create = fake.calls.find((c) => c.path === '/v1/ingest/create');
    expect(create?.auth).toBe('basic');
    expect(create?.body).toMatchObject({
      businesses: [{ partner_business_id: 'TKY-001', options: { create_if_missing: true }, matching_criteria: { name: 'てんぽ 赤坂店', address1: '赤坂四丁目３番２号', city: '港区', country: 'JP' } }],
    });
    expect(fake.calls.find((c) => c.path.startsWith('/v1/ingest/status/'))?.query.detail_level).toBe('2');
    expect(calls.options.map((o) => o.kind)).toEqual(['create', 'read']);
  });

  it('does not make a second business when a create is retried', async () => {
    const { fake, conn, session, calls } = await setup({ processImmediately: true });
    const projection = projectionOf(location());
    const first = await conn.deliver(session, calls.call, request(projection));
    const again = await conn.deliver(session, calls.call, request(projection));
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(fake.businesses.size).toBe(1);
  });

  it('stands in with the job while Yelp has not processed it, then continues with Yelp’s business id', async () => {
    const { fake, conn, session, calls } = await setup();
    const projection = projectionOf(location());
    const pending = await conn.deliver(session, calls.call, request(projection));
    expect(pending).toEqual({ platformListingId: expect.stringMatching(/^job:/), publicUrl: null, status: 'SUBMITTED' });
    expect(fake.businesses.size).toBe(0);

    fake.processJobs();
    const renamed = projectionOf(location({ name: 'てんぽ 赤坂本店' }));
    const next = await conn.deliver(session, calls.call, request(renamed, { platformListingId: pending.platformListingId, changed: ['name'], firstWrite: false }));
    const [business] = [...fake.businesses.values()];
    expect(next).toEqual({ platformListingId: business?.id, publicUrl: `https://www.yelp.com/biz/${business?.id}`, status: 'SUBMITTED' });
    fake.processJobs();
    expect(business?.name).toBe('てんぽ 赤坂本店');
  });

  it('names the field Yelp refused in the job, so a person knows what to change', async () => {
    const { conn, session, calls } = await setup({ processImmediately: true });
    const projection = { ...projectionOf(location()), categories: ['ramen', 'noodles-of-the-world'] };
    const e = await failure(conn.deliver(session, calls.call, request(projection)));
    expect(e.kind).toBe('INVALID');
    expect(e.details.field).toBe('primaryCategory');
    expect(e.message).toContain('categories');
  });

  it('maps a refused matching address to the address field', async () => {
    const { conn, session, calls } = await setup({ processImmediately: true });
    const projection = { ...projectionOf(location()), location: { address1: 'x'.repeat(65), address2: null, address3: null, city: '港区', state: '東京都', postal_code: '107-0052', country: 'JP' } };
    const e = await failure(conn.deliver(session, calls.call, request(projection)));
    expect([e.kind, e.details.status, e.details.field]).toEqual(['INVALID', 400, 'address']);
  });
});

describe('update', () => {
  it('sends only the changed attributes, matched by the business id, and deletes a removed one with ""', async () => {
    const { fake, conn, session, calls } = await setup({ processImmediately: true });
    const before = projectionOf(location({ website: 'https://tenpo.example' }));
    const created = await conn.deliver(session, calls.call, request(before));
    const after = projectionOf(location({ primaryPhone: '03-9999-0000', regularHours: [{ day: 'MONDAY', intervals: [{ open: '11:00', close: '02:00' }] }] }));
    await conn.deliver(session, calls.call, request(after, { platformListingId: created.platformListingId, changed: ['hours', 'phone', 'url'], firstWrite: false }));

    const jobs = fake.calls.filter((c) => c.path === '/v1/ingest/create');
    const sent = (jobs[1]?.body as { businesses: { update: Record<string, unknown>; matching_criteria: Record<string, unknown>; options: Record<string, unknown> }[] }).businesses[0];
    expect(Object.keys(sent?.update ?? {}).sort()).toEqual(['hours', 'phone', 'url']);
    expect(sent?.update.url).toBe('');
    expect(sent?.matching_criteria.yelp_business_id).toBe(created.platformListingId);
    expect(sent?.options.create_if_missing).toBe(false);
    const business = fake.businesses.get(created.platformListingId);
    expect(business).toMatchObject({ phone: '+81399990000', url: null, hours: [{ day: 0, start: '1100', end: '0200', is_overnight: true }] });
    expect(calls.options.at(-2)).toEqual({ kind: 'edit', listingKey: created.platformListingId });
  });

  it('spreads a changed address over Yelp’s address attributes', async () => {
    const { fake, conn, session, calls } = await setup({ processImmediately: true });
    const created = await conn.deliver(session, calls.call, request(projectionOf(location())));
    const moved = projectionOf(location({ address: { country: 'JP', postalCode: '150-0002', region: '東京都', city: '渋谷区', district: '渋谷二丁目', lines: ['1番1号'], building: null } }));
    await conn.deliver(session, calls.call, request(moved, { platformListingId: created.platformListingId, changed: ['location'], firstWrite: false }));
    const sent = fake.calls.filter((c) => c.path === '/v1/ingest/create')[1]?.body as { businesses: { update: Record<string, unknown> }[] };
    expect(sent.businesses[0]?.update).toEqual({ address1: '渋谷二丁目1番1号', address2: '', address3: '', city: '渋谷区', state: '東京都', postal_code: '150-0002', country: 'JP' });
    expect(fake.businesses.get(created.platformListingId)).toMatchObject({ address1: '渋谷二丁目1番1号', address2: null, city: '渋谷区' });
  });

  it('sends nothing when nothing changed', async () => {
    const { fake, conn, session, calls } = await setup({ processImmediately: true });
    const created = await conn.deliver(session, calls.call, request(projectionOf(location())));
    const before = fake.calls.length;
    const again = await conn.deliver(session, calls.call, request(projectionOf(location()), { platformListingId: created.platformListingId, changed: [], firstWrite: false }));
    expect(again.status).toBe('SUBMITTED');
    expect(fake.calls.length).toBe(before);
  });

  it('refuses to send a key that is not a Yelp attribute', async () => {
    const { conn, session, calls } = await setup({ processImmediately: true });
    const e = await failure(conn.deliver(session, calls.call, request(projectionOf(location()), { platformListingId: 'abc', changed: ['labels'], firstWrite: false })));
    expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'yelp.update.unknownKey']);
  });
});
