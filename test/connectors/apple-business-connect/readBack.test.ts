/** readBack(), verify() and discover(): what Apple shows, the connection check, linking by store code. */
import { describe, expect, it } from 'vitest';
import { BRAND, ORG, location, projectionOf, setup } from './helpers.ts';

const tokyo = projectionOf(location({ website: 'https://tenpo.example/akasaka' }));

describe('readBack', () => {
  it('shows what was delivered, keyed like the projection, SUBMITTED until Apple publishes it', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId: id } = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection: tokyo, changed: Object.keys(tokyo), firstWrite: true, requestId: 'r1' });
    const before = await conn.readBack(session, calls.call, id);
    expect(before).toEqual({ current: tokyo, platformEdits: {}, publicUrl: null, status: 'SUBMITTED' });
    fake.publish(id);
    const after = await conn.readBack(session, calls.call, id);
    expect(after.status).toBe('IN_SYNC');
    expect(after.publicUrl).toBe(`https://maps.apple.com/place?auid=${id}`);
  });

  it('shows an Apple-side change (an override of the hours) as drift that maps back to a Tenpo patch', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId: id } = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection: tokyo, changed: Object.keys(tokyo), firstWrite: true, requestId: 'r1' });
    fake.editOnApple(id, { openingHoursByDay: [{ day: 'SUNDAY', times: [{ startTime: '10:00', endTime: '01:00' }] }] });
    const { current } = await conn.readBack(session, calls.call, id);
    expect(current.openingHoursByDay).not.toEqual(tokyo.openingHoursByDay);
    expect(conn.toLocationPatch('openingHoursByDay', current.openingHoursByDay, location())).toEqual({ regularHours: [{ day: 'SUNDAY', intervals: [{ open: '10:00', close: '01:00' }] }] });
    expect(conn.toLocationPatch('mainAddress', current.mainAddress, location())).toEqual({ address: location().address });
    expect(conn.toLocationPatch('locationStatus', { status: 'TEMPORARILY_CLOSED', reopenDate: '2027-05-01' }, location())).toEqual({ status: 'CLOSED_TEMPORARILY', statusDate: '2027-05-01' });
    expect(conn.toLocationPatch('categories', ['food.unknown_thing'], location())).toBeNull();
  });
});

describe('verify and discover', () => {
  it('proves the organisation shares its locations with Tenpo, and says so when it does not', async () => {
    const { fake, conn, session, calls } = await setup();
    await expect(conn.verify(session, calls.call, ORG)).resolves.toEqual({ externalAccount: ORG, displayName: `Apple Business organisation ${ORG} (0 locations)` });
    fake.unshare(ORG);
    await expect(conn.verify(session, calls.call, ORG)).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 403 } });
  });

  it('lists every location page by page with its store code', async () => {
    const { fake, conn, session, calls } = await setup();
    for (let i = 0; i < 55; i++) {
      fake.seedLocation(ORG, { partnersLocationId: `p${i}`, brandId: BRAND, storeCode: `S-${i}`, displayNames: [{ name: `Store ${i}`, locale: 'en', primary: true }] });
    }
    const found = [];
    for await (const summary of conn.discover(session, calls.call, ORG)) found.push(summary);
    expect(found).toHaveLength(55);
    expect(found[54]).toMatchObject({ storeCode: 'S-54', title: 'Store 54', publicUrl: expect.stringContaining('maps.apple.com') });
    expect(fake.calls.filter((c) => c.method === 'GET').map((c) => c.query.after ?? null)).toEqual([null, '50']);
  });
});
