/**
 * Where the CPU went during a measurement. On a 2-core machine the server, the load generator
 * and PostgreSQL share the cores (and anything else running on the box steals from all of
 * them), so a req/s figure means little without knowing who was busy. Linux /proc only; the
 * shares read as null elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
export function clockTicks(): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** Busy and total jiffies of all cores together, from /proc/stat. */
export function machineTimes(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU jiffies used so far by each process named postgres (server backends and workers), by pid. */
function postgresTicks(): Map<string, number> | null {
  try {
    const ticks = new Map<string, number>();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited while we looked
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' '); // fields[0] is field 3 (state)
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime
    }
    return ticks;
  } catch {
    return null;
  }
}

/**
 * Jiffies PostgreSQL used between two readings. Per process, because backends and autovacuum
 * workers come and go: one that exits in between takes its time with it (it then shows up
 * under "other"), one that starts in between counts from zero.
 */
function postgresDelta(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
  return sum;
}

export interface CpuShare {
  /** Percent of one core (2 cores fully busy = 200). */
  self: number;
  server: number | null;
  postgres: number | null;
  /** Everything else busy on the machine: other people's processes, the kernel. High values mean a noisy run. */
  other: number | null;
}

/** Percent of the whole machine (all cores = cores x 100) busy over `ms` milliseconds, or null. */
export async function machineBusy(ms: number): Promise<number | null> {
  const start = machineTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const end = machineTimes();
  if (!start || !end || end.total <= start.total) return null;
  return ((end.busy - start.busy) / (end.total - start.total)) * 100;
}

/** Starts a measurement; the returned function ends it. `serverMicros` reads the server process's CPU time. */
export async function cpuMeter(serverMicros?: () => Promise<number>): Promise<() => Promise<CpuShare>> {
  const cores = (await import('node:os')).availableParallelism();
  const start = { wall: performance.now(), self: process.cpuUsage(), server: serverMicros ? await serverMicros() : null, pg: postgresTicks(), machine: machineTimes() };
  return async () => {
    const wallMicros = (performance.now() - start.wall) * 1000;
    const selfUsage = process.cpuUsage(start.self);
    const self = ((selfUsage.user + selfUsage.system) / wallMicros) * 100;
    const server = serverMicros && start.server !== null ? (((await serverMicros()) - start.server) / wallMicros) * 100 : null;
    const pgEnd = postgresTicks();
    const postgres = start.pg && pgEnd ? ((postgresDelta(start.pg, pgEnd) / clockTicks()) * 1e6 * 100) / wallMicros : null;
    const machine = machineTimes();
    let other: number | null = null;
    if (start.machine && machine && machine.total > start.machine.total) {
      const busy = ((machine.busy - start.machine.busy) / (machine.total - start.machine.total)) * 100 * cores;
      other = Math.max(0, busy - self - (server ?? 0) - (postgres ?? 0));
    }
    return { self, server, postgres, other };
  };
}
