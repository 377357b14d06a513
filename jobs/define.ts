import { DelayedError, type Job, type JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { Logger } from '../src/log.ts';
import type { Engine } from '../src/listings/engine.ts';
import type { QueueName, Queues } from './queues.ts';

export interface JobContext {
  engine: Engine;
  job: Job;
  /** The worker's lock token, needed to move the job (e.g. to delayed). */
  token: string | undefined;
  log: Logger;
  /** How often each listing's reviews are read in full, to notice deletions (review pulls). */
  reviewSweepEveryMs: number;
}

/**
 * A job: its name, its queue, the zod schema of its payload and its handler. Payloads hold ids,
 * never secrets (Redis keeps job data in clear text). Handlers are idempotent: delivery is at
 * least once.
 */
export interface JobDefinition<Schema extends z.ZodType> {
  name: string;
  queue: QueueName;
  schema: Schema;
  options: JobsOptions;
  handler(payload: z.output<Schema>, context: JobContext): Promise<void>;
}

export function defineJob<Schema extends z.ZodType>(definition: JobDefinition<Schema>): JobDefinition<Schema> {
  return definition;
}

/** Adds jobs after checking their payloads, in one round trip per call. */
export async function enqueue<Schema extends z.ZodType>(
  queues: Queues,
  definition: JobDefinition<Schema>,
  items: readonly { payload: z.input<Schema>; options?: JobsOptions }[],
): Promise<void> {
  if (items.length === 0) return;
  const jobs = items.map((item) => ({
    name: definition.name,
    data: definition.schema.parse(item.payload),
    opts: { ...definition.options, ...item.options },
  }));
  await queues.get(definition.queue).addBulk(jobs);
}

/**
 * A handler's answer to a platform that said "not now": a retryable failure goes back to BullMQ's
 * backoff (and counts as an attempt); a quota or an open circuit moves the job to delayed without
 * using an attempt.
 */
export async function postpone(outcome: { kind: 'retry'; error: Error } | { kind: 'deferred'; retryAfterMs: number }, job: Job, token: string | undefined): Promise<never> {
  if (outcome.kind === 'retry') throw outcome.error;
  await job.moveToDelayed(Date.now() + outcome.retryAfterMs, token);
  throw new DelayedError();
}
