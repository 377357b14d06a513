/**
 * PostgreSQL drops every connection of the workers in the middle of a sync run (a restart, a
 * failover, an operator's pg_terminate_backend). The process survives, queries in flight fail
 * and are retried, and the run completes with every listing IN_SYNC: a lost database
 * connection is not a reason to mark a listing FAILED, and it is never blamed on Google.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ADMIN_URL } from '../support/db.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';
import { deliveredCount, listingRows, startRun, storeInput, unrelayedOutboxRows, upsertStores, waitForRun } from './resilienceSupport.ts';

const STORES = 300;
const PREFIX = 'PG';

const suite = useSyncSuite({
  fake: { quotas: { requestsPerMinute: 1_000_000, updatesPerDay: 1_000_000 } },
  quotas: { google: { requestsPerMinute: 100_000, editsPerDay: 1_000_000 } },
});

/** Terminates every connection to the suite's database but the caller's; returns how many. */
async function dropConnections(): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const name = new URL(suite.database.url).pathname.slice(1);
    const r = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL dropping its connections during a sync run', () => {
  it('completes the run with every listing IN_SYNC and no listing FAILED', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: 'Tenpo Chain' }).name!;
    for (let i = 0; i < STORES; i++) fake.seedLocation(account, { title: `Old title ${i}`, storeCode: storeInput(i, PREFIX).storeCode as string, languageCode: 'ja' });
    await upsertStores(suite, Array.from({ length: STORES }, (_, i) => storeInput(i, PREFIX)));
    await suite.connectGoogle(account, fake.issueRefreshToken());
    const run = await startRun(suite);

    await eventually(async () => ((await deliveredCount(suite)) >= 30 ? true : undefined), 30_000, '30 listings delivered');
    let dropped = 0;
    for (let i = 0; i < 4; i++) {
      dropped += await dropConnections();
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(dropped).toBeGreaterThan(0);
    const deliveredAfter = await eventually(() => deliveredCount(suite), 10_000, 'the database to answer again');
    expect(deliveredAfter).toBeLessThan(STORES); // the drops landed mid-run

    const progress = await waitForRun(suite, run.id, 90_000);
    const failed = (await listingRows(suite)).filter((l) => l.status !== 'IN_SYNC');
    expect(failed.map((l) => [l.storeCode, l.status, l.lastError])).toEqual([]);
    expect(progress).toMatchObject({ total: STORES, queued: 0, failed: 0, actionRequired: 0, notEligible: 0 });
    const rows = await listingRows(suite);
    expect(rows.filter((l) => l.deliveredVersion !== l.version || fake.state.location(l.platformListingId!)?.title !== l.name)).toEqual([]);
    await eventually(async () => ((await unrelayedOutboxRows(suite)) === 0 ? true : undefined), 10_000, 'outbox drained');
    expect(fake.state.locationNames(account)).toHaveLength(STORES);
  }, 150_000);
});
