/** Publishing a store to its Facebook location Page, against the fake Graph API. */
import { describe, expect, it } from 'vitest';
import type { DeliverRequest, Projection } from '../../../connectors/runtime/connector.ts';
import { storeNumber } from '../../../connectors/facebook/deliver.ts';
import { location, projectionOf, setup, writes } from './helpers.ts';

function request(projection: Projection, over: Partial<DeliverRequest> = {}): DeliverRequest {
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'req-TKY-001', ...over };
}

describe('Facebook delivery', () => {
  it('creates a location Page under the main Page, then sets its description and categories', async () => {
    const { fake, conn, session, main, calls } = await setup();
    const projection = projectionOf(location({ description: '濃厚豚骨ラーメン' }));
    const result = await conn.deliver(session, calls.call, request(projection));

    expect(result).toEqual({ platformListingId: expect.stringMatching(/^\d+$/), publicUrl: `https://www.facebook.com/${result.platformListingId}`, status: 'IN_SYNC' });
    const page = fake.state.pages.get(result.platformListingId);
    expect(page).toMatchObject({
      parentId: main.id,
      name: 'てんぽ 赤坂店',
      store_code: 'TKY-001',
      store_number: storeNumber('TKY-001'),
      phone: '+81312345678',
      about: '濃厚豚骨ラーメン',
      hours: { mon_2_open: '17:00', mon_2_close: '02:00' },
      category_list: [{ id: '218838724804749', name: 'Ramen Restaurant' }],
      temporary_status: 'operating_as_usual',
      is_permanently_closed: false,
    });
    expect(page?.location).toMatchObject({ state: '東京都', city: '港区', zip: '107-0052' });
    // The edge takes the parent's token; the follow-up is made with the new Page's own token.
    const posts = fake.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.path, c.tokenPage])).toEqual([[`/${main.id}/locations`, main.id], [`/${result.platformListingId}`, result.platformListingId]]);
    expect(calls.options.filter((o) => o.kind !== 'read').map((o) => o.kind)).toEqual(['create', 'edit']);
  });

  it('does not make a second Page when a create is retried with the same store', async () => {
    const { fake, conn, session, main, calls } = await setup();
    const projection = projectionOf(location());
    const first = await conn.deliver(session, calls.call, request(projection));
    const again = await conn.deliver(session, calls.call, request(projection));
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(fake.state.children(main.id)).toHaveLength(1);
  });

  it('sends only the changed Page fields on an update, through the Page itself', async () => {
    const { fake, conn, session, calls } = await setup();
    const before = projectionOf(location());
    const { platformListingId } = await conn.deliver(session, calls.call, request(before));
    fake.calls.length = 0;

    const after = projectionOf(location({ website: 'https://tenpo.example/akasaka' }));
    const result = await conn.deliver(session, calls.call, request(after, { platformListingId, changed: ['website'], firstWrite: false }));

    expect(result.status).toBe('IN_SYNC');
    expect(writes(fake)).toEqual([{ path: `/${platformListingId}`, params: { website: 'https://tenpo.example/akasaka' } }]);
  });

  it('moves a renamed store through the locations edge, keeping the Page\'s store number', async () => {
    const { fake, conn, session, main, calls } = await setup();
    const { page } = fake.seedLocationPage(main.id, { name: 'てんぽ 旧店', store_number: 42, store_code: 'TKY-001', location: { street: 'x', city: '港区', country: 'Japan' } });
    const projection = projectionOf(location({ name: 'てんぽ 赤坂本店' }));
    await conn.deliver(session, calls.call, request(projection, { platformListingId: page.id, changed: ['name'], firstWrite: false }));
    expect(writes(fake)).toEqual([{ path: `/${main.id}/locations`, params: { store_number: '42', location_page_id: page.id, store_name: 'てんぽ 赤坂本店' } }]);
    expect(fake.state.pages.get(page.id)?.name).toBe('てんぽ 赤坂本店');
  });

  it('clears a removed website and description by sending them empty', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, request(projectionOf(location({ website: 'https://tenpo.example', description: 'うまい' }))));
    await conn.deliver(session, calls.call, request(projectionOf(location()), { platformListingId, changed: ['website', 'about'], firstWrite: false }));
    const page = fake.state.pages.get(platformListingId);
    expect(page?.website).toBeUndefined();
    expect(page?.about).toBeUndefined();
  });

  it('checks that the Page still exists when nothing changed', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, request(projectionOf(location())));
    fake.calls.length = 0;
    const result = await conn.deliver(session, calls.call, request(projectionOf(location()), { platformListingId, changed: [], firstWrite: false }));
    expect(result.publicUrl).toBe(`https://www.facebook.com/${platformListingId}`);
    expect(fake.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('signs every request with appsecret_proof when the app secret is configured', async () => {
    const { fake, conn, session, calls } = await setup({ fake: { appSecret: 's3cret' }, config: { appSecret: 's3cret' } });
    await conn.deliver(session, calls.call, request(projectionOf(location())));
    expect(fake.calls.every((c) => c.status === 200)).toBe(true);
  });

  it('turns a refused value into INVALID naming the field', async () => {
    const { fake, conn, session, calls } = await setup();
    const { platformListingId } = await conn.deliver(session, calls.call, request(projectionOf(location())));
    // A category id Facebook does not know, as if chosen wrongly in the settings.
    fake.state.categories.delete('218838724804749');
    const error = await conn.deliver(session, calls.call, request(projectionOf(location()), { platformListingId, changed: ['category_list'], firstWrite: false })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'INVALID', details: { field: 'primaryCategory', rule: 'facebook.code100' } });
  });

  it('asks for the main Page when the connection has none', async () => {
    const { conn, token, calls } = await setup();
    const session = conn.openSession({ credentials: { pageAccessToken: token }, settings: {}, onCredentials: () => {} });
    await expect(conn.deliver(session, calls.call, request(projectionOf(location())))).rejects.toMatchObject({ kind: 'INVALID', details: { rule: 'facebook.settings.pageId' } });
  });
});
