/** bench:sync's printed summary: one table of the runs, the ratios against the aims, then the profile. */
import type { CpuShares } from './syncCpu.ts';
import type { CpuSplit } from './syncCpuProfile.ts';
import type { ProbeStats } from './syncProbe.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits = 1) => n.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);
const pct = (n: number | null | undefined) => (n === null || n === undefined ? '?' : String(Math.round(n)));

export const RATIO_AIM = 0.5;
export const RESYNC_AIM_SECONDS = 15;

export interface JobTimes {
  /** Jobs the numbers are over (those added since the measurement started). */
  jobs: number;
  /** Added → taken by a worker, ms. */
  waitP50: number;
  /** Taken → finished (the handler plus BullMQ's bookkeeping), ms. */
  runP50: number;
  runP99: number;
}

export interface Calls {
  total: number;
  byKind: Record<string, number>;
  failed: number;
  failures: string[];
  quotaViolations: number;
  serverErrors: string[];
}

export interface Measurement {
  name: string;
  kind: 'raw' | 'sync' | 'resync';
  concurrency: number;
  jobs: number;
  seconds: number;
  /** What per second counts: deliveries for a sync run, listings answered for a re-sync, jobs for the baseline. */
  counted: number;
  cpu: CpuShares;
  jobTimes: JobTimes | null;
  /** Commands Redis executed (INFO total_commands_processed; includes those inside Lua scripts, and any other client's). */
  redisCommands: number;
  outcomes?: Record<string, number>;
  calls?: Calls;
  /** NETWORK=1: requests the fake partner received (publisher-protocol writes, feed files, reports). */
  partnerCalls?: Calls;
  /** NETWORK=1: requests the other deep connectors' fakes received, by platform. */
  deepCalls?: Calls;
  probe?: ProbeStats | null;
  /** The worker's CPU by area of the code, when BENCH_CPU_PROF profiled the measurement. */
  cpuSplit?: CpuSplit;
}

export interface Header {
  cpu: string;
  postgres: string;
  redis: string;
  locations: number;
  poolSize: number;
  node: string;
  /** With NETWORK=1: the platforms connected besides Google, by how they are delivered. */
  network?: { platforms: number; byDelivery: Record<string, number>; listings: number };
}

export interface InitialSync {
  seconds: number;
  statuses: Record<string, number>;
  calls: Calls;
}

const rate = (m: Measurement) => m.counted / m.seconds;
/** Milliseconds of one process's CPU per job: steadier than wall time when neighbours share the machine. */
const cpuPerJob = (m: Measurement, who: string) => {
  const share = m.cpu[who];
  return share === null || share === undefined ? '?' : fixed((share / 100) * m.seconds * 1000 / m.jobs, 2);
};
/** Something else on the machine took a quarter of a core or more during the measurement. */
const noisy = (m: Measurement) => (m.cpu.other ?? 0) >= 25;
const cpuCell = (c: CpuShares) => `${pct(c.worker)}/${pct(c.google)}/${pct(c.pg)}/${pct(c.redis)}/${pct(c.bench)}/${pct(c.other)}`;

export function formatSummary(header: Header, initial: InitialSync | null, runs: Measurement[]): string {
  const lines = [
    `bench:sync  (${header.cpu}, node ${header.node}, PostgreSQL ${header.postgres}, Redis ${header.redis})`,
    header.network
      ? `${int(header.locations)} locations x ${1 + header.network.platforms} platforms = ${int(header.network.listings)} listings (google and ` +
        `${header.network.byDelivery['deep connector'] ?? 0} more deep connectors on their fakes, quotas lifted; ` +
        `${Object.entries(header.network.byDelivery).filter(([k]) => k !== 'deep connector').map(([k, n]) => `${n} ${k}`).join(', ')} on a fake partner), tenpo worker with DB_POOL_SIZE=${header.poolSize}`
      : `${int(header.locations)} locations x 1 platform (google fake, quotas lifted), tenpo worker with DB_POOL_SIZE=${header.poolSize}`,
  ];
  if (initial) {
    const calls = Object.entries(initial.calls.byKind).map(([k, n]) => `${k} ${int(n)}`).join(', ');
    lines.push(
      `connect -> linked + first writes (drained before measuring): ${fixed(initial.seconds)} s; listings ${Object.entries(initial.statuses).map(([s, n]) => `${s} ${int(n)}`).join(', ')}; calls: ${calls}`,
    );
  }
  lines.push(
    '',
    `${pad('scenario', 34)}${lpad('jobs', 8)}${lpad('seconds', 9)}${lpad('per s', 9)}${lpad('vs raw', 8)}${lpad('wait ms p50', 13)}${lpad('run ms p50/p99', 16)}` +
      `${lpad('CPU ms/job worker/pg', 22)}   cpu% worker/google/pg/redis/bench/other`,
  );
  for (const m of runs) {
    const raw = runs.find((r) => r.kind === 'raw' && r.concurrency === m.concurrency);
    const ratio = m.kind === 'raw' || !raw ? '' : fixed(rate(m) / rate(raw), 2);
    const t = m.jobTimes;
    lines.push(
      `${pad(m.name, 34)}${lpad(int(m.jobs), 8)}${lpad(fixed(m.seconds, 2), 9)}${lpad(int(rate(m)), 9)}${lpad(ratio, 8)}` +
        `${lpad(t ? fixed(t.waitP50, 0) : '?', 13)}${lpad(t ? `${fixed(t.runP50)}/${fixed(t.runP99)}` : '?', 16)}` +
        `${lpad(`${cpuPerJob(m, 'worker')}/${cpuPerJob(m, 'pg')}`, 22)}   ${cpuCell(m.cpu)}${noisy(m) ? '  (noisy)' : ''}`,
    );
  }
  lines.push(
    '',
    header.network
      ? 'per s: listings answered/s (delivered, staged into a feed file, following an aggregator, a manual task reopened, or not eligible), jobs/s for raw BullMQ'
      : 'per s: deliveries/s for a sync run (each listing PATCHed once), listings answered/s for the unchanged re-sync, jobs/s for raw BullMQ',
    '(no-op handler, same queue options, connection settings, worker options and concurrency, jobs added with addBulk in chunks of 1,000 as the relay does).',
    'wait: job added -> taken by a worker; run: taken -> finished, from the jobs BullMQ kept. CPU ms/job: CPU time the worker process ' +
      '(the no-op worker for raw BullMQ) and PostgreSQL used per job; the worker is single-threaded, so 1000 / worker CPU ms/job bounds its jobs/s.',
    'cpu% is of one core ' +
      '(worker = the tenpo worker process, google = the fake; "other" is everything else on the machine: "(noisy)" marks rows where it took 25% or more; rerun those).',
    '',
    ...verdicts(runs),
  );
  return lines.join('\n');
}

function verdicts(runs: Measurement[]): string[] {
  const out: string[] = [];
  for (const m of runs) {
    const raw = runs.find((r) => r.kind === 'raw' && r.concurrency === m.concurrency);
    if (m.kind === 'sync' && raw) {
      const ratio = rate(m) / rate(raw);
      out.push(
        `ratio ${m.name.includes('whole network') ? 'listings answered/s' : 'deliveries/s'} / raw BullMQ jobs/s at concurrency ${m.concurrency} = ${int(rate(m))} / ${int(rate(raw))} = ${fixed(ratio, 2)} ` +
          `(aim >= ${fixed(RATIO_AIM, 2)}: ${ratio >= RATIO_AIM ? 'met' : 'MISSED'}); outcomes ${outcomeText(m.outcomes)}; ${callText(m.calls)}`,
      );
    }
    if (m.kind === 'resync') {
      // The aim is set for 10,000 listings; a larger run (the whole network) gets as long per listing.
      const aim = RESYNC_AIM_SECONDS * Math.max(1, m.jobs / 10_000);
      out.push(
        `unchanged re-sync of ${int(m.jobs)} listings at concurrency ${m.concurrency}: ${fixed(m.seconds, 2)} s (aim < ${fixed(aim, 0)} s: ${m.seconds < aim ? 'met' : 'MISSED'}); ` +
          `platform calls during it: ${m.calls?.total ?? '?'} (expected 0); outcomes ${outcomeText(m.outcomes)}`,
      );
    }
  }
  return out;
}

const outcomeText = (o: Record<string, number> | undefined) =>
  o ? Object.entries(o).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${int(n)}`).join(', ') || 'none' : '?';
const callText = (c: Calls | undefined) =>
  c ? `calls ${Object.entries(c.byKind).map(([k, n]) => `${k} ${int(n)}`).join(', ') || 'none'}${c.failed ? `, ${c.failed} FAILED` : ''}` : '';

/** Per job, from the probe in the worker process: where a job's time goes. */
export function formatProfile(m: Measurement): string[] {
  const p = m.probe;
  if (!p) return [];
  const jobs = m.jobs;
  const per = (n: number) => fixed(n / jobs, 2);
  const queries = Object.entries(p.queries).sort((a, b) => b[1].ms - a[1].ms);
  const queryCount = queries.reduce((n, [, t]) => n + t.n, 0);
  const queryMs = queries.reduce((n, [, t]) => n + t.ms, 0);
  const http = Object.entries(p.http).sort((a, b) => b[1].n - a[1].n);
  const httpMs = http.reduce((n, [, t]) => n + t.ms, 0);
  const redis = Object.entries(p.redisCommands).sort((a, b) => b[1] - a[1]);
  const redisCount = redis.reduce((n, [, c]) => n + c, 0);
  // A job holds one of `concurrency` slots from start to end: slot time per job is what the
  // parts below share (they overlap with other jobs' CPU work on the one thread).
  const slotMs = (m.seconds * 1000 * m.concurrency) / jobs;
  const lines = [
    `profile: ${m.name} (${int(jobs)} jobs in ${fixed(m.seconds, 2)} s; worker event loop busy ${pct(p.eventLoopUtilization * 100)}%, worker CPU ${pct(m.cpu.worker)}% of a core)`,
    `  slot time per job ${fixed(slotMs)} ms (= seconds x concurrency / jobs); of it, awaited per job: PostgreSQL queries ${fixed(queryMs / jobs)} ms, ` +
      `pool wait ${fixed(p.poolWait.ms / jobs)} ms, HTTP ${fixed(httpMs / jobs)} ms; the rest is Redis round trips, CPU and waiting for the event loop`,
    `  PostgreSQL: ${per(queryCount)} queries/job, ${fixed(queryMs / Math.max(1, queryCount), 2)} ms each on average; pool connect ${per(p.poolWait.n)}/job, ` +
      `waited ${fixed(p.poolWait.ms / Math.max(1, p.poolWait.n), 2)} ms on average, ${fixed(p.poolWait.max)} ms at most`,
  ];
  for (const [text, t] of queries.slice(0, 8)) {
    lines.push(`    ${lpad(per(t.n), 6)}/job ${lpad(fixed(t.ms / t.n, 2), 7)} ms  ${text.length > 110 ? `${text.slice(0, 107)}...` : text}`);
  }
  lines.push(`  Redis (worker's clients): ${per(p.redisRoundTrips)} round trips/job, ${per(redisCount)} commands/job; Redis executed ${per(m.redisCommands)} commands/job in all (incl. inside scripts)`);
  for (const [name, count] of redis.slice(0, 8)) lines.push(`    ${lpad(per(count), 6)}/job  ${name}`);
  if (m.cpuSplit) {
    const { busyMs, idleMs, areas } = m.cpuSplit;
    // V8 samples the thread on wall time: "busy" includes moments the OS had the thread off the
    // CPU, e.g. inside a socket write that woke PostgreSQL on a machine with few cores.
    lines.push(
      `  worker thread by area (V8 profile; busy ${int(busyMs)} ms, idle ${int(idleMs)} ms; ${int((busyMs * 1000) / jobs)} us busy per job, ` +
        'incl. time descheduled inside syscalls; native work counts for the library that asked for it):',
    );
    for (const a of areas.filter((x) => x.ms / busyMs >= 0.005)) {
      lines.push(`    ${lpad(int((a.ms * 1000) / jobs), 6)} us/job ${lpad(pct((a.ms / busyMs) * 100), 3)}%  ${a.area}`);
    }
  }
  if (http.length === 0) lines.push('  HTTP: none');
  else {
    lines.push(`  HTTP to the fake Google: ${per(http.reduce((n, [, t]) => n + t.n, 0))} requests/job`);
    for (const [key, t] of http) lines.push(`    ${lpad(per(t.n), 6)}/job ${lpad(fixed(t.ms / t.n, 2), 7)} ms  ${key}`);
  }
  return lines;
}
