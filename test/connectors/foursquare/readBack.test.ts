import { describe, expect, it } from 'vitest';
import { location, projectionOf, setup } from './helpers.ts';

describe('Foursquare read-back', () => {
  it('has nothing to read while the new place is under review (PENDING, not a failure)', async () => {
    const { conn, session, calls } = await setup();
    const projection = projectionOf(location());
    const first = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: false, requestId: 'r1' });
    await expect(conn.readBack(session, calls.call, first.platformListingId)).rejects.toMatchObject({ kind: 'PENDING', details: { rule: 'foursquare.suggestion.pending' } });
  });

  it('shows drift when Foursquare changed a value, and a patch accepts it', async () => {
    const { fake, conn, session, calls } = await setup();
    const loc = location();
    const projection = projectionOf(loc);
    const id = fake.seedPlace({ name: 'てんぽ 赤坂店', location: { address: '赤坂四丁目3番2号 赤坂ビル5F', locality: '港区', region: '東京都', postcode: '107-0052', country: 'JP' }, categories: [] });
    await conn.deliver(session, calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: false, requestId: 'r1' });
    expect((await conn.readBack(session, calls.call, id)).current).toEqual(projection);

    const place = fake.places.get(id) as Record<string, unknown>;
    place.tel = '03-9999-0000';
    place.hours = { display: 'x', regular: [{ day: 1, open: '1100', close: '0100' }] };
    const shown = await conn.readBack(session, calls.call, id);
    expect(shown.current.tel).toBe('03-9999-0000');
    expect(shown.current.hours).toBe('1,1100,+0100');
    expect(shown.publicUrl).toBe(`https://foursquare.com/v/${id}`);
    expect(conn.toLocationPatch('tel', shown.current.tel, loc)).toEqual({ primaryPhone: '+81399990000' });
    expect(conn.toLocationPatch('hours', shown.current.hours, loc)).toEqual({ regularHours: [{ day: 'MONDAY', intervals: [{ open: '11:00', close: '01:00' }] }] });
    expect(conn.toLocationPatch('closed', true, loc)).toEqual({ status: 'CLOSED_PERMANENTLY', statusDate: null });
  });

  it('reads a place created from the suggestion once Foursquare accepted it, and names the place to link to', async () => {
    const { fake, conn, session, calls } = await setup();
    const projection = projectionOf(location());
    const first = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: false, requestId: 'r1' });
    const placeId = fake.accept(first.platformListingId.slice('suggestion:'.length)) as string;
    const shown = await conn.readBack(session, calls.call, first.platformListingId);
    expect(shown.publicUrl).toBe(`https://foursquare.com/v/${placeId}`);
    expect(shown.current).toEqual(projection);
    expect(shown.listingId).toBe(placeId);
    expect((await conn.readBack(session, calls.call, placeId)).listingId).toBeUndefined();
  });

  it('verifies a Service Account key and refuses a plain Places key', async () => {
    const ok = await setup();
    await expect(ok.conn.verify(ok.session, ok.calls.call, null)).resolves.toMatchObject({ externalAccount: 'service-account' });
    const plain = await setup({ keyKind: 'places' });
    await expect(plain.conn.verify(plain.session, plain.calls.call, null)).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 403 } });
  });
});
