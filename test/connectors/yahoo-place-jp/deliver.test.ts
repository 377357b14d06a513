import { describe, expect, it } from 'vitest';
import type { DeliverRequest } from '../../../connectors/runtime/connector.ts';
import { location, projectionOf, setup } from './helpers.ts';

function createRequest(overrides: Partial<DeliverRequest> = {}): DeliverRequest {
  const projection = projectionOf(location({ description: '濃厚豚骨ラーメンの店' }));
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection).sort(), firstWrite: true, requestId: 'listing-1', ...overrides };
}

describe('Yahoo!プレイス delivery', () => {
  it('creates the place with its store code and an Idempotency-Key, SUBMITTED while Yahoo! reviews it', async () => {
    const { fake, conn, session, calls } = await setup();
    const result = await conn.deliver(session, calls.call, createRequest());
    expect(result).toMatchObject({ status: 'SUBMITTED', publicUrl: null });
    const post = fake.calls.find((c) => c.method === 'POST');
    expect(post?.headers['idempotency-key']).toBe('listing-1');
    expect(post?.body).toMatchObject({ storeCode: 'TKY-001', name: 'てんぽ 赤坂店', tel: '03-1234-5678', genre: { primary: '0107001' } });
    expect(calls.options).toEqual([{ kind: 'create' }]);
  });

  it('a create retried after a lost answer returns the same place, not a second one', async () => {
    const { fake, conn, session, calls } = await setup();
    fake.failNext(1, { status: 503 }, (m) => m === 'POST');
    await expect(conn.deliver(session, calls.call, createRequest())).rejects.toMatchObject({ kind: 'TRANSIENT' });
    const first = await conn.deliver(session, calls.call, createRequest());
    const again = await conn.deliver(session, calls.call, createRequest());
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(fake.places.size).toBe(1);
  });

  it('patches only the changed keys and clears removed ones with null', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, createRequest());
    const projection = projectionOf(location({ name: 'てんぽ 赤坂本店' }));
    await conn.deliver(session, calls.call, { platformListingId, storeCode: 'TKY-001', projection, changed: ['name', 'description'], firstWrite: false, requestId: 'listing-1' });
    const patch = fake.calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ name: 'てんぽ 赤坂本店', description: null });
    expect(fake.places.get(platformListingId)).toMatchObject({ name: 'てんぽ 赤坂本店', tel: '03-1234-5678' });
    expect(fake.places.get(platformListingId)?.description).toBeUndefined();
    expect(calls.options.at(-1)).toEqual({ kind: 'edit', listingKey: platformListingId });
  });

  it('is IN_SYNC only once Yahoo! published the place', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, createRequest());
    const uid = fake.publish(platformListingId);
    const none = await conn.deliver(session, calls.call, { ...createRequest(), platformListingId, changed: [], firstWrite: false });
    expect(none).toEqual({ platformListingId, publicUrl: `https://map.yahoo.co.jp/place?uid=${uid}`, status: 'IN_SYNC' });
  });

  it('a rejected review is INVALID with Yahoo!’s reason', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, createRequest());
    fake.rejectReview(platformListingId, '店舗名に電話番号が含まれています');
    await expect(conn.deliver(session, calls.call, { ...createRequest(), platformListingId, changed: [], firstWrite: false })).rejects.toMatchObject({
      kind: 'INVALID',
      details: { rule: 'yahoo-place-jp.review.rejected', platformMessage: '店舗名に電話番号が含まれています' },
    });
  });

  it('a field the platform refuses is INVALID on that Tenpo field', async () => {
    const { conn, session, calls } = await setup();
    const projection = { ...projectionOf(location()), tel: '+81 3 1234 5678' };
    await expect(conn.deliver(session, calls.call, createRequest({ projection, changed: Object.keys(projection) }))).rejects.toMatchObject({ kind: 'INVALID', details: { status: 400, field: 'primaryPhone' } });
  });

  it('a store code Yahoo! already has is INVALID on storeCode, telling to link instead', async () => {
    const { conn, session, calls } = await setup();
    await conn.deliver(session, calls.call, createRequest());
    await expect(conn.deliver(session, calls.call, createRequest({ requestId: 'listing-2' }))).rejects.toMatchObject({ kind: 'INVALID', details: { status: 409, field: 'storeCode' } });
  });
});
