import { describe, expect, it } from 'vitest';
import { createKey, createOrgWithKey } from '../support/api.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';

const suite = useSyncSuite();

describe('who may see and change listings, connections, runs and suggestions', () => {
  const ids = {} as { connection: string; listing: string; run: string; edit: string; location: string; other: string };

  it('sets up a connected store with a run and an open suggestion', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Owner' }).name!;
    const store = await suite.createStore('A-1');
    const other = await suite.createStore('A-2');
    const connection = await suite.connectGoogle(account, fake.issueRefreshToken());
    const listing = await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC');
    await suite.waitForListing(other.id, (l) => l.status === 'IN_SYNC');
    fake.googleEdit(listing.platformListingId!, { title: 'Google says' });
    const connectionId = Buffer.from(connection.id, 'base64').toString().split(':')[1]!;
    const { readBackConnection } = await import('../../src/listings/readBack.ts');
    await readBackConnection(suite.harness.engine, connectionId, null);
    const edit = (await suite.listing(store.id)).suggestedEdits[0]!;
    const run = await suite.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id } } }`, { input: { organizationId: suite.org.gid } });
    Object.assign(ids, { connection: connection.id, listing: listing.id, run: run.syncLocations.run.id, edit: edit.id, location: store.id, other: other.id });
  });

  it('another organisation sees none of them and changes none of them', async () => {
    const stranger = await createOrgWithKey(suite.database.db);
    for (const id of [ids.connection, ids.listing, ids.run, ids.edit]) {
      const res = await suite.api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, stranger.key);
      expect(res.data.node).toBeNull();
    }
    const sync = await suite.api.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id } errors { code } } }`, { input: { organizationId: suite.org.gid } }, stranger.key);
    expect(sync.data.syncLocations).toEqual({ run: null, errors: [{ code: 'NOT_FOUND' }] });
    const accept = await suite.api.gql(`mutation($input: SuggestedEditDecisionInput!) { acceptSuggestedEdit(input: $input) { errors { code } } }`, { input: { id: ids.edit } }, stranger.key);
    expect(accept.data.acceptSuggestedEdit.errors).toEqual([{ code: 'NOT_FOUND' }]);
    const disconnect = await suite.api.gql(`mutation($input: DisconnectPlatformInput!) { disconnectPlatform(input: $input) { errors { code } } }`, { input: { id: ids.connection } }, stranger.key);
    expect(disconnect.data.disconnectPlatform.errors).toEqual([{ code: 'NOT_FOUND' }]);
    const link = await suite.api.gql(`mutation($input: LinkListingInput!) { linkListing(input: $input) { errors { code } } }`, { input: { location: ids.location, connection: ids.connection, platformListingId: 'locations/1' } }, stranger.key);
    expect(link.data.linkListing.errors).toEqual([{ code: 'NOT_FOUND', }]);
  });

  it('a VIEWER reads listings and runs but cannot start syncs or decide suggestions', async () => {
    const viewer = await createKey(suite.database.db, suite.org.id, 'VIEWER');
    const run = await suite.api.gql(`query($id: ID!) { node(id: $id) { ... on SyncRun { total } } }`, { id: ids.run }, viewer);
    expect(run.data.node.total).toBe(2);
    const sync = await suite.api.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { errors { code } } }`, { input: { organizationId: suite.org.gid } }, viewer);
    expect(sync.data.syncLocations.errors).toEqual([{ code: 'FORBIDDEN' }]);
    const reject = await suite.api.gql(`mutation($input: SuggestedEditDecisionInput!) { rejectSuggestedEdit(input: $input) { errors { code } } }`, { input: { id: ids.edit } }, viewer);
    expect(reject.data.rejectSuggestedEdit.errors).toEqual([{ code: 'FORBIDDEN' }]);
  });

  it('links a store to a listing a person picked, once per listing', async () => {
    const fake = suite.harness.fake;
    const otherListing = await suite.listing(ids.other);
    const res = await suite.gql(`mutation($input: LinkListingInput!) { linkListing(input: $input) { listing { platformListingId } errors { code path } } }`, {
      input: { location: ids.location, connection: ids.connection, platformListingId: otherListing.platformListingId },
    });
    expect(res.linkListing).toEqual({ listing: null, errors: [{ code: 'ALREADY_LINKED', path: ['platformListingId'] }] });

    const account = fake.state.accountOf(otherListing.platformListingId!)!;
    const picked = fake.seedLocation(account, { title: 'Picked by hand', storeCode: 'SOMETHING-ELSE', languageCode: 'ja' }).name!;
    fake.clearCalls();
    const linked = await suite.gql(`mutation($input: LinkListingInput!) { linkListing(input: $input) { listing { platformListingId } errors { code } } }`, {
      input: { location: ids.location, connection: ids.connection, platformListingId: picked },
    });
    expect(linked.linkListing).toEqual({ listing: { platformListingId: picked }, errors: [] });
    // Unknown content on the platform: the first write validates and sends every key.
    await eventually(async () => (fake.state.location(picked)?.title === 'てんぽ 赤坂店' ? true : undefined));
    const writes = fake.findCalls({ method: 'PATCH', path: `/v1/${picked}` });
    expect(writes.map((c) => c.query.validateOnly ?? 'write')).toEqual(['true', 'write']);
    expect(writes[1]!.updateMask).toEqual(expect.arrayContaining(['title', 'storefrontAddress', 'phoneNumbers', 'regularHours', 'categories']));
  });
});
