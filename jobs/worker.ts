import { setTimeout as sleep } from 'node:timers/promises';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { z } from 'zod';
import type { Engine } from '../src/listings/engine.ts';
import { startRelay, type Relay } from '../src/outbox/relay.ts';
import type { JobDefinition } from './define.ts';
import { deliverFeedJob, feedReportJob } from './feeds.ts';
import { linkListingsJob } from './linkListings.ts';
import { readBackJob, readBackSweepJob, scheduleReadBackSweep } from './readBack.ts';
import { QUEUE_NAMES, workerConnection, type QueueName } from './queues.ts';
import { pullReviewsJob, pullReviewsSweepJob, scheduleReviewPulls, sendReplyJob } from './reviews.ts';
import { syncListingJob } from './syncListing.ts';

const JOBS: readonly JobDefinition<z.ZodType>[] = [syncListingJob, readBackJob, readBackSweepJob, linkListingsJob, pullReviewsJob, pullReviewsSweepJob, sendReplyJob, deliverFeedJob, feedReportJob];

export interface WorkerOptions {
  concurrency: number;
  readBackEveryMinutes: number;
  reviewPullEveryMinutes: number;
  reviewSweepEveryHours: number;
  /** BullMQ lockDuration (default 60 s): how soon a dead worker's jobs are taken up by others. */
  lockDurationMs?: number;
}

export interface RunningWorkers {
  /** Stops taking jobs, lets in-flight ones finish, and closes the connections. */
  stop(): Promise<void>;
  relay: Relay;
}

/**
 * The queue workers and the outbox relay. Any number of processes may run these on one Redis
 * and one database: BullMQ hands each job to one worker, the relay claims outbox rows with
 * `skip locked`, and a job whose worker died is taken up again once its lock expires.
 */
export async function startWorkers(engine: Engine, options: WorkerOptions): Promise<RunningWorkers> {
  const byName = new Map(JOBS.map((j) => [j.name, j]));
  const config = engine.queues.config;

  async function process(job: Job, token?: string): Promise<void> {
    const definition = byName.get(job.name);
    if (!definition) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    const parsed = definition.schema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for "${job.name}": ${parsed.error.message}`);
    const log = engine.log.child({ jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 });
    await definition.handler(parsed.data, { engine, job, token, log, reviewSweepEveryMs: options.reviewSweepEveryHours * 3_600_000 });
  }

  const lockDuration = options.lockDurationMs ?? 60_000;
  const connections = QUEUE_NAMES.map(() => workerConnection(config));
  const workers = QUEUE_NAMES.map((name: QueueName, i) => {
    const worker = new Worker(name, process, {
      connection: connections[i]!,
      prefix: config.prefix,
      concurrency: name === 'sync' ? options.concurrency : Math.max(1, Math.ceil(options.concurrency / 8)),
      // A live worker renews its locks every lockDuration / 2; a lock expires only when its
      // worker died or its event loop stalled that long, so keep it well above any stall.
      lockDuration,
      // How often this worker looks for jobs whose lock expired (BullMQ's default is 30 s).
      stalledInterval: Math.min(30_000, lockDuration),
      maxStalledCount: 3,
    });
    worker.on('failed', (job, err) => {
      if (err.name === 'DelayedError') return;
      engine.log.warn({ err, jobId: job?.id, job: job?.name, attempts: job?.attemptsMade }, 'job failed');
    });
    worker.on('error', (err) => engine.log.warn({ err, queue: name }, 'queue worker error'));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  await scheduleReadBackSweep(engine.queues, options.readBackEveryMinutes);
  await scheduleReviewPulls(engine.queues, options.reviewPullEveryMinutes);
  const relay = startRelay(engine);

  return {
    relay,
    async stop() {
      await relay.stop();
      // close() waits for in-flight jobs, but hangs when Redis went away around the moment it
      // is called; past the lock period any job still held is abandoned to another worker's
      // stalled check rather than blocking shutdown forever.
      const graceful = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([graceful.then(() => false), sleep(lockDuration, true, { ref: false })]);
      if (timedOut) {
        engine.log.warn({ graceMs: lockDuration }, 'workers did not stop in time; closing without waiting for in-flight jobs');
        await Promise.race([Promise.all(workers.map((w) => w.close(true))), sleep(2_000, undefined, { ref: false })]);
      }
      for (const c of connections) c.disconnect();
    },
  };
}
