/** Reading a location Page back: drift, Facebook's proposed changes, linking, and accepting them. */
import { describe, expect, it } from 'vitest';
import { location, projectionOf, setup } from './helpers.ts';

describe('Facebook read-back', () => {
  it('reads back exactly what was delivered', async () => {
    const { conn, session, calls } = await setup();
    const projection = projectionOf(location({ description: '濃厚豚骨', website: 'https://tenpo.example' }));
    const { platformListingId } = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r' });
    const back = await conn.readBack(session, calls.call, platformListingId);
    expect(back.current).toEqual(projection);
    expect(back.platformEdits).toEqual({});
    expect(back.publicUrl).toBe(`https://www.facebook.com/${platformListingId}`);
  });

  it('shows an edit made on Facebook as drift, and turns it into a Tenpo patch', async () => {
    const { fake, conn, session, main, calls } = await setup();
    const { page } = fake.seedLocationPage(main.id, {
      name: 'てんぽ 赤坂店',
      location: { street: '赤坂4-3-2', city: '港区', state: '東京都', zip: '107-0052', country_code: 'JP', country: 'Japan' },
      phone: '+81 3-1234-5678',
      hours: { fri_1_open: '18:00', fri_1_close: '02:00' },
      temporary_status: 'temporarily_closed',
    });
    const back = await conn.readBack(session, calls.call, page.id);
    expect(back.current.phone).toBe('+81312345678');
    expect(back.current.status).toEqual({ temporary_status: 'temporarily_closed', is_permanently_closed: false });
    expect(conn.toLocationPatch('hours', back.current.hours, location())).toEqual({ regularHours: [{ day: 'FRIDAY', intervals: [{ open: '18:00', close: '02:00' }] }] });
    expect(conn.toLocationPatch('location', back.current.location, location())).toEqual({
      address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: null, lines: ['赤坂4-3-2'], building: null },
      latitude: null,
      longitude: null,
    });
    expect(conn.toLocationPatch('status', back.current.status, location())).toEqual({ status: 'CLOSED_TEMPORARILY' });
  });

  it('reports the changes Facebook proposes and that still await the owner', async () => {
    const { fake, conn, session, main, calls } = await setup();
    const { page } = fake.seedLocationPage(main.id, { name: 'てんぽ 赤坂店', phone: '+81312345678' });
    fake.proposeChange(page.id, 'phone', '+81 3-0000-0000', '+81312345678');
    fake.proposeChange(page.id, 'category', '218838724804749, 128673187201735');
    const decided = fake.proposeChange(page.id, 'website', 'https://old.example');
    const change = fake.state.upcomingChanges.get(page.id)?.find((c) => c.id === decided);
    if (change) change.timer_status = 'stopped';

    const back = await conn.readBack(session, calls.call, page.id);
    expect(back.platformEdits).toEqual({ phone: '+81 3-0000-0000', category_list: ['218838724804749', '128673187201735'] });
  });

  it('lists the main Page\'s location Pages with their store codes for linking', async () => {
    const { fake, conn, session, main, calls } = await setup();
    for (let i = 1; i <= 120; i++) fake.seedLocationPage(main.id, { name: `Store ${i}`, store_code: `S-${i}` });
    const found = [];
    for await (const listing of conn.discover(session, calls.call, main.id)) found.push(listing);
    expect(found).toHaveLength(120);
    expect(found[119]).toMatchObject({ storeCode: 'S-120', title: 'Store 120' });
    expect(calls.options).toHaveLength(2);
  });

  it('verifies the main Page with the connected token', async () => {
    const { conn, session, main, calls } = await setup();
    await expect(conn.verify(session, calls.call, main.id)).resolves.toEqual({ externalAccount: main.id, displayName: 'てんぽ' });
    await expect(conn.verify(session, calls.call, null)).resolves.toEqual({ externalAccount: main.id, displayName: 'てんぽ' });
    await expect(conn.verify(session, calls.call, 'not-a-page')).rejects.toMatchObject({ kind: 'INVALID' });
  });
});
