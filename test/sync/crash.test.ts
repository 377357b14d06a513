/**
 * A sync whose last attempt ends in an error of Tenpo's own (a connector bug, not a platform
 * refusal) must not leave its listing PENDING and its sync run unfinished forever.
 */
import type { Job } from 'bullmq';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import type { Connector } from '../../connectors/runtime/connector.ts';
import { syncListingJob } from '../../jobs/syncListing.ts';
import { idOf } from '../../src/graphql/ids.ts';
import { manifestConnectors } from '../../src/platforms/registry.ts';
import { useSyncSuite } from './support.ts';

const suite = useSyncSuite({
  workers: false,
  connectors: () => {
    const base = manifestConnectors().find((c) => c.manifest.id === 'hotfrog')!;
    return [{ ...base, verify: async () => ({ externalAccount: 'acct-1', displayName: 'Chain' }), project: () => { throw new TypeError('projection bug'); } } as Connector];
  },
});

/** The sync-listing job as the worker runs it, on the attempt given. */
function runJob(listingId: string, attemptsMade: number) {
  const job = { id: 'j1', attemptsMade, opts: syncListingJob.options } as unknown as Job;
  return syncListingJob.handler({ listingId }, { engine: suite.harness.engine, job, token: undefined, log: pino({ level: 'silent' }), reviewSweepEveryMs: 86_400_000 });
}

it('marks the listing FAILED with a plain reason and answers its run item after the last attempt, not before', async () => {
  const connected = await suite.gql(`mutation($input: ConnectPlatformInput!) { connectPlatform(input: $input) { connection { id } errors { code } } }`, {
    input: { organizationId: suite.org.gid, platform: 'hotfrog', credentials: { apiKey: 'partner-key-1' }, settings: { endpoint: 'https://partner.example' } },
  });
  expect(connected.connectPlatform.errors).toEqual([]);
  const store = await suite.createStore('TKY-1');
  // Without workers nothing runs on its own; the sync run makes the listing row.
  const run = await suite.gql(`mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id } errors { code } } }`, { input: { organizationId: suite.org.gid } });
  const listingId = idOf((await suite.listing(store.id)).id, 'Listing')!;
  const progress = async () =>
    (await suite.gql(`query($id: ID!) { node(id: $id) { ... on SyncRun { progress { finished failed queued } } } }`, { id: run.syncLocations.run.id })).node.progress;

  await expect(runJob(listingId, 0)).rejects.toThrow('projection bug');
  expect((await suite.listing(store.id)).status).toBe('PENDING');
  expect(await progress()).toMatchObject({ finished: false, failed: 0 });

  await expect(runJob(listingId, (syncListingJob.options.attempts ?? 1) - 1)).rejects.toThrow('projection bug');
  const failed = await suite.listing(store.id);
  expect(failed.status).toBe('FAILED');
  expect(failed.lastError).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('error on our side') });
  expect(await progress()).toMatchObject({ finished: true, failed: 1, queued: 0 });
});
