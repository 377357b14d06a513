/**
 * A circuit breaker per platform, per process. When a platform keeps failing (5xx, timeouts),
 * every worker hammering it makes its outage worse and burns our retries; after `threshold`
 * consecutive transient failures the breaker opens and calls are deferred (not failed) for
 * `openMs`, then one trial call decides whether it closes again. Per process rather than shared
 * in Redis: each process learns on its own within a few calls, and a Redis round trip per call
 * would cost more than the outage it saves.
 */
export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerOptions {
  threshold?: number;
  openMs?: number;
  now?: () => number;
}

export interface CircuitBreaker {
  /** 0 when a call may go ahead, else milliseconds until one may. */
  admit(): number;
  success(): void;
  failure(): void;
  readonly state: BreakerState;
}

export function createBreaker(options: BreakerOptions = {}): CircuitBreaker {
  const threshold = options.threshold ?? 5;
  const openMs = options.openMs ?? 5_000;
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt = 0;
  let state: BreakerState = 'CLOSED';
  let trialInFlight = false;

  return {
    get state() {
      return state;
    },
    admit() {
      if (state === 'CLOSED') return 0;
      const remaining = openedAt + openMs - now();
      if (state === 'OPEN' && remaining > 0) return remaining;
      // One trial at a time while half open; the others wait for its verdict.
      state = 'HALF_OPEN';
      if (trialInFlight) return Math.max(250, Math.floor(openMs / 10));
      trialInFlight = true;
      return 0;
    },
    success() {
      failures = 0;
      trialInFlight = false;
      state = 'CLOSED';
    },
    failure() {
      failures += 1;
      trialInFlight = false;
      if (state === 'HALF_OPEN' || failures >= threshold) {
        state = 'OPEN';
        openedAt = now();
      }
    },
  };
}

/** One breaker per key (platform id), created on first use. */
export function breakerPool(options: BreakerOptions = {}): (key: string) => CircuitBreaker {
  const pool = new Map<string, CircuitBreaker>();
  return (key) => {
    let b = pool.get(key);
    if (!b) pool.set(key, (b = createBreaker(options)));
    return b;
  };
}
