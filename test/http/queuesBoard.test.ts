import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ADMIN_TOKEN, basic, bearer, dropQueue, REDIS, startServer, uniquePrefix, type TestServer } from './support.ts';

const prefix = uniquePrefix();
const nativeResponse = globalThis.Response;
let database: TestDatabase;
let sync: Queue;
let later: Queue | undefined;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  sync = new Queue('sync', { connection: REDIS, prefix });
  server = await startServer(database.db, { admin: { token: ADMIN_TOKEN, queues: () => (later ? [sync, later] : [sync]) } });
});

afterAll(async () => {
  await server?.close();
  for (const queue of [sync, later]) if (queue) await dropQueue(queue);
  await database?.drop();
});

interface BoardQueue {
  name: string;
  counts: Record<string, number>;
  isPaused: boolean;
}

async function boardQueues(): Promise<BoardQueue[]> {
  const res = await fetch(`${server.url}/admin/queues/api/queues`, { headers: bearer(ADMIN_TOKEN) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { queues: BoardQueue[] }).queues;
}

describe('the queues board at /admin/queues', () => {
  it('does not exist without an admin token', async () => {
    const api = await startServer(database.db);
    try {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        expect((await fetch(`${api.url}${path}`, { headers: bearer(ADMIN_TOKEN) })).status).toBe(404);
      }
    } finally {
      await api.close();
    }
  });

  it('refuses a token too short to protect it', async () => {
    await expect(startServer(database.db, { admin: { token: 'short', queues: () => [] } })).rejects.toThrow(/at least 16/);
  });

  it('asks for credentials, and refuses wrong ones', async () => {
    const attempts: Record<string, string>[] = [
      {},
      bearer('not-the-admin-token-123'),
      bearer(`${ADMIN_TOKEN}x`),
      basic('admin', 'not-the-admin-token-123'),
      basic('root', ADMIN_TOKEN),
      { authorization: ADMIN_TOKEN },
    ];
    for (const headers of attempts) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await fetch(`${server.url}${path}`, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Basic realm="Tenpo admin"');
        expect(await res.text()).not.toContain('sync');
      }
    }
  });

  it('serves the dashboard and its assets to the right Bearer or Basic credential', async () => {
    for (const [path, headers] of [
      ['/admin/queues', bearer(ADMIN_TOKEN)],
      ['/admin/queues/', basic('admin', ADMIN_TOKEN)],
      ['/admin/queues/queue/sync', bearer(ADMIN_TOKEN)],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('Tenpo queues');
      expect(html).toContain('<base href="/admin/queues/" />');
      const script = /<script defer src="(static\/js\/main\.[^"]+)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${server.url}/admin/queues/${script}`, { headers });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
    }
    // hono's listener left the process-wide fetch classes alone (graphql-yoga uses them).
    expect(globalThis.Response).toBe(nativeResponse);
  });

  it('lists our queues with their counts, including queues created after start', async () => {
    await sync.addBulk([1, 2].map((n) => ({ name: 'sync', data: { n } })));
    await sync.add('sync', { n: 3 }, { delay: 60_000 });
    const [listed] = await boardQueues();
    expect(listed).toMatchObject({ name: 'sync', isPaused: false, counts: { waiting: 2, delayed: 1, active: 0 } });

    later = new Queue('reviews', { connection: REDIS, prefix });
    expect((await boardQueues()).map((q) => q.name).sort()).toEqual(['reviews', 'sync']);
  });

  it('acts on queues for an operator, but not for a request another site triggers', async () => {
    const pause = (headers: Record<string, string>) =>
      fetch(`${server.url}/admin/queues/api/queues/sync/pause`, { method: 'PUT', headers: { ...basic('admin', ADMIN_TOKEN), ...headers } });
    expect((await pause({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await pause({ origin: 'https://evil.example' })).status).toBe(403);
    expect(await sync.isPaused()).toBe(false);

    expect((await pause({ 'sec-fetch-site': 'same-origin' })).status).toBeLessThan(300);
    expect(await sync.isPaused()).toBe(true);
    await sync.resume();
  });
});
