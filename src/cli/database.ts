import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { env } from '../env.ts';
import { log } from '../log.ts';

/** Opens the configured database, brings it to the latest schema, runs fn, and closes it. */
export async function withDatabase<T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const e = env();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR, poolSize: e.DB_POOL_SIZE });
  try {
    for (const line of await migrateToLatest(database.db)) log.info(line);
    return await fn(database);
  } finally {
    await database.close();
  }
}
