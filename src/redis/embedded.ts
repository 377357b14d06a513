import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import type { Logger } from '../log.ts';

export const DEFAULT_REDIS_PORT = 6379;

export const REDIS_INSTALL_HELP = [
  'Tenpo needs Redis for its work queues, and none was found:',
  '  - nothing answers on 127.0.0.1:6379, REDIS_URL is not set, and there is no redis-server on PATH.',
  'Install it, then start Tenpo again:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis',
  '  Fedora/RHEL:    sudo dnf install -y redis',
  'or point Tenpo at a running Redis with REDIS_URL=redis://host:6379.',
].join('\n');

export class RedisUnavailableError extends Error {
  constructor(message: string = REDIS_INSTALL_HELP) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

function answers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => {
      socket.write('PING\r\n');
    });
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
    socket.once('error', () => done(false));
  });
}

export interface RedisHandle {
  url: string;
  /** Set when Tenpo started redis-server itself; stopped with the process. */
  child: ChildProcess | null;
  stop(): Promise<void>;
}

/**
 * The Redis the start command uses: REDIS_URL when set; else one already answering on
 * 127.0.0.1:6379 (or `port`); else a redis-server that Tenpo starts as its own child with data under
 * dataDir. Without any of these it throws with install instructions.
 */
export async function ensureRedis(options: {
  redisUrl?: string | undefined;
  dataDir: string;
  log: Logger;
  port?: number;
}): Promise<RedisHandle> {
  const none = async () => {};
  const port = options.port ?? DEFAULT_REDIS_PORT;
  const url = `redis://127.0.0.1:${port}`;
  if (options.redisUrl) return { url: options.redisUrl, child: null, stop: none };
  if (await answers('127.0.0.1', port)) return { url, child: null, stop: none };

  const which = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (which.error || which.status !== 0) throw new RedisUnavailableError();

  const dir = path.resolve(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));

  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    if (await answers('127.0.0.1', port)) {
      options.log.info({ dir, pid: child.pid, port }, 'started an embedded redis-server');
      return {
        url,
        child,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server did not start:\n${output.join('').slice(-2000)}`);
}
