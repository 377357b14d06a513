import { Queue } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * The queues and the Redis connections they run on. Producers (the API, the relay) fail fast
 * when Redis is away, so a request or a relay pass errors and is retried rather than hanging;
 * workers wait for Redis indefinitely (`maxRetriesPerRequest: null`), as BullMQ requires.
 */
// Replies have their own queue: a store manager's answer must not wait behind a long backfill.
// Feed files have their own queue: a large file being written never holds up a listing sync.
export const QUEUE_NAMES = ['sync', 'read-back', 'reviews', 'replies', 'feeds'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface QueueConfig {
  redisUrl: string;
  /** Namespaces every key, so deployments and test runs can share one Redis. */
  prefix: string;
}

/** Connected before it is returned: with no offline queue, commands sent while connecting would fail. */
export async function producerConnection(config: QueueConfig): Promise<Redis> {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 5_000, lazyConnect: true });
  // A failed command surfaces where it was issued; the 'error' event only needs to be heard.
  redis.on('error', () => {});
  await redis.connect();
  return redis;
}

export function workerConnection(config: QueueConfig, extra: RedisOptions = {}): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: null, ...extra });
}

export interface Queues {
  readonly config: QueueConfig;
  /** The connection producers and the rate limiter share. */
  readonly redis: Redis;
  get(name: QueueName): Queue;
  all(): readonly Queue[];
  close(): Promise<void>;
}

export async function openQueues(config: QueueConfig, onError: (err: Error, queue: QueueName) => void): Promise<Queues> {
  const redis = await producerConnection(config);
  const queues = new Map<QueueName, Queue>(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection: redis, prefix: config.prefix, skipWaitingForReady: true });
      queue.on('error', (err) => onError(err, name));
      return [name, queue];
    }),
  );
  return {
    config,
    redis,
    get: (name) => queues.get(name)!,
    all: () => [...queues.values()],
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      redis.disconnect();
    },
  };
}
