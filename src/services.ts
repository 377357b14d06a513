import { openQueues, producerConnection, type Queues } from '../jobs/queues.ts';
import { startWorkers, type RunningWorkers } from '../jobs/worker.ts';
import type { Db } from './db/database.ts';
import { fraudHashKey, keyring, type Env } from './env.ts';
import { registryNormalizer } from './fraud/addresses.ts';
import { createFraudEngine, type FraudEngine } from './fraud/engine.ts';
import { preloadIpIntel } from './fraud/intel/ip.ts';
import { createEngine, type Engine, type EngineMetrics } from './listings/engine.ts';
import type { Logger } from './log.ts';
import { createMetrics, type DeliveryOutcome, type Metrics } from './metrics/metrics.ts';
import { registryFromEnv } from './platforms/registry.ts';
import { createReviewEvents, type ReviewEvents } from './reviews/events.ts';

/** The queues, the sync engine and the metrics one process uses, built from the configuration. */
export interface Services {
  queues: Queues;
  engine: Engine;
  fraud: FraudEngine;
  events: ReviewEvents;
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
  // The IP database takes over a second to load: pay it at start, not in a merchant's checkout.
  const ipIntel = preloadIpIntel();
  log.info(ipIntel, 'IP intelligence loaded');
  const queues = await openQueues({ redisUrl, prefix: env.QUEUE_PREFIX }, (err, queue) => log.warn({ err, queue }, 'queue connection error'));
  const metrics = createMetrics({ queues: () => queues.all(), log });
  // Its own connection: screenings answer in milliseconds and should not queue behind job scripts.
  const fraudRedis = await producerConnection(queues.config);
  const normalizeAddress = env.TENPO_JA_ADDRESS_DATA ? registryNormalizer(env.TENPO_JA_ADDRESS_DATA, log) : undefined;
  const fraud = createFraudEngine({ db, redis: fraudRedis, hashKey: fraudHashKey(env), prefix: env.QUEUE_PREFIX, log, normalizeAddress });
  const events = createReviewEvents({ redisUrl, prefix: env.QUEUE_PREFIX, log });
  const engine = createEngine({
    db,
    log,
    queues,
    registry: registryFromEnv(env),
    keyring: keyring(env),
    timeoutMs: env.PLATFORM_TIMEOUT_MS,
    metrics: engineMetrics(metrics),
    fraud,
    events,
    feedTiming: { debounceMs: env.FEED_DELAY_SECONDS * 1000, reportEveryMs: env.FEED_REPORT_EVERY_SECONDS * 1000 },
  });
  return {
    queues,
    engine,
    fraud,
    events,
    metrics,
    startWorkers: () =>
      startWorkers(engine, {
        concurrency: env.WORKER_CONCURRENCY,
        readBackEveryMinutes: env.READ_BACK_EVERY_MINUTES,
        reviewPullEveryMinutes: env.REVIEW_PULL_EVERY_MINUTES,
        reviewSweepEveryHours: env.REVIEW_SWEEP_EVERY_HOURS,
        lockDurationMs: env.WORKER_LOCK_MS,
      }),
    async close() {
      await queues.close();
      await events.close();
      fraudRedis.disconnect();
    },
  };
}
