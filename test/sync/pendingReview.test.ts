/**
 * A platform that reviews new places before they exist (Foursquare's new place suggestions, for
 * days sometimes) cannot take a change to a place it has not made yet. That is a wait, not a
 * failure: the listing says why it waits, the sync run is answered WAITING rather than held open,
 * no attempt is spent, and the change is sent once the place exists.
 */
import { expect, it } from 'vitest';
import type { Connector } from '../../connectors/runtime/connector.ts';
import { idOf } from '../../src/graphql/ids.ts';
import { readBackConnection } from '../../src/listings/readBack.ts';
import { connector as foursquareConnector } from '../connectors/foursquare/helpers.ts';
import { startFakeFoursquare } from '../fakes/foursquare/server.ts';
import { eventually } from '../support/sync.ts';
import { useFakeBeforeSuite, useSyncSuite } from './support.ts';

const fake = useFakeBeforeSuite(() => startFakeFoursquare({ autoAcceptEdits: true }));
const suite = useSyncSuite({ connectors: () => [foursquareConnector(fake.current.url) as Connector] });

const LISTING = `id status statusReason platformListingId publicUrl readBackAt lastError { code }`;

async function listing(locationId: string) {
  const data = await suite.gql(`query($id: ID!) { location(id: $id) { listings { ${LISTING} } } }`, { id: locationId });
  return data.location.listings[0] as { id: string; status: string; statusReason: string | null; platformListingId: string | null; publicUrl: string | null; readBackAt: string | null; lastError: { code: string } | null };
}

/** Starts a sync run of every store and waits until each of its listings is answered. */
async function runToTheEnd() {
  const run = await suite.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id } errors { code } } }`, { input: { organizationId: suite.org.gid } });
  return eventually(async () => {
    const r = await suite.gql(`query($id: ID!) { node(id: $id) { ... on SyncRun { progress { finished total waiting failed } } } }`, { id: run.syncLocations.run.id });
    return r.node.progress.finished ? r.node.progress : undefined;
  }, 20_000, 'the run answered');
}

let connectionId: string;
let madeStore: { id: string; version: number };
let reviewedStore: { id: string; suggestion: string };
let madePlace: string;

it('holds a change while Foursquare reviews the new place, answers the run WAITING, and sends the change once the place exists', async () => {
  const connected = await suite.gql(`mutation($input: ConnectPlatformInput!) { connectPlatform(input: $input) { connection { id } errors { code message } } }`, {
    input: { organizationId: suite.org.gid, platform: 'foursquare', credentials: { serviceApiKey: fake.current.issueKey('service') } },
  });
  expect(connected.connectPlatform.errors).toEqual([]);
  connectionId = idOf(connected.connectPlatform.connection.id, 'PlatformConnection')!;
  const store = await suite.createStore('TKY-1');
  madeStore = store;
  const suggested = await eventually(async () => {
    const l = await listing(store.id);
    return l?.status === 'SUBMITTED' ? l : undefined;
  }, 20_000, 'the new place suggested');
  expect(suggested.platformListingId).toMatch(/^suggestion:/);

  await suite.updateStore(store.id, store.version, { website: 'https://tenpo.example/akasaka' });
  expect(await runToTheEnd()).toMatchObject({ waiting: 1, failed: 0 });

  const held = await listing(store.id);
  expect(held).toMatchObject({ lastError: null, statusReason: expect.stringContaining('still reviewing the new place') });
  expect(['PENDING', 'SUBMITTED']).toContain(held.status);
  const queue = suite.harness.queues.get('sync');
  const [job] = await queue.getJobs(['delayed']);
  expect(job?.attemptsMade).toBe(0);
  expect(job!.delay).toBeGreaterThanOrEqual(3_000_000);

  // A run asked for during the hour looks at the place now rather than when the hour is up.
  const statusChecks = () => fake.current.calls.filter((c) => c.path === '/places/suggest/status').length;
  const checksBefore = statusChecks();
  expect(await runToTheEnd()).toMatchObject({ total: 1, waiting: 1, failed: 0 });
  expect(statusChecks()).toBeGreaterThan(checksBefore);
  const [again] = await queue.getJobs(['delayed']);
  expect(again).toMatchObject({ id: job!.id, attemptsMade: 0 });
  expect(again!.delay).toBeGreaterThanOrEqual(3_000_000);

  // Foursquare makes the place; the hour passes.
  const suggestion = suggested.platformListingId!.slice('suggestion:'.length);
  const placeId = fake.current.accept(suggestion)!;
  madePlace = placeId;
  await again!.promote();
  const sent = await eventually(async () => {
    const l = await listing(store.id);
    return l && l.statusReason === null ? l : undefined;
  }, 20_000, 'the held change sent');
  expect(sent).toMatchObject({ statusReason: null, lastError: null });
  expect(['IN_SYNC', 'SUBMITTED']).toContain(sent.status);
  expect(fake.current.places.get(placeId)).toMatchObject({ website: 'https://tenpo.example/akasaka' });
});

it('reads back the places that exist and passes by one still under review, instead of failing the sweep', async () => {
  const reviewed = await suite.createStore('TKY-2', { name: 'てんぽ 新橋店' });
  await eventually(async () => ((await listing(reviewed.id))?.platformListingId?.startsWith('suggestion:') ? true : undefined), 20_000, 'the second place suggested');
  // One sweep over the connection, as the read-back job runs it.
  expect(await readBackConnection(suite.harness.engine, connectionId, null)).toEqual({ kind: 'done', read: 1 });
  const read = await listing(madeStore.id);
  expect(read.readBackAt).not.toBeNull();
  expect(read.lastError).toBeNull();
  const waiting = await listing(reviewed.id);
  expect(waiting).toMatchObject({ status: 'SUBMITTED', readBackAt: null, lastError: null });
  reviewedStore = { id: reviewed.id, suggestion: waiting.platformListingId! };
});

it('links a listing to the place Foursquare made from its suggestion at the next read-back, without writing to Foursquare', async () => {
  const placeId = fake.current.accept(reviewedStore.suggestion.slice('suggestion:'.length))!;
  const callsBefore = fake.current.calls.length;
  expect(await readBackConnection(suite.harness.engine, connectionId, null)).toEqual({ kind: 'done', read: 2 });
  const sweep = fake.current.calls.slice(callsBefore);
  expect(sweep.filter((c) => c.method !== 'GET')).toEqual([]);
  expect(sweep.some((c) => c.path === '/places/suggest/status')).toBe(true);
  expect(await listing(reviewedStore.id)).toMatchObject({
    platformListingId: placeId,
    publicUrl: `https://foursquare.com/v/${placeId}`,
    status: 'IN_SYNC',
    lastError: null,
  });
  // Read by its place id from now on: the suggestion is not asked about again.
  const callsAfter = fake.current.calls.length;
  await readBackConnection(suite.harness.engine, connectionId, null);
  expect(fake.current.calls.slice(callsAfter).filter((c) => c.path === '/places/suggest/status')).toEqual([]);
});

it('does not link a listing to the place Foursquare merged it into when another store holds that place: a person is asked, naming both stores', async () => {
  // Another name on the same street: Foursquare takes the suggestion, then judges it a duplicate.
  const twin = await suite.createStore('TKY-3', { name: 'てんぽ 赤坂見附店' });
  const suggested = await eventually(async () => {
    const l = await listing(twin.id);
    return l?.platformListingId?.startsWith('suggestion:') ? l : undefined;
  }, 20_000, 'the third place suggested');
  fake.current.merge(suggested.platformListingId!.slice('suggestion:'.length), madePlace);

  expect(await readBackConnection(suite.harness.engine, connectionId, null)).toMatchObject({ kind: 'done' });
  const problemsOf = async (id: string) => (await suite.gql(`query($id: ID!) { location(id: $id) { listings { status platformListingId problems { rule message } } } }`, { id })).location.listings[0];
  const held = await problemsOf(twin.id);
  expect(held).toMatchObject({ status: 'ACTION_REQUIRED', platformListingId: suggested.platformListingId });
  expect(held.problems).toEqual([{ rule: 'tenpo.listing.heldByOtherStore', message: expect.stringContaining('store TKY-1') }]);
  expect(await problemsOf(madeStore.id)).toMatchObject({ platformListingId: madePlace, problems: [] });

  // A run sends nothing while the store is unchanged, and does not call it in sync.
  const callsBefore = fake.current.calls.length;
  expect(await runToTheEnd()).toMatchObject({ failed: 0 });
  expect(fake.current.calls.slice(callsBefore).filter((c) => c.method !== 'GET')).toEqual([]);
  expect(await problemsOf(twin.id)).toMatchObject({ status: 'ACTION_REQUIRED', problems: [{ rule: 'tenpo.listing.heldByOtherStore' }] });
});
