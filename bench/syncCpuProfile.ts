/**
 * Reads a V8 CPU profile of the worker during one measurement (written by syncProbe.ts when
 * BENCH_CPU_PROF is set) and splits the worker's busy time by area of the code. Each sample goes
 * to the innermost frame that belongs to a known area, so native work (socket writes, JSON) counts
 * for whoever asked for it: a writev under pg is PostgreSQL client time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [string, RegExp][] = [
  ['PostgreSQL client (kysely, pg)', /node_modules\/(kysely|pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\/|\/src\/db\//],
  ['Google HTTP client (googleapis, gaxios, node-fetch, node:http)', /node_modules\/(googleapis|googleapis-common|gaxios|node-fetch|google-auth-library|gtoken|url-template|extend|qs|fetch-blob|formdata-polyfill|data-uri-to-buffer)\/|^node:_http|^node:http/],
  ['BullMQ + ioredis', /node_modules\/(bullmq|ioredis|msgpackr|redis-parser|redis-errors|denque|cluster-key-slot|cron-parser|semver)\//],
  ['logging (pino)', /node_modules\/(pino|@pinojs\/[^/]+|pino-std-serializers|sonic-boom|fast-redact|quick-format-unescaped|thread-stream)\//],
  ['zod', /node_modules\/zod\//],
  ['quota limiter + breaker (connectors/runtime)', /\/connectors\/runtime\/(breaker|call|rateLimiter)\.ts/],
  ['Google projection and rules (connectors/google)', /\/connectors\/google\//],
  ['other connectors: projections, rules, HTTP (connectors/, libphonenumber)', /\/connectors\/|node_modules\/libphonenumber-js\//],
  ['diffs and hashes (canonicalJson, state.ts)', /\/src\/lib\/|\/src\/listings\/state\.ts/],
  ['sync engine, relay, jobs (src/, jobs/)', /\/src\/|\/jobs\//],
  ['bench probe', /\/bench\//],
];

export interface CpuSplit {
  busyMs: number;
  idleMs: number;
  areas: { area: string; ms: number }[];
}

export function splitProfile(file: string): CpuSplit {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areaOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const cached = areaOf.get(leaf);
    if (cached) return cached;
    const name = byId.get(leaf)!.callFrame.functionName;
    let area = name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'garbage collector' : name === '(program)' ? 'V8 (program)' : '';
    for (let cur: number | undefined = leaf; !area && cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url;
      area = AREAS.find(([, re]) => re.test(url))?.[0] ?? '';
    }
    area ||= 'Node.js internals (timers, streams, microtasks)';
    areaOf.set(leaf, area);
    return area;
  };
  const totals = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const area = classify(profile.samples[i]!);
    totals.set(area, (totals.get(area) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const idleMs = totals.get('idle') ?? 0;
  totals.delete('idle');
  const areas = [...totals].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms);
  return { busyMs: areas.reduce((n, a) => n + a.ms, 0), idleMs, areas };
}
