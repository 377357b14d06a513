/**
 * An open-loop load generator: requests leave on a fixed schedule (rate per second, evenly
 * spaced) whatever the server's answers do, and each latency is measured from when its request
 * was due, not from when a socket was free. A closed loop, or a generator that sends a second's
 * quota in a burst (autocannon's overallRate), would hide queueing or invent it.
 */
import { Agent, request } from 'node:http';

export interface OpenLoopSettings {
  url: string;
  rate: number;
  durationS: number;
  /** Sockets kept open; a request waits for one only if all are busy (and that wait is counted). */
  connections: number;
  headers: Record<string, string>;
  body(): string;
  /** Why an answer is a failure, or null when it is a success. */
  check(status: number, body: string): string | null;
}

export interface OpenLoopResult {
  sent: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  failures: Map<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

export async function openLoop(s: OpenLoopSettings): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: s.connections });
  const target = new URL(s.url);
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
  const pending = new Set<Promise<void>>();
  const total = Math.round(s.rate * s.durationS);
  const start = performance.now();
  let sent = 0;

  const send = (due: number) => {
    const body = s.body();
    const done = new Promise<void>((resolve) => {
      const req = request(
        { agent, hostname: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...s.headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const why = s.check(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'));
            if (why) fail(why);
            resolve();
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout (10 s)')));
      req.on('error', (err) => {
        fail(`request error: ${err.message}`);
        resolve();
      });
      req.end(body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  while (sent < total) {
    const elapsed = performance.now() - start;
    const due = Math.min(total, Math.floor((elapsed / 1000) * s.rate) + 1);
    for (; sent < due; sent++) send(start + (sent / s.rate) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  const wall = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { sent, rate: sent / wall, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? NaN, failures };
}
