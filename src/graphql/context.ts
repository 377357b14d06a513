import type { Access } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import type { Engine } from '../listings/engine.ts';
import type { Logger } from '../log.ts';
import type { Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  access: Access;
  log: Logger;
  requestId: string;
  loaders: Loaders;
  /** The sync engine (queues, connectors); absent in a process started without Redis. */
  engine: Engine | undefined;
  /** The fraud engine (Redis counters); absent in a process started without Redis. */
  fraud: FraudEngine | undefined;
}
