/** A catalog platform on Tenpo's publisher protocol, replayed against a partner on loopback. */
import { afterEach, describe, expect, it } from 'vitest';
import { catalogManifests } from '../../../connectors/catalog/index.ts';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { createManifestConnector, type StandardSession } from '../../../connectors/runtime/standard/connector.ts';
import { startFakePublisher, type FakePublisher, type FakePublisherOptions } from '../../fakes/publisher/server.ts';
import { fullStore } from '../network/locations.ts';
import { testCall } from '../support.ts';

const hotfrog = createManifestConnector(catalogManifests().find((m) => m.id === 'hotfrog')!);
const fakes: FakePublisher[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) {
    expect(f.serverErrors).toEqual([]);
    await f.close();
  }
});


async function setup(options: FakePublisherOptions = {}) {
  const fake = await startFakePublisher(options);
  fakes.push(fake);
  fake.keys.set('partner-key-1', { id: 'acct-1', name: 'Chain' });
  const session = hotfrog.openSession({ credentials: hotfrog.parseCredentials({ apiKey: 'partner-key-1' }), settings: { endpoint: fake.url }, onCredentials: () => {} }) as StandardSession;
  return { fake, session, call: testCall(hotfrog).call };
}

const projected = (() => {
  const r = hotfrog.project(fullStore('JP', 'restaurant.ramen'), { settings: {} });
  if (!r.ok) throw new Error('fixture must project');
  return r.projection;
})();

const create = (over: Partial<{ projection: Projection; requestId: string }> = {}) => ({
  platformListingId: null,
  storeCode: 'PUB-1',
  projection: over.projection ?? projected,
  changed: Object.keys(over.projection ?? projected),
  firstWrite: true,
  requestId: over.requestId ?? 'listing-1',
});

describe('publisher protocol delivery', () => {
  it('verifies the key, creates by store code once even when retried, and is IN_SYNC when the partner shows it live', async () => {
    const { fake, session, call } = await setup();
    expect(await hotfrog.verify(session, call, null)).toEqual({ externalAccount: 'acct-1', displayName: 'Chain' });
    const first = await hotfrog.deliver!(session, call, create());
    const again = await hotfrog.deliver!(session, call, create());
    expect(again.platformListingId).toBe(first.platformListingId);
    expect(first).toEqual({ platformListingId: expect.any(String), publicUrl: expect.stringContaining(first.platformListingId), status: 'IN_SYNC' });
    expect(fake.listings.size).toBe(1);
    expect(fake.listings.get(first.platformListingId)!.listing).toEqual(JSON.parse(JSON.stringify(projected)));
  });

  it('patches only the changed keys, clearing a removed one with null', async () => {
    const { fake, session, call } = await setup();
    const { platformListingId } = await hotfrog.deliver!(session, call, create());
    const next: Record<string, unknown> = { ...projected, name: 'てんぽ 本店' };
    delete next.description;
    fake.requests.length = 0;
    await hotfrog.deliver!(session, call, { ...create({ projection: next as Projection }), platformListingId, changed: ['description', 'name'], firstWrite: false });
    expect(fake.requests).toEqual([{ method: 'PATCH', path: `/v1/listings/${platformListingId}`, body: { description: null, name: 'てんぽ 本店' } }]);
    expect(fake.listings.get(platformListingId)!.listing.description).toBeUndefined();
  });

  it('is SUBMITTED while the partner reviews, and read-back says when it went live', async () => {
    const { fake, session, call } = await setup({ review: true });
    const result = await hotfrog.deliver!(session, call, create());
    expect(result.status).toBe('SUBMITTED');
    expect((await hotfrog.readBack!(session, call, result.platformListingId)).status).toBe('SUBMITTED');
    fake.approve(result.platformListingId);
    const shown = await hotfrog.readBack!(session, call, result.platformListingId);
    expect(shown).toMatchObject({ status: 'IN_SYNC', current: JSON.parse(JSON.stringify(projected)), platformEdits: {} });
  });

  it('finds the listings the account already has, page by page, for linking by store code', async () => {
    const { session, call } = await setup();
    for (const code of ['A', 'B', 'C']) await hotfrog.deliver!(session, call, { ...create({ requestId: code }), storeCode: code });
    const found = [];
    for await (const s of hotfrog.discover!(session, call, 'acct-1')) found.push(s.storeCode);
    expect(found.sort()).toEqual(['A', 'B', 'C']);
  });

  it("maps the partner's refusals to what Tenpo does next", async () => {
    const { fake, session, call } = await setup({ faults: [{ match: /^PUT /, status: 429, times: 1, retryAfter: '7' }, { match: /^PUT /, status: 503, times: 1 }] });
    await expect(hotfrog.deliver!(session, call, create())).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 7000 } });
    await expect(hotfrog.deliver!(session, call, create())).rejects.toMatchObject({ kind: 'TRANSIENT' });
    const invalid = hotfrog.deliver!(session, call, create({ projection: { ...projected, name: '' } }));
    await expect(invalid).rejects.toMatchObject({ kind: 'INVALID', details: { field: 'name', rule: 'hotfrog.required' } });
    await expect(hotfrog.readBack!(session, call, 'no-such-listing')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
    fake.keys.clear();
    const revoked = await hotfrog.verify(session, call, null).catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(PlatformError);
    expect(revoked).toMatchObject({ kind: 'AUTH_REVOKED', message: expect.stringContaining('Hotfrog') });
  });

  it('refuses credentials and settings it cannot use, naming what is expected', () => {
    expect(() => hotfrog.parseCredentials({ apiKey: 'short' })).toThrow(/apiKey/);
    expect(() => hotfrog.openSession({ credentials: { apiKey: 'partner-key-1' }, settings: {}, onCredentials: () => {} })).toThrow(/endpoint/);
    const manual = createManifestConnector(catalogManifests().find((m) => m.id === 'tabelog')!);
    expect(manual.parseCredentials({})).toEqual({});
    expect(() => manual.parseCredentials({ apiKey: 'x' })).toThrow(PlatformError);
    expect(manual.deliver).toBeUndefined();
  });
});

describe('CSV feeds', () => {
  const zenrin = createManifestConnector(catalogManifests().find((m) => m.id === 'zenrin')!);

  it("renders every store in the manifest's columns: UTF-8 with a byte order mark, RFC 4180 quoting", () => {
    const tricky = { ...fullStore('JP', 'restaurant.ramen'), storeCode: 'Q-1', name: 'Tenpo "Ramen", Akasaka', description: 'line one\nline two' };
    const entries = [tricky, fullStore('JP', 'cafe')].map((l, i) => {
      const r = zenrin.project(l, { settings: {} });
      if (!r.ok) throw new Error('must project');
      return { listingId: `id-${i}`, storeCode: l.storeCode, projection: r.projection };
    });
    const file = zenrin.feed!.render(entries, new Date('2026-11-28T09:30:00Z'));
    expect(file).toMatchObject({ name: 'zenrin_20261128T093000Z.csv', contentType: 'text/csv; charset=utf-8', rows: 2 });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.body);
    expect(text.startsWith('\uFEFFstore_code,name,street,')).toBe(true);
    expect(text).toContain('Q-1,"Tenpo ""Ramen"", Akasaka",３番２号 赤坂ビル５F,赤坂四丁目,港区,東京都,107-0052,JP,');
    expect(text).toContain('"line one\nline two"');
    // Rows end in CRLF; the LF inside the quoted description does not end one.
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 2);
  });

  it('uploads the file and reads the report: accepted store codes, rejected ones with the reason', async () => {
    const fake = await startFakePublisher({ rejectStoreCodes: { 'B-2': 'unknown city' } });
    fakes.push(fake);
    fake.keys.set('zenrin-key-1', { id: 'z', name: 'Z' });
    const session = zenrin.openSession({ credentials: { apiKey: 'zenrin-key-1' }, settings: { endpoint: fake.url }, onCredentials: () => {} });
    const call = testCall(zenrin).call;
    const entries = ['A-1', 'B-2'].map((storeCode) => ({ listingId: storeCode, storeCode, projection: projected }));
    const { submissionId } = await zenrin.feed!.upload(session, call, zenrin.feed!.render(entries, new Date()));
    expect(await zenrin.feed!.report(session, call, submissionId)).toEqual({ state: 'PROCESSING' });
    fake.processFeeds();
    expect(await zenrin.feed!.report(session, call, submissionId)).toEqual({ state: 'DONE', accepted: ['A-1'], rejected: [{ storeCode: 'B-2', message: 'unknown city', platformCode: 'rejected' }] });
  });
});
