/**
 * Preloaded (`--import`) into the `tenpo worker` process that bench:sync measures, to see where a
 * job's time goes without touching the product's code:
 * - PostgreSQL: every query through pg (count and time per statement text), and the wait for a
 *   pooled connection (pg.Pool#connect);
 * - Redis: every command ioredis sends (BullMQ's Lua scripts by name), and round trips (a
 *   pipeline or MULTI is one);
 * - HTTP: every request node:http makes (the Google client), timed from request to response end;
 * - the event loop's utilization, i.e. how busy the worker's one thread was.
 * Counting costs well under a microsecond per operation against milliseconds per query, so the
 * probe stays on in every run (SYNC_PROBE=0 in the parent leaves it out, to check that).
 *
 * The parent talks to it over the child's IPC channel: { probe: 'reset', profile? } zeroes the
 * counters and, given a file name, starts a V8 CPU profile of this one measurement, then answers
 * { probe: 'reset' };
 * { probe: 'read' } answers { probe: 'stats', stats } (after writing that profile).
 */
import dc from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import type { ClientRequest } from 'node:http';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import pg from 'pg';

interface Timed {
  n: number;
  ms: number;
}

export interface ProbeStats {
  seconds: number;
  eventLoopUtilization: number;
  queries: Record<string, Timed>;
  poolWait: Timed & { max: number };
  redisCommands: Record<string, number>;
  redisRoundTrips: number;
  http: Record<string, Timed>;
}

let started = performance.now();
let elu: EventLoopUtilization = performance.eventLoopUtilization();
let queries = new Map<string, Timed>();
let poolWait = { n: 0, ms: 0, max: 0 };
let redisCommands = new Map<string, number>();
let redisRoundTrips = 0;
let http = new Map<string, Timed>();

function reset(): void {
  started = performance.now();
  elu = performance.eventLoopUtilization();
  queries = new Map();
  poolWait = { n: 0, ms: 0, max: 0 };
  redisCommands = new Map();
  redisRoundTrips = 0;
  http = new Map();
}

function add(map: Map<string, Timed>, key: string, ms: number): void {
  const t = map.get(key);
  if (t) {
    t.n += 1;
    t.ms += ms;
  } else map.set(key, { n: 1, ms });
}

// ---- PostgreSQL ------------------------------------------------------------------------------
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function probedQuery(this: pg.Client, ...args: unknown[]) {
  const config = args[0] as string | { text?: string } | undefined;
  const text = normalize(typeof config === 'string' ? config : (config?.text ?? '?'));
  const t0 = performance.now();
  const result = query.apply(this, args);
  // Anonymous callbacks: a named const would be wrapped in tsx's __name helper on every call.
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).finally(() => add(queries, text, performance.now() - t0)).catch(() => {});
  else add(queries, text, 0);
  return result;
} as typeof pg.Client.prototype.query;

const connect = pg.Pool.prototype.connect as (...args: unknown[]) => unknown;
pg.Pool.prototype.connect = function probedConnect(this: pg.Pool, ...args: unknown[]) {
  const t0 = performance.now();
  const result = connect.apply(this, args);
  if (args.length === 0 && result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>)
      .finally(() => {
        const ms = performance.now() - t0;
        poolWait.n += 1;
        poolWait.ms += ms;
        poolWait.max = Math.max(poolWait.max, ms);
      })
      .catch(() => {});
  }
  return result;
} as typeof pg.Pool.prototype.connect;

// ---- Redis -----------------------------------------------------------------------------------
const scriptNames = new Map<string, string>();
const pipelines = new WeakSet<object>();
type Command = { name: string; args: unknown[] };
const sendCommand = Redis.prototype.sendCommand as (this: Redis, command: Command, stream?: unknown) => unknown;
(Redis.prototype as unknown as { sendCommand: typeof sendCommand }).sendCommand = function probedSend(this: Redis, command: Command, stream?: unknown) {
  let name = command.name;
  if (name === 'evalsha' || name === 'eval') {
    const sha = String(command.args[0]);
    let script = scriptNames.get(sha);
    if (!script) {
      const set = (this as unknown as { scriptsSet?: Record<string, { sha: string }> }).scriptsSet ?? {};
      // BullMQ defines its Lua scripts as commands on the client; the rate limiter runs its own.
      script = Object.entries(set).find(([, s]) => s.sha === sha)?.[0] ?? 'rate limiter script';
      if (name === 'evalsha') scriptNames.set(sha, script);
    }
    name = `${name} ${script}`;
  }
  redisCommands.set(name, (redisCommands.get(name) ?? 0) + 1);
  const pipeline = stream && typeof stream === 'object' && 'isPipeline' in stream ? stream : null;
  if (!pipeline) redisRoundTrips += 1;
  else if (!pipelines.has(pipeline)) {
    pipelines.add(pipeline);
    redisRoundTrips += 1;
  }
  return sendCommand.call(this, command, stream);
};

// ---- HTTP ------------------------------------------------------------------------------------
const requests = new WeakMap<ClientRequest, { t0: number; key: string }>();
function httpKey(req: ClientRequest): string {
  const path = req.path ?? '';
  if (path.startsWith('/token')) return 'POST /token';
  const validate = /[?&]validateOnly=true/.test(path) ? ' validateOnly' : '';
  return `${req.method} ${path.split('?')[0]!.replace(/\/[0-9]+/g, '/{id}')}${validate}`;
}
dc.subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  requests.set(request, { t0: performance.now(), key: httpKey(request) });
});
const httpDone = (message: unknown) => {
  const { request } = message as { request: ClientRequest };
  const r = requests.get(request);
  if (!r) return;
  requests.delete(request);
  add(http, r.key, performance.now() - r.t0);
};
dc.subscribe('http.client.response.finish', httpDone);
dc.subscribe('http.client.request.error', (message) => {
  const { request } = message as { request: ClientRequest };
  const r = requests.get(request);
  if (r) r.key = `${r.key} (error)`;
  httpDone(message);
});

// ---- IPC -------------------------------------------------------------------------------------
function read(): ProbeStats {
  return {
    seconds: (performance.now() - started) / 1000,
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
    queries: Object.fromEntries(queries),
    poolWait,
    redisCommands: Object.fromEntries(redisCommands),
    redisRoundTrips,
    http: Object.fromEntries(http),
  };
}

// ---- CPU profile of one measurement ------------------------------------------------------------
let session: Session | undefined;
let profileFile: string | undefined;
const post = (method: string, params?: object) =>
  new Promise<any>((resolve, reject) => session!.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));

async function startProfile(file: string): Promise<void> {
  session ??= new Session();
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  profileFile = file;
}

async function stopProfile(): Promise<void> {
  if (!session || !profileFile) return;
  const { profile } = await post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
  session.disconnect();
  profileFile = undefined;
}

process.on('message', (message: { probe?: string; profile?: string }) => {
  if (message?.probe === 'reset') {
    // The profiler starts before the counters are zeroed and the parent is told, so that its
    // start-up (~100 ms of this thread) falls outside the measurement.
    void (message.profile ? startProfile(message.profile) : Promise.resolve()).finally(() => {
      reset();
      process.send?.({ probe: 'reset' });
    });
  }
  if (message?.probe === 'read') {
    const stats = read();
    void stopProfile().finally(() => process.send?.({ probe: 'stats', stats }));
  }
});
// An orphaned worker would keep taking jobs and holding the database: leave with the parent.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
