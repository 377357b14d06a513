import { z } from 'zod';
import { pullConnectionReviews } from '../src/reviews/pull.ts';
import { sendReply } from '../src/reviews/send.ts';
import { defineJob, enqueue, postpone } from './define.ts';
import type { Queues } from './queues.ts';

const retention = { removeOnComplete: { age: 86_400, count: 1_000 }, removeOnFail: { age: 7 * 86_400, count: 10_000 } };

/** Pulls one connection's reviews from its bookmark (data flow 4). */
export const pullReviewsJob = defineJob({
  name: 'pull-reviews',
  queue: 'reviews',
  schema: z.strictObject({ connectionId: z.uuid() }),
  options: { attempts: 6, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 }, ...retention },
  async handler({ connectionId }, { engine, job, token, log, reviewSweepEveryMs }) {
    const outcome = await pullConnectionReviews(engine, connectionId, { sweepEveryMs: reviewSweepEveryMs });
    if (outcome.kind === 'done') {
      log.info({ connectionId, added: outcome.added, updated: outcome.updated, deleted: outcome.deleted }, 'reviews pulled');
      return;
    }
    await postpone(outcome, job, token);
  },
});

/** Starts a pull of every active connection whose platform has reviews. */
export const pullReviewsSweepJob = defineJob({
  name: 'pull-reviews-sweep',
  queue: 'reviews',
  schema: z.strictObject({}),
  options: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  async handler(_payload, { engine }) {
    const connections = await engine.db.selectFrom('platform_connections').select(['id', 'platform']).where('status', '=', 'ACTIVE').execute();
    await enqueueReviewPulls(
      engine.queues,
      connections.filter((c) => engine.registry.get(c.platform)?.reviews).map((c) => c.id),
    );
  },
});

/** Publishes or deletes one reply version on its platform. */
export const sendReplyJob = defineJob({
  name: 'send-reply',
  queue: 'replies',
  schema: z.strictObject({ reviewId: z.uuid(), version: z.number().int().positive() }),
  options: { attempts: 8, backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 }, ...retention },
  async handler({ reviewId, version }, { engine, job, token, log }) {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await sendReply(engine, reviewId, version, lastAttempt);
    if (outcome.kind === 'done') {
      log.info({ reviewId, version, state: outcome.state }, 'reply sent');
      return;
    }
    await postpone(outcome, job, token);
  },
});

export function enqueueReviewPulls(queues: Queues, connectionIds: readonly string[]): Promise<void> {
  // One pull per connection at a time; asking again while one runs adds nothing.
  return enqueue(
    queues,
    pullReviewsJob,
    connectionIds.map((connectionId) => ({ payload: { connectionId }, options: { deduplication: { id: `pull-reviews:${connectionId}` } } })),
  );
}

export function enqueueReplySends(queues: Queues, replies: readonly { reviewId: string; version: number }[]): Promise<void> {
  // The job id is the version: a relay that enqueues the same row twice adds one job.
  return enqueue(
    queues,
    sendReplyJob,
    replies.map((r) => ({ payload: r, options: { jobId: `reply:${r.reviewId}:${r.version}` } })),
  );
}

export async function scheduleReviewPulls(queues: Queues, everyMinutes: number): Promise<void> {
  await queues
    .get('reviews')
    .upsertJobScheduler('pull-reviews-sweep', { every: everyMinutes * 60_000 }, { name: pullReviewsSweepJob.name, data: {}, opts: pullReviewsSweepJob.options });
}
