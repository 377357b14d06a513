import { DelayedError } from 'bullmq';
import { z } from 'zod';
import { linkConnection } from '../src/listings/link.ts';
import { defineJob, enqueue } from './define.ts';
import type { Queues } from './queues.ts';
import { enqueueReviewPulls } from './reviews.ts';
import { enqueueListingSyncs } from './syncListing.ts';

/**
 * Links a new connection's existing platform listings to stores, then syncs every listing of
 * the connection and pulls its reviews. If the job dies after linking, its retry links nothing new and enqueues the
 * syncs again, which deduplicate.
 */
export const linkListingsJob = defineJob({
  name: 'link-listings',
  queue: 'read-back',
  schema: z.strictObject({ connectionId: z.uuid() }),
  options: { attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 }, removeOnComplete: { count: 1_000 }, removeOnFail: { count: 10_000 } },
  async handler({ connectionId }, { engine, job, token }) {
    const outcome = await linkConnection(engine, connectionId);
    if (outcome.kind === 'deferred') {
      await job.moveToDelayed(Date.now() + outcome.retryAfterMs, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'linked') {
      await enqueueListingSyncs(engine.queues, outcome.listingIds);
      // The first pull backfills the reviews of every listing just linked.
      await enqueueReviewPulls(engine.queues, [connectionId]);
    }
  },
});

export function enqueueLinking(queues: Queues, connectionIds: readonly string[]): Promise<void> {
  return enqueue(
    queues,
    linkListingsJob,
    connectionIds.map((connectionId) => ({ payload: { connectionId }, options: { deduplication: { id: `link:${connectionId}` } } })),
  );
}
