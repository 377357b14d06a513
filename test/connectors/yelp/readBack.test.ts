/** Read-back from business details against the fake: confirmation, drift, pending jobs, patches. */
import { describe, expect, it } from 'vitest';
import { failure, location, projectionOf, setup } from './helpers.ts';

async function delivered(overrides: Record<string, unknown> = {}) {
  const ctx = await setup({ processImmediately: true });
  const projection = projectionOf(location(overrides));
  const result = await ctx.conn.deliver(ctx.session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' });
  return { ...ctx, projection, id: result.platformListingId };
}

// Business details show neither the website nor the specialties text.
const readable = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'url' && k !== 'specialties'));

describe('readBack', () => {
  it('shows exactly what was delivered once Yelp has applied it, hours past midnight and special hours included', async () => {
    const { conn, session, calls, projection, id } = await delivered({
      status: 'CLOSED_TEMPORARILY',
      specialHours: [
        { startDate: '2030-12-31', endDate: '2030-12-31', closed: true, intervals: [] },
        { startDate: '2030-12-24', endDate: '2030-12-24', closed: false, intervals: [{ open: '18:00', close: '03:00' }] },
      ],
      website: 'https://tenpo.example',
    });
    const shown = await conn.readBack(session, calls.call, id);
    expect(shown.current).toEqual(readable(projection));
    expect(shown.platformEdits).toEqual({});
    expect(shown.publicUrl).toContain(`https://www.yelp.com/biz/${id}`);
    expect(calls.options.at(-1)).toEqual({ kind: 'read', listingKey: id });
  });

  it('shows what Yelp changed on its side, so the runtime sees the drift', async () => {
    const { fake, conn, session, calls, projection, id } = await delivered();
    const business = fake.businesses.get(id);
    if (!business) throw new Error('business missing');
    business.phone = '+81300000000';
    business.hours = [{ day: 0, start: '1100', end: '2300', is_overnight: false }];
    const shown = await conn.readBack(session, calls.call, id);
    expect(shown.current.phone).toBe('+81300000000');
    expect(shown.current.hours).not.toEqual(projection.hours);
    expect(shown.current.name).toBe(projection.name);
  });

  it('cannot read a business Yelp is still creating, and says so', async () => {
    const ctx = await setup();
    const projection = projectionOf(location());
    const pending = await ctx.conn.deliver(ctx.session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' });
    const e = await failure(ctx.conn.readBack(ctx.session, ctx.calls.call, pending.platformListingId));
    expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'yelp.ingest.pending']);
    ctx.fake.processJobs();
    expect((await ctx.conn.readBack(ctx.session, ctx.calls.call, pending.platformListingId)).current.name).toBe('てんぽ 赤坂店');
  });

  it('reports a business that is gone from Yelp as NOT_FOUND', async () => {
    const { conn, session, calls } = await setup();
    const e = await failure(conn.readBack(session, calls.call, 'no-such-business'));
    expect([e.kind, e.details.status, e.details.rule]).toEqual(['NOT_FOUND', 404, 'yelp.BUSINESS_NOT_FOUND']);
  });
});

describe('toLocationPatch', () => {
  it('turns Yelp’s hours back into Tenpo intervals, midnight and past-midnight closes included', async () => {
    const { conn } = await setup();
    const patch = conn.toLocationPatch('hours', [
      { day: 0, start: '1700', end: '0200', is_overnight: true },
      { day: 4, start: '1800', end: '0000', is_overnight: true },
    ], location());
    expect(patch).toEqual({
      regularHours: [
        { day: 'MONDAY', intervals: [{ open: '17:00', close: '02:00' }] },
        { day: 'FRIDAY', intervals: [{ open: '18:00', close: '24:00' }] },
      ],
    });
  });

  it('turns aliases back into Tenpo categories, and cannot accept an alias Tenpo has no category for', async () => {
    const { conn } = await setup();
    expect(conn.toLocationPatch('categories', ['ramen', 'izakaya'], location())).toEqual({ primaryCategory: 'restaurant.ramen', additionalCategories: ['restaurant.izakaya'] });
    expect(conn.toLocationPatch('categories', ['ramen', 'poke'], location())).toBeNull();
  });

  it('accepts a permanent closure and a reopening', async () => {
    const { conn } = await setup();
    expect(conn.toLocationPatch('is_closed', true, location())).toEqual({ status: 'CLOSED_PERMANENTLY', statusDate: null });
    expect(conn.toLocationPatch('temporarily_closed', undefined, location({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-02-01' }))).toEqual({ status: 'OPEN', statusDate: null });
  });
});
