import type { Access } from '../auth/access.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { Loaders } from './loaders.ts';

export interface Context {
  db: Db;
  access: Access;
  log: Logger;
  requestId: string;
  loaders: Loaders;
}
