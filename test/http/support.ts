import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { pino, type Logger } from 'pino';
import type { Db } from '../../src/db/database.ts';
import { createHttpServer, type HttpOptions } from '../../src/http/server.ts';

export const REDIS = { host: '127.0.0.1', port: 6379 };
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const silentLog: Logger = pino({ level: 'silent' });

/** A BullMQ key prefix of this run's own, so tests never see each other's jobs. */
export const uniquePrefix = () => `tenpo-test-${randomBytes(6).toString('hex')}`;

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real HTTP server (not startApi: these tests pass metrics and admin options). */
export async function startServer(db: Db, options: Partial<Omit<HttpOptions, 'db'>> = {}): Promise<TestServer> {
  const server: Server = createHttpServer({ db, log: silentLog, production: false, maxBodyBytes: 64 * 1024, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Removes the queue's keys from Redis and closes its connection. */
export async function dropQueue(queue: Queue): Promise<void> {
  await queue.obliterate({ force: true });
  await queue.close();
}

/** A loopback port nothing listens on: Redis "down". */
export async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
