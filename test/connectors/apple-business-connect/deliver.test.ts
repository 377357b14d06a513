/** deliver(): create once per request id, update by merging the changed keys under If-Match, SUBMITTED until Apple publishes. */
import { describe, expect, it } from 'vitest';
import type { DeliverRequest, Projection } from '../../../connectors/runtime/connector.ts';
import { BRAND, ORG, location, projectionOf, setup } from './helpers.ts';

const tokyo = projectionOf(location({ website: 'https://tenpo.example/akasaka', description: '醤油ラーメン' }));

function createRequest(projection: Projection = tokyo, requestId = 'tenpo-listing-1'): DeliverRequest {
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId };
}

const locPath = (id: string) => `/api/v1/orgs/${ORG}/locations/${id}`;

async function created(fakeOptions = {}) {
  const ctx = await setup({ fake: fakeOptions });
  const result = await ctx.conn.deliver(ctx.session, ctx.calls.call, createRequest());
  ctx.fake.calls.length = 0;
  ctx.calls.options.length = 0;
  return { ...ctx, id: result.platformListingId };
}

describe('deliver: create', () => {
  it('creates the location under the brand with the request id as partnersLocationId, SUBMITTED for Apple’s review', async () => {
    const { fake, conn, session, calls } = await setup();
    const result = await conn.deliver(session, calls.call, createRequest());
    expect(result).toEqual({ platformListingId: expect.stringMatching(/^\d+$/), publicUrl: null, status: 'SUBMITTED' });
    expect(fake.calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['POST', '/api/v1/oauth2/token', 200],
      ['GET', `/api/v1/orgs/${ORG}/locations/by-partner-locationId/tenpo-listing-1`, 404],
      ['POST', `/api/v1/orgs/${ORG}/locations`, 201],
    ]);
    expect(calls.options).toEqual([{ kind: 'read' }, { kind: 'create' }]);
    expect(fake.locations.get(result.platformListingId)?.locationDetails).toEqual({ ...tokyo, partnersLocationId: 'tenpo-listing-1', brandId: BRAND });
  });

  it('reports IN_SYNC only once Apple has published the location', async () => {
    const { conn, session, calls } = await setup({ fake: { autoPublish: true } });
    const result = await conn.deliver(session, calls.call, createRequest());
    expect(result.status).toBe('IN_SYNC');
    expect(result.publicUrl).toBe(`https://maps.apple.com/place?auid=${result.platformListingId}`);
  });

  it('creates one location for one request id, even when the first answer was lost', async () => {
    const { fake, conn, session, calls } = await setup();
    const first = await conn.deliver(session, calls.call, createRequest());
    const again = await conn.deliver(session, calls.call, createRequest(projectionOf(location({ name: 'てんぽ 赤坂本店' }))));
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(fake.locations.size).toBe(1);
    expect(fake.locations.get(first.platformListingId)?.locationDetails.displayNames).toEqual([
      { locale: 'ja-JP', name: 'てんぽ 赤坂本店', primary: true },
      { locale: 'en', name: 'Tenpo Akasaka', primary: false },
    ]);
  });

  it('asks for the brand setting, without creating anything, when the connection has none', async () => {
    const { fake, conn, session, calls } = await setup({ settings: { brandId: '' } });
    await expect(conn.deliver(session, calls.call, createRequest())).rejects.toMatchObject({ kind: 'INVALID', details: { rule: 'apple-business-connect.settings.brandId' } });
    expect(fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/locations'))).toEqual([]);
  });
});

describe('deliver: update', () => {
  it('reads the etag, replaces only the changed keys and keeps what Tenpo does not manage, under If-Match', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.editOnApple(id, { paymentMethods: ['VISA'] }); // set in the portal, not by Tenpo
    const etag = fake.locations.get(id)?.etag;
    const next = projectionOf(location({ name: 'てんぽ 赤坂本店', description: '醤油ラーメン' })); // website removed
    const result = await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: next, changed: ['displayNames', 'urls'], firstWrite: false, requestId: 'r' });

    expect(result).toEqual({ platformListingId: id, publicUrl: null, status: 'SUBMITTED' });
    const put = fake.calls.find((c) => c.method === 'PUT');
    expect(put).toMatchObject({ path: locPath(id), ifMatch: `"${etag}"`, status: 200 });
    const stored = fake.locations.get(id)?.locationDetails;
    expect(stored?.displayNames).toEqual(next.displayNames);
    expect(stored?.urls).toBeUndefined(); // removed in Tenpo: removed on Apple
    expect(stored?.paymentMethods).toEqual(['VISA']);
    expect(stored?.locationDescriptions).toEqual(tokyo.locationDescriptions);
    expect(calls.options).toEqual([{ kind: 'read', listingKey: id }, { kind: 'edit', listingKey: id }]);
  });

  it('keeps Apple’s value of a key Tenpo did not change', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.editOnApple(id, { urls: [{ url: 'https://owner.example', type: 'HOMEPAGE' }] });
    await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: { ...tokyo, categories: ['food.restaurants'] }, changed: ['categories'], firstWrite: false, requestId: 'r' });
    expect(fake.locations.get(id)?.locationDetails).toMatchObject({ categories: ['food.restaurants'], urls: [{ url: 'https://owner.example', type: 'HOMEPAGE' }] });
  });

  it('re-reads and merges again when the location changed between the read and the PUT (412)', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.beforeNext((m) => m === 'PUT', () => fake.editOnApple(id, { paymentMethods: ['MASTERCARD'] }));
    await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: { ...tokyo, storeCode: 'TKY-001B' }, changed: ['storeCode'], firstWrite: false, requestId: 'r' });
    expect(fake.calls.filter((c) => c.method !== 'POST').map((c) => [c.method, c.status])).toEqual([
      ['GET', 200],
      ['PUT', 412],
      ['GET', 200],
      ['PUT', 200],
    ]);
    expect(fake.locations.get(id)?.locationDetails).toMatchObject({ storeCode: 'TKY-001B', paymentMethods: ['MASTERCARD'] });
  });

  it('reports a conflict for the runtime to retry when the location keeps changing', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.beforeNext((m) => m === 'PUT', () => fake.editOnApple(id, { paymentMethods: ['A'] }));
    fake.beforeNext((m) => m === 'PUT', () => fake.editOnApple(id, { paymentMethods: ['B'] }));
    const attempt = conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: { ...tokyo, storeCode: 'X' }, changed: ['storeCode'], firstWrite: false, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'TRANSIENT', details: { status: 412, rule: 'apple-business-connect.etag.conflict' } });
    expect(fake.locations.get(id)?.locationDetails.storeCode).toBe('TKY-001');
  });

  it('does not PUT when nothing changes, and answers with Apple’s state', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.publish(id);
    const result = await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: tokyo, changed: ['displayNames'], firstWrite: false, requestId: 'r' });
    expect(result.status).toBe('IN_SYNC');
    expect(fake.calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('turns Apple’s validation refusal into INVALID on the Tenpo field', async () => {
    const { conn, session, calls, id } = await created();
    const attempt = conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: { ...tokyo, phoneNumbers: [{ phoneNumber: '03-1234-5678', primary: true, type: 'VOICE' }] }, changed: ['phoneNumbers'], firstWrite: false, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'INVALID', details: { status: 400, field: 'primaryPhone', rule: 'apple-business-connect.VALIDATION__PhoneNumberFormatInvalid' } });
  });

  it('reports a location Apple rejected as INVALID with Apple’s reason, and one deleted as NOT_FOUND', async () => {
    const { fake, conn, session, calls, id } = await created();
    fake.reject(id);
    const rejected = conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: tokyo, changed: [], firstWrite: false, requestId: 'r' });
    await expect(rejected).rejects.toMatchObject({ kind: 'INVALID' });
    fake.locations.delete(id);
    const gone = conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection: tokyo, changed: ['storeCode'], firstWrite: false, requestId: 'r' });
    await expect(gone).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
  });
});
