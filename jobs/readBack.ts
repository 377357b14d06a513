import { z } from 'zod';
import { readBackConnection } from '../src/listings/readBack.ts';
import { defineJob, enqueue, postpone } from './define.ts';
import type { Queues } from './queues.ts';

/** Reads back every listing of one connection, resuming after the last one read when deferred or retried. */
export const readBackJob = defineJob({
  name: 'read-back',
  queue: 'read-back',
  schema: z.strictObject({ connectionId: z.uuid(), after: z.uuid().nullable().default(null) }),
  options: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
    removeOnComplete: { age: 86_400, count: 1_000 },
    removeOnFail: { age: 7 * 86_400, count: 10_000 },
  },
  async handler({ connectionId, after }, { engine, job, token, log }) {
    const outcome = await readBackConnection(engine, connectionId, after);
    if (outcome.kind === 'done') {
      log.info({ connectionId, read: outcome.read }, 'read-back finished');
      return;
    }
    await job.updateData({ connectionId, after: outcome.after });
    await postpone(outcome, job, token);
  },
});

/** Starts a read-back of every active connection whose platform can be read back. */
export const readBackSweepJob = defineJob({
  name: 'read-back-sweep',
  queue: 'read-back',
  schema: z.strictObject({}),
  options: { attempts: 3, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  async handler(_payload, { engine }) {
    const connections = await engine.db.selectFrom('platform_connections').select(['id', 'platform']).where('status', '=', 'ACTIVE').execute();
    await enqueueReadBacks(
      engine.queues,
      connections.filter((c) => engine.registry.get(c.platform)?.manifest.capabilities.readBack).map((c) => c.id),
    );
  },
});

export function enqueueReadBacks(queues: Queues, connectionIds: readonly string[]): Promise<void> {
  // One read-back per connection at a time; a sweep while one runs adds nothing.
  return enqueue(
    queues,
    readBackJob,
    connectionIds.map((connectionId) => ({ payload: { connectionId, after: null }, options: { deduplication: { id: `read-back:${connectionId}` } } })),
  );
}

export async function scheduleReadBackSweep(queues: Queues, everyMinutes: number): Promise<void> {
  await queues
    .get('read-back')
    .upsertJobScheduler('read-back-sweep', { every: everyMinutes * 60_000 }, { name: readBackSweepJob.name, data: {}, opts: readBackSweepJob.options });
}
