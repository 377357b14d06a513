import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBreaker } from '../../connectors/runtime/breaker.ts';
import { CircuitOpenError, makePlatformCall, type CallContext } from '../../connectors/runtime/call.ts';
import { PlatformError } from '../../connectors/runtime/errors.ts';
import { defineManifest } from '../../connectors/runtime/manifest.ts';
import { createRateLimiter } from '../../connectors/runtime/rateLimiter.ts';

// The runtime's guarded call against real Redis quotas; the platform is a function.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let redis: Redis;
let prefix: string;

beforeAll(() => {
  redis = new Redis(url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  const keys = await redis.keys('test:call:*');
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

const manifest = defineManifest({
  id: 'acme',
  name: 'Acme Maps',
  countries: 'GLOBAL',
  kind: 'maps',
  reach: 'api',
  auth: { kind: 'api-key' },
  baseUrl: 'https://api.acme.example',
  capabilities: { listingWrite: true, readBack: true, reviewsRead: false, reviewReply: false, posts: false, insights: false },
  sources: ['test'],
});

function setup(quotas: CallContext['quotas'], overrides: Partial<CallContext> = {}) {
  prefix = `test:call:${randomUUID()}`;
  const breaker = createBreaker({ threshold: 3, openMs: 200 });
  const classifyError = (err: unknown) =>
    err instanceof PlatformError ? err : new PlatformError('TRANSIENT', err instanceof Error ? err.message : 'failed');
  const call = makePlatformCall({
    connector: { manifest, classifyError },
    quotas,
    limiter: createRateLimiter(redis, { prefix }),
    breaker,
    timeoutMs: 200,
    maxWaitMs: 50,
    ...overrides,
  });
  return { call, breaker };
}

describe('the guarded platform call', () => {
  it('holds a per-listing edit quota without touching other listings, and says when the next slot opens', async () => {
    const { call } = setup({ perListing: { editsPerMinute: 2 } });
    const ok = () => Promise.resolve('ok');
    await call({ kind: 'edit', listingKey: 'L1' }, ok);
    await call({ kind: 'edit', listingKey: 'L1' }, ok);
    const third = await call({ kind: 'edit', listingKey: 'L1' }, ok).catch((e: unknown) => e);
    expect(third).toBeInstanceOf(PlatformError);
    expect((third as PlatformError).kind).toBe('RATE_LIMITED');
    expect((third as PlatformError).details.retryAfterMs).toBeGreaterThan(50_000);
    await expect(call({ kind: 'edit', listingKey: 'L2' }, ok)).resolves.toBe('ok');
    // Reads do not draw on the edit quota.
    await expect(call({ kind: 'read', listingKey: 'L1' }, ok)).resolves.toBe('ok');
  });

  it("a platform's 429 holds back every later call to that platform for its Retry-After", async () => {
    const { call } = setup({ requestsPerMinute: 1000 });
    let calls = 0;
    const err = await call({ kind: 'read' }, async () => {
      calls += 1;
      throw new PlatformError('RATE_LIMITED', 'slow down', { retryAfterMs: 5_000, status: 429 });
    }).catch((e: unknown) => e);
    expect((err as PlatformError).kind).toBe('RATE_LIMITED');
    const next = await call({ kind: 'read' }, async () => {
      calls += 1;
      return 'never';
    }).catch((e: unknown) => e);
    expect((next as PlatformError).kind).toBe('RATE_LIMITED');
    expect((next as PlatformError).details.retryAfterMs).toBeGreaterThan(4_000);
    expect(calls).toBe(1);
  });

  it('times a hung request out as TRANSIENT', async () => {
    const { call } = setup({});
    const err = await call({ kind: 'read' }, ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))).catch((e: unknown) => e);
    expect((err as PlatformError).kind).toBe('TRANSIENT');
  });

  it('opens the circuit after repeated transient failures, defers calls without making them, and closes after a good trial', async () => {
    const { call, breaker } = setup({});
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error('503');
    };
    for (let i = 0; i < 3; i++) await call({ kind: 'read' }, failing).catch(() => {});
    expect(breaker.state).toBe('OPEN');
    const deferred = await call({ kind: 'read' }, failing).catch((e: unknown) => e);
    expect(deferred).toBeInstanceOf(CircuitOpenError);
    expect(calls).toBe(3);
    await new Promise((r) => setTimeout(r, 250));
    await expect(call({ kind: 'read' }, async () => 'back')).resolves.toBe('back');
    expect(breaker.state).toBe('CLOSED');
  });

  it('a failed trial opens the circuit again at once', async () => {
    const { call, breaker } = setup({});
    for (let i = 0; i < 3; i++) await call({ kind: 'read' }, async () => Promise.reject(new Error('down'))).catch(() => {});
    await new Promise((r) => setTimeout(r, 250));
    await call({ kind: 'read' }, async () => Promise.reject(new Error('still down'))).catch(() => {});
    expect(breaker.state).toBe('OPEN');
    expect(breaker.admit()).toBeGreaterThan(0);
  });

  it('an answer that is a refusal (400) is not an outage: the circuit stays closed', async () => {
    const { call, breaker } = setup({});
    for (let i = 0; i < 5; i++) await call({ kind: 'edit', listingKey: 'X' }, async () => Promise.reject(new PlatformError('INVALID', 'bad phone'))).catch(() => {});
    expect(breaker.state).toBe('CLOSED');
  });
});
