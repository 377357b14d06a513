import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { env } from '../env.ts';
import { log } from '../log.ts';
import { ensureRedis } from '../redis/embedded.ts';
import { openServices } from '../services.ts';

/**
 * `tenpo worker`: queue workers and the outbox relay without the API, to scale out. Several may
 * run beside `tenpo start` (with WORKERS=off there, or not) on one PostgreSQL and one Redis.
 * SIGTERM lets in-flight jobs finish; a killed worker's jobs are taken up by the others once
 * their locks expire.
 */
export async function workerCommand(): Promise<void> {
  const e = env();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR, poolSize: e.DB_POOL_SIZE });
  for (const l of await migrateToLatest(database.db)) log.info(l);
  const redis = await ensureRedis({ redisUrl: e.REDIS_URL, dataDir: e.DATA_DIR, log });
  const services = await openServices(e, log, database.db, redis.url);
  const workers = await services.startWorkers();
  log.info({ pid: process.pid, concurrency: e.WORKER_CONCURRENCY, database: database.kind }, 'worker started');
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing in-flight jobs');
    workers
      .stop()
      .then(() => services.close())
      .then(() => database.close())
      .then(() => redis.stop())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'error while stopping the worker');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
