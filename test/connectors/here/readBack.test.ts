/** What HERE shows for a delivered store, read through the supplier references and HERE lookup. */
import { describe, expect, it } from 'vitest';
import { PROJECTION_KEYS } from '../../../connectors/here/keys.ts';
import { entry, failure, location, setup } from './helpers.ts';

const at = new Date(Date.UTC(2030, 0, 15, 9, 30));

async function delivered(loc = location()) {
  const s = await setup({ processingDelayMs: 60_000 });
  await s.conn.feed.upload(s.session, s.calls.call, s.conn.feed.render([entry(loc)], at));
  return s;
}

describe('HERE read-back', () => {
  it('is still SUBMITTED, with nothing to compare, while HERE has not processed the file', async () => {
    const { conn, session, calls } = await delivered();
    expect(await conn.readBack(session, calls.call, 'TKY-001')).toEqual({ current: {}, platformEdits: {}, publicUrl: null, status: 'SUBMITTED', unseen: PROJECTION_KEYS });
  });

  it('shows the delivered values once HERE published the place, and lists what lookup never shows', async () => {
    const loc = location({ website: 'https://tenpo.example/akasaka', additionalCategories: ['cafe'] });
    const { fake, conn, session, calls } = await delivered(loc);
    fake.advance(60_000);
    const shown = await conn.readBack(session, calls.call, 'TKY-001');
    const projection = entry(loc).projection;
    expect(shown.status).toBe('IN_SYNC');
    expect(shown.current).toEqual({ name: projection.name, phones: projection.phones, www: projection.www, categories: projection.categories, openingHours: projection.openingHours });
    expect(shown.unseen).toEqual(['localizedNames', 'status', 'address', 'position', 'description', 'specialHours']);
    expect(fake.calls.filter((c) => c.path === '/v1/lookup')).toEqual([expect.objectContaining({ status: 200, auth: 'Bearer' })]);
  });

  it('shows what HERE changed on its side, so the runtime sees the drift', async () => {
    const { fake, conn, session, calls, projectHrn } = await delivered();
    fake.advance(60_000);
    await conn.feed.report(session, calls.call, [...fake.feeds.keys()][0] as string);
    fake.editPlace(projectHrn, 'TKY-001', { phones: '+81300000000', opening_hours: '[{"start":"T100000","duration":"PT15H00M","recurrence":"FREQ:DAILY;BYDAY:MO,TU"}]' });
    const shown = await conn.readBack(session, calls.call, 'TKY-001');
    expect(shown.current.phones).toEqual(['+81300000000']);
    expect(conn.toLocationPatch('openingHours', shown.current.openingHours, location())).toEqual({
      regularHours: [
        { day: 'MONDAY', intervals: [{ open: '10:00', close: '01:00' }] },
        { day: 'TUESDAY', intervals: [{ open: '10:00', close: '01:00' }] },
      ],
    });
    expect(conn.toLocationPatch('phones', shown.current.phones, location())).toEqual({ primaryPhone: '+81300000000', additionalPhones: [] });
    expect(conn.toLocationPatch('address', {}, location())).toBeNull();
  });

  it('a store HERE removed is NOT_FOUND', async () => {
    const { fake, conn, session, calls } = await delivered();
    fake.advance(60_000);
    await conn.feed.upload(session, calls.call, conn.feed.render([entry(location({ storeCode: 'TKY-002' }))], new Date(at.getTime() + 1000)));
    fake.advance(60_000);
    const e = await failure(conn.readBack(session, calls.call, 'TKY-001'));
    expect(e.kind).toBe('NOT_FOUND');
    expect((await failure(conn.readBack(session, calls.call, 'NEVER-SENT'))).kind).toBe('NOT_FOUND');
  });

  it('verify proves Tenpo reaches the chain’s project and names it', async () => {
    const { conn, session, calls, projectHrn } = await setup();
    expect(await conn.verify(session, calls.call, null)).toEqual({ externalAccount: projectHrn, displayName: 'Tenpo Demo Chain' });
    expect((await failure(conn.verify(session, calls.call, 'hrn:here:authorization::other:project/x'))).kind).toBe('INVALID');
  });
});
