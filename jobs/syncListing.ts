import { DelayedError } from 'bullmq';
import { z } from 'zod';
import { recordSyncCrash, syncListing } from '../src/listings/sync.ts';
import { defineJob, enqueue } from './define.ts';
import type { Queues } from './queues.ts';

/**
 * One job per listing, i.e. per (location, platform connection). Deduplicated by listing with
 * keepLastIfActive: while one runs, at most one more waits, and since the handler reads the
 * location when it starts, the waiting one delivers the latest data however many edits came.
 */
export const syncListingJob = defineJob({
  name: 'sync-listing',
  queue: 'sync',
  schema: z.strictObject({ listingId: z.uuid() }),
  options: {
    attempts: 8,
    // 1 s, 2 s, 4 s … ±50%: spreads retries after a platform outage instead of a thundering herd.
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    removeOnComplete: { age: 3_600, count: 10_000 },
    removeOnFail: { age: 7 * 86_400, count: 100_000 },
  },
  async handler({ listingId }, { engine, job, token, log }) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let result;
    try {
      result = await syncListing(engine, listingId, { final });
    } catch (err) {
      // The job's own error is what the worker logs; a failure to record it (the database is
      // what failed, say) must not hide it.
      if (final) await recordSyncCrash(engine, listingId).catch((recordErr: unknown) => log.warn({ err: recordErr, listingId }, 'could not record the failed sync'));
      throw err;
    }
    // A listing written in a transaction that had not committed when the job started; gone for
    // good (store or connection deleted) once a retry still cannot see it.
    if (result.kind === 'gone' && job.attemptsMade === 0) throw new Error(`listing ${listingId} not found; retrying once`);
    if (result.kind === 'deferred') {
      // Quota or open circuit: wait without spending an attempt. Jitter keeps the deferred
      // jobs of one platform from all waking in the same millisecond.
      const at = Date.now() + result.retryAfterMs + Math.floor(Math.random() * 250);
      await job.moveToDelayed(at, token);
      throw new DelayedError();
    }
  },
});

// One addBulk is one Redis transaction: a connection or a run of many thousand listings goes in
// slices, so no single call holds Redis for long.
const ENQUEUE_CHUNK = 1_000;

/**
 * `now`: a person asked for these syncs (a sync run), so a listing whose sync is waiting (a
 * platform's quota, its review of a new place, a retry's backoff) is looked at now instead of
 * when the wait ends; it keeps its attempts. Edits do not do this: a burst of them would
 * otherwise cut every wait short.
 */
export async function enqueueListingSyncs(queues: Queues, listingIds: readonly string[], options: { now?: boolean } = {}): Promise<void> {
  for (let i = 0; i < listingIds.length; i += ENQUEUE_CHUNK) {
    await enqueue(
      queues,
      syncListingJob,
      listingIds.slice(i, i + ENQUEUE_CHUNK).map((listingId) => ({
        payload: { listingId },
        options: { deduplication: { id: `listing:${listingId}`, keepLastIfActive: true, ...(options.now ? { reschedule: true } : {}) } },
      })),
    );
  }
}
