/**
 * npm run bench:fraud — screenings per second and p50/p99 latency, in process and over HTTP.
 *
 *   npm run bench:fraud                         in process, then HTTP at 500 and 1,000 screenings/s and flat out
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
 * (bench/serverChild.ts, NODE_ENV=production), as `tenpo start` runs it; autocannon drives it
 * open-loop at a fixed rate (overallRate) from this process. Traffic: bench/fraudTraffic.ts.
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
import { bump, runLoad, type LoadResult, type Scenario } from './load.ts';
import { unlinkPrefix } from './redisKeys.ts';
import { startServerProcess } from './serverProcess.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const RATES = (process.env.BENCH_RATES ?? '500,1000').split(',').map(Number);
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

/** Screening requests whose answers are checked, and whose verdicts are tallied. */
function screeningScenario(name: string, key: string, next: () => Screening, verdicts: Map<string, number>): Scenario {
  let failures = new Map<string, number>();
  const request: autocannon.Request = {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    setupRequest: (req) => ({ ...req, body: graphqlBody(next()) }),
    onResponse: (status, body) => {
      if (status !== 200) return;
      try {
        const parsed = JSON.parse(body) as { data?: Record<string, { decision: { verdict: string } | null; errors: { code: string }[] }>; errors?: unknown[] };
        const payload = parsed.data ? Object.values(parsed.data)[0] : undefined;
        if (parsed.errors || !payload) bump(failures, `GraphQL error: ${body.slice(0, 160)}`);
        else if (payload.errors.length > 0 || !payload.decision) bump(failures, `payload error: ${JSON.stringify(payload.errors).slice(0, 160)}`);
        else bump(verdicts, payload.decision.verdict);
      } catch {
        bump(failures, `unreadable answer: ${body.slice(0, 120)}`);
      }
    },
  };
  return {
    name,
    requests: () => [request],
    takeFailures() {
      const taken = failures;
      failures = new Map();
      return taken;
    },
  };
}

function viewerScenario(key: string): Scenario {
  let failures = new Map<string, number>();
  const body = JSON.stringify({ query: '{ viewer { kind } }' });
  return {
    name: '{ viewer { kind } } (baseline)',
    requests: () => [
      { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body, onResponse: (s, b) => void (s === 200 && b.includes('"errors"') && bump(failures, b.slice(0, 160))) },
    ],
    takeFailures() {
      const taken = failures;
      failures = new Map();
      return taken;
    },
  };
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
    const http: { label: string; result: LoadResult; verdicts: Map<string, number> }[] = [];
    try {
      const settle = { duration: DURATION, connections: CONNECTIONS, warmup: 3 };
      const base = await runLoad(server, viewerScenario(org.key), { ...settle, rate: RATES[0] });
      http.push({ label: `${RATES[0]}/s`, result: base, verdicts: new Map() });
      const stream = screeningTraffic(3, 'http');
      for (const rate of [...RATES, 0]) {
        const verdicts = new Map<string, number>();
        const result = await runLoad(server, screeningScenario('screenings (mix)', org.key, stream, verdicts), { ...settle, ...(rate ? { rate } : { connections: 16 }) });
        http.push({ label: rate ? `${rate}/s` : 'flat out (16 conn.)', result, verdicts });
      }
    } finally {
      await server.stop();
    }

    const lines = [
      `bench:fraud  ${new Date().toISOString()}  traffic: 50% orders, 15% sign-ups, 25% logins, 10% reviews from 5,000 returning customers`,
      '',
      'In process (screen() called directly; PostgreSQL and Redis on this machine):',
      `  sequential, ${IN_PROCESS} screenings     ${sequential.perSecond.toFixed(0).padStart(6)}/s   p50 ${ms(sequential.p50)}   p99 ${ms(sequential.p99)}`,
      `  storage floor (baseline)          ${floor.perSecond.toFixed(0).padStart(6)}/s   p50 ${ms(floor.p50)}   p99 ${ms(floor.p99)}`,
      `  ratio screening / floor           p50 ${(sequential.p50 / floor.p50).toFixed(2)}x   p99 ${(sequential.p99 / floor.p99).toFixed(2)}x`,
      `  16 concurrent                     ${concurrent.toFixed(0).padStart(6)}/s`,
      '',
      'Over HTTP (server in its own process; autocannon open loop at the rate, 64 connections):',
      `  ${'load'.padEnd(22)}${'scenario'.padEnd(32)}${'got/s'.padStart(8)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'errors'.padStart(8)}  cpu server / pg / bench / other   verdicts`,
      ...http.map(({ label, result: r, verdicts }) =>
        `  ${label.padEnd(22)}${r.name.padEnd(32)}${r.rps.toFixed(0).padStart(8)}${ms(r.p50).padStart(10)}${ms(r.p99).padStart(10)}${String(r.errors).padStart(8)}  ${pct(r.cpu.server)} ${pct(r.cpu.postgres)} ${pct(r.cpu.self)} ${pct(r.cpu.other)}   ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`,
      ),
      '',
    ];
    const aim = http.find((h) => h.label === '500/s' && h.result.name.startsWith('screenings'));
    if (aim) {
      lines.push(`  at 500/s: p99 ${ms(aim.result.p99)} (aim < 20 ms: ${aim.result.p99 < 20 ? 'met' : 'MISSED'}); ${(aim.result.p99 / http[0]!.result.p99).toFixed(2)}x the API floor's p99; ${(500 / aim.result.p99).toFixed(0)}x faster than the anchor's 0.5 s`);
    }
    lines.push(`  wall time ${((performance.now() - wall) / 1000).toFixed(0)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
    for (const { result } of http) {
      for (const [what, n] of result.failures) {
        failed = true;
        process.stdout.write(`  FAILURE ${result.name}: ${n} × ${what}\n`);
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
