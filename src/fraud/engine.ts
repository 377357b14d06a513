import type { Redis } from 'ioredis';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { AddressNormalizer } from './addresses.ts';
import { createCounters, type Counters } from './counters.ts';
import { createHasher, type Hasher } from './identity.ts';

/** What the fraud engine needs to run: the store of record, Redis for counters, the hash key. */
export interface FraudEngine {
  db: Db;
  counters: Counters;
  hash: Hasher;
  /** Namespaces the engine's Redis keys, like the queues' prefix. */
  prefix: string;
  log: Logger;
  /** The address registry, when one is configured; the lexical normalizer otherwise. */
  normalizeAddress?: AddressNormalizer | undefined;
}

export function createFraudEngine(options: { db: Db; redis: Redis; hashKey: string; prefix: string; log: Logger; normalizeAddress?: AddressNormalizer | undefined }): FraudEngine {
  return {
    db: options.db,
    counters: createCounters(options.redis),
    hash: createHasher(options.hashKey),
    prefix: options.prefix,
    log: options.log,
    normalizeAddress: options.normalizeAddress,
  };
}
