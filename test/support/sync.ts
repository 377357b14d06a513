import { randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { createGoogleConnector } from '../../connectors/google/index.ts';
import type { Connector } from '../../connectors/runtime/connector.ts';
import { openQueues, producerConnection, type Queues } from '../../jobs/queues.ts';
import { startWorkers, type RunningWorkers } from '../../jobs/worker.ts';
import { generateKeySpec, parseKeyring } from '../../src/crypto/keyring.ts';
import type { Db } from '../../src/db/database.ts';
import type { Env } from '../../src/env.ts';
import { createFraudEngine, type FraudEngine } from '../../src/fraud/engine.ts';
import { createReviewEvents, type ReviewEvents } from '../../src/reviews/events.ts';
import { createEngine, type Engine, type FeedTiming } from '../../src/listings/engine.ts';
import { catalogManifests } from '../../connectors/catalog/index.ts';
import { deepManifests } from '../../src/platforms/deep.ts';
import { createRegistry, manifestConnectors } from '../../src/platforms/registry.ts';
import { startFakeGoogle, type FakeGoogle, type FakeGoogleOptions } from '../fakes/google/server.ts';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface SyncHarness {
  fake: FakeGoogle;
  queues: Queues;
  engine: Engine;
  prefix: string;
  /** The environment a `tenpo worker` child process needs to join this harness. */
  childEnv(databaseUrl: string): Record<string, string>;
  startWorkers(concurrency?: number): Promise<RunningWorkers>;
  close(): Promise<void>;
}

export interface SyncHarnessOptions {
  fake?: FakeGoogleOptions;
  quotas?: Env['TENPO_PLATFORM_QUOTAS'];
  redisUrl?: string;
  timeoutMs?: number;
  /** Where the engine logs (silent unless TEST_LOG_LEVEL is set). */
  log?: Logger;
  /** Reviews as in production: pulled reviews screened by a fraud engine, events through Redis pub/sub. */
  reviews?: boolean;
  /** The whole platform network beside Google: every catalog platform run from its manifest. */
  network?: boolean;
  /** More connectors beside Google (e.g. a deep connector on its fake), made when the harness starts. */
  connectors?: () => Connector[];
  feedTiming?: FeedTiming;
}

/**
 * The sync engine wired as in production (real queues on Redis under a prefix of its own, the
 * real Google connector) against the fake Google server.
 */
export async function startSyncHarness(db: Db, options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const fake = await startFakeGoogle(options.fake);
  const prefix = `tenpo-test-${randomBytes(4).toString('hex')}`;
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const keySpec = generateKeySpec('test');
  const queues = await openQueues({ redisUrl, prefix }, () => {});
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const fraudRedis = options.reviews ? await producerConnection(queues.config) : null;
  const reviewServices: { fraud?: FraudEngine; events?: ReviewEvents } = fraudRedis
    ? {
        fraud: createFraudEngine({ db, redis: fraudRedis, hashKey: 'test-fraud-hash-key-with-enough-characters', prefix, log }),
        events: createReviewEvents({ redisUrl, prefix, log }),
      }
    : {};
  const google = createGoogleConnector({ clientId: 'test-client-id', clientSecret: 'test-client-secret', rootUrl: `${fake.url}/`, tokenUrl: fake.tokenUrl });
  const engine = createEngine({
    db,
    log,
    queues,
    registry: options.network
      ? createRegistry([google as Connector, ...(options.connectors?.() ?? []), ...manifestConnectors()], { overrides: options.quotas ?? {}, catalog: [...catalogManifests(), ...deepManifests()] })
      : createRegistry([google as Connector, ...(options.connectors?.() ?? [])], { overrides: options.quotas ?? {} }),
    ...(options.feedTiming ? { feedTiming: options.feedTiming } : {}),
    keyring: parseKeyring(keySpec),
    timeoutMs: options.timeoutMs ?? 5_000,
    ...reviewServices,
  });
  const running: RunningWorkers[] = [];
  return {
    fake,
    queues,
    engine,
    prefix,
    childEnv: (databaseUrl) => ({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      TENPO_KEYRING: keySpec,
      GOOGLE_OAUTH_CLIENT_ID: 'test-client-id',
      GOOGLE_OAUTH_CLIENT_SECRET: 'test-client-secret',
      GOOGLE_API_ROOT_URL: `${fake.url}/`,
      GOOGLE_OAUTH_TOKEN_URL: fake.tokenUrl,
      TENPO_PLATFORM_QUOTAS: JSON.stringify(options.quotas ?? {}),
      PLATFORM_TIMEOUT_MS: String(options.timeoutMs ?? 5_000),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    }),
    async startWorkers(concurrency = 8) {
      // A short lock: a job whose completion was lost (Redis down) is taken up again in seconds.
      const workers = await startWorkers(engine, { concurrency, readBackEveryMinutes: 24 * 60, reviewPullEveryMinutes: 24 * 60, reviewSweepEveryHours: 24, lockDurationMs: 5_000 });
      running.push(workers);
      return workers;
    },
    async close() {
      for (const w of running) await w.stop();
      for (const q of queues.all()) await q.obliterate({ force: true }).catch(() => {});
      await queues.close();
      await reviewServices.events?.close();
      fraudRedis?.disconnect();
      await fake.close();
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
