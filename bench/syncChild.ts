/**
 * Child process entry for bench:sync, so each side of the measurement has an event loop of its
 * own, as in production (Google is another machine; a worker is its own process):
 *   argv[2] = 'google' : the fake Google Business Profile with quotas lifted (test/fakes/google)
 *   argv[2] = 'publisher': a partner on Tenpo's publisher protocol (test/fakes/publisher) for every
 *                        publisher and feed platform of the network, processing feeds as they come
 *   argv[2] = 'deep'   : the fakes of the other platforms with a connector of their own (syncDeep.ts)
 *   argv[2] = 'noop'   : the raw BullMQ baseline: a Worker on the `sync` queue of RAW_PREFIX with
 *                        the same connection settings and worker options as jobs/worker.ts and a
 *                        handler that does nothing
 * Talks to the parent over IPC with { id, op, args } requests and { id, ok, value | error } replies
 * (see syncChildren.ts); leaves when the parent goes.
 */
import './env.ts';
import { Worker } from 'bullmq';
import { workerConnection } from '../jobs/queues.ts';
import { startFakeGoogle } from '../test/fakes/google/server.ts';
import { startFakePublisher } from '../test/fakes/publisher/server.ts';
import { startDeepFakes } from './syncDeep.ts';

export interface Request {
  id: number;
  op: string;
  args?: any;
}
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
export type Event = { event: 'ready'; value: unknown } | { event: 'done'; value: { at: number; count: number } };

const send = (message: Reply | Event) => process.send?.(message);
type Handler = (args: any) => unknown;

function serve(handlers: Record<string, Handler>, onStop: () => Promise<void>): void {
  process.on('message', (message: Request) => {
    if (message.op === 'stop') {
      void onStop().then(() => {
        send({ id: message.id, ok: true, value: null });
        process.exit(0);
      });
      return;
    }
    const handler = handlers[message.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown op ${message.op}`);
        return handler(message.args);
      })
      .then(
        (value) => send({ id: message.id, ok: true, value }),
        (err: unknown) => send({ id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  process.on('disconnect', () => process.exit(0));
}

/** What kind of Google request a recorded call was, for the call counts in the report. */
function kindOf(call: { method: string; path: string; query: Record<string, string> }): string {
  if (call.path === '/token') return 'token';
  if (call.query.validateOnly === 'true') return `${call.method} validateOnly`;
  if (call.method === 'PATCH') return 'PATCH location';
  if (call.method === 'POST' && call.path.endsWith('/locations')) return 'POST create';
  if (call.method === 'GET' && call.path.endsWith('/locations')) return 'GET list';
  if (call.method === 'GET') return 'GET other';
  return `${call.method} other`;
}

async function google(): Promise<void> {
  const fake = await startFakeGoogle({ quotas: 'unlimited' });
  serve(
    {
      seed(args: { accountName: string; locations: { storeCode: string; title: string; languageCode: string }[] }) {
        const account = fake.seedAccount({ accountName: args.accountName }).name!;
        for (const l of args.locations) fake.seedLocation(account, l);
        return { account, refreshToken: fake.issueRefreshToken() };
      },
      /** Calls since the last clear, by kind, plus anything that went wrong inside the fake. */
      calls(args: { clear?: boolean }) {
        const byKind: Record<string, number> = {};
        let failed = 0;
        const failures: string[] = [];
        for (const c of fake.calls) {
          const kind = kindOf(c);
          byKind[kind] = (byKind[kind] ?? 0) + 1;
          if (c.status === undefined || c.status >= 400) {
            failed += 1;
            if (failures.length < 5) failures.push(`${c.method} ${c.path} -> ${c.status ?? c.outcome}`);
          }
        }
        const value = {
          total: fake.calls.length,
          byKind,
          failed,
          failures,
          quotaViolations: fake.quotaViolations.length,
          serverErrors: fake.serverErrors.map((e) => e.message).slice(0, 5),
        };
        if (args?.clear) fake.clearCalls();
        return value;
      },
      listingsWithDescription(args: { account: string; suffix: string }) {
        return fake.state.locationNames(args.account).filter((n) => fake.state.location(n)?.profile?.description?.endsWith(args.suffix)).length;
      },
    },
    () => fake.close(),
  );
  send({ event: 'ready', value: { url: fake.url, tokenUrl: fake.tokenUrl } });
}

async function publisher(): Promise<void> {
  const fake = await startFakePublisher();
  // A partner processes feeds on its own schedule; here, as soon as they arrive.
  const timer = setInterval(() => fake.processFeeds(), 200);
  serve(
    {
      /** One partner account per platform, as each partner gives its own key. */
      addKeys(args: { keys: string[] }) {
        for (const key of args.keys) fake.keys.set(key, { id: key, name: 'Tenpo Bench Chain' });
        return null;
      },
      calls(args: { clear?: boolean }) {
        const byKind: Record<string, number> = {};
        for (const r of fake.requests) {
          const kind = `${r.method} ${r.path.replace(/\/v1\/(listings|feeds)\/.*/, '/v1/$1/…')}`;
          byKind[kind] = (byKind[kind] ?? 0) + 1;
        }
        const value = { total: fake.requests.length, byKind, failed: 0, failures: [], quotaViolations: 0, serverErrors: fake.serverErrors.slice(0, 5) };
        if (args?.clear) fake.requests.length = 0;
        return value;
      },
    },
    async () => {
      clearInterval(timer);
      await fake.close();
    },
  );
  send({ event: 'ready', value: { url: fake.url } });
}

async function deep(): Promise<void> {
  const stores = JSON.parse(process.env.DEEP_STORES ?? '[]') as { storeCode: string; name: string }[];
  const fakes = await startDeepFakes(stores);
  serve({ calls: (args: { clear?: boolean }) => fakes.calls(Boolean(args?.clear)) }, () => fakes.close());
  send({ event: 'ready', value: { config: fakes.config, connections: fakes.connections } });
}

async function noop(): Promise<void> {
  const prefix = process.env.RAW_PREFIX!;
  const concurrency = Number(process.env.WORKER_CONCURRENCY);
  const connection = workerConnection({ redisUrl: process.env.REDIS_URL!, prefix });
  let expected = Number.POSITIVE_INFINITY;
  let count = 0;
  // The options jobs/worker.ts gives the sync queue's worker; only the handler differs.
  const worker = new Worker(
    'sync',
    async () => {
      count += 1;
      if (count === expected) send({ event: 'done', value: { at: Date.now(), count } });
    },
    { connection, prefix, concurrency, lockDuration: 60_000, maxStalledCount: 3 },
  );
  worker.on('error', (err) => process.stderr.write(`noop worker error: ${err.message}\n`));
  await worker.waitUntilReady();
  serve(
    {
      expect(args: { jobs: number }) {
        count = 0;
        expected = args.jobs;
        return null;
      },
    },
    async () => {
      await worker.close();
      connection.disconnect();
    },
  );
  send({ event: 'ready', value: null });
}

const role = process.argv[2];
if (role === 'google') await google();
else if (role === 'publisher') await publisher();
else if (role === 'deep') await deep();
else if (role === 'noop') await noop();
else {
  process.stderr.write(`syncChild: unknown role ${role}\n`);
  process.exit(2);
}
