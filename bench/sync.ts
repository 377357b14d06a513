/**
 * npm run bench:sync — the sync engine's throughput against raw BullMQ on the same Redis, and the
 * time an unchanged re-sync takes.
 *
 *   npm run bench:sync                       10,000 locations, worker concurrency 16 (the product default)
 *   npm run bench:sync -- --quick            1,000 locations (smoke run)
 *   CONCURRENCY=8,16,32 npm run bench:sync   one round per concurrency
 *   LOCATIONS=5000 DB_POOL_SIZE=20 npm run bench:sync
 *   npm run bench:sync -- --network          the whole platform network connected (NETWORK=1): 500
 *                                            stores x all 180 platforms: the deep connectors on their
 *                                            fakes (bench/syncDeep.ts), the rest on a fake partner
 *                                            (bench/syncNetwork.ts), against raw BullMQ on as many jobs
 *
 * What runs where (each its own process and event loop, as in production; on a small machine they
 * share its cores, which the CPU columns of the table show):
 * - this process: the driver. It seeds, connects Google through the service, starts runs with
 *   requestSyncRun (what the syncLocations mutation calls) and polls runProgress.
 * - the worker: the product's own `tenpo worker` (bin/tenpo.js), NODE_ENV=production,
 *   WORKER_CONCURRENCY and DB_POOL_SIZE from the environment (16 and 10 by default, like the
 *   product), with bench/syncProbe.ts preloaded to count queries, Redis round trips and HTTP.
 * - the fake Google (test/fakes/google, quotas 'unlimited') in a child process: Google is another
 *   machine, so its CPU should not come out of the worker's event loop.
 * - the raw BullMQ baseline: a child with a no-op Worker on a queue of its own prefix.
 *
 * Set-up, not timed: a fresh database; an organisation; LOCATIONS stores written through
 * upsertBatch (src/locations/bulk.ts, the import's fast path) from bench/dataset.ts (the 374 in
 * 10,000 rows with special hours but no regular hours, which Google refuses, get no special
 * hours, so every listing is publishable); a Google account seeded with one listing per store,
 * same store code, so sync PATCHes existing listings (the create path is not measured);
 * connectPlatform as the OWNER. The connect's own work (link by store code, then a first write of
 * every listing: validateOnly + PATCH of every field) is waited for and drained before anything
 * is measured; its time is printed for information.
 *
 * One round per concurrency:
 * 1. Workers stopped, every store's description is changed through upsertBatch (an ordinary edit:
 *    audit and outbox rows). Those location.updated outbox rows are then marked relayed, as if
 *    that sync had been paused, so that the sync run alone enqueues the jobs and every listing is
 *    synced exactly once, by the run. (Left in, the relay would enqueue the listings from the
 *    edit and again for the run; a listing whose first job had finished would get a second one.)
 * 2. Raw BullMQ: a no-op worker with the same concurrency; LOCATIONS jobs added with the relay's
 *    own enqueue (same job options, deduplication ids, addBulk chunks of 1,000); time from the
 *    first add to the last job's handler.
 * 3. The sync run: `tenpo worker` started and idle; time from requestSyncRun to the run's last
 *    item answered (runProgress finished; max(finished_at)). Each listing needs one PATCH.
 * 4. The unchanged re-sync: requestSyncRun again with nothing changed; time to finished; the
 *    platform calls made during it are counted (expected: none).
 *
 * Failures are counted, never hidden: outcomes other than DELIVERED / UNCHANGED, calls the fake
 * refused, warnings the worker logged, or calls during the unchanged re-sync make the exit code 1.
 *
 * Environment: LOCATIONS (10000; --quick 1000), CONCURRENCY (comma list; default
 * WORKER_CONCURRENCY or 16), DB_POOL_SIZE (10), QUIET_WAIT (120: seconds to wait before each
 * measurement for the machine to be under 20% busy), SYNC_PROBE (1; 0 runs the worker without the
 * probe), BENCH_CPU_PROF=<dir> (a V8 CPU profile of the worker per measurement, split by area of
 * the code in the printed profile; whole-process profiles of the other children), TEST_DATABASE_URL,
 * TEST_REDIS_URL.
 */
import './env.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { sql } from 'kysely';
import { pino } from 'pino';
import { openQueues, type Queues } from '../jobs/queues.ts';
import { enqueueListingSyncs } from '../jobs/syncListing.ts';
import { Access } from '../src/auth/access.ts';
import { authenticate } from '../src/auth/principal.ts';
import { generateKeySpec, parseKeyring } from '../src/crypto/keyring.ts';
import { createEngine, type Engine } from '../src/listings/engine.ts';
import { requestSyncRun, runProgress, type RunProgress } from '../src/listings/runs.ts';
import { upsertBatch } from '../src/locations/bulk.ts';
import type { LocationData } from '../src/locations/model.ts';
import { connectPlatform } from '../src/platforms/service.ts';
import { deepConnectors, deepManifests } from '../src/platforms/deep.ts';
import { createRegistry, manifestConnectors } from '../src/platforms/registry.ts';
import { parseEnv } from '../src/env.ts';
import { createOrgWithKey } from '../test/support/api.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/db.ts';
import { REDIS_URL } from '../test/support/sync.ts';
import { benchLocation } from './dataset.ts';
import { startChild, startWorkerProcess, type Child, type WorkerProcess } from './syncChildren.ts';
import { machineBusy } from './cpu.ts';
import { cpuMeter, cpuModel, postgresFor, type NamedProcess } from './syncCpu.ts';
import { splitProfile } from './syncCpuProfile.ts';
import type { DeepConnection } from './syncDeep.ts';
import { connectNetwork, statusesByPlatform } from './syncNetwork.ts';
import { formatProfile, formatSummary, type Calls, type Header, type InitialSync, type JobTimes, type Measurement } from './syncReport.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    locations: { type: 'string' },
    concurrency: { type: 'string' },
    network: { type: 'boolean', default: false },
  },
});

function positive(name: string, raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return value;
}

const NETWORK = args.network || process.env.NETWORK === '1';
// With the whole network each store has ~170 listings, so fewer stores make as many jobs.
const LOCATIONS = positive('LOCATIONS', args.locations ?? process.env.LOCATIONS, NETWORK ? (args.quick ? 100 : 500) : args.quick ? 1_000 : 10_000);
const CONCURRENCIES = (args.concurrency ?? process.env.CONCURRENCY ?? process.env.WORKER_CONCURRENCY ?? '16')
  .split(',')
  .map((c) => positive('CONCURRENCY', c.trim(), 16));
const POOL_SIZE = positive('DB_POOL_SIZE', process.env.DB_POOL_SIZE, 10);
const PROBE = process.env.SYNC_PROBE !== '0';
const QUIET_WAIT_S = Number(process.env.QUIET_WAIT ?? 120);
const BATCH = 1_000;
// Tenpo's own ceilings for Google (and, with the network, the other deep connectors) raised out of
// the way, as a partner's raised quotas would be; per-listing edit limits stay (each listing is
// written twice per round at most).
const RAISED = { requestsPerMinute: 10_000_000, requestsPerDay: 100_000_000, editsPerDay: 100_000_000 };
const QUOTAS = Object.fromEntries(deepManifests().filter((m) => NETWORK || m.id === 'google').map((m) => [m.id, RAISED]));
const ACTOR = { kind: 'SYSTEM' as const, id: null, label: 'bench:sync' };

const log = (line: string) => console.log(`  ${line}`);
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) await step().catch((err: unknown) => console.error('cleanup failed:', err));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().then(() => process.exit(130)));

/** Row i of the bench data set, publishable on Google, with round r's description. */
function location(i: number, round: number): { data: LocationData; groups: string[] } {
  const { data, groups } = benchLocation(i);
  const specialHours = data.regularHours.length === 0 ? [] : data.specialHours;
  const description = round === 0 ? data.description : `${data.description ?? 'てんぽの店舗です。'} (更新 ${round})`;
  return { data: { ...data, specialHours, description }, groups };
}

async function writeLocations(db: TestDatabase, orgId: string, round: number): Promise<void> {
  const expected = round === 0 ? 'CREATED' : 'UPDATED';
  for (let from = 0; from < LOCATIONS; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(LOCATIONS, from + BATCH); i++) {
      const { data, groups } = location(i, round);
      rows.push({ input: data, groups });
    }
    const results = await upsertBatch(db.db, orgId, ACTOR, rows);
    const wrong = results.find((r) => r.outcome !== expected);
    if (wrong) throw new Error(`row ${from + wrong.index}: ${wrong.outcome}, expected ${expected}: ${JSON.stringify(wrong.errors)}`);
  }
  // The server may run without autovacuum (this one does): each round updates every listing and
  // run item, so without this the later rounds would work on bloated tables and stale statistics.
  await sql`vacuum analyze`.execute(db.db);
}

async function redisCommandsProcessed(queues: Queues): Promise<number> {
  const info = await queues.redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Jobs waiting or running (and, with `delayed`, deferred) in a queue: 0 when drained. */
async function backlog(queue: Queue, delayed: boolean): Promise<number> {
  // The read-back queue always holds the next scheduled sweep as a delayed job.
  const c = await queue.getJobCounts('waiting', 'active', 'prioritized', ...(delayed ? (['delayed'] as const) : []));
  return Object.values(c).reduce((a, b) => a + b, 0);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Queue wait and run time of the jobs added since `since`, from what BullMQ kept of them. */
async function jobTimes(queue: Queue, since: number): Promise<JobTimes | null> {
  const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((j) => j && j.timestamp >= since && j.processedOn && j.finishedOn);
  if (jobs.length === 0) return null;
  const wait = jobs.map((j) => j.processedOn! - j.timestamp).sort((a, b) => a - b);
  const run = jobs.map((j) => j.finishedOn! - j.processedOn!).sort((a, b) => a - b);
  return { jobs: jobs.length, waitP50: percentile(wait, 0.5), runP50: percentile(run, 0.5), runP99: percentile(run, 0.99) };
}

interface Bench {
  db: TestDatabase;
  queues: Queues;
  rawQueues: Queues;
  engine: Engine;
  google: Child;
  orgId: string;
  access: Access;
  workerEnv: Record<string, string>;
  partner?: Child;
  deep?: Child;
  network?: NonNullable<Header['network']>;
}

/** PostgreSQL (this benchmark's database only) and Redis, for the CPU shares. */
const servers = (b: Bench): Record<string, NamedProcess> => ({ pg: postgresFor(new URL(b.db.url).pathname.slice(1)), redis: { name: 'redis-server' } });

async function startWorker(b: Bench, concurrency: number): Promise<WorkerProcess> {
  const worker = await startWorkerProcess({ ...b.workerEnv, WORKER_CONCURRENCY: String(concurrency) }, { probe: PROBE, name: `worker-c${concurrency}` });
  cleanups.push(() => worker.stop());
  return worker;
}

async function waitForRun(b: Bench, runId: string, total: number): Promise<RunProgress> {
  const deadline = Date.now() + Math.max(300_000, total * 50);
  for (;;) {
    const progress = await runProgress(b.db.db, runId);
    if (progress.finished) return progress;
    if (Date.now() > deadline) throw new Error(`sync run ${runId} not finished in time: ${JSON.stringify({ ...progress, byPlatform: undefined })}`);
    // The time is taken from the items' finished_at, not from when a poll saw the end, so polls
    // can be sparse: runProgress scans the run's items, which costs PostgreSQL tens of ms at 10,000.
    await sleep(1000);
  }
}

/**
 * The machine is shared (2 cores): before each measurement, wait up to QUIET_WAIT seconds for
 * whatever else runs on it to finish, so the numbers measure Tenpo rather than a neighbour.
 * The table still shows what "other" took during each measurement.
 */
async function awaitQuiet(): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_S * 1000;
  let busy = await machineBusy(1000);
  if (busy === null || busy < 20) return;
  const first = busy;
  while (busy !== null && busy >= 20 && Date.now() < deadline) busy = await machineBusy(2000);
  log(busy !== null && busy < 20 ? `waited for the machine to quiet down (was ${Math.round(first)}% busy)` : `machine still ${Math.round(busy ?? 0)}% busy after ${QUIET_WAIT_S} s; measuring anyway`);
}

async function syncRun(b: Bench, worker: WorkerProcess, name: string, kind: 'sync' | 'resync', concurrency: number): Promise<Measurement> {
  await b.google.request('calls', { clear: true });
  await b.partner?.request('calls', { clear: true });
  await b.deep?.request('calls', { clear: true });
  await awaitQuiet();
  const profile = process.env.BENCH_CPU_PROF && PROBE ? path.join(process.env.BENCH_CPU_PROF, `${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`) : undefined;
  await worker.probe.reset(profile);
  const redisBefore = await redisCommandsProcessed(b.queues);
  const meter = cpuMeter({ worker: worker.pid, google: b.google.pid }, servers(b));
  const t0 = Date.now();
  const started = await requestSyncRun(b.db.db, b.access, { orgId: b.orgId, filter: { orgId: b.orgId, storeManagerId: null }, platforms: null });
  if (!started.ok) throw new Error(`requestSyncRun: ${JSON.stringify(started.errors)}`);
  const progress = await waitForRun(b, started.value.id, started.value.total);
  const cpu = meter();
  const seconds = ((progress.finishedAt?.getTime() ?? Date.now()) - t0) / 1000;
  const redisCommands = (await redisCommandsProcessed(b.queues)) - redisBefore;
  const probe = await worker.probe.read();
  const calls = await b.google.request<Calls>('calls', { clear: true });
  const partnerCalls = await b.partner?.request<Calls>('calls', { clear: true });
  const deepCalls = await b.deep?.request<Calls>('calls', { clear: true });
  const outcomes = {
    delivered: progress.delivered,
    unchanged: progress.unchanged,
    failed: progress.failed,
    actionRequired: progress.actionRequired,
    notEligible: progress.notEligible,
    waiting: progress.waiting,
  };
  const counted = kind === 'sync' && !NETWORK ? progress.delivered : progress.total - progress.queued;
  const m: Measurement = { name, kind, concurrency, jobs: progress.total, seconds, counted, cpu, jobTimes: await jobTimes(b.queues.get('sync'), t0), redisCommands, outcomes, calls, probe };
  if (partnerCalls) m.partnerCalls = partnerCalls;
  if (deepCalls) m.deepCalls = deepCalls;
  if (profile && existsSync(profile)) m.cpuSplit = splitProfile(profile);
  log(`${name}: ${progress.total} listings in ${seconds.toFixed(2)} s (${Math.round(counted / seconds)}/s); ${JSON.stringify(outcomes)}; calls ${JSON.stringify(calls.byKind)}${partnerCalls ? `; partner calls ${JSON.stringify(partnerCalls.byKind)}` : ''}${deepCalls ? `; deep connectors' calls ${JSON.stringify(deepCalls.byKind)}` : ''}`);
  return m;
}

async function rawBaseline(b: Bench, concurrency: number): Promise<Measurement> {
  const rawPrefix = b.rawQueues.config.prefix;
  const noop = await startChild('noop', { REDIS_URL: b.queues.config.redisUrl, RAW_PREFIX: rawPrefix, WORKER_CONCURRENCY: String(concurrency) });
  cleanups.push(() => noop.stop());
  try {
    const jobs = b.network?.listings ?? LOCATIONS;
    await noop.request('expect', { jobs });
    await awaitQuiet();
    const done = noop.next<{ at: number; count: number }>('done');
    const ids = Array.from({ length: jobs }, () => randomUUID());
    const redisBefore = await redisCommandsProcessed(b.queues);
    const meter = cpuMeter({ worker: noop.pid, google: b.google.pid }, servers(b));
    const t0 = Date.now();
    // What the relay does for a run: the same enqueue function (chunks of 1,000), as a run asks.
    await enqueueListingSyncs(b.rawQueues, ids, { now: true });
    const { at } = await done;
    const cpu = meter();
    const seconds = (at - t0) / 1000;
    const redisCommands = (await redisCommandsProcessed(b.queues)) - redisBefore;
    const m: Measurement = {
      name: `raw BullMQ no-op, c=${concurrency}`,
      kind: 'raw',
      concurrency,
      jobs,
      seconds,
      counted: jobs,
      cpu,
      jobTimes: await jobTimes(b.rawQueues.get('sync'), t0),
      redisCommands,
    };
    log(`${m.name}: ${jobs} jobs in ${seconds.toFixed(2)} s (${Math.round(jobs / seconds)}/s)`);
    return m;
  } finally {
    await noop.stop();
  }
}

/** Connects Google as the OWNER and waits until the connect's linking and first writes are all done. */
async function connect(b: Bench, account: string, refreshToken: string): Promise<InitialSync> {
  await b.google.request('calls', { clear: true });
  const t0 = performance.now();
  const connected = await connectPlatform(b.engine, b.access, { orgId: b.orgId, platform: 'google', account, credentials: { refreshToken }, settings: {} });
  if (!connected.ok) throw new Error(`connectPlatform: ${JSON.stringify(connected.errors)}`);
  const connectionId = connected.value.id;
  const deadline = Date.now() + Math.max(600_000, LOCATIONS * 100);
  let statuses: Record<string, number> = {};
  for (;;) {
    const rows = await b.db.db.selectFrom('listings').select(['status', sql<string>`count(*)`.as('n')]).where('connection_id', '=', connectionId).groupBy('status').execute();
    statuses = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    const settled = Object.entries(statuses).reduce((n, [s, c]) => n + (s === 'PENDING' ? 0 : c), 0);
    if (settled === LOCATIONS && (await backlog(b.queues.get('sync'), true)) === 0 && (await backlog(b.queues.get('read-back'), false)) === 0) break;
    if (Date.now() > deadline) throw new Error(`initial sync after connect did not settle: ${JSON.stringify(statuses)}`);
    await sleep(250);
  }
  const seconds = (performance.now() - t0) / 1000;
  const calls = await b.google.request<Calls>('calls', { clear: true });
  log(`connect: linked and first-written ${LOCATIONS} listings in ${seconds.toFixed(1)} s; ${JSON.stringify(statuses)}; calls ${JSON.stringify(calls.byKind)}`);
  return { seconds, statuses, calls };
}

async function serverHeader(b: Bench): Promise<{ postgres: string; redis: string }> {
  const { rows } = await sql<{ v: string; fsync: string; sc: string; av: string }>`
    select current_setting('server_version') as v, current_setting('fsync') as fsync,
           current_setting('synchronous_commit') as sc, current_setting('autovacuum') as av`.execute(b.db.db);
  const r = rows[0]!;
  const info = await b.queues.redis.info('server');
  return {
    postgres: `${r.v.split(' ')[0]} (fsync ${r.fsync}, synchronous_commit ${r.sc}, autovacuum ${r.av})`,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?',
  };
}

async function deleteKeys(queues: Queues, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await queues.redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await queues.redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function main(): Promise<number> {
  console.log(`bench:sync: ${LOCATIONS} locations, worker concurrency ${CONCURRENCIES.join(', ')}, DB_POOL_SIZE ${POOL_SIZE}${PROBE ? '' : ', probe off'}`);
  if (process.env.BENCH_CPU_PROF) mkdirSync(process.env.BENCH_CPU_PROF, { recursive: true });
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  log(`database ${new URL(db.url).pathname.slice(1)}`);
  const google = await startChild('google');
  cleanups.push(() => google.stop());
  const { url, tokenUrl } = google.ready as { url: string; tokenUrl: string };

  const prefix = `tenpo-bench-${randomBytes(4).toString('hex')}`;
  log(`Redis prefix ${prefix}`);
  const queues = await openQueues({ redisUrl: REDIS_URL, prefix }, () => {});
  const rawQueues = await openQueues({ redisUrl: REDIS_URL, prefix: `${prefix}-raw` }, () => {});
  cleanups.push(async () => {
    await rawQueues.close();
    await deleteKeys(queues, prefix);
    await deleteKeys(queues, `${prefix}-raw`);
    await queues.close();
  });
  const keySpec = generateKeySpec('bench');
  // With the network, the other deep connectors' fakes, seeded with the chain's stores.
  const deep = NETWORK
    ? await startChild('deep', { DEEP_STORES: JSON.stringify(Array.from({ length: LOCATIONS }, (_, i) => ({ storeCode: location(i, 0).data.storeCode, name: location(i, 0).data.name }))) })
    : undefined;
  if (deep) cleanups.push(() => deep.stop());
  const deepReady = deep?.ready as { config: Record<string, Record<string, string>>; connections: DeepConnection[] } | undefined;
  const workerEnv = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    TENPO_KEYRING: keySpec,
    GOOGLE_OAUTH_CLIENT_ID: 'test-client-id',
    GOOGLE_OAUTH_CLIENT_SECRET: 'test-client-secret',
    GOOGLE_API_ROOT_URL: `${url}/`,
    GOOGLE_OAUTH_TOKEN_URL: tokenUrl,
    TENPO_PLATFORM_QUOTAS: JSON.stringify(QUOTAS),
    ...(deepReady ? { TENPO_CONNECTOR_CONFIG: JSON.stringify(deepReady.config) } : {}),
    DB_POOL_SIZE: String(POOL_SIZE),
    // The scheduled read-back sweep would read every listing back mid-measurement; a week away.
    READ_BACK_EVERY_MINUTES: String(7 * 24 * 60),
    FEED_DELAY_SECONDS: '1',
    FEED_REPORT_EVERY_SECONDS: '1',
  };
  // The same connectors, configured as the worker's environment configures them.
  const configured = deepConnectors(parseEnv(workerEnv)).connectors.filter((c) => NETWORK || c.manifest.id === 'google');
  const engine = createEngine({
    db: db.db,
    log: pino({ level: 'silent' }),
    queues,
    registry: createRegistry([...configured, ...(NETWORK ? manifestConnectors() : [])], { overrides: QUOTAS }),
    keyring: parseKeyring(keySpec),
    timeoutMs: 20_000,
  });

  const org = await createOrgWithKey(db.db, { name: 'Bench Sync' });
  const principal = await authenticate(db.db, `Bearer ${org.key}`, pino({ level: 'silent' }));
  if ('failure' in principal) throw new Error(`could not authenticate the bench's OWNER key: ${principal.failure}`);
  const b: Bench = { db, queues, rawQueues, engine, google, orgId: org.id, access: new Access(db.db, principal), workerEnv };
  const servers = await serverHeader(b);

  let t = performance.now();
  await writeLocations(db, org.id, 0);
  log(`seeded ${LOCATIONS} locations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const seeded = await google.request<{ account: string; refreshToken: string }>('seed', {
    accountName: 'Tenpo Bench Chain',
    locations: Array.from({ length: LOCATIONS }, (_, i) => {
      const { data } = location(i, 0);
      return { storeCode: data.storeCode, title: data.name, languageCode: data.address.country === 'JP' ? 'ja' : 'en' };
    }),
  });

  let worker = await startWorker(b, CONCURRENCIES[0]!);
  const initial = await connect(b, seeded.account, seeded.refreshToken);
  if (NETWORK) {
    const partner = await startChild('publisher');
    cleanups.push(() => partner.stop());
    b.partner = partner;
    b.deep = deep;
    const setup = await connectNetwork(engine, b.access, org.id, { partner, deep: deepReady!.connections }, Math.max(900_000, LOCATIONS * 2_000));
    b.network = { platforms: setup.platforms.length, byDelivery: setup.byDelivery, listings: Object.values(setup.statuses).reduce((a, n) => a + n, 0) };
    await partner.request('calls', { clear: true });
    const deepConnectCalls = await deep!.request<Calls>('calls', { clear: true });
    log(`network: deep connectors' calls while connecting ${JSON.stringify(deepConnectCalls.byKind)}${deepConnectCalls.serverErrors.length ? `; fake errors ${deepConnectCalls.serverErrors.join(' | ')}` : ''}`);
    for (const [platform, statuses] of Object.entries(await statusesByPlatform(db.db, org.id, deepReady!.connections.map((c) => c.platform)))) log(`network: ${platform}: ${statuses}`);
    log(`network: connected ${setup.platforms.length} more platforms (${JSON.stringify(setup.byDelivery)}); settled in ${setup.seconds.toFixed(1)} s; listings ${JSON.stringify(setup.statuses)}`);
  }
  const runs: Measurement[] = [];
  let problems = 0;
  for (const [round, concurrency] of CONCURRENCIES.map((c, i) => [i + 1, c] as const)) {
    await worker.stop();
    problems += worker.problems().count;
    for (const sample of worker.problems().samples) log(`worker logged: ${sample}`);

    t = performance.now();
    await writeLocations(db, org.id, round);
    const marked = await db.db.updateTable('outbox').set({ relayed_at: new Date() }).where('relayed_at', 'is', null).where('event_type', '=', 'location.updated').executeTakeFirst();
    log(`round ${round}: edited ${LOCATIONS} descriptions (and vacuumed) in ${((performance.now() - t) / 1000).toFixed(1)} s (${Number(marked.numUpdatedRows)} outbox rows marked relayed)`);

    runs.push(await rawBaseline(b, concurrency));
    worker = await startWorker(b, concurrency);
    runs.push(await syncRun(b, worker, `${NETWORK ? 'sync run, whole network' : 'sync run (1 PATCH each)'}, c=${concurrency}`, 'sync', concurrency));
    runs.push(await syncRun(b, worker, `re-sync unchanged, c=${concurrency}`, 'resync', concurrency));
    const onGoogle = await google.request<number>('listingsWithDescription', { account: seeded.account, suffix: `(更新 ${round})` });
    if (onGoogle !== LOCATIONS) {
      log(`round ${round}: only ${onGoogle} of ${LOCATIONS} listings on the fake show the new description`);
      problems += 1;
    }
  }
  await worker.stop();
  problems += worker.problems().count;
  for (const sample of worker.problems().samples) log(`worker logged: ${sample}`);

  const header: Header = { cpu: cpuModel(), node: process.version, ...servers, locations: LOCATIONS, poolSize: POOL_SIZE, ...(b.network ? { network: b.network } : {}) };
  console.log(`\n${formatSummary(header, initial, runs)}`);
  for (const m of runs) {
    const profile = formatProfile(m);
    if (profile.length) console.log(['', ...profile].join('\n'));
  }
  for (const m of runs) {
    if (m.kind === 'raw') continue;
    const o = m.outcomes!;
    // The network has listings that cannot be delivered by design (manual tasks, stores a platform
    // does not take): there, every listing must be answered and none may fail or be re-sent unchanged.
    const wrongOutcome = NETWORK
      ? o.failed! > 0 || m.counted !== m.jobs || (m.kind === 'resync' && o.delivered! > 0)
      : m.kind === 'sync' ? o.delivered !== m.jobs : o.unchanged !== m.jobs;
    const partnerBad = [m.partnerCalls, m.deepCalls].some((c) => (c?.serverErrors.length ?? 0) > 0 || (c?.failed ?? 0) > 0 || (m.kind === 'resync' && (c?.total ?? 0) > 0));
    const badCalls = partnerBad || (m.calls?.failed ?? 0) > 0 || (m.calls?.quotaViolations ?? 0) > 0 || (m.calls?.serverErrors.length ?? 0) > 0 || (m.kind === 'resync' && (m.calls?.total ?? 0) > 0);
    if (wrongOutcome || badCalls) {
      problems += 1;
      console.log(`problem in ${m.name}: outcomes ${JSON.stringify(o)}, calls ${JSON.stringify(m.calls)}, partner ${JSON.stringify(m.partnerCalls)}, deep ${JSON.stringify(m.deepCalls)}`);
    }
  }
  if (problems > 0) console.log(`\n${problems} problem(s): see above (exit code 1)`);
  return problems > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err);
} finally {
  await cleanUp();
}
process.exit(code);
