/**
 * One load scenario with autocannon: a warm-up run (so V8 has optimised the server's hot paths
 * and the pools are full), then the measured run, with CPU shares and every failure counted.
 * A scenario's requests decide per response what counts as an error (GraphQL errors arrive
 * with status 200, so the status code alone would hide them).
 */
import autocannon from 'autocannon';
import { cpuMeter, type CpuShare } from './cpu.ts';
import type { ServerProcess } from './serverProcess.ts';

export interface LoadSettings {
  duration: number;
  connections: number;
  warmup: number;
  /** Requests per second across all connections (open loop); as fast as answers come when absent. */
  rate?: number;
}

export interface Scenario {
  name: string;
  /** Fresh requests for one autocannon run; called once for the warm-up and once for the measurement. */
  requests(): autocannon.Request[];
  /** Failures seen in response bodies since the last call, by kind; cleared by reading. */
  takeFailures(): Map<string, number>;
}

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Everything that did not come back as a successful answer: non-2xx, socket errors, timeouts, GraphQL or payload errors. */
  errors: number;
  failures: Map<string, number>;
  cpu: CpuShare;
}

/** A request whose response is an error when its body holds a GraphQL "errors" entry. */
export function graphqlRequest(body: string, headers: Record<string, string>, failures: Map<string, number>): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    onResponse: (status, text) => {
      if (status >= 200 && status < 300 && text.includes('"errors"')) bump(failures, `GraphQL error: ${text.slice(0, 160)}`);
    },
  };
}

export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

async function fire(url: string, requests: autocannon.Request[], settings: LoadSettings, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/graphql`, connections: settings.connections, duration, requests, timeout: 10, ...(settings.rate ? { overallRate: settings.rate } : {}) });
}

export async function runLoad(server: ServerProcess, scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmup > 0) await fire(server.url, scenario.requests(), settings, settings.warmup);
  scenario.takeFailures();
  const stopMeter = await cpuMeter(() => server.cpuMicros());
  const result = await fire(server.url, scenario.requests(), settings, settings.duration);
  const cpu = await stopMeter();
  const failures = scenario.takeFailures();
  // Failures read from bodies first; transport failures below are already in autocannon's counts.
  const bodyFailures = [...failures.values()].reduce((a, n) => a + n, 0);
  if (result.non2xx > 0) bump(failures, `non-2xx responses (${statusSummary(result)})`, result.non2xx);
  // autocannon counts a timeout in errors too; each is reported once here.
  if (result.errors > result.timeouts) bump(failures, 'socket errors', result.errors - result.timeouts);
  if (result.timeouts > 0) bump(failures, 'timeouts (10 s)', result.timeouts);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + bodyFailures,
    failures,
    cpu,
  };
}

function statusSummary(result: autocannon.Result): string {
  return Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, stats]) => `${code}: ${stats.count ?? 0}`)
    .join(', ');
}
