/**
 * npm run bench:fraud — screenings per second and p50/p99 latency, in process and over HTTP.
 *
 *   npm run bench:fraud                         in process, then HTTP at 500, 200, 300 and 400 screenings/s and flat out
 *   BENCH_RATES=250,500 BENCH_DURATION=20 npm run bench:fraud
 *
 * Baselines, measured in the same run on the same database, Redis and server:
 * - in process: the storage round trips a screening cannot avoid (one PostgreSQL read, one
 *   insert of a decision-sized row with the same commit setting, one Redis script call), with
 *   none of the engine's work: the floor a screening's latency is compared with;
 * - over HTTP: `{ viewer { kind } }` with the same API key at the same rate: the API's own floor
 *   (HTTP, authentication, GraphQL) without a screening;
 * - the anchor: O-PLUX's published 0.5 to 1 s per screening; the aim is p99 under 20 ms at 500/s.
 *
 * The server is `createHttpServer` with the fraud engine in a child process of its own
 * (bench/serverChild.ts, NODE_ENV=production), as `tenpo start` runs it. Fixed rates are driven
 * open loop by bench/openLoop.ts (autocannon's overallRate sends each second's quota in bursts,
 * which adds its own queueing to the latencies); flat out is autocannon's closed loop.
 * Traffic: bench/fraudTraffic.ts, a population of 200,000 customers.
 * Every answer is checked: a GraphQL error or a payload error counts as a failure and makes the
 * exit code 1.
 */
import './env.ts';
import { randomBytes } from 'node:crypto';
import type autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import { updateSettings } from '../src/fraud/admin.ts';
import { createFraudEngine } from '../src/fraud/engine.ts';
import { loginSchema, orderSchema, reviewSchema, signupSchema, type ScreeningInput } from '../src/fraud/inputs.ts';
import { screen } from '../src/fraud/screen.ts';
import { createOrgWithKey } from '../test/support/api.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { graphqlBody, screeningTraffic, type Screening } from './fraudTraffic.ts';
import { cpuMeter, type CpuShare } from './cpu.ts';
import { bump, runLoad, type LoadResult, type Scenario } from './load.ts';
import { openLoop, type OpenLoopSettings } from './openLoop.ts';
import { unlinkPrefix } from './redisKeys.ts';
import { startServerProcess, type ServerProcess } from './serverProcess.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const RATES = (process.env.BENCH_RATES ?? '500,200,300,400').split(',').map(Number);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const IN_PROCESS = Number(process.env.BENCH_IN_PROCESS ?? 3000);

function parse(s: Screening): ScreeningInput {
  switch (s.kind) {
    case 'ORDER':
      return { kind: 'ORDER', input: orderSchema.parse(s.input) };
    case 'SIGNUP':
      return { kind: 'SIGNUP', input: signupSchema.parse(s.input) };
    case 'LOGIN':
      return { kind: 'LOGIN', input: loginSchema.parse(s.input) };
    case 'REVIEW':
      return { kind: 'REVIEW', input: reviewSchema.parse(s.input) };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

async function timed(n: number, f: (i: number) => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: n / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Why a screening answer is a failure (null when it is a decision), tallying verdicts. */
function screeningCheck(verdicts: Map<string, number>) {
  return (status: number, body: string): string | null => {
    if (status !== 200) return `HTTP ${status}`;
    try {
      const parsed = JSON.parse(body) as { data?: Record<string, { decision: { verdict: string } | null; errors: { code: string }[] }>; errors?: unknown[] };
      const payload = parsed.data ? Object.values(parsed.data)[0] : undefined;
      if (parsed.errors || !payload) return `GraphQL error: ${body.slice(0, 160)}`;
      if (payload.errors.length > 0 || !payload.decision) return `payload error: ${JSON.stringify(payload.errors).slice(0, 160)}`;
      bump(verdicts, payload.decision.verdict);
      return null;
    } catch {
      return `unreadable answer: ${body.slice(0, 120)}`;
    }
  };
}

/** The same screenings for autocannon's closed loop (flat out). */
function screeningScenario(key: string, next: () => Screening, verdicts: Map<string, number>): Scenario {
  let failures = new Map<string, number>();
  const check = screeningCheck(verdicts);
  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    setupRequest: (req) => ({ ...req, body: graphqlBody(next()) }),
    onResponse: (status, body) => {
      const why = check(status, body);
      if (why) bump(failures, why);
    },
  };
  return {
    name: 'screenings, flat out',
    requests: () => [request],
    takeFailures() {
      const taken = failures;
      failures = new Map();
      return taken;
    },
  };
}

interface HttpRow {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  failures: Map<string, number>;
  cpu: CpuShare;
  verdicts: Map<string, number>;
}

async function openLoopRow(server: ServerProcess, label: string, settings: Omit<OpenLoopSettings, 'url' | 'durationS'>, verdicts = new Map<string, number>()): Promise<HttpRow> {
  const url = `${server.url}/graphql`;
  // Warm-up: V8 optimises the hot paths and the pools fill before anything is measured.
  await openLoop({ ...settings, url, durationS: 3 });
  verdicts.clear();
  const stop = await cpuMeter(() => server.cpuMicros());
  const r = await openLoop({ ...settings, url, durationS: DURATION });
  return { label, rate: r.rate, p50: r.p50, p99: r.p99, failures: r.failures, cpu: await stop(), verdicts };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const pct = (v: number | null) => (v === null ? '   -' : `${v.toFixed(0).padStart(4)}%`);

async function main() {
  const wall = performance.now();
  const database = await createTestDatabase();
  const prefix = `bench${randomBytes(4).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let failed = false;
  try {
    const org = await createOrgWithKey(database.db, { name: 'Bench Shop' });
    const settings = await updateSettings(database.db, org.id, { modules: ['LISTINGS', 'REVIEWS', 'ORDERS', 'ACCESS'] });
    if (!settings.ok) throw new Error(JSON.stringify(settings.errors));
    const engine = createFraudEngine({ db: database.db, redis, hashKey: process.env.TENPO_FRAUD_HASH_KEY!, prefix, log: pino({ level: 'silent' }) });

    // In process.
    const warm = screeningTraffic(1, 'warm');
    for (let i = 0; i < 500; i++) await screen(engine, org.id, parse(warm()));
    const traffic = screeningTraffic(2, 'inproc');
    const inputs = Array.from({ length: IN_PROCESS }, () => parse(traffic()));
    const sequential = await timed(IN_PROCESS, (i) => screen(engine, org.id, inputs[i]!));
    const concurrentInputs = Array.from({ length: IN_PROCESS * 2 }, () => parse(traffic()));
    let next = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < concurrentInputs.length) await screen(engine, org.id, concurrentInputs[next++]!);
    }));
    const concurrent = concurrentInputs.length / ((performance.now() - start) / 1000);

    await sql`create table bench_floor (id bigserial primary key, org_id uuid, body jsonb, hashes text[])`.execute(database.db);
    const row = JSON.stringify({ input: inputs[0]!.input, pad: 'x'.repeat(1500) });
    await redis.set(`${prefix}:floor`, '0');
    const floor = await timed(IN_PROCESS, async () => {
      await Promise.all([
        redis.eval("return redis.call('INCR', KEYS[1])", 1, `${prefix}:floor`),
        sql`select count(*) from fraud_list_entries where org_id = ${org.id} and key_hash = any(${['a', 'b', 'c']}::text[])`.execute(database.db),
      ]);
      await sql`insert into bench_floor (org_id, body, hashes) select ${org.id}, ${row}::jsonb, ${['a', 'b', 'c']}::text[] from (select set_config('synchronous_commit', 'off', true)) s`.execute(database.db);
    });

    // Over HTTP.
    const server = await startServerProcess('tenpo', { BENCH_DATABASE_URL: database.url, BENCH_REDIS_URL: REDIS_URL, BENCH_PREFIX: prefix });
    const http: HttpRow[] = [];
    try {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${org.key}` };
      const viewer = JSON.stringify({ query: '{ viewer { kind } }' });
      const viewerCheck = (status: number, body: string) => (status === 200 && !body.includes('"errors"') ? null : `viewer: ${status} ${body.slice(0, 120)}`);
      http.push(await openLoopRow(server, `{ viewer { kind } } at ${RATES[0]}/s (API floor)`, { rate: RATES[0]!, connections: CONNECTIONS, headers, body: () => viewer, check: viewerCheck }));
      const stream = screeningTraffic(3, 'http');
      for (const rate of RATES) {
        const verdicts = new Map<string, number>();
        http.push(await openLoopRow(server, `screenings at ${rate}/s`, { rate, connections: CONNECTIONS, headers, body: () => graphqlBody(stream()), check: screeningCheck(verdicts) }, verdicts));
      }
      const verdicts = new Map<string, number>();
      const flat: LoadResult = await runLoad(server, screeningScenario(org.key, stream, verdicts), { duration: DURATION, connections: 16, warmup: 3 });
      http.push({ label: 'screenings flat out (16 conn.)', rate: flat.rps, p50: flat.p50, p99: flat.p99, failures: flat.failures, cpu: flat.cpu, verdicts });
    } finally {
      await server.stop();
    }

    const lines = [
      `bench:fraud  ${new Date().toISOString()}  traffic: 50% orders, 15% sign-ups, 25% logins, 10% reviews from 200,000 customers`,
      '',
      'In process (screen() called directly; PostgreSQL and Redis on this machine):',
      `  sequential, ${IN_PROCESS} screenings     ${sequential.perSecond.toFixed(0).padStart(6)}/s   p50 ${ms(sequential.p50)}   p99 ${ms(sequential.p99)}`,
      `  storage floor (baseline)          ${floor.perSecond.toFixed(0).padStart(6)}/s   p50 ${ms(floor.p50)}   p99 ${ms(floor.p99)}`,
      `  ratio screening / floor           p50 ${(sequential.p50 / floor.p50).toFixed(2)}x   p99 ${(sequential.p99 / floor.p99).toFixed(2)}x`,
      `  16 concurrent                     ${concurrent.toFixed(0).padStart(6)}/s`,
      '',
      `Over HTTP (server in its own process; open loop: evenly spaced requests, latency from when each was due; ${CONNECTIONS} sockets):`,
      `  ${'scenario'.padEnd(40)}${'got/s'.padStart(8)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'failed'.padStart(8)}  cpu server / pg / bench / other   verdicts`,
      ...http.map((r) =>
        `  ${r.label.padEnd(40)}${r.rate.toFixed(0).padStart(8)}${ms(r.p50).padStart(11)}${ms(r.p99).padStart(11)}${String([...r.failures.values()].reduce((a, n) => a + n, 0)).padStart(8)}  ${pct(r.cpu.server)} ${pct(r.cpu.postgres)} ${pct(r.cpu.self)} ${pct(r.cpu.other)}   ${[...r.verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`,
      ),
      '',
    ];
    const aim = http.find((h) => h.label === 'screenings at 500/s');
    if (aim) {
      lines.push(`  at 500/s: p99 ${ms(aim.p99)} (aim < 20 ms: ${aim.p99 < 20 ? 'met' : 'MISSED'}); ${(aim.p99 / http[0]!.p99).toFixed(2)}x the API floor's p99; ${(500 / aim.p99).toFixed(0)}x faster than the anchor's 0.5 s`);
    }
    lines.push(`  wall time ${((performance.now() - wall) / 1000).toFixed(0)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const row of http) {
      for (const [what, n] of row.failures) {
        failed = true;
        process.stdout.write(`  FAILURE ${row.label}: ${n} × ${what}\n`);
      }
    }
  } finally {
    await unlinkPrefix(redis, prefix);
    redis.disconnect();
    await database.drop();
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
