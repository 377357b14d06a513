import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { ensureRedis } from '../../src/redis/embedded.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tenpo-redis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('starts redis-server as its own child when nothing answers, keeps its data under the data dir, and stops it', async () => {
  const port = await freePort();
  const redis = await ensureRedis({ dataDir: dir, log: pino({ level: 'silent' }), port });
  expect(redis.url).toBe(`redis://127.0.0.1:${port}`);
  expect(redis.child?.pid).toBeGreaterThan(0);
  expect(existsSync(path.join(dir, 'redis'))).toBe(true);

  const again = await ensureRedis({ dataDir: dir, log: pino({ level: 'silent' }), port });
  expect(again.child).toBeNull();

  await redis.stop();
  expect(redis.child?.exitCode ?? redis.child?.signalCode).not.toBeNull();
});

it('uses REDIS_URL as given without starting anything', async () => {
  const redis = await ensureRedis({ redisUrl: 'redis://cache.internal:6380', dataDir: dir, log: pino({ level: 'silent' }) });
  expect(redis).toMatchObject({ url: 'redis://cache.internal:6380', child: null });
});

it('says exactly how to install Redis when there is no redis-server on PATH', async () => {
  const port = await freePort();
  const savedPath = process.env.PATH;
  process.env.PATH = dir;
  try {
    await expect(ensureRedis({ dataDir: dir, log: pino({ level: 'silent' }), port })).rejects.toThrow(/apt-get install -y redis-server/);
  } finally {
    process.env.PATH = savedPath;
  }
});
