/**
 * Injected failures, for testing a client's retries and timeouts. A test installs a function that
 * sees each request before anything else happens (auth, quota, routing) and may answer:
 * - `status`: 429 (with Retry-After), 500, 502, 503 or 504 in Google's error shape;
 * - `hang`: never answer, until the client gives up (or the fake is closed);
 * - `reset`: drop the connection without an answer.
 * With `afterProcessing: true` the request is first carried out (the edit lands, quota is used) and
 * only its answer is lost: the "did my write happen?" case an idempotent client must survive.
 * Injected faults are recorded in `fake.faults`, never in `fake.quotaViolations`.
 */

export type Fault =
  | { kind: 'status'; status: 429 | 500 | 502 | 503 | 504; retryAfterSeconds?: number; afterProcessing?: boolean }
  | { kind: 'hang'; afterProcessing?: boolean }
  | { kind: 'reset'; afterProcessing?: boolean };

/** What a fault injector sees of a request. */
export interface FaultRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Which API the path belongs to: 'oauth', 'accountmanagement', 'businessinformation', 'mybusiness-v4', 'unknown'. */
  api: string;
  now: number;
}

export type FaultInjector = (req: FaultRequest) => Fault | undefined | null | void;

export interface RecordedFault {
  seq: number;
  at: number;
  method: string;
  path: string;
  fault: Fault;
}

type Match = (req: FaultRequest) => boolean;
const any: Match = () => true;

/** Fails the first `times` matching requests with `fault`, then lets everything through. */
export function failTimes(times: number, fault: Fault, match: Match = any): FaultInjector {
  let left = times;
  return (req) => {
    if (left > 0 && match(req)) {
      left--;
      return fault;
    }
    return undefined;
  };
}

/** Fails matching requests with probability `rate`, from a seeded generator (repeatable runs). */
export function failRandomly(rate: number, faults: readonly Fault[], seed = 1, match: Match = any): FaultInjector {
  if (faults.length === 0) throw new Error('failRandomly needs at least one fault');
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (req) => {
    if (!match(req)) return undefined;
    if (next() >= rate) return undefined;
    return faults[Math.floor(next() * faults.length)];
  };
}

/** Request matchers for the helpers above. */
export const on = {
  method: (method: string): Match => (r) => r.method === method.toUpperCase(),
  path: (pattern: RegExp | string): Match => (r) => (typeof pattern === 'string' ? r.path === pattern : pattern.test(r.path)),
  api: (api: string): Match => (r) => r.api === api,
  patches: (): Match => (r) => r.method === 'PATCH' && r.api === 'businessinformation',
};
