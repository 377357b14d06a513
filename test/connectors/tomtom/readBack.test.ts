/** What TomTom shows for a delivered store, read through the source's references and Place by Id. */
import { describe, expect, it } from 'vitest';
import { PROJECTION_KEYS } from '../../../connectors/tomtom/keys.ts';
import { entry, failure, location, setup } from './helpers.ts';

const at = new Date(Date.UTC(2030, 0, 15, 9, 30));

describe('TomTom read-back', () => {
  it('is SUBMITTED while queued, then shows the name and the main phone as delivered', async () => {
    const { fake, conn, session, calls, sourceId } = await setup({ processingDelayMs: 60_000 });
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location())], at));
    expect(await conn.readBack(session, calls.call, 'TKY-001')).toEqual({ current: {}, platformEdits: {}, publicUrl: null, status: 'SUBMITTED', unseen: PROJECTION_KEYS });
    fake.advance(60_000);
    const shown = await conn.readBack(session, calls.call, 'TKY-001');
    expect(shown).toMatchObject({ current: { name: 'てんぽ 赤坂店', phone: '+81312345678' }, status: 'IN_SYNC' });
    expect(shown.unseen).not.toContain('name');
    expect(fake.calls.at(-1)).toMatchObject({ path: '/search/2/place.json', query: { entityId: expect.any(String), key: '[key]' } });

    fake.editPoi(sourceId, 'TKY-001', { names: { primary: 'てんぽ赤坂' } });
    const drifted = await conn.readBack(session, calls.call, 'TKY-001');
    expect(drifted.current.name).toBe('てんぽ赤坂');
    expect(conn.toLocationPatch('name', drifted.current.name, location())).toEqual({ name: 'てんぽ赤坂' });
  });

  it('a store missing from the next full file is removed: NOT_FOUND', async () => {
    const { fake, conn, session, calls } = await setup({ processingDelayMs: 0 });
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location())], at));
    fake.advance(1);
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location({ storeCode: 'TKY-002' }))], new Date(at.getTime() + 1000)));
    fake.advance(1);
    expect((await failure(conn.readBack(session, calls.call, 'TKY-001'))).kind).toBe('NOT_FOUND');
    expect((await conn.readBack(session, calls.call, 'TKY-002')).status).toBe('IN_SYNC');
  });

  it('verify names the chain’s source', async () => {
    const { conn, session, calls, sourceId } = await setup();
    expect(await conn.verify(session, calls.call, null)).toEqual({ externalAccount: sourceId, displayName: 'Tenpo Demo Chain' });
  });
});
