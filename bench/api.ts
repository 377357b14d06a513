/**
 * npm run bench:api — Tenpo's API throughput against a bare graphql-yoga baseline, plus CSV import speed.
 *
 * How the numbers are kept honest on a small (2-core) machine:
 * - Each HTTP server runs alone in its own child process (bench/serverChild.ts), the way
 *   `tenpo start` runs: its own event loop and heap, the same tsx loader, NODE_ENV=production,
 *   LOG_LEVEL silent.
 *   Only one server exists at a time, so the baseline and Tenpo see the same machine.
 * - autocannon runs in this process, single-threaded, not in worker mode: a worker thread
 *   would just be a third busy thread on two cores. One autocannon thread keeps 50 connections
 *   busy for a fraction of a core, and the table prints how much CPU the server, the load
 *   generator, PostgreSQL and anything else took, so a reader can see who was saturated and
 *   whether another job on the machine disturbed the run.
 *   Load generator and PostgreSQL both compete with the server: the absolute req/s are lower
 *   than on a dedicated box; the ratio to the baseline, measured the same way, is the figure
 *   to watch.
 * - Every run has a warm-up (BENCH_WARMUP s, default 2) before the measured BENCH_DURATION.
 * - Failures are counted, never hidden: non-2xx, socket errors, timeouts, GraphQL errors in a
 *   200 body, updateLocation payload errors (e.g. VERSION_CONFLICT). Any of them, an import
 *   row that fails, or a re-import that is not all-unchanged makes the exit code 1.
 * - The import runs in this process (as the `tenpo import` CLI does), after the servers stop.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (50), BENCH_WARMUP (2),
 * BENCH_IMPORT_ROWS (100000), BENCH_SEED_ROWS (2000), BENCH_IMPORT_PHASES (1; 0 skips the
 * extra parse/validate passes over the first 20,000 rows), TEST_DATABASE_URL (admin URL, see test/support/db.ts),
 * BENCH_CPU_PROF=<dir> (V8 CPU profiles of the server processes, for `node --cpu-prof` style analysis).
 */
import './env.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { encodeGlobalID } from '../src/graphql/ids.ts';
import { upsertBatch } from '../src/locations/bulk.ts';
import { createOrgWithKey } from '../test/support/api.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/db.ts';
import { machineBusy } from './cpu.ts';
import { benchLocations } from './dataset.ts';
import { describeFailures, timeImport, timeImportPhases, writeBenchCsv } from './importBench.ts';
import { runLoad, type LoadResult, type LoadSettings } from './load.ts';
import { formatFailures, formatSummary, type ImportReport } from './report.ts';
import { HELLO_QUERY, LOCATIONS_QUERY, helloScenario, locationsScenario, updateScenario, type OwnedLocation } from './scenarios.ts';
import { startServerProcess, type ServerProcess } from './serverProcess.ts';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got ${raw})`);
  return value;
}

const load: LoadSettings = {
  duration: setting('BENCH_DURATION', 10),
  connections: setting('BENCH_CONNECTIONS', 50),
  warmup: setting('BENCH_WARMUP', 2),
};
const IMPORT_ROWS = setting('BENCH_IMPORT_ROWS', 100_000);
const SEED_ROWS = setting('BENCH_SEED_ROWS', 2000);
const SEED_BATCH = 500;
const PHASE_ROWS = 20_000;

const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse()) await step().catch((err: unknown) => console.error('cleanup failed:', err));
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

const log = (line: string) => console.log(`  ${line}`);

/** One real request before the load, so a broken scenario fails with its message instead of 10 s of errors. */
async function preflight(server: ServerProcess, query: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`preflight ${query.slice(0, 40)}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

async function withServer<T>(kind: 'hello' | 'tenpo', env: Record<string, string>, run: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServerProcess(kind, env);
  cleanups.push(() => server.stop());
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Seeds one organisation through the same write path as the API and returns its locations' ids and versions. */
async function seed(db: TestDatabase): Promise<{ apiKey: string; owned: OwnedLocation[] }> {
  const org = await createOrgWithKey(db.db, { name: 'Bench Stores' });
  const owned: OwnedLocation[] = [];
  for (let from = 0; from < SEED_ROWS; from += SEED_BATCH) {
    const rows = [...benchLocations(Math.min(SEED_BATCH, SEED_ROWS - from), from)].map(({ data, groups }) => ({ input: data, groups }));
    const results = await upsertBatch(db.db, org.id, { kind: 'SYSTEM', id: null, label: 'bench seed' }, rows);
    const failed = results.find((r) => r.outcome !== 'CREATED');
    if (failed) throw new Error(`seed row ${from + failed.index} ${failed.outcome}: ${JSON.stringify(failed.errors)}`);
    for (const r of results) owned.push({ id: encodeGlobalID('Location', r.location!.id), version: r.location!.version });
  }
  // Fresh statistics, as a database in service would have, instead of autovacuum's ANALYZE landing mid-measurement.
  await sql`analyze`.execute(db.db);
  return { apiKey: org.key, owned };
}

async function httpScenarios(db: TestDatabase): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const report = (r: LoadResult) => {
    results.push(r);
    log(`${r.name}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, ${r.requests} requests, ${r.errors} errors`);
  };
  await withServer('hello', {}, async (server) => {
    await preflight(server, HELLO_QUERY);
    report(await runLoad(server, helloScenario(), load));
  });

  const { apiKey, owned } = await seed(db);
  log(`seeded ${owned.length} locations`);
  await withServer('tenpo', { BENCH_DATABASE_URL: db.url }, async (server) => {
    const page = await preflight(server, LOCATIONS_QUERY, { authorization: `Bearer ${apiKey}` });
    if (page.locations.edges.length !== Math.min(50, SEED_ROWS)) throw new Error(`locations(first: 50) returned ${page.locations.edges.length} edges`);
    report(await runLoad(server, locationsScenario(apiKey), load));
    const updates = updateScenario(apiKey, owned);
    report(await runLoad(server, updates, load));
    log(`updateLocation: ${updates.lost()} locations left out of rotation (in flight when a run stopped, or failed)`);
  });
  return results;
}

async function importScenario(db: TestDatabase): Promise<ImportReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tenpo-bench-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'locations.csv');
  const written = await writeBenchCsv(file, IMPORT_ROWS);
  log(`wrote ${IMPORT_ROWS} rows (${(written.bytes / 1e6).toFixed(1)} MB) in ${written.seconds.toFixed(1)} s`);

  const org = await createOrgWithKey(db.db, { name: 'Bench Import' });
  const first = await timeImport(db.db, org.id, file);
  log(`import: ${first.summary.created} created, ${first.summary.failed} failed in ${first.seconds.toFixed(1)} s`);
  for (const line of describeFailures(first.summary)) log(`  ${line}`);
  const second = await timeImport(db.db, org.id, file);
  log(`re-import: ${second.summary.unchanged} unchanged, ${second.summary.updated} updated, ${second.summary.failed} failed in ${second.seconds.toFixed(1)} s`);
  const phases = setting('BENCH_IMPORT_PHASES', 1) ? await timeImportPhases(file, Math.min(IMPORT_ROWS, PHASE_ROWS)) : null;
  return { rows: IMPORT_ROWS, first, second, phases, csvBytes: written.bytes };
}

async function main(): Promise<number> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  const settings = await sql<{ v: string; av: string }>`select current_setting('server_version_num') as v, current_setting('autovacuum') as av`.execute(db.db);
  // Without autovacuum nothing refreshes planner statistics while the import grows the table; the header says so.
  const postgres = `${Math.floor(Number(settings.rows[0]!.v) / 10000)}${settings.rows[0]!.av === 'on' ? '' : ', autovacuum off'}`;
  console.log(`bench:api: ${load.duration} s per scenario after ${load.warmup} s warm-up, ${load.connections} connections`);
  // The benchmark needs the machine to itself; say so up front when something else is running.
  const busy = await machineBusy(1000);
  if (busy !== null && busy > 15) log(`warning: the machine was ${Math.round(busy)}% busy before the benchmark started; numbers will be low and noisy`);

  const http = await httpScenarios(db);
  const imports = IMPORT_ROWS > 0 ? await importScenario(db) : null;

  console.log(`\n${formatSummary({ cores: availableParallelism(), postgres, duration: load.duration, connections: load.connections }, http, imports)}`);
  const failures = formatFailures(http);
  if (failures.length > 0) console.log(['', 'failures:', ...failures].join('\n'));
  const importBroken = imports && (imports.first.summary.failed > 0 || imports.second.summary.unchanged !== imports.second.summary.rows);
  if (importBroken) console.log('import problems: failed rows, or a re-import that changed rows (see above)');
  return http.some((r) => r.errors > 0) || importBroken ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err);
} finally {
  await cleanUp();
}
// The pg pools and autocannon are closed above; exit explicitly so no stray handle holds the run open.
process.exit(code);
