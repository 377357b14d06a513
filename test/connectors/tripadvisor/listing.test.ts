/** The partner route (Tenpo's publisher protocol) with Tripadvisor's rules, against the partner fake. */
import { describe, expect, it } from 'vitest';
import { connector, failure, location, setup } from './helpers.ts';

const projected = (overrides: Record<string, unknown> = {}) => {
  const r = connector().project(location(overrides), { settings: {} });
  if (!r.ok) throw new Error('fixture must project');
  return r.projection;
};

describe('partner route', () => {
  it('proves the partner key and creates the listing by store code, idempotently', async () => {
    const { partner, conn, session, calls } = await setup();
    expect(await conn.verify(session, calls.call, null)).toEqual({ externalAccount: 'acct-1', displayName: 'Tenpo Chain' });
    const projection = projected();
    const req = { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'listing-1' };
    const first = await conn.deliver(session, calls.call, req);
    const again = await conn.deliver(session, calls.call, req);
    expect(first.status).toBe('IN_SYNC');
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(partner.listings.size).toBe(1);
    expect(partner.listings.get(first.platformListingId)?.listing).toMatchObject({ name: 'てんぽ 赤坂店', categories: { primary: 'restaurant', additional: [] } });
  });

  it('sends only what changed, and reads back what the partner holds', async () => {
    const { partner, conn, session, calls } = await setup();
    const projection = projected();
    const created = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' });
    const next = projected({ description: '濃厚豚骨ラーメン' });
    await conn.deliver(session, calls.call, { platformListingId: created.platformListingId, storeCode: 'TKY-001', projection: next, changed: ['description'], firstWrite: false, requestId: 'l1' });
    expect(partner.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { description: '濃厚豚骨ラーメン' } });
    expect(Object.keys(partner.requests.at(-1)?.body as object)).toEqual(['description']);
    const shown = await conn.readBack(session, calls.call, created.platformListingId);
    expect(shown.current).toEqual(next);
    expect(shown.status).toBe('IN_SYNC');
  });

  it('reports SUBMITTED while the partner reviews a change', async () => {
    const { conn, session, calls } = await setup({ partner: { review: true } });
    const projection = projected();
    const created = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' });
    expect(created.status).toBe('SUBMITTED');
  });

  it('asks for the partner endpoint when the connection has none', () => {
    const conn = connector();
    expect(() => conn.openSession({ credentials: { apiKey: 'partner-key-1' }, settings: {}, onCredentials: () => {} })).toThrow(/endpoint/);
  });

  it('maps a partner that throttles to RATE_LIMITED', async () => {
    const { conn, session, calls } = await setup({ partner: { faults: [{ match: /^PUT \/v1\/listings/, status: 429, times: 1, retryAfter: '12' }] } });
    const projection = projected();
    const e = await failure(conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'x' }));
    expect([e.kind, e.details.retryAfterMs]).toEqual(['RATE_LIMITED', 12_000]);
  });
});
