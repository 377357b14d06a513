import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf, setup } from './helpers.ts';

describe('Yahoo!プレイス read-back, verify and discover', () => {
  it('reads the delivered values back unchanged, SUBMITTED until YOLP shows the place', async () => {
    const { fake, conn, session, calls } = await setup();
    const projection = projectionOf(location({ website: 'https://tenpo.example/akasaka' }));
    const { platformListingId } = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r1' });
    const before = await conn.readBack(session, calls.call, platformListingId);
    expect(before).toEqual({ current: projection, platformEdits: {}, publicUrl: null, status: 'SUBMITTED' });
    const uid = fake.publish(platformListingId);
    const after = await conn.readBack(session, calls.call, platformListingId);
    expect(after).toMatchObject({ current: projection, platformEdits: {}, status: 'IN_SYNC', publicUrl: `https://map.yahoo.co.jp/place?uid=${uid}` });
    const yolp = fake.calls.find((c) => c.path === '/search/local/V1/localSearch');
    expect(yolp?.query).toMatchObject({ appid: fake.appId, output: 'json', uid, detail: 'full' });
  });

  it('reports Yahoo!-side changes to the name or phone as platform edits a person can accept', async () => {
    const { fake, conn, session, calls } = await setup();
    const loc = location();
    const projection = projectionOf(loc);
    const { platformListingId } = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r1' });
    const uid = fake.publish(platformListingId);
    fake.yahooEdit(uid, { Tel1: '0312349999', Name: 'てんぽ　赤坂店' });
    const shown = await conn.readBack(session, calls.call, platformListingId);
    // A width-only difference is the same name; the phone is another number.
    expect(shown.platformEdits).toEqual({ tel: '03-1234-9999' });
    expect(conn.toLocationPatch('tel', shown.platformEdits.tel, loc)).toEqual({ primaryPhone: '+81312349999' });
  });

  it('turns platform values back into Tenpo fields', () => {
    const conn = connector();
    const loc = location();
    const p = projectionOf(loc);
    expect(conn.toLocationPatch('businessHours', p.businessHours, loc)).toEqual({ regularHours: loc.regularHours });
    expect(conn.toLocationPatch('businessHours', '平日のみ営業', loc)).toBeNull();
    expect(conn.toLocationPatch('status', { code: 'TEMPORARILY_CLOSED', date: '2030-05-01', note: '臨時休業中' }, loc)).toEqual({ status: 'CLOSED_TEMPORARILY', statusDate: '2030-05-01' });
    expect(conn.toLocationPatch('genre', { primary: '0115001' }, loc)).toEqual({ primaryCategory: 'cafe', additionalCategories: [] });
    expect(conn.toLocationPatch('address', p.address, loc)).toEqual({ address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂四丁目', lines: ['3番2号'], building: '赤坂ビル5F' } });
  });

  it('verifies the partner token against its business account', async () => {
    const { conn, session, calls } = await setup();
    await expect(conn.verify(session, calls.call, null)).resolves.toEqual({ externalAccount: 'biz_1', displayName: 'てんぽ株式会社' });
    await expect(conn.verify(session, calls.call, 'biz_2')).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { rule: 'yahoo-place-jp.account.mismatch' } });
  });

  it('discovers every place of the account page by page, with store codes for linking', async () => {
    const { conn, session, calls } = await setup();
    for (let i = 0; i < 105; i++) {
      const projection = projectionOf(location({ storeCode: `S-${i}` }));
      await conn.deliver(session, calls.call, { platformListingId: null, storeCode: `S-${i}`, projection, changed: Object.keys(projection), firstWrite: false, requestId: `r${i}` });
    }
    const found = [];
    for await (const s of conn.discover(session, calls.call, 'biz_1')) found.push(s);
    expect(found).toHaveLength(105);
    expect(new Set(found.map((f) => f.storeCode)).size).toBe(105);
    expect(found[0]).toMatchObject({ title: 'てんぽ 赤坂店', publicUrl: null });
  });
});
