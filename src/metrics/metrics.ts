import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PlatformErrorKind } from '../../connectors/runtime/errors.ts';
import { log as appLog, type Logger } from '../log.ts';

/** How a sync of one location to one platform ended; the `outcome` label of `deliveries`. */
export type DeliveryOutcome = 'delivered' | 'unchanged' | 'failed' | 'action_required' | 'not_eligible';

/** The `kind` label of `platformErrors` (the connector runtime's error kinds); latency adds `OK`. */
export type PlatformErrorKindLabel = PlatformErrorKind;

/** Every state the queue gauge reports, so a dashboard sees zeros rather than gaps. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused', 'prioritized', 'waiting-children'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface Metrics {
  /** Our own registry, not prom-client's global one, so several apps (and tests) share a process. */
  readonly registry: Registry;
  readonly deliveries: Counter<'platform' | 'outcome'>;
  readonly platformErrors: Counter<'platform' | 'kind'>;
  /** `kind` is `OK` for an answered call, else the error kind, so slow failures stand apart. */
  readonly platformRequestSeconds: Histogram<'platform' | 'kind'>;
  /** `route` is one of the server's fixed paths or `other`, never the raw URL (cardinality). */
  readonly apiRequestSeconds: Histogram<'route' | 'method' | 'status'>;
  readonly queueJobs: Gauge<'queue' | 'state'>;
  readonly queueScrapeErrors: Counter<'queue'>;
}

export interface MetricsOptions {
  /** Read at every scrape, so queues created after start are reported too. */
  queues: () => readonly Queue[];
  log?: Logger;
  /**
   * Per queue. BullMQ waits for Redis to come back rather than failing while it reconnects, so
   * without a bound a Redis outage would hang the scrape until Prometheus gives up on it.
   */
  queueScrapeTimeoutMs?: number;
}

type QueueCounts = Record<QueueState, number>;

async function countJobs(queue: Queue): Promise<QueueCounts> {
  const [counts, paused] = await Promise.all([
    queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'),
    queue.isPaused(),
  ]);
  const waiting = counts.waiting ?? 0;
  // BullMQ 6 leaves a paused queue's jobs in `wait` (there is no paused list any more). They are
  // reported as paused, as BullMQ 5 and bull-board show them, so an alert on a growing waiting
  // count does not fire for a queue an operator paused on purpose.
  return {
    waiting: paused ? 0 : waiting,
    paused: paused ? waiting : 0,
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
    prioritized: counts.prioritized ?? 0,
    'waiting-children': counts['waiting-children'] ?? 0,
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  // race() also handles a rejection of `work` that comes after the timeout.
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createMetrics(options: MetricsOptions): Metrics {
  const log = (options.log ?? appLog).child({ component: 'metrics' });
  const timeoutMs = options.queueScrapeTimeoutMs ?? 2_000;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tenpo_' });

  // prom-client serialises a scrape's metrics side by side, so the gauge and the error counter
  // both wait for one shared read of the queues: the counter then includes this scrape's failures.
  let reading: Promise<void> | undefined;
  const readQueues = () => (reading ??= countAllQueues().finally(() => (reading = undefined)));

  const queueScrapeErrors = new Counter({
    name: 'tenpo_queue_scrape_errors_total',
    help: 'Queue depth reads that failed or timed out during a scrape (Redis unreachable or slow).',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect: readQueues,
  });
  const queueJobs = new Gauge({
    name: 'tenpo_queue_jobs',
    help: 'Jobs per queue and state, read from Redis at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    collect: readQueues,
  });

  async function countAllQueues(): Promise<void> {
    const queues = options.queues();
    const results = await Promise.allSettled(queues.map((q) => withTimeout(countJobs(q), timeoutMs, `counting jobs of ${q.name}`)));
    // A queue that could not be read drops out of this scrape instead of repeating stale
    // numbers; the error counter says why it is missing.
    queueJobs.reset();
    results.forEach((result, i) => {
      const queue = queues[i]!.name;
      if (result.status === 'rejected') {
        queueScrapeErrors.inc({ queue });
        log.warn({ err: result.reason, queue }, 'could not read queue depths for /metrics');
        return;
      }
      for (const state of QUEUE_STATES) queueJobs.set({ queue, state }, result.value[state]);
    });
  }

  return {
    registry,
    queueJobs,
    queueScrapeErrors,
    deliveries: new Counter({
      name: 'tenpo_platform_deliveries_total',
      help: 'Syncs of a location to a platform, by how they ended.',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    platformErrors: new Counter({
      name: 'tenpo_platform_errors_total',
      help: 'Failed platform calls, by error kind.',
      labelNames: ['platform', 'kind'] as const,
      registers: [registry],
    }),
    platformRequestSeconds: new Histogram({
      name: 'tenpo_platform_request_duration_seconds',
      help: 'Duration of calls to platform APIs; kind is OK or the error kind.',
      labelNames: ['platform', 'kind'] as const,
      // Platform APIs are slower than ours and time out in tens of seconds.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    apiRequestSeconds: new Histogram({
      name: 'tenpo_http_request_duration_seconds',
      help: 'Duration of HTTP requests served by the API, by fixed route.',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
  };
}
