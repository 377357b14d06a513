import { describe, expect, it } from 'vitest';
import type { Queues } from '../../jobs/queues.ts';
import { relayOnce } from '../../src/outbox/relay.ts';
import { useSyncSuite } from './support.ts';

// No workers: jobs stay in the queue where the test can count them.
const suite = useSyncSuite({ workers: false });

const unrelayed = () => suite.database.db.selectFrom('outbox').select('id').where('relayed_at', 'is', null).execute();
const waitingSyncJobs = async () => (await suite.harness.queues.get('sync').getJobs(['waiting', 'delayed', 'prioritized'])).map((j) => j.data.listingId as string);

async function drain(): Promise<void> {
  while ((await relayOnce(suite.harness.engine)) > 0);
}

describe('the outbox relay', () => {
  const stores: { id: string; version: number }[] = [];

  it('creates listings for a new connection and enqueues its linking, not its syncs', async () => {
    for (let i = 0; i < 5; i++) stores.push(await suite.createStore(`R-${i}`));
    await drain(); // no connection yet: nothing to sync
    expect(await waitingSyncJobs()).toEqual([]);
    const account = suite.harness.fake.seedAccount({}).name!;
    await suite.connectGoogle(account, suite.harness.fake.issueRefreshToken());
    await drain();
    expect(await suite.database.db.selectFrom('listings').select('id').execute()).toHaveLength(5);
    expect(await waitingSyncJobs()).toEqual([]);
    expect((await suite.harness.queues.get('read-back').getJobs(['waiting'])).map((j) => j.name)).toEqual(['link-listings']);
    await suite.database.db.updateTable('platform_connections').set({ linked_at: new Date() }).execute();
  });

  it('loses nothing when enqueueing fails: the rows stay for the next pass', async () => {
    for (const [i, s] of stores.entries()) stores[i] = await suite.updateStore(s.id, s.version, { description: `first ${i}` });
    const real = suite.harness.engine.queues;
    const broken: Queues = { ...real, get: (name) => Object.assign(Object.create(real.get(name)), { addBulk: () => Promise.reject(new Error('Redis went away')) }) };
    suite.harness.engine.queues = broken;
    await expect(relayOnce(suite.harness.engine)).rejects.toThrow('Redis went away');
    suite.harness.engine.queues = real;
    expect(await unrelayed()).toHaveLength(5);
    await drain();
    expect(await unrelayed()).toEqual([]);
    expect((await waitingSyncJobs()).sort()).toHaveLength(5);
  });

  it('a row relayed twice (crash after enqueue, before commit) still leaves one job per listing', async () => {
    await suite.database.db.updateTable('outbox').set({ relayed_at: null }).where('event_type', '=', 'location.updated').execute();
    await drain();
    const jobs = await waitingSyncJobs();
    expect(jobs).toHaveLength(5);
    expect(new Set(jobs).size).toBe(5);
  });

  it('rapid edits to one store coalesce into the one waiting job; concurrent relays take each row once', async () => {
    for (let round = 0; round < 20; round++) {
      for (const [i, s] of stores.entries()) stores[i] = await suite.updateStore(s.id, s.version, { description: `round ${round} ${i}` });
    }
    const passes = await Promise.all([relayOnce(suite.harness.engine, 30), relayOnce(suite.harness.engine, 30), relayOnce(suite.harness.engine, 30)]);
    await drain();
    expect(passes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
    expect(await unrelayed()).toEqual([]);
    const jobs = await waitingSyncJobs();
    expect(jobs).toHaveLength(5);
    expect(new Set(jobs).size).toBe(5);
  });
});
