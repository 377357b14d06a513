import type { Redis } from 'ioredis';
import { breakerPool, type CircuitBreaker } from '../../connectors/runtime/breaker.ts';
import { makePlatformCall, type CallObservation } from '../../connectors/runtime/call.ts';
import type { Connector, PlatformCall } from '../../connectors/runtime/connector.ts';
import { createRateLimiter, type RateLimiter } from '../../connectors/runtime/rateLimiter.ts';
import type { Queues } from '../../jobs/queues.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Db } from '../db/database.ts';
import type { RunOutcome } from '../db/schema.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import type { Logger } from '../log.ts';
import type { ReviewEvents } from '../reviews/events.ts';
import type { ConnectorRegistry } from '../platforms/registry.ts';
import { createSessionCache, type SessionCache } from '../platforms/sessions.ts';
import { groupCalls } from '../lib/groupCalls.ts';
import { loadSyncSubjects, resolveRunItems, type RunItemAnswer, type SyncSubject } from './repository.ts';

export interface EngineMetrics {
  outcome(platform: string, outcome: RunOutcome): void;
  call(observation: CallObservation): void;
}

/** Everything the sync pipeline needs, built once per process and handed to jobs and services. */
export interface Engine {
  db: Db;
  log: Logger;
  queues: Queues;
  registry: ConnectorRegistry;
  keyring: Keyring;
  limiter: RateLimiter;
  sessions: SessionCache;
  metrics: EngineMetrics | undefined;
  /** Screens pulled reviews; without it they are stored unscreened. */
  fraud: FraudEngine | undefined;
  /** Tells dashboards about new reviews and reply states; without it they see changes on reload. */
  events: ReviewEvents | undefined;
  feedTiming: FeedTiming;
  /**
   * A listing's sync subject, and the answer to its run items once the sync is done. Jobs that ask
   * while an earlier read or write is in flight share the next statement (groupCalls): under load,
   * one round trip serves many jobs.
   */
  loadSyncSubject(listingId: string): Promise<SyncSubject | undefined>;
  answerRunItems(answer: RunItemAnswer): Promise<void>;
  /** The quota- and breaker-guarded call for one connector. */
  callFor(connector: Connector): PlatformCall;
  breaker(platform: string): CircuitBreaker;
}

export interface FeedTiming {
  /** How long changes collect before a connection's feed file is written: one file, not one per edit. */
  debounceMs: number;
  /** How often a delivered feed's processing report is asked for until it is ready. */
  reportEveryMs: number;
}

export const DEFAULT_FEED_TIMING: FeedTiming = { debounceMs: 60_000, reportEveryMs: 300_000 };

export interface EngineOptions {
  db: Db;
  log: Logger;
  queues: Queues;
  registry: ConnectorRegistry;
  keyring: Keyring;
  /** Redis for quota bookkeeping; the queues' producer connection when not given. */
  limiterRedis?: Redis;
  timeoutMs: number;
  metrics?: EngineMetrics;
  fraud?: FraudEngine;
  events?: ReviewEvents;
  feedTiming?: FeedTiming;
}

export function createEngine(options: EngineOptions): Engine {
  const limiter = createRateLimiter(options.limiterRedis ?? options.queues.redis, { prefix: `${options.queues.config.prefix}:quota` });
  const breaker = breakerPool();
  const calls = new Map<string, PlatformCall>();
  return {
    db: options.db,
    log: options.log,
    queues: options.queues,
    registry: options.registry,
    keyring: options.keyring,
    limiter,
    sessions: createSessionCache(options),
    metrics: options.metrics,
    fraud: options.fraud,
    events: options.events,
    feedTiming: options.feedTiming ?? DEFAULT_FEED_TIMING,
    loadSyncSubject: groupCalls((ids: string[]) => loadSyncSubjects(options.db, ids)),
    answerRunItems: groupCalls(async (answers: RunItemAnswer[]) => {
      await resolveRunItems(options.db, answers);
      return answers.map(() => undefined);
    }),
    breaker,
    callFor(connector) {
      const id = connector.manifest.id;
      let call = calls.get(id);
      if (!call) {
        call = makePlatformCall({
          connector,
          quotas: options.registry.quotas(id),
          limiter,
          breaker: breaker(id),
          timeoutMs: options.timeoutMs,
          observe: options.metrics ? (o) => options.metrics?.call(o) : undefined,
        });
        calls.set(id, call);
      }
      return call;
    },
  };
}
