/** deliver(), readBack(), verify(), discover() against the fake partner API. */
import { describe, expect, it } from 'vitest';
import type { DeliverRequest, Projection } from '../../../connectors/runtime/connector.ts';
import { IDENTITY, connector, location, projectionOf, setup } from './helpers.ts';

const tokyo = projectionOf(location({ website: 'https://tenpo.example/akasaka' }));
const create = (projection: Projection = tokyo): DeliverRequest => ({ platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r1' });

describe('deliver', () => {
  it('creates the business under the store code with the Identity and a TrackingId, SUBMITTED while Bing checks it', async () => {
    const { fake, conn, session, calls } = await setup();
    const result = await conn.deliver(session, calls.call, create());
    expect(result).toEqual({ platformListingId: 'TKY-001', publicUrl: null, status: 'SUBMITTED' });
    const post = fake.calls.find((c) => c.operation === 'CreateBusinesses');
    expect(post?.body).toMatchObject({ Identity: IDENTITY, TrackingId: expect.stringMatching(/^[0-9a-f-]{36}$/), Businesses: [{ StoreId: 'TKY-001', BusinessName: 'てんぽ 赤坂店', AddressLine1: '赤坂四丁目３番２号', ZipCode: '107-0052', MainWebSite: 'https://tenpo.example/akasaka' }] });
    expect(calls.options[0]).toEqual({ kind: 'create', listingKey: 'TKY-001' });
  });

  it('does not duplicate a business when a create is retried: an existing store code is updated', async () => {
    const { fake, conn, session, calls } = await setup();
    await conn.deliver(session, calls.call, create());
    await conn.deliver(session, calls.call, create(projectionOf(location({ name: 'てんぽ 赤坂本店' }))));
    expect(fake.businesses.size).toBe(1);
    expect([...fake.businesses.values()][0]?.listing.BusinessName).toBe('てんぽ 赤坂本店');
    expect(fake.calls.map((c) => c.operation)).toEqual(['CreateBusinesses', 'GetBusinessStatusInfo', 'CreateBusinesses', 'UpdateBusinesses', 'GetBusinessStatusInfo']);
  });

  it('updates with the whole business when a key changed, and is IN_SYNC once Bing has published it', async () => {
    const { fake, conn, session, calls } = await setup();
    await conn.deliver(session, calls.call, create());
    fake.publish('TKY-001');
    const next = projectionOf(location({ primaryPhone: '03-5555-5555' }));
    const pending = await conn.deliver(session, calls.call, { platformListingId: 'TKY-001', storeCode: 'TKY-001', projection: next, changed: ['PhoneNumber'], firstWrite: false, requestId: 'r1' });
    expect(pending.status).toBe('SUBMITTED'); // Bing holds the update until it publishes it
    const update = fake.calls.find((c) => c.operation === 'UpdateBusinesses');
    expect(update?.body.Businesses).toEqual([expect.objectContaining({ StoreId: 'TKY-001', PhoneNumber: '+81355555555', BusinessName: 'てんぽ 赤坂店', City: '港区' })]);
    fake.publish('TKY-001');
    const live = await conn.deliver(session, calls.call, { platformListingId: 'TKY-001', storeCode: 'TKY-001', projection: next, changed: [], firstWrite: false, requestId: 'r1' });
    expect(live).toEqual({ platformListingId: 'TKY-001', publicUrl: expect.stringContaining('bing.com/mapspreview'), status: 'IN_SYNC' });
    expect(fake.calls.filter((c) => c.operation === 'UpdateBusinesses')).toHaveLength(1);
  });

  it('turns Bing’s validation errors into INVALID on the Tenpo field', async () => {
    const { conn, session, calls } = await setup();
    const bad = { ...tokyo, Address: { ...(tokyo.Address as object), Country: 'GH' } };
    await expect(conn.deliver(session, calls.call, create(bad))).rejects.toMatchObject({ kind: 'INVALID', details: { field: 'address', platformMessage: expect.stringContaining('GH is not a supported country/region') } });
  });

  it('reports a business gone from the account as NOT_FOUND', async () => {
    const { fake, conn, session, calls } = await setup();
    await conn.deliver(session, calls.call, create());
    fake.businesses.clear();
    await expect(conn.deliver(session, calls.call, { platformListingId: 'TKY-001', storeCode: 'TKY-001', projection: tokyo, changed: ['BusinessName'], firstWrite: false, requestId: 'r1' })).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});

describe('readBack, verify, discover', () => {
  it('reads back what was delivered, keyed like the projection, and Bing-side edits as drift', async () => {
    const { fake, conn, session, calls } = await setup();
    await conn.deliver(session, calls.call, create());
    const read = await conn.readBack(session, calls.call, 'TKY-001');
    expect(read).toEqual({ current: tokyo, platformEdits: {}, publicUrl: null, status: 'SUBMITTED' });
    fake.editOnBing('TKY-001', { OperatingHours: ['Tue 09:00 AM-12:00 AM'] });
    const drift = await conn.readBack(session, calls.call, 'TKY-001');
    expect(drift.current.OperatingHours).toEqual(['Tue 09:00 AM-12:00 AM']);
    expect(conn.toLocationPatch('OperatingHours', drift.current.OperatingHours, location())).toEqual({ regularHours: [{ day: 'TUESDAY', intervals: [{ open: '09:00', close: '24:00' }] }] });
    expect(conn.toLocationPatch('Address', read.current.Address, location())).toEqual({ address: location().address });
  });

  it('verifies the identity and says when Bing no longer accepts it', async () => {
    const { fake, conn, session, calls } = await setup();
    await expect(conn.verify(session, calls.call, null)).resolves.toEqual({ externalAccount: IDENTITY.EmailId, displayName: `Bing Places (${IDENTITY.EmailId})` });
    fake.removeIdentity(IDENTITY.Puid);
    await expect(conn.verify(session, calls.call, null)).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { rule: 'bing-places.error.3' } });
  });

  it('lists every business of the account, page by page', async () => {
    const { conn, session, calls, fake } = await setup();
    for (let i = 0; i < 101; i++) await conn.deliver(session, calls.call, { ...create(), storeCode: `S-${i}` });
    const found = [];
    for await (const s of conn.discover(session, calls.call, IDENTITY.EmailId)) found.push(s);
    expect(found).toHaveLength(101);
    expect(found[100]).toEqual({ platformListingId: 'S-100', storeCode: 'S-100', title: 'てんぽ 赤坂店', publicUrl: null });
    expect(fake.calls.filter((c) => c.operation === 'GetBusinesses').map((c) => (c.body as { PageNumber?: number }).PageNumber)).toEqual([1, 2]);
  });
});

describe('errors', () => {
  it('maps 429 with Retry-After to RATE_LIMITED, 5xx to TRANSIENT', async () => {
    const { conn, session, calls, fake } = await setup({ requestsPerMinute: 1 });
    await conn.verify(session, calls.call, null);
    await expect(conn.verify(session, calls.call, null)).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { status: 429, retryAfterMs: expect.any(Number) } });
    fake.failNext(1, { status: 503 });
    await expect(conn.verify(session, calls.call, null)).rejects.toMatchObject({ kind: 'TRANSIENT', details: { status: 503 } });
  });

  it('refuses malformed credentials naming the field, never the value', () => {
    const parse = (v: unknown) => connector().parseCredentials(v);
    expect(() => parse({ puid: 'p', authProvider: 'MSA', emailId: 'not-an-email-secret' })).toThrow(/emailId/);
    expect(() => parse({ puid: 'p', authProvider: 'MSA', emailId: 'not-an-email-secret' })).not.toThrow(/not-an-email-secret/);
  });
});
