/**
 * A worker process dies (SIGKILL) in the middle of backfilling a store's 300 reviews. Another
 * worker takes the pull up: every review ends stored exactly once, none is lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/sync.ts';
import { killAllChildren, spawnWorker } from '../sync/resilienceSupport.ts';
import { historyOf, useReviewSuite } from './support.ts';

const suite = useReviewSuite({ workers: false });
const REVIEWS = 300;

afterAll(async () => {
  await killAllChildren();
}, 30_000);

const storedCount = async () =>
  Number((await suite.database.db.selectFrom('reviews').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', suite.org.id).executeTakeFirstOrThrow()).n);

describe('a worker killed mid-pull', () => {
  it('leaves no duplicate and no missing review once another worker finishes the pull', async () => {
    const fake = suite.harness.fake;
    let seeded: string[] = [];
    // Pages after the third hang: the worker is stuck mid-backfill with 150 reviews stored.
    let listCalls = 0;
    fake.setFaults((req) => (req.api === 'mybusiness-v4' && req.method === 'GET' && req.path.endsWith('/reviews') && ++listCalls > 3 ? { kind: 'hang' } : undefined));
    const child = spawnWorker({ ...suite.harness.childEnv(suite.database.url), WORKER_CONCURRENCY: '4', WORKER_LOCK_MS: '3000', PLATFORM_TIMEOUT_MS: '2000' });
    await child.ready;
    await suite.connectStores(['KILL-R'], (f, location) => {
      const history = historyOf(REVIEWS, 1, f.now());
      for (const review of history) f.seedReview(location, review);
      seeded = history.map((r) => r.reviewId!);
    });
    await eventually(async () => ((await storedCount()) >= 150 ? true : undefined), 30_000, 'the first pages stored');
    child.proc.kill('SIGKILL');
    await child.exited;
    expect(await storedCount()).toBeLessThan(REVIEWS);

    fake.setFaults(undefined);
    await suite.harness.startWorkers(4);
    await eventually(async () => ((await storedCount()) === REVIEWS ? true : undefined), 60_000, 'the pull finished by another worker');
    const rows = await suite.database.db.selectFrom('reviews').select(['platform_review_id', 'fraud_verdict']).where('org_id', '=', suite.org.id).execute();
    expect(rows.map((r) => r.platform_review_id).sort()).toEqual([...seeded].sort());
    await eventually(async () => {
      const unscreened = await suite.database.db.selectFrom('reviews').select('id').where('org_id', '=', suite.org.id).where('fraud_verdict', 'is', null).execute();
      return unscreened.length === 0 ? true : undefined;
    }, 30_000, 'every review screened');
  }, 120_000);
});
