import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../connectors/runtime/rateLimiter.ts';
import type { RateLimiter } from '../../connectors/runtime/rateLimiter.ts';

// Real Redis; a prefix unique to this run isolates us from other runs and from the app's keys.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:ratelimit:${randomUUID()}`;
const MINUTE = 60_000;
const DAY = 86_400_000;

let redis: Redis;
let limiter: RateLimiter;
let n = 0;
const freshKey = () => `google:project-${++n}`;

beforeAll(() => {
  redis = new Redis(url, { maxRetriesPerRequest: 1 });
  limiter = createRateLimiter(redis, { prefix });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('createRateLimiter', () => {
  it('never grants more than the limit within any minute to 20 concurrent reservers on separate connections', async () => {
    // Twenty clients stand in for twenty worker processes sharing one quota.
    const clients = Array.from({ length: 20 }, () => new Redis(url));
    try {
      const limiters = clients.map((c) => createRateLimiter(c, { prefix }));
      const key = freshKey();
      const limit = 10;
      const granted: number[] = [];
      const denied: { now: number; retryAfterMs: number }[] = [];
      // One injected clock all reservers share; every tick they all fire at once, twice.
      for (let now = 0; now < 200_000; now += 1_000) {
        const results = await Promise.all(limiters.flatMap((l) => [l.reserve(key, { perMinute: limit }, now), l.reserve(key, { perMinute: limit }, now)]));
        for (const r of results) (r.ok ? granted.push(now) : denied.push({ now, retryAfterMs: r.retryAfterMs }));
      }
      // Sorted grant times: any 60 s span holding limit + 1 grants would show as a gap < 60 s.
      granted.sort((a, b) => a - b);
      for (let i = 0; i + limit < granted.length; i++) expect(granted[i + limit]! - granted[i]!).toBeGreaterThanOrEqual(MINUTE);
      // The quota is used, not starved: 10 at 0 s, 60 s, 120 s and 180 s.
      expect(granted).toHaveLength(40);
      expect(new Set(granted)).toEqual(new Set([0, 60_000, 120_000, 180_000]));
      expect(denied.find((d) => d.now === 1_000)?.retryAfterMs).toBe(59_000);
      expect(denied.every((d) => d.retryAfterMs > 0 && d.now + d.retryAfterMs <= 240_000)).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.quit()));
    }
  });

  it('refuses with the exact wait once the minute is full, and grants again when the oldest grant leaves the window', async () => {
    const key = freshKey();
    for (const t of [0, 1_000, 2_000]) expect(await limiter.reserve(key, { perMinute: 3 }, t)).toEqual({ ok: true });
    expect(await limiter.reserve(key, { perMinute: 3 }, 3_000)).toEqual({ ok: false, retryAfterMs: 57_000 });
    expect(await limiter.reserve(key, { perMinute: 3 }, 59_999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(await limiter.reserve(key, { perMinute: 3 }, 60_000)).toEqual({ ok: true });
    // Denials take no slot: the next one frees when the grant at 1 s expires.
    expect(await limiter.reserve(key, { perMinute: 3 }, 60_001)).toEqual({ ok: false, retryAfterMs: 999 });
    expect(await limiter.reserve(key, { perMinute: 3 }, 61_000)).toEqual({ ok: true });
  });

  it('enforces a per-day limit alongside the per-minute one', async () => {
    const key = freshKey();
    for (let i = 0; i < 5; i++) expect(await limiter.reserve(key, { perMinute: 100, perDay: 5 }, i * MINUTE)).toEqual({ ok: true });
    expect(await limiter.reserve(key, { perMinute: 100, perDay: 5 }, 10 * MINUTE)).toEqual({ ok: false, retryAfterMs: DAY - 10 * MINUTE });
    expect(await limiter.reserve(key, { perMinute: 100, perDay: 5 }, DAY - 1)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(await limiter.reserve(key, { perMinute: 100, perDay: 5 }, DAY)).toEqual({ ok: true });
    expect((await limiter.reserve(key, { perMinute: 100, perDay: 5 }, DAY + 1)).ok).toBe(false);
  });

  it('when both limits are full, reports the longer wait', async () => {
    const key = freshKey();
    expect(await limiter.reserve(key, { perMinute: 1, perDay: 1 }, 0)).toEqual({ ok: true });
    expect(await limiter.reserve(key, { perMinute: 1, perDay: 1 }, 1_000)).toEqual({ ok: false, retryAfterMs: DAY - 1_000 });
  });

  it("penalize blocks the key until the platform's Retry-After passes and reports the remaining wait", async () => {
    const key = freshKey();
    expect(await limiter.reserve(key, { perMinute: 300 }, 0)).toEqual({ ok: true });
    await limiter.penalize(key, 30_000, 1_000);
    expect(await limiter.reserve(key, { perMinute: 300 }, 1_000)).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect(await limiter.reserve(key, {}, 20_000)).toEqual({ ok: false, retryAfterMs: 11_000 });
    // A shorter Retry-After arriving later must not cut the longer penalty short.
    await limiter.penalize(key, 1_000, 20_000);
    expect(await limiter.reserve(key, { perMinute: 300 }, 21_500)).toEqual({ ok: false, retryAfterMs: 9_500 });
    expect(await limiter.reserve(key, { perMinute: 300 }, 31_000)).toEqual({ ok: true });
    // A longer one extends it.
    await limiter.penalize(key, 5_000, 32_000);
    expect(await limiter.reserve(key, { perMinute: 300 }, 33_000)).toEqual({ ok: false, retryAfterMs: 4_000 });
  });

  it('keeps separate keys independent, for limits and for penalties', async () => {
    const [a, b, c] = [freshKey(), freshKey(), freshKey()];
    expect(await limiter.reserve(a, { perMinute: 1 }, 0)).toEqual({ ok: true });
    expect((await limiter.reserve(a, { perMinute: 1 }, 1)).ok).toBe(false);
    expect(await limiter.reserve(b, { perMinute: 1 }, 1)).toEqual({ ok: true });
    await limiter.penalize(c, 10_000, 0);
    expect(await limiter.reserve(b, {}, 2)).toEqual({ ok: true });
    expect((await limiter.reserve(c, {}, 2)).ok).toBe(false);
  });

  it('uses Redis time when no clock is injected, and every key it writes expires on its own', async () => {
    const key = freshKey();
    expect(await limiter.reserve(key, { perMinute: 1, perDay: 10 })).toEqual({ ok: true });
    const second = await limiter.reserve(key, { perMinute: 1, perDay: 10 });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.retryAfterMs).toBeGreaterThan(MINUTE - 5_000);
    await limiter.penalize(key, 5_000);
    const ttls = await Promise.all([':m', ':d', ':p'].map((s) => redis.pttl(`${prefix}:{${key}}${s}`)));
    expect(ttls[0]).toBeGreaterThan(0);
    expect(ttls[0]).toBeLessThanOrEqual(MINUTE);
    expect(ttls[1]).toBeGreaterThan(MINUTE);
    expect(ttls[1]).toBeLessThanOrEqual(DAY);
    expect(ttls[2]).toBeGreaterThan(0);
    expect(ttls[2]).toBeLessThanOrEqual(5_000);
  });

  it('rejects limits that are not positive integers', async () => {
    await expect(limiter.reserve(freshKey(), { perMinute: 0 })).rejects.toThrow(RangeError);
    await expect(limiter.reserve(freshKey(), { perDay: 2.5 })).rejects.toThrow(/perDay must be a positive integer/);
  });
});
