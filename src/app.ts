import type { AddressInfo } from 'node:net';
import { DASHBOARD_DIR, ensureDashboardBuilt } from './dashboard/build.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import type { Env } from './env.ts';
import { createHttpServer } from './http/server.ts';
import { openServices } from './services.ts';
import type { Logger } from './log.ts';
import { ensureRedis, type RedisHandle } from './redis/embedded.ts';

export interface RunningApp {
  url: string;
  database: DatabaseHandle;
  redis: RedisHandle;
  stop(): Promise<void>;
}

/** The start command: database (migrated), Redis, the HTTP API and (unless WORKERS=off) the queue workers, in one process. */
export async function startApp(env: Env, log: Logger): Promise<RunningApp> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DB_POOL_SIZE });
  log.info({ kind: database.kind, at: database.location }, 'database opened');
  for (const line of await migrateToLatest(database.db)) log.info(line);
  const redis = await ensureRedis({ redisUrl: env.REDIS_URL, dataDir: env.DATA_DIR, log });

  const services = await openServices(env, log, database.db, redis.url);
  const dashboard = await ensureDashboardBuilt(log);
  const workers = env.WORKERS === 'on' ? await services.startWorkers() : null;
  if (workers) log.info({ concurrency: env.WORKER_CONCURRENCY }, 'queue workers started in this process');

  const server = createHttpServer({
    db: database.db,
    log,
    production: env.NODE_ENV === 'production',
    maxBodyBytes: env.GRAPHQL_MAX_BODY_BYTES,
    engine: services.engine,
    fraud: services.fraud,
    metrics: services.metrics,
    ...(dashboard ? { dashboardDir: DASHBOARD_DIR } : {}),
    admin: env.TENPO_ADMIN_TOKEN ? { token: env.TENPO_ADMIN_TOKEN, queues: () => services.queues.all() } : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST}:${port}`;
  log.info({ url, graphql: `${url}/graphql` }, 'Tenpo is listening');

  return {
    url,
    database,
    redis,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      // In-flight jobs finish before the database they write to closes.
      await workers?.stop();
      await services.close();
      await database.close();
      await redis.stop();
    },
  };
}
