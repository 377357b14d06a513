/**
 * Where the CPU went during a measurement: on a 2-core machine the server, the load generator
 * and PostgreSQL share the cores, so a req/s figure means little without knowing who was busy.
 */
import { readFileSync } from 'node:fs';

/** Busy and total jiffies of all cores together, from /proc/stat (Linux). */
function systemTimes(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface CpuShare {
  /** Percent of one core (so 2 cores fully busy = 200). */
  self: number;
  server: number | null;
  /** Everything else busy on the machine: PostgreSQL, mostly. Null where /proc/stat is missing. */
  other: number | null;
}

/** Starts a measurement; the returned function ends it. `serverMicros` reads the server process's CPU time. */
export async function cpuMeter(serverMicros?: () => Promise<number>): Promise<() => Promise<CpuShare>> {
  const cores = (await import('node:os')).availableParallelism();
  const startWall = performance.now();
  const startSelf = process.cpuUsage();
  const startServer = serverMicros ? await serverMicros() : null;
  const startSystem = systemTimes();
  return async () => {
    const wallMicros = (performance.now() - startWall) * 1000;
    const self = process.cpuUsage(startSelf);
    const selfPct = ((self.user + self.system) / wallMicros) * 100;
    const serverPct = serverMicros && startServer !== null ? (((await serverMicros()) - startServer) / wallMicros) * 100 : null;
    const endSystem = systemTimes();
    let other: number | null = null;
    if (startSystem && endSystem && endSystem.total > startSystem.total) {
      const busyPct = ((endSystem.busy - startSystem.busy) / (endSystem.total - startSystem.total)) * 100 * cores;
      other = Math.max(0, busyPct - selfPct - (serverPct ?? 0));
    }
    return { self: selfPct, server: serverPct, other };
  };
}
