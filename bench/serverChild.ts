/**
 * Child process entry: one HTTP server per benchmark scenario, so the server gets its own event
 * loop and V8 heap exactly as `tenpo start` would, apart from the load generator.
 *   argv[2] = 'hello' : bare graphql-yoga on node:http, `{ hello }`, no database
 *   argv[2] = 'tenpo' : createHttpServer on BENCH_DATABASE_URL (pool DB_POOL_SIZE, default 10 like `tenpo start`),
 *                       with the fraud engine when BENCH_REDIS_URL is set (key prefix BENCH_PREFIX)
 * Talks to the parent over IPC: sends {ready, port}; answers 'cpu' with process.cpuUsage(); exits on 'stop'.
 */
import './env.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

export type ParentMessage = 'cpu' | 'stop';
export type ChildMessage = { type: 'ready'; port: number } | { type: 'cpu'; usage: NodeJS.CpuUsage };

async function helloServer(): Promise<{ server: Server; close: () => Promise<void> }> {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
    logging: false,
    landingPage: false,
    graphiql: false,
  });
  return { server: createServer(yoga), close: async () => {} };
}

async function tenpoServer(): Promise<{ server: Server; close: () => Promise<void> }> {
  // Loaded only here so the hello process does not carry Tenpo's schema and database driver.
  const [{ pino }, { openDatabase }, { createHttpServer }, { createFraudEngine }, { producerConnection }] = await Promise.all([
    import('pino'),
    import('../src/db/database.ts'),
    import('../src/http/server.ts'),
    import('../src/fraud/engine.ts'),
    import('../jobs/queues.ts'),
  ]);
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: Number(process.env.DB_POOL_SIZE ?? 10) });
  const log = pino({ level: process.env.BENCH_SERVER_LOG ?? 'silent' });
  const redisUrl = process.env.BENCH_REDIS_URL;
  const prefix = process.env.BENCH_PREFIX ?? 'bench';
  // The same connection the start command gives the engine (src/services.ts).
  const redis = redisUrl ? await producerConnection({ redisUrl, prefix }) : null;
  const fraud = redis ? createFraudEngine({ db: database.db, redis, hashKey: process.env.TENPO_FRAUD_HASH_KEY!, prefix, log }) : undefined;
  if (fraud) (await import('../src/fraud/intel/ip.ts')).preloadIpIntel();
  const server = createHttpServer({ db: database.db, log, production: true, maxBodyBytes: 2 * 1024 * 1024, fraud });
  return {
    server,
    close: async () => {
      redis?.disconnect();
      await database.close();
    },
  };
}

const kind = process.argv[2];
const { server, close } = kind === 'hello' ? await helloServer() : kind === 'tenpo' ? await tenpoServer() : process.exit(2);
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (message: ParentMessage) => {
  if (message === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
  if (message === 'stop') {
    server.closeAllConnections();
    server.close(() => void close().then(() => process.exit(0)));
  }
});
// An orphaned server would keep the port and the database busy: leave with the parent.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', port: (server.address() as AddressInfo).port });
