import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ADMIN_TOKEN, basic, bearer, closedPort, dropQueue, REDIS, silentLog, startServer, uniquePrefix, type TestServer } from './support.ts';

const prefix = uniquePrefix();
let database: TestDatabase;
let sync: Queue;
let reviews: Queue;
let metrics: Metrics;
let server: TestServer;

/** The value of the one sample of `name` whose labels include `labels`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(url: string, headers: Record<string, string> = bearer(ADMIN_TOKEN)): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

beforeAll(async () => {
  database = await createTestDatabase();
  sync = new Queue('sync', { connection: REDIS, prefix });
  reviews = new Queue('reviews', { connection: REDIS, prefix });
  metrics = createMetrics({ queues: () => [sync, reviews], log: silentLog });
  server = await startServer(database.db, { metrics, admin: { token: ADMIN_TOKEN, queues: () => [sync, reviews] } });
});

afterAll(async () => {
  await server?.close();
  for (const queue of [sync, reviews]) if (queue) await dropQueue(queue);
  await database?.drop();
});

describe('GET /metrics', () => {
  it('reports each queue by state, read from Redis at scrape time', async () => {
    await sync.addBulk([1, 2, 3].map((n) => ({ name: 'sync', data: { n } })));
    await sync.add('sync', { n: 4 }, { delay: 60_000 });
    const text = await scrape(server.url);
    expect(sample(text, 'tenpo_queue_jobs', { queue: 'sync', state: 'waiting' })).toBe(3);
    expect(sample(text, 'tenpo_queue_jobs', { queue: 'sync', state: 'delayed' })).toBe(1);
    expect(sample(text, 'tenpo_queue_jobs', { queue: 'sync', state: 'active' })).toBe(0);
    expect(sample(text, 'tenpo_queue_jobs', { queue: 'reviews', state: 'waiting-children' })).toBe(0);
    expect(sample(text, 'tenpo_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it("counts a paused queue's jobs as paused, not waiting", async () => {
    await reviews.add('pull', { connectionId: 'c1' });
    await reviews.pause();
    try {
      const text = await scrape(server.url);
      expect(sample(text, 'tenpo_queue_jobs', { queue: 'reviews', state: 'paused' })).toBe(1);
      expect(sample(text, 'tenpo_queue_jobs', { queue: 'reviews', state: 'waiting' })).toBe(0);
    } finally {
      await reviews.resume();
    }
  });

  it('exposes the platform counters and histogram once they are used', async () => {
    expect(sample(await scrape(server.url), 'tenpo_platform_deliveries_total', { platform: 'google' })).toBeUndefined();
    metrics.deliveries.inc({ platform: 'google', outcome: 'delivered' });
    metrics.deliveries.inc({ platform: 'google', outcome: 'delivered' });
    metrics.platformErrors.inc({ platform: 'google', kind: 'RATE_LIMITED' });
    metrics.platformRequestSeconds.observe({ platform: 'google', kind: 'OK' }, 0.3);
    const text = await scrape(server.url);
    expect(sample(text, 'tenpo_platform_deliveries_total', { platform: 'google', outcome: 'delivered' })).toBe(2);
    expect(sample(text, 'tenpo_platform_errors_total', { platform: 'google', kind: 'RATE_LIMITED' })).toBe(1);
    expect(sample(text, 'tenpo_platform_request_duration_seconds_bucket', { platform: 'google', kind: 'OK', le: '0.25' })).toBe(0);
    expect(sample(text, 'tenpo_platform_request_duration_seconds_bucket', { platform: 'google', kind: 'OK', le: '0.5' })).toBe(1);
  });

  it('times API requests by fixed route, never by raw URL', async () => {
    const labels = { route: '/graphql', method: 'POST', status: '200' };
    const before = sample(await scrape(server.url), 'tenpo_http_request_duration_seconds_count', labels) ?? 0;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    await fetch(`${server.url}/no/such/page-12345?x=1`);
    const text = await scrape(server.url);
    expect(sample(text, 'tenpo_http_request_duration_seconds_count', labels)).toBe(before + 1);
    expect(sample(text, 'tenpo_http_request_duration_seconds_count', { route: 'other', method: 'GET', status: '404' })).toBe(1);
    expect(sample(text, 'tenpo_http_request_duration_seconds_count', { route: '/metrics', method: 'GET', status: '200' })).toBeGreaterThan(0);
    expect(text).not.toContain('page-12345');
  });

  it('still answers when Redis is down, and counts the queues it could not read', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    // Our own client, so the test can end it: a BullMQ queue that never connected cannot close
    // itself. It keeps reconnecting, as in an outage, and the scrape timeout bounds the wait.
    const redis = new Redis({ host: '127.0.0.1', port: await closedPort(), maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 200 });
    redis.on('error', () => {});
    const down = new Queue('down', { prefix, connection: redis });
    down.on('error', () => {});
    const withDown = createMetrics({ queues: () => [sync, down], log, queueScrapeTimeoutMs: 500 });
    const api = await startServer(database.db, { metrics: withDown });
    try {
      const first = await scrape(api.url, {});
      expect(sample(first, 'tenpo_queue_jobs', { queue: 'sync', state: 'waiting' })).toBe(3);
      expect(sample(first, 'tenpo_queue_jobs', { queue: 'down' })).toBeUndefined();
      expect(sample(first, 'tenpo_queue_scrape_errors_total', { queue: 'down' })).toBe(1);
      const second = await scrape(api.url, {});
      expect(sample(second, 'tenpo_queue_scrape_errors_total', { queue: 'down' })).toBe(2);
      expect(lines.map((l) => JSON.parse(l) as { level: number; queue?: string })).toContainEqual(
        expect.objectContaining({ level: 40, queue: 'down' }),
      );
    } finally {
      await api.close();
      redis.disconnect();
      await down.close();
    }
  });
});

describe('who may read /metrics', () => {
  it('asks for the admin token when one is configured', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="Tenpo admin"');
    expect((await fetch(`${server.url}/metrics`, { headers: bearer('wrong-token-0123456789') })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: basic('admin', ADMIN_TOKEN) })).status).toBe(200);
  });

  it('is open when public, open in development without a token, and off in production without one', async () => {
    const cases = [
      { options: { metricsPublic: true, admin: { token: ADMIN_TOKEN, queues: () => [] } }, status: 200 },
      { options: { production: false }, status: 200 },
      { options: { production: true }, status: 404 },
    ];
    for (const { options, status } of cases) {
      const api = await startServer(database.db, { metrics: createMetrics({ queues: () => [], log: silentLog }), ...options });
      try {
        expect((await fetch(`${api.url}/metrics`)).status, JSON.stringify(options)).toBe(status);
      } finally {
        await api.close();
      }
    }
  });

  it('answers 404 when the app has no metrics', async () => {
    const api = await startServer(database.db, { admin: { token: ADMIN_TOKEN, queues: () => [] } });
    try {
      expect((await fetch(`${api.url}/metrics`, { headers: bearer(ADMIN_TOKEN) })).status).toBe(404);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
