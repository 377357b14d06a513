import type { CounterOp, CounterResult } from '../counters.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Collects the Redis operations a screening needs, then hands each feature its own result once
 * the single script call has run. Keys are namespaced by deployment and carry the
 * organisation as a Redis Cluster hash tag.
 */
export class CounterPlan {
  readonly ops: CounterOp[] = [];
  private results: CounterResult[] = [];

  constructor(
    private readonly prefix: string,
    private readonly orgId: string,
  ) {}

  key(...parts: string[]): string {
    return `${this.prefix}:fraud:{${this.orgId}}:${parts.join(':')}`;
  }

  /** Counts per window (after adding `member`, unless null) and whether it was new. */
  window(key: string, member: string | null, windowsMs: number[]): () => { added: boolean; counts: number[] } {
    const ttlSeconds = Math.ceil((Math.max(...windowsMs) + DAY) / 1000);
    return this.push({ op: 'window', key, member, windowsMs, ttlSeconds }, 'window');
  }

  swap(key: string, value: string | null, ttlMs: number): () => { previous: string | null } {
    return this.push({ op: 'swap', key, value, ttlSeconds: Math.ceil(ttlMs / 1000) }, 'swap');
  }

  stats(key: string, value: number, ttlMs: number): () => { n: number; mean: number; variance: number } {
    return this.push({ op: 'stats', key, value, ttlSeconds: Math.ceil(ttlMs / 1000) }, 'stats');
  }

  bands(keys: string[], payloadKey: string, member: string, payload: string, cap: number, ttlMs: number): () => { neighbours: string[] } {
    return this.push({ op: 'bands', keys, payloadKey, member, payload, cap, ttlSeconds: Math.ceil(ttlMs / 1000) }, 'bands');
  }

  settle(results: CounterResult[]): void {
    this.results = results;
  }

  private push<K extends CounterResult['op']>(op: CounterOp, kind: K): () => Extract<CounterResult, { op: K }> {
    const index = this.ops.push(op) - 1;
    return () => {
      const r = this.results[index];
      if (!r || r.op !== kind) throw new Error(`counter result ${index} missing: the plan was not settled`);
      return r as Extract<CounterResult, { op: K }>;
    };
  }
}
