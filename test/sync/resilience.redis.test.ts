/**
 * Redis restarts in the middle of a sync run. Jobs live in Redis with an append-only file (as
 * Tenpo's embedded Redis keeps them), edits live in the outbox in PostgreSQL: once Redis is back
 * the run completes, every listing is IN_SYNC, and an edit saved while Redis was down reaches
 * Google. The process running the API, the relay and the workers survives the outage.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SyncHarnessOptions } from '../support/sync.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';
import {
  deliveredCount,
  landedPatches,
  listingRows,
  ownRedis,
  startRun,
  storeInput,
  unrelayedOutboxRows,
  upsertStores,
  waitForRun,
  type OwnRedis,
} from './resilienceSupport.ts';

const STORES = 300;
const PREFIX = 'RDS';

let redis: OwnRedis;
const options: SyncHarnessOptions & { workers?: boolean } = {
  fake: { quotas: { requestsPerMinute: 1_000_000, updatesPerDay: 1_000_000 } },
  quotas: { google: { requestsPerMinute: 100_000, editsPerDay: 1_000_000 } },
};
// Registered before the suite: Redis is up before the harness connects, and goes after it closed.
beforeAll(async () => {
  redis = await ownRedis();
  options.redisUrl = redis.url;
});
afterAll(async () => {
  await redis?.destroy();
}, 30_000);
const suite = useSyncSuite(options);

describe('Redis restarted during a sync run', () => {
  it('completes the run once Redis is back, and delivers an edit saved while it was down', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Tenpo Chain' }).name!;
    for (let i = 0; i < STORES; i++) fake.seedLocation(account, { title: `Old title ${i}`, storeCode: storeInput(i, PREFIX).storeCode as string, languageCode: 'ja' });
    const stores = await upsertStores(suite, Array.from({ length: STORES }, (_, i) => storeInput(i, PREFIX)));

    await suite.connectGoogle(account, fake.issueRefreshToken());
    const run = await startRun(suite);
    expect(run.total).toBe(STORES);

    await eventually(async () => ((await deliveredCount(suite)) >= 40 ? true : undefined), 30_000, '40 listings delivered');
    await redis.stop();
    // If an assertion fails while Redis is down, bring it back so the suite can close its queues
    // (and give the workers time to reconnect: closing a BullMQ worker whose connection is still
    // reconnecting never finishes, see the report).
    onTestFinished(async () => {
      if (redis.running) return;
      await redis.start();
      await new Promise((r) => setTimeout(r, 2_000));
    });
    const deliveredWhenDown = await deliveredCount(suite);
    expect(deliveredWhenDown).toBeLessThan(STORES - 20); // the outage lands mid-run

    // Edits do not need Redis: the store is saved with its outbox row. The store picked is one
    // Google already has, so no queued job could deliver the edit by chance: only the outbox can.
    const done = (await listingRows(suite)).find((l) => l.status === 'IN_SYNC' && l.deliveredVersion === l.version)!;
    const edited = stores.find((s) => s.storeCode === done.storeCode)!;
    const renamed = `${edited.name} (edited while Redis was down)`;
    const saved = await suite.updateStore(edited.id, edited.version, { name: renamed });
    expect(saved.version).toBe(edited.version + 1);

    await new Promise((r) => setTimeout(r, 2_500));
    expect(redis.running).toBe(false);
    expect(await unrelayedOutboxRows(suite)).toBeGreaterThan(0); // the relay could not hand it over
    await redis.start();

    const progress = await waitForRun(suite, run.id, 90_000);
    const failed = (await listingRows(suite)).filter((l) => l.status === 'FAILED');
    expect(failed.map((l) => l.lastError), 'listings failed by the outage').toEqual([]);
    expect(progress).toMatchObject({ total: STORES, queued: 0, failed: 0, actionRequired: 0, notEligible: 0 });

    const rows = await eventually(async () => {
      const all = await listingRows(suite);
      return all.every((l) => l.status === 'IN_SYNC' && l.deliveredVersion === l.version) ? all : undefined;
    }, 60_000, 'every listing IN_SYNC at its store version').catch(async (err: unknown) => {
      const behind = (await listingRows(suite)).filter((l) => l.status !== 'IN_SYNC' || l.deliveredVersion !== l.version);
      throw new Error(`${String(err)}; ${behind.length} behind, e.g. ${JSON.stringify(behind.slice(0, 3))}`);
    });
    expect(rows).toHaveLength(STORES);
    const mismatched = rows.filter((l) => fake.state.location(l.platformListingId!)?.title !== l.name);
    expect(mismatched).toEqual([]);
    expect(fake.state.location(rows.find((l) => l.storeCode === edited.storeCode)!.platformListingId!)?.title).toBe(renamed);
    expect(fake.state.locationNames(account)).toHaveLength(STORES);

    // Nothing stranded: the outbox is drained, no job failed for good, Google saw each store's
    // first write once (an identical repeat only if the outage cut off an answer).
    await eventually(async () => ((await unrelayedOutboxRows(suite)) === 0 ? true : undefined), 10_000, 'outbox drained');
    expect(await suite.harness.queues.get('sync').getFailedCount()).toBe(0);
    const writes = landedPatches(fake.calls);
    for (const l of rows) expect(writes.get(l.platformListingId!)?.length ?? 0, l.storeCode).toBeGreaterThan(0);
    expect(fake.quotaViolations).toEqual([]);
    expect(fake.serverErrors).toEqual([]);
  }, 150_000);
});
