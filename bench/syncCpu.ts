/**
 * Where the CPU went during a sync measurement, per process: the worker (`tenpo worker`), the
 * fake Google, PostgreSQL, Redis, this driver process, and anything else on the machine. Like
 * bench/cpu.ts, but for several processes at once, found by pid or by command name. Linux /proc
 * only; shares read as null elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { clockTicks, machineTimes } from './cpu.ts';

function stat(pid: string): { name: string; ticks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' '); // fields[0] is field 3 (state)
  return { name: text.slice(text.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
}

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** A process to count by command name, optionally only those whose command line passes `keep`. */
export interface NamedProcess {
  name: string;
  keep?: (cmdline: string) => boolean;
}

/** Jiffies per pid of every process matching one of `wanted`, tagged with its label. */
function ticksByName(wanted: readonly (NamedProcess & { label: string })[]): Map<string, { label: string; ticks: number }> {
  const out = new Map<string, { label: string; ticks: number }>();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const s = stat(pid);
      if (!s) continue;
      const w = wanted.find((x) => x.name === s.name && (!x.keep || x.keep(cmdline(pid))));
      if (w) out.set(pid, { label: w.label, ticks: s.ticks });
    }
  } catch {
    // not Linux
  }
  return out;
}

/** Percent of one core per process label; `other` is the rest of the machine's busy time. */
export type CpuShares = Record<string, number | null>;

/**
 * Starts a measurement over the processes in `pids` (label → pid) and the processes named in
 * `byName` (label → command name and filter, e.g. { pg: { name: 'postgres' } }); the returned
 * function ends it.
 * Processes that come and go in between (PostgreSQL backends) count from their first sighting;
 * one that exits takes its time with it (it then shows under `other`).
 */
export function cpuMeter(pids: Record<string, number | undefined>, byName: Record<string, NamedProcess>): () => CpuShares {
  const names = Object.entries(byName).map(([label, p]) => ({ label, ...p }));
  const started = {
    wall: performance.now(),
    self: process.cpuUsage(),
    pids: Object.fromEntries(Object.entries(pids).map(([label, pid]) => [label, pid === undefined ? null : stat(String(pid))?.ticks ?? null])),
    named: ticksByName(names),
    machine: machineTimes(),
  };
  return () => {
    const wallSeconds = (performance.now() - started.wall) / 1000;
    const pct = (ticks: number) => ((ticks / clockTicks()) * 100) / wallSeconds;
    const shares: CpuShares = {};
    let known = 0;
    for (const [label, pid] of Object.entries(pids)) {
      const before = started.pids[label];
      const after = pid === undefined ? null : stat(String(pid))?.ticks ?? null;
      shares[label] = before === null || before === undefined || after === null ? null : pct(after - before);
      known += shares[label] ?? 0;
    }
    const named = ticksByName(names);
    for (const label of Object.keys(byName)) {
      let sum = 0;
      for (const [pid, s] of named) if (s.label === label) sum += s.ticks - (started.named.get(pid)?.ticks ?? 0);
      shares[label] = named.size === 0 && started.named.size === 0 ? null : pct(sum);
      known += shares[label] ?? 0;
    }
    const self = process.cpuUsage(started.self);
    shares.bench = ((self.user + self.system) / 1e6 / wallSeconds) * 100;
    known += shares.bench;
    const machine = machineTimes();
    shares.other =
      started.machine && machine && machine.total > started.machine.total
        ? Math.max(0, ((machine.busy - started.machine.busy) / (machine.total - started.machine.total)) * 100 * availableParallelism() - known)
        : null;
    return shares;
  };
}

/** The CPU model, for the header: "2 x Intel(R) Xeon(R) Processor @ 2.80GHz". */
export function cpuModel(): string {
  try {
    const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim();
    return `${availableParallelism()} x ${model ?? 'unknown CPU'}`;
  } catch {
    return `${availableParallelism()} cores`;
  }
}

/**
 * PostgreSQL's processes that work for one database: its backends (the process title names the
 * database: "postgres: 15/main: user db 127.0.0.1(port) idle") and the shared ones (WAL writer,
 * checkpointer…). Backends of other databases, e.g. another test run's, count as "other".
 */
export function postgresFor(database: string): NamedProcess {
  return {
    name: 'postgres',
    keep(line) {
      const backend = /^postgres: [^:]+: \S+ (\S+) /.exec(line);
      return !backend || backend[1] === database;
    },
  };
}
