import { openQueues, type Queues } from '../jobs/queues.ts';
import { startWorkers, type RunningWorkers } from '../jobs/worker.ts';
import type { Db } from './db/database.ts';
import { keyring, type Env } from './env.ts';
import { createEngine, type Engine, type EngineMetrics } from './listings/engine.ts';
import type { Logger } from './log.ts';
import { createMetrics, type DeliveryOutcome, type Metrics } from './metrics/metrics.ts';
import { registryFromEnv } from './platforms/registry.ts';

/** The queues, the sync engine and the metrics one process uses, built from the configuration. */
export interface Services {
  queues: Queues;
  engine: Engine;
  metrics: Metrics;
  startWorkers(): Promise<RunningWorkers>;
  close(): Promise<void>;
}

function engineMetrics(metrics: Metrics): EngineMetrics {
  return {
    outcome: (platform, outcome) => metrics.deliveries.inc({ platform, outcome: outcome.toLowerCase() as DeliveryOutcome }),
    call(o) {
      metrics.platformRequestSeconds.observe({ platform: o.platform, kind: o.error ?? 'OK' }, o.seconds);
      if (o.error) metrics.platformErrors.inc({ platform: o.platform, kind: o.error });
    },
  };
}

export async function openServices(env: Env, log: Logger, db: Db, redisUrl: string): Promise<Services> {
  const queues = await openQueues({ redisUrl, prefix: env.QUEUE_PREFIX }, (err, queue) => log.warn({ err, queue }, 'queue connection error'));
  const metrics = createMetrics({ queues: () => queues.all(), log });
  const engine = createEngine({
    db,
    log,
    queues,
    registry: registryFromEnv(env),
    keyring: keyring(env),
    timeoutMs: env.PLATFORM_TIMEOUT_MS,
    metrics: engineMetrics(metrics),
  });
  return {
    queues,
    engine,
    metrics,
    startWorkers: () => startWorkers(engine, { concurrency: env.WORKER_CONCURRENCY, readBackEveryMinutes: env.READ_BACK_EVERY_MINUTES, lockDurationMs: env.WORKER_LOCK_MS }),
    close: () => queues.close(),
  };
}
