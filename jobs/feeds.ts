import { z } from 'zod';
import { deliverFeed, readFeedReport } from '../src/listings/feeds.ts';
import { defineJob, enqueue, postpone } from './define.ts';
import type { Queues } from './queues.ts';

/**
 * Feed platforms take one file per connection. Syncs schedule `deliver-feed` with a delay and a
 * deduplication id, so every change made within the debounce window goes out in the same file;
 * each delivered file's outbox row makes the relay queue `feed-report`, asked again until the
 * platform has processed the file.
 */
export const feedReportJob = defineJob({
  name: 'feed-report',
  queue: 'feeds',
  schema: z.strictObject({ submissionId: z.uuid() }),
  options: { attempts: 10, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  async handler({ submissionId }, { engine, job, token }) {
    const outcome = await readFeedReport(engine, submissionId);
    if (outcome.kind === 'later') await postpone({ kind: 'deferred', retryAfterMs: outcome.retryAfterMs }, job, token);
    if (outcome.kind === 'retry') await postpone({ kind: 'retry', error: outcome.error }, job, token);
  },
});

export const deliverFeedJob = defineJob({
  name: 'deliver-feed',
  queue: 'feeds',
  schema: z.strictObject({ connectionId: z.uuid() }),
  options: { attempts: 8, backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  async handler({ connectionId }, { engine, job, token }) {
    const outcome = await deliverFeed(engine, connectionId);
    if (outcome.kind === 'deferred' || outcome.kind === 'retry') await postpone(outcome, job, token);
  },
});

/** From the outbox relay: the job id is the submission, so a row relayed twice reads one report. */
export function enqueueFeedReports(queues: Queues, submissionIds: readonly string[], delayMs: number): Promise<void> {
  return enqueue(
    queues,
    feedReportJob,
    submissionIds.map((submissionId) => ({ payload: { submissionId }, options: { delay: delayMs, jobId: `feed-report-${submissionId}` } })),
  );
}

export function scheduleFeed(queues: Queues, connectionId: string, debounceMs: number): Promise<void> {
  return enqueue(queues, deliverFeedJob, [
    { payload: { connectionId }, options: { delay: debounceMs, deduplication: { id: `feed-${connectionId}`, keepLastIfActive: true } } },
  ]);
}
