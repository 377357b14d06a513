/**
 * A worker process dies (SIGKILL: no shutdown hook runs) in the middle of a sync run of 1,000
 * stores. What the chain relies on: the run still finishes, every listing ends IN_SYNC at its
 * store's latest version, Google shows exactly our data, nothing is left in the outbox, and no
 * listing on Google ever goes back to older data (a retried write may repeat, identically).
 */
import { QueueEvents } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';
import {
  apiListingStatuses,
  checkWriteHistory,
  deliveredCount,
  killAllChildren,
  landedPatches,
  listingRows,
  spawnWorker,
  startRun,
  storeInput,
  unrelayedOutboxRows,
  upsertStores,
  waitForRun,
  warnings,
  type ChildWorker,
} from './resilienceSupport.ts';

const STORES = 1_000;
const PREFIX = 'KILL';
const RENAMED_EVERY = 10; // every 10th store is renamed while the run is under way
const renamed = (name: string) => `${name} リニューアル`;

const suite = useSyncSuite({
  workers: false,
  // Google's per-listing 10 edits/min stays; the project-wide limits are lifted for 1,000 stores.
  fake: { quotas: { requestsPerMinute: 1_000_000, updatesPerDay: 1_000_000 } },
  quotas: { google: { requestsPerMinute: 100_000, editsPerDay: 1_000_000 } },
});

afterAll(async () => {
  await killAllChildren();
}, 30_000);

describe('a worker process killed during a sync run of 1,000 stores', () => {
  it('finishes the run with every listing IN_SYNC, Google holding our data, and no write going back', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Tenpo Chain' }).name!;
    for (let i = 0; i < STORES; i++) fake.seedLocation(account, { title: `Old title ${i}`, storeCode: storeInput(i, PREFIX).storeCode as string, languageCode: 'ja' });

    const inputs = Array.from({ length: STORES }, (_, i) => storeInput(i, PREFIX));
    const stores = await upsertStores(suite, inputs);
    expect(stores).toHaveLength(STORES);
    const names = new Map(stores.map((s) => [s.storeCode, [s.name]]));

    const env = {
      ...suite.harness.childEnv(suite.database.url),
      WORKER_CONCURRENCY: '8',
      // A dead worker's jobs are taken up within seconds instead of the production minute.
      WORKER_LOCK_MS: '3000',
      READ_BACK_EVERY_MINUTES: String(7 * 24 * 60),
    };
    const workers: ChildWorker[] = [spawnWorker(env), spawnWorker(env)];
    await Promise.all(workers.map((w) => w.ready));

    // Jobs whose worker died are moved back to wait by a surviving worker: BullMQ says "stalled".
    const events = new QueueEvents('sync', { connection: { url: suite.harness.queues.config.redisUrl }, prefix: suite.harness.prefix });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();

    try {
      const connection = await suite.connectGoogle(account, fake.issueRefreshToken());
      expect(connection.status).toBe('ACTIVE');
      const run = await startRun(suite);
      expect(run.total).toBe(STORES);

      // A few hundred delivered: rename every 10th store (some are on Google already, some not),
      // then kill one worker in the middle of its jobs.
      await eventually(async () => ((await deliveredCount(suite)) >= 300 ? true : undefined), 60_000, '300 listings delivered');
      const renames = inputs
        .map((input, i) => ({ input, i }))
        .filter(({ i }) => i % RENAMED_EVERY === 0)
        .map(({ input }) => ({ ...input, name: renamed(input.name as string) }));
      const updated = await upsertStores(suite, renames, 100);
      for (const u of updated) names.get(u.storeCode)!.push(u.name);

      const victim = workers[0]!;
      victim.proc.kill('SIGKILL');
      const deliveredAtKill = await deliveredCount(suite);
      expect((await victim.exited).signal).toBe('SIGKILL');
      // Otherwise the kill proved nothing: it must land mid-run.
      expect(deliveredAtKill).toBeLessThan(STORES - 100);

      // A replacement joins the survivor.
      const replacement = spawnWorker(env);
      workers.push(replacement);
      await replacement.ready;

      const progress = await waitForRun(suite, run.id, 90_000);
      expect(progress).toMatchObject({ total: STORES, queued: 0, failed: 0, actionRequired: 0, notEligible: 0 });
      expect(progress.delivered + progress.unchanged).toBe(STORES);

      // The renames were edits after the run began: each listing ends at its store's latest version.
      const rows = await eventually(async () => {
        const all = await listingRows(suite);
        return all.every((l) => l.status === 'IN_SYNC' && l.deliveredVersion === l.version) ? all : undefined;
      }, 60_000, 'every listing IN_SYNC at its store version').catch(async (err: unknown) => {
        const all = await listingRows(suite);
        const behind = all.filter((l) => l.status !== 'IN_SYNC' || l.deliveredVersion !== l.version);
        throw new Error(`${String(err)}; ${behind.length} behind, e.g. ${JSON.stringify(behind.slice(0, 3))}`);
      });
      expect(rows).toHaveLength(STORES);

      // What a user sees through the API.
      const shown = await apiListingStatuses(suite);
      expect(shown.size).toBe(STORES);
      expect([...shown.values()].filter((l) => l.status !== 'IN_SYNC')).toEqual([]);

      // Google: every store linked to its own listing (none created), holding our latest name.
      expect(fake.state.locationNames(account)).toHaveLength(STORES);
      const mismatched: string[] = [];
      for (const l of rows) {
        const onGoogle = l.platformListingId ? fake.state.location(l.platformListingId) : undefined;
        if (onGoogle?.storeCode !== l.storeCode || onGoogle.title !== l.name) mismatched.push(`${l.storeCode}: ${onGoogle?.title} ≠ ${l.name}`);
      }
      expect(mismatched).toEqual([]);
      expect(rows.filter((l) => l.name !== names.get(l.storeCode)!.at(-1))).toEqual([]);

      // Nothing left behind in the outbox.
      await eventually(async () => ((await unrelayedOutboxRows(suite)) === 0 ? true : undefined), 10_000, 'outbox drained');

      // Per listing, Google never went back to older data; repeats only as identical retries.
      const writes = landedPatches(fake.calls);
      const problems: string[] = [];
      for (const l of rows) {
        const history = writes.get(l.platformListingId!) ?? [];
        if (history.length === 0) problems.push(`${l.storeCode}: never written`);
        const problem = checkWriteHistory(history, names.get(l.storeCode)!);
        if (problem) problems.push(`${l.storeCode}: ${problem}`);
      }
      expect(problems).toEqual([]);
      // Only a write the kill cut off (its job stalled and ran again) may have been repeated.
      const repeated = rows.filter((l) => {
        const history = writes.get(l.platformListingId!) ?? [];
        return history.length > new Set(history.map((w) => JSON.stringify([w.updateMask, w.body]))).size;
      });
      expect(repeated.length).toBeLessThanOrEqual(stalled.length);

      // The killed worker was in the middle of jobs, and the others took them up.
      expect(stalled.length).toBeGreaterThan(0);
      expect(fake.quotaViolations).toEqual([]);
      expect(fake.serverErrors).toEqual([]);
      // The survivors logged nothing worse than a warning about the dead one.
      for (const w of workers.slice(1)) expect(warnings(w).filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      await events.close();
      await killAllChildren();
    }
  }, 180_000);
});
