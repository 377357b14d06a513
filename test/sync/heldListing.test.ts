/**
 * A platform that matches what Tenpo sends to its own listings by name and address (Yelp's data
 * ingestion) can answer a new store with the listing another store already holds. Two Tenpo
 * stores must never share one platform listing: the second store is ACTION_REQUIRED with both
 * store codes, and nothing is sent again until its data changes.
 */
import { expect, it } from 'vitest';
import type { Connector } from '../../connectors/runtime/connector.ts';
import { connector as yelpConnector } from '../connectors/yelp/helpers.ts';
import { startFakeYelp } from '../fakes/yelp/server.ts';
import { useFakeBeforeSuite, useSyncSuite } from './support.ts';

const fake = useFakeBeforeSuite(() => startFakeYelp({ processImmediately: true }));
const suite = useSyncSuite({ connectors: () => [yelpConnector(fake.current) as Connector] });

it('holds back a store the platform matched to the listing of another store, naming both', async () => {
  const yelp = fake.current;
  const { refreshToken } = yelp.seedOwner();
  const connected = await suite.gql(`mutation($input: ConnectPlatformInput!) { connectPlatform(input: $input) { connection { id status } errors { code message } } }`, {
    input: { organizationId: suite.org.gid, platform: 'yelp', credentials: { refreshToken } },
  });
  expect(connected.connectPlatform.errors).toEqual([]);

  const first = await suite.createStore('TKY-1');
  const firstListing = await suite.waitForListing(first.id, (l) => l.platformListingId !== null && !l.platformListingId.startsWith('job:'), 'the first store on Yelp');
  expect(firstListing.status).toBe('SUBMITTED');

  // The same name, street and city under another store code: Yelp matches it to the first business.
  const twin = await suite.createStore('TKY-2');
  const held = await suite.waitForListing(twin.id, (l) => l.status === 'ACTION_REQUIRED', 'the twin store held back');
  expect(held.platformListingId).toBeNull();
  expect(held.problems).toEqual([
    expect.objectContaining({ kind: 'ACTION_REQUIRED', rule: 'tenpo.listing.heldByOtherStore', message: expect.stringMatching(/store TKY-2 .*store TKY-1/) }),
  ]);
  expect(yelp.businesses.size).toBe(1);
  expect((await suite.listing(first.id)).platformListingId).toBe(firstListing.platformListingId);

  const calls = yelp.calls.length;
  const run = await suite.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id } errors { code } } }`, { input: { organizationId: suite.org.gid, platforms: ['yelp'] } });
  await suite.waitForListing(twin.id, (l) => l.status === 'ACTION_REQUIRED', 'the twin still held back');
  const progress = await (async () => {
    for (;;) {
      const r = await suite.gql(`query($id: ID!) { node(id: $id) { ... on SyncRun { progress { finished actionRequired delivered } } } }`, { id: run.syncLocations.run.id });
      if (r.node.progress.finished) return r.node.progress;
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  expect(progress).toMatchObject({ actionRequired: 1, delivered: 0 });
  expect(yelp.calls.slice(calls).filter((c) => c.path.includes('ingest'))).toEqual([]);

  // Told apart by its street, the store gets a business of its own.
  await suite.updateStore(twin.id, twin.version, { address: { country: 'JP', postalCode: '107-0052', region: '東京都', city: '港区', district: '赤坂五丁目', lines: ['１番１号'] } });
  const own = await suite.waitForListing(twin.id, (l) => l.status === 'SUBMITTED' && l.platformListingId !== null && !l.platformListingId.startsWith('job:'), 'the twin on Yelp');
  expect(own.platformListingId).not.toBe(firstListing.platformListingId);
  expect(yelp.businesses.size).toBe(2);
});
