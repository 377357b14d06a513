/** deliver(): create once per requestId, patch exactly the changed keys, validate before the first write. */
import { describe, expect, it } from 'vitest';
import type { DeliverRequest, Projection } from '../../../connectors/runtime/connector.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { failTimes, on } from '../../fakes/google/server.ts';
import { location, projectionOf, setup, testCall } from './helpers.ts';

const tokyo = projectionOf(location({ website: 'https://tenpo.example/akasaka', description: '醤油ラーメン', additionalPhones: ['090-1234-5678'] }));

function createRequest(projection: Projection = tokyo, requestId = 'tenpo-listing-1'): DeliverRequest {
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId };
}

async function created() {
  const ctx = await setup();
  const result = await ctx.conn.deliver(ctx.session, ctx.calls.call, createRequest());
  ctx.fake.clearCalls();
  ctx.calls.options.length = 0;
  return { ...ctx, name: result.platformListingId };
}

describe('deliver: create', () => {
  it('validates first, then creates under the connection’s account with the requestId and the whole projection', async () => {
    const { fake, conn, session, account, calls } = await setup();
    const result = await conn.deliver(session, calls.call, createRequest());

    expect(result).toEqual({ platformListingId: expect.stringMatching(/^locations\/\d+$/), publicUrl: expect.stringMatching(/^https:\/\/maps\.google\.com\//), status: 'IN_SYNC' });
    const posts = fake.findCalls({ method: 'POST', api: 'businessinformation' });
    expect(posts.map((c) => [c.path, c.query.validateOnly, c.query.requestId])).toEqual([
      [`/v1/${account}/locations`, 'true', undefined],
      [`/v1/${account}/locations`, undefined, 'tenpo-listing-1'],
    ]);
    expect(calls.options).toEqual([{ kind: 'read' }, { kind: 'create' }]); // validateOnly is not an edit
    const stored = fake.state.location(result.platformListingId);
    expect(stored).toMatchObject({ title: 'てんぽ 赤坂店', languageCode: 'ja', storeCode: 'TKY-001', profile: { description: '醤油ラーメン' }, websiteUri: 'https://tenpo.example/akasaka' });
    expect(stored?.phoneNumbers).toEqual(tokyo.phoneNumbers);
  });

  it('creates one listing for one requestId, even when the first answer was lost', async () => {
    const { fake, conn, session, account, calls } = await setup();
    fake.setFaults(failTimes(1, { kind: 'hang', afterProcessing: true }, (r) => r.method === 'POST' && r.query.requestId !== undefined));
    const lost = conn.deliver(session, testCall(conn, 300).call, createRequest());
    await expect(lost).rejects.toMatchObject({ kind: 'TRANSIENT' });
    expect(fake.state.locationNames(account)).toHaveLength(1); // it landed

    const again = await conn.deliver(session, calls.call, { ...createRequest(), firstWrite: false });
    const third = await conn.deliver(session, calls.call, { ...createRequest(), firstWrite: false });
    expect(fake.state.locationNames(account)).toEqual([again.platformListingId]);
    expect(third.platformListingId).toBe(again.platformListingId);
  });

  it('keeps a long requestId stable within Google’s 50 characters', async () => {
    const { fake, conn, session, account, calls } = await setup();
    const id = `org-${'x'.repeat(60)}`;
    const a = await conn.deliver(session, calls.call, { ...createRequest(tokyo, id), firstWrite: false });
    const b = await conn.deliver(session, calls.call, { ...createRequest(tokyo, id), firstWrite: false });
    expect(b.platformListingId).toBe(a.platformListingId);
    expect(fake.state.locationNames(account)).toHaveLength(1);
    expect(fake.findCalls({ method: 'POST' }).every((c) => (c.query.requestId ?? '').length <= 50)).toBe(true);
  });

  it('asks for the account setting, without calling Google, when the connection has none', async () => {
    const ctx = await setup({ settings: { account: '' } });
    const attempt = ctx.conn.deliver(ctx.session, ctx.calls.call, createRequest());
    await expect(attempt).rejects.toBeInstanceOf(PlatformError);
    await expect(attempt).rejects.toMatchObject({ kind: 'INVALID', details: { rule: 'google.settings.account' } });
    expect(ctx.fake.findCalls({ api: 'businessinformation' })).toEqual([]);
  });
});

describe('deliver: patch', () => {
  it('sends exactly the changed keys as the updateMask, and only their values', async () => {
    const { fake, conn, session, calls, name } = await created();
    const next = projectionOf(location({ name: 'てんぽ 赤坂本店', description: '醤油ラーメン', additionalPhones: ['090-1234-5678'] })); // website removed
    const result = await conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: next, changed: ['title', 'websiteUri'], firstWrite: false, requestId: 'r' });

    expect(result).toEqual({ platformListingId: name, publicUrl: expect.any(String), status: 'IN_SYNC' });
    const patches = fake.findCalls({ method: 'PATCH' });
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ path: `/v1/${name}`, updateMask: ['title', 'websiteUri'], body: { title: 'てんぽ 赤坂本店' } });
    expect(patches[0]?.query.validateOnly).toBeUndefined();
    expect(calls.options).toEqual([{ kind: 'edit', listingKey: name }]);
    const stored = fake.state.location(name);
    expect(stored?.title).toBe('てんぽ 赤坂本店');
    expect(stored?.websiteUri).toBeUndefined(); // a masked key without a value is cleared
    expect(stored?.profile).toEqual({ description: '醤油ラーメン' }); // untouched
  });

  it('validates with the same request before the first write to a listing, then writes', async () => {
    const { fake, conn, session, calls, name } = await created();
    const next = { ...tokyo, phoneNumbers: { primaryPhone: '+81355555555' }, labels: ['flagship', 'tokyo'] };
    await conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: next, changed: ['phoneNumbers', 'labels'], firstWrite: true, requestId: 'r' });
    const patches = fake.findCalls({ method: 'PATCH' });
    expect(patches.map((c) => [c.query.validateOnly, c.updateMask])).toEqual([
      ['true', ['phoneNumbers', 'labels']],
      [undefined, ['phoneNumbers', 'labels']],
    ]);
    expect(patches[1]?.body).toEqual({ phoneNumbers: { primaryPhone: '+81355555555' }, labels: ['flagship', 'tokyo'] });
    expect(fake.state.location(name)?.phoneNumbers).toEqual({ primaryPhone: '+81355555555' }); // sent whole: the old additional phone is gone
  });

  it('stops at the validation when Google refuses the content, so no edit is spent', async () => {
    const { fake, conn, session, calls, name } = await created();
    const attempt = conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: { ...tokyo, websiteUri: 'tenpo dot example' }, changed: ['websiteUri'], firstWrite: true, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'INVALID', details: { field: 'website', status: 400 } });
    expect(fake.findCalls({ method: 'PATCH' }).map((c) => c.query.validateOnly)).toEqual(['true']);
    expect(fake.state.location(name)?.websiteUri).toBe('https://tenpo.example/akasaka');
  });

  it('sends special hours with regular hours and nested keys (profile.description) under their message', async () => {
    const { fake, conn, session, calls, name } = await created();
    const next = projectionOf(location({ description: '新しい説明', specialHours: [{ startDate: '2027-01-01', endDate: '2027-01-02', closed: true, intervals: [] }] }));
    await conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: next, changed: ['profile.description', 'specialHours'], firstWrite: false, requestId: 'r' });
    expect(fake.findCalls({ method: 'PATCH' })[0]).toMatchObject({ updateMask: ['profile.description', 'specialHours'], body: { profile: { description: '新しい説明' }, specialHours: next.specialHours } });
    expect(fake.state.location(name)?.specialHours).toEqual(next.specialHours);
  });

  it('does not clear latlng (Google then places the pin from the address) and refuses keys it does not write', async () => {
    const { fake, conn, session, calls, name } = await created();
    const result = await conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: tokyo, changed: ['latlng'], firstWrite: false, requestId: 'r' });
    expect(result.platformListingId).toBe(name);
    expect(fake.findCalls({ method: 'PATCH' })).toEqual([]);
    const attempt = conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: tokyo, changed: ['title', 'nickname'], firstWrite: false, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'PERMANENT', details: { rule: 'google.updateMask.unknown' } });
  });

  it('reports a listing deleted on Google as NOT_FOUND', async () => {
    const { fake, conn, session, calls, name } = await created();
    fake.state.deleteLocation(name);
    const attempt = conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: tokyo, changed: ['title'], firstWrite: false, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
  });

  it('lets the runtime retry: googleapis itself never repeats a failed request', async () => {
    const { fake, conn, session, calls, name } = await created();
    fake.setFaults(failTimes(1, { kind: 'status', status: 503 }, on.patches()));
    const attempt = conn.deliver(session, calls.call, { platformListingId: name, storeCode: 'TKY-001', projection: { ...tokyo, title: 'x' }, changed: ['title'], firstWrite: false, requestId: 'r' });
    await expect(attempt).rejects.toMatchObject({ kind: 'TRANSIENT', details: { status: 503 } });
    expect(fake.findCalls({ method: 'PATCH' })).toHaveLength(1);
    fake.setFaults(failTimes(1, { kind: 'status', status: 503 }, on.api('businessinformation')));
    await expect(conn.readBack(session, calls.call, name)).rejects.toMatchObject({ kind: 'TRANSIENT' });
    expect(fake.findCalls({ method: 'GET', path: `/v1/${name}` })).toHaveLength(1);
  });
});
