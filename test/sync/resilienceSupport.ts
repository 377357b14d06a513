/**
 * Helpers for the resilience specs (test/sync/resilience.*.test.ts): many stores through the
 * public API, sync runs and their progress, `tenpo worker` child processes, a redis-server of
 * the spec's own, and what Google received per listing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { RecordedCall } from '../fakes/google/server.ts';
import { generatedLocation } from '../support/generate.ts';
import { eventually } from '../support/sync.ts';
import type { SyncSuite } from './support.ts';
import type { OutcomeCounts } from '../../src/listings/runs.ts';

// ---------------------------------------------------------------------------------------------
// Stores, runs, listings

/** Like suite.gql, but a GraphQL error fails with its message and path. */
export async function gql<T = Record<string, any>>(suite: SyncSuite, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await suite.api.gql<T>(query, variables, suite.org.key);
  if (res.errors) throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(res.errors)}`);
  return res.data;
}

export interface Store {
  id: string;
  storeCode: string;
  name: string;
  version: number;
}

const BULK = `mutation($input: BulkUpsertLocationsInput!) {
  bulkUpsertLocations(input: $input) {
    created updated unchanged failed
    results { outcome location { id storeCode name version } errors { code path message } }
    errors { code message }
  }
}`;

/** The i-th generated store, as the GraphQL LocationInput takes it (a plain JSON copy). */
export function storeInput(i: number, prefix: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(JSON.stringify(generatedLocation(i, prefix))) as Record<string, unknown>), ...overrides };
}

/** Creates or updates stores through `bulkUpsertLocations`, in calls of at most `chunk` rows. */
export async function upsertStores(suite: SyncSuite, inputs: readonly Record<string, unknown>[], chunk = 250): Promise<Store[]> {
  const out: Store[] = [];
  for (let i = 0; i < inputs.length; i += chunk) {
    const rows = inputs.slice(i, i + chunk).map((location) => ({ location }));
    const data = await gql(suite, BULK, { input: { organizationId: suite.org.gid, rows } });
    const payload = data.bulkUpsertLocations;
    expect(payload.errors).toEqual([]);
    expect(payload.failed, JSON.stringify(payload.results.filter((r: { errors: unknown[] }) => r.errors.length > 0).slice(0, 3))).toBe(0);
    for (const r of payload.results as { location: Store }[]) out.push(r.location);
  }
  return out;
}

/** SyncRun.progress as the API returns it, without the per-platform rows. */
export type Progress = OutcomeCounts & { finished: boolean };

export async function startRun(suite: SyncSuite, filter: Record<string, unknown> = {}): Promise<{ id: string; total: number }> {
  const data = await gql(suite, `mutation($input: SyncLocationsInput!) { syncLocations(input: $input) { run { id total } errors { code message } } }`, {
    input: { organizationId: suite.org.gid, filter },
  });
  expect(data.syncLocations.errors).toEqual([]);
  return data.syncLocations.run;
}

/** A run's progress as the API shows it. */
export async function runProgress(suite: SyncSuite, runId: string): Promise<Progress> {
  const r = await gql(suite, `query($id: ID!) { node(id: $id) { ... on SyncRun { progress { total queued delivered unchanged failed actionRequired notEligible finished } } } }`, {
    id: runId,
  });
  return r.node.progress;
}

export function waitForRun(suite: SyncSuite, runId: string, timeoutMs: number): Promise<Progress> {
  return eventually(async () => {
    const p = await runProgress(suite, runId);
    return p.finished ? p : undefined;
  }, timeoutMs, `sync run ${runId} to finish`);
}

export interface ListingRowView {
  locationId: string;
  storeCode: string;
  name: string;
  version: number;
  status: string;
  deliveredVersion: number | null;
  platformListingId: string | null;
  lastError: unknown;
}

/** Every listing of the suite's organisation with its store, straight from the store of record. */
export async function listingRows(suite: SyncSuite): Promise<ListingRowView[]> {
  const rows = await suite.database.db
    .selectFrom('listings as li')
    .innerJoin('locations as lo', 'lo.id', 'li.location_id')
    .select([
      'lo.id as locationId',
      'lo.store_code as storeCode',
      'lo.name as name',
      'lo.version as version',
      'li.status as status',
      'li.delivered_version as deliveredVersion',
      'li.platform_listing_id as platformListingId',
      'li.last_error as lastError',
    ])
    .where('lo.org_id', '=', suite.org.id)
    .orderBy('lo.store_code')
    .execute();
  return rows as ListingRowView[];
}

/** Listings whose current store version Google has (IN_SYNC at the store's version). */
export async function inSyncCount(suite: SyncSuite): Promise<number> {
  return (await listingRows(suite)).filter((l) => l.status === 'IN_SYNC' && l.deliveredVersion === l.version).length;
}

/** Listings delivered at least once (counts the first writes of a run). */
export async function deliveredCount(suite: SyncSuite): Promise<number> {
  const r = await suite.database.db
    .selectFrom('listings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', suite.org.id)
    .where('delivered_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function unrelayedOutboxRows(suite: SyncSuite): Promise<number> {
  const r = await suite.database.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('relayed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The listing statuses a user sees, page by page through the API. */
export async function apiListingStatuses(suite: SyncSuite): Promise<Map<string, { status: string; platformListingId: string | null }>> {
  const out = new Map<string, { status: string; platformListingId: string | null }>();
  let after: string | null = null;
  for (;;) {
    const data: Record<string, any> = await gql(suite, 
      `query($org: ID!, $after: String) { locations(organizationId: $org, first: 100, after: $after) {
        edges { node { storeCode listings { status platformListingId } } } pageInfo { hasNextPage endCursor } } }`,
      { org: suite.org.gid, after },
    );
    const conn = data.locations;
    for (const e of conn.edges) out.set(e.node.storeCode, e.node.listings[0] ?? { status: 'NONE', platformListingId: null });
    if (!conn.pageInfo.hasNextPage) return out;
    after = conn.pageInfo.endCursor;
  }
}

// ---------------------------------------------------------------------------------------------
// What Google received

/**
 * Writes that changed a listing on Google, per listing name: PATCHes (not validateOnly) answered
 * 2xx, plus those in `landedDespiteFault` (an injected fault with afterProcessing: carried out,
 * answer lost).
 */
export function landedPatches(calls: readonly RecordedCall[], landedDespiteFault: ReadonlySet<number> = new Set()): Map<string, RecordedCall[]> {
  const byListing = new Map<string, RecordedCall[]>();
  for (const c of calls) {
    if (c.method !== 'PATCH' || c.query.validateOnly === 'true') continue;
    if (c.outcome !== 'ok' && !landedDespiteFault.has(c.seq)) continue;
    const name = c.path.replace(/^\/v1\//, '');
    const list = byListing.get(name) ?? [];
    list.push(c);
    byListing.set(name, list);
  }
  return byListing;
}

const same = (a: RecordedCall, b: RecordedCall) => JSON.stringify([a.updateMask, a.body]) === JSON.stringify([b.updateMask, b.body]);

/**
 * Checks one listing's writes against the store's successive names (oldest first): each write
 * carries one of them, they never go back to an older one, and the only repeats are identical
 * consecutive writes (a retried request). Returns a problem, or null.
 */
export function checkWriteHistory(writes: readonly RecordedCall[], names: readonly string[]): string | null {
  const distinct: RecordedCall[] = [];
  for (const w of writes) if (!distinct.length || !same(distinct[distinct.length - 1]!, w)) distinct.push(w);
  let last = -1;
  for (const w of distinct) {
    const title = (w.body as { title?: unknown } | undefined)?.title;
    const at = names.indexOf(title as string);
    if (at < 0) return `write #${w.seq} carries title ${JSON.stringify(title)}, none of ${JSON.stringify(names)}`;
    if (at <= last) {
      return `write #${w.seq} (${JSON.stringify(title)}) repeats or goes back after a newer, different write: ${JSON.stringify(distinct.map((d) => [d.seq, d.updateMask, (d.body as { title?: unknown }).title]))}`;
    }
    last = at;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// `tenpo worker` child processes

export interface ChildWorker {
  readonly proc: ChildProcess;
  readonly output: string[];
  /** Resolves once the process logged "worker started". */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

/** Starts `node bin/tenpo.js worker` with the given environment; killed by killAllChildren(). */
export function spawnWorker(env: Record<string, string>): ChildWorker {
  const proc = spawn(process.execPath, ['bin/tenpo.js', 'worker'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  const output: string[] = [];
  let markReady: () => void = () => {};
  let markFailed: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  const onData = (d: Buffer) => {
    const text = d.toString();
    output.push(text);
    if (output.length > 2_000) output.splice(0, output.length - 2_000);
    if (text.includes('"worker started"')) markReady();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      children.delete(proc);
      markFailed(new Error(`worker ${proc.pid} exited (${code ?? signal}) before it started:\n${output.join('').slice(-3000)}`));
      resolve({ code, signal });
    }),
  );
  ready.catch(() => {});
  return { proc, output, ready, exited };
}

/** SIGKILLs every child worker still running and waits for them to go. */
export async function killAllChildren(): Promise<void> {
  const waits = [...children].map(
    (p) =>
      new Promise<void>((resolve) => {
        if (p.exitCode !== null || p.signalCode !== null) return resolve();
        p.once('exit', () => resolve());
        p.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
  children.clear();
}

/** Log lines of a child at level warn (40) or above, parsed. */
export function warnings(worker: ChildWorker): { level: number; msg: string; [k: string]: unknown }[] {
  return worker.output
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l) as { level: number; msg: string };
      } catch {
        return { level: 0, msg: l };
      }
    })
    .filter((l) => l.level >= 40);
}

// ---------------------------------------------------------------------------------------------
// A redis-server of the spec's own

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
    socket.once('error', () => done(false));
  });
}

export interface OwnRedis {
  url: string;
  port: number;
  dir: string;
  /** Starts (or starts again) redis-server on the same port and directory. */
  start(): Promise<void>;
  /** SIGTERM, and wait for the process to exit (Redis writes its append-only file on the way out). */
  stop(): Promise<void>;
  /** Stops it if running and removes its directory. */
  destroy(): Promise<void>;
  readonly running: boolean;
}

/** A redis-server with an append-only file, as Tenpo's embedded one (src/redis/embedded.ts). */
export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tenpo-redis-'));
  let proc: ChildProcess | null = null;
  const output: string[] = [];
  const handle: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    get running() {
      return proc !== null && proc.exitCode === null && proc.signalCode === null;
    },
    async start() {
      proc = spawn(
        'redis-server',
        ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.add(proc);
      const p = proc;
      p.once('exit', () => children.delete(p));
      p.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
      p.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
      for (let i = 0; i < 100; i++) {
        if (p.exitCode !== null) break;
        if (await pings(port)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server did not start on ${port}:\n${output.join('').slice(-2000)}`);
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
    async destroy() {
      await handle.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}

// Whatever happens to this process, it does not leave workers or a redis-server behind.
process.once('exit', () => {
  for (const p of children) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});
