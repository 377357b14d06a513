/** Instagram: what reaches a business profile through its linked Facebook Page, against the shared fake. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliverRequest } from '../../../connectors/runtime/connector.ts';
import { createInstagramConnector } from '../../../connectors/instagram/index.ts';
import { seedInstagramStore, startFakeInstagram } from '../../fakes/instagram/server.ts';
import type { FakeInstagram } from '../../fakes/instagram/server.ts';
import { location, testCall } from '../facebook/helpers.ts';

const open: FakeInstagram[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

async function setup() {
  const fake = await startFakeInstagram();
  open.push(fake);
  const { page: main, token } = fake.seedMainPage({ name: 'てんぽ' });
  const conn = createInstagramConnector({ baseUrl: fake.url });
  const session = conn.openSession({ credentials: conn.parseCredentials({ pageAccessToken: token }), settings: { pageId: main.id }, onCredentials: () => {} });
  return { fake, main, conn, session, calls: testCall(conn) };
}

function projectionOf(overrides: Record<string, unknown> = {}) {
  const result = createInstagramConnector().project(location(overrides), { settings: {} });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function request(over: Partial<DeliverRequest> = {}): DeliverRequest {
  const { projection } = projectionOf();
  return { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'r', ...over };
}

describe('Instagram projection', () => {
  it('writes only the address and phone Instagram takes from the Page; the profile\'s own fields are not supported', () => {
    const result = projectionOf({ description: 'x'.repeat(500), website: 'https://tenpo.example' });
    expect(Object.keys(result.projection)).toEqual(['location', 'phone']);
    expect(result.projection.location).toMatchObject({ street: '赤坂四丁目 ３番２号 赤坂ビル５F', state: '東京都', zip: '107-0052' });
    expect(result.notSupported).toEqual(expect.arrayContaining(['name', 'description', 'website', 'regularHours']));
  });

  it('keeps the Page rules that still apply: a real address, a served country', () => {
    const result = createInstagramConnector().project(location({ address: { country: 'JP', postalCode: null, region: '東京都', city: null, district: null, lines: [], building: null } }), { settings: {} });
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'address', rule: 'instagram.address.street' })] });
  });
});

describe('Instagram delivery and read-back', () => {
  it('links the store by its code to the Page with an Instagram account and writes that Page', async () => {
    const { fake, main, conn, session, calls } = await setup();
    const { page } = seedInstagramStore(fake, main.id, 'TKY-001', 'tenpo_akasaka', { store_number: 7, location: { street: 'old', city: '港区', country: 'Japan' } });
    seedInstagramStore(fake, main.id, 'OSK-001', 'tenpo_namba');

    const result = await conn.deliver(session, calls.call, request());
    expect(result).toEqual({ platformListingId: page.id, publicUrl: 'https://www.instagram.com/tenpo_akasaka/', status: 'SUBMITTED' });
    expect(fake.state.pages.get(page.id)).toMatchObject({ phone: '+81312345678', store_number: 7, location: expect.objectContaining({ street: '赤坂四丁目 ３番２号 赤坂ビル５F' }) });
    expect(fake.state.children(main.id)).toHaveLength(2);
  });

  it('cannot create an Instagram account and says how to link one', async () => {
    const { fake, main, conn, session, calls } = await setup();
    fake.seedLocationPage(main.id, { name: 'no ig', store_code: 'TKY-001' });
    await expect(conn.deliver(session, calls.call, request())).rejects.toMatchObject({ kind: 'INVALID', details: { rule: 'instagram.account.notLinked' } });
    expect(fake.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('sends only what changed to a linked store, and reads the Page back with the profile', async () => {
    const { fake, main, conn, session, calls } = await setup();
    const { page, ig } = seedInstagramStore(fake, main.id, 'TKY-001', 'tenpo_akasaka', { store_number: 7 });
    await conn.deliver(session, calls.call, request());
    fake.calls.length = 0;
    const { projection } = projectionOf({ primaryPhone: '03-9999-0000' });
    await conn.deliver(session, calls.call, request({ platformListingId: page.id, projection, changed: ['phone'], firstWrite: false }));
    expect(fake.calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.params])).toEqual([[`/${page.id}`, { phone: '+81399990000' }]]);

    const back = await conn.readBack(session, calls.call, page.id);
    expect(back).toEqual({ current: projection, platformEdits: {}, publicUrl: 'https://www.instagram.com/tenpo_akasaka/', status: 'SUBMITTED' });
    expect(fake.calls.some((c) => c.path === `/${ig.id}`)).toBe(true);
    expect(conn.toLocationPatch('phone', '+81399990000', location())).toEqual({ primaryPhone: '+81399990000' });
    expect(conn.toLocationPatch('about', 'x', location())).toBeNull();
  });

  it('reports an account that was unlinked from its Page as NOT_FOUND', async () => {
    const { fake, main, conn, session, calls } = await setup();
    const { page } = seedInstagramStore(fake, main.id, 'TKY-001', 'tenpo_akasaka');
    delete fake.state.pages.get(page.id)?.instagram_business_account;
    await expect(conn.readBack(session, calls.call, page.id)).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { rule: 'instagram.account.unlinked' } });
  });

  it('lists the stores with Instagram accounts for linking, by store code', async () => {
    const { fake, main, conn, session, calls } = await setup();
    seedInstagramStore(fake, main.id, 'TKY-001', 'tenpo_akasaka');
    fake.seedLocationPage(main.id, { name: 'no ig', store_code: 'TKY-002' });
    const found = [];
    for await (const l of conn.discover(session, calls.call, main.id)) found.push(l);
    expect(found).toEqual([expect.objectContaining({ storeCode: 'TKY-001', title: '@tenpo_akasaka', publicUrl: 'https://www.instagram.com/tenpo_akasaka/' })]);
  });

  it('names Instagram in errors: an expired token is AUTH_REVOKED', async () => {
    const { fake, main, conn, session, calls } = await setup();
    const token = fake.state.tokenOf(main.id) as string;
    fake.setTokenState(token, 'expired');
    const error = await conn.verify(session, calls.call, main.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'AUTH_REVOKED', details: { rule: 'instagram.code190.463' } });
    expect((error as Error).message).toContain('Instagram');
  });
});
