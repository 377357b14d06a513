import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type DatabaseConnection, type Dialect, type Driver } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for operators: a redacted URL or a directory. */
  location: string;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

// Calendar dates stay strings ('2026-12-31'): turning them into Dates would shift them by the
// server's time zone. int8 stays a string so ids and counts never lose precision.
const passThrough = (value: string) => value;

export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(path.join(options.dataDir, 'pglite'));
}

/**
 * A statement whose text starts with this comment is prepared once per connection and then only
 * bound and executed: for the few statements run on every request (fraud screening), where
 * parsing and planning each time costs PostgreSQL more than executing them. The text must be
 * fixed for a name; PGlite ignores the comment.
 */
export function preparedName(name: string): string {
  return `/* prepare:${name} */`;
}
const PREPARED = /^\/\* prepare:([a-z0-9_]+) \*\//;

class PreparingClient extends pg.Client {
  // Kysely calls query(text, values); everything else goes through untouched.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? PREPARED.exec(text)?.[1] : undefined;
    const call = super.query as (...a: unknown[]) => never;
    return name ? call.call(this, { name, text, values }) : call.apply(this, args);
  }
}

function openPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID || oid === INT8_OID ? passThrough : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server closed (restart, failover, pg_terminate_backend, idle timeout) emits
  // 'error'; unheard, that is an uncaught exception and takes the whole process down. An idle
  // client is dropped by the pool ('error' on the pool); a checked-out one fails its query and
  // is dropped when released (the listener each client gets on connect).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  // Loaded lazily: the embedded engine is only paid for when no DATABASE_URL is given.
  const { PGlite } = await import('@electric-sql/pglite');
  const { KyselyPGlite } = await import('kysely-pglite');
  const inMemory = dir.startsWith('memory://');
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const unlock = inMemory ? () => {} : lockDirectory(dir);
  try {
    const client = await PGlite.create(dir, {
      parsers: { [DATE_OID]: passThrough, [INT8_OID]: passThrough },
    });
    const dialect = serialized(new KyselyPGlite(client).dialect);
    const db = new Kysely<Database>({ dialect });
    return {
      db,
      kind: 'pglite',
      location: dir,
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (a running \`tenpo start\`?). ` +
        'PGlite serves one process at a time: stop that process, or set DATABASE_URL to a PostgreSQL server.',
    );
    this.name = 'DatabaseLockedError';
  }
}

/** PGlite files opened by two processes at once get corrupted, so the directory is locked to one. */
function lockDirectory(dir: string): () => void {
  const file = path.join(dir, 'tenpo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && isAlive(holder)) throw new DatabaseLockedError(dir, holder);
      unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one session: two transactions interleaved on it would share BEGIN/COMMIT. This
 * wraps the driver so a connection is handed to one caller at a time, like a pool of one.
 */
function serialized(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const inner: Driver = dialect.createDriver();
      let tail: Promise<void> = Promise.resolve();
      const releases = new WeakMap<DatabaseConnection, () => void>();
      return {
        init: () => inner.init(),
        destroy: () => inner.destroy(),
        beginTransaction: (c, s) => inner.beginTransaction(c, s),
        commitTransaction: (c) => inner.commitTransaction(c),
        rollbackTransaction: (c) => inner.rollbackTransaction(c),
        async acquireConnection() {
          let release!: () => void;
          const previous = tail;
          tail = new Promise<void>((resolve) => (release = resolve));
          await previous;
          const connection = await inner.acquireConnection();
          releases.set(connection, release);
          return connection;
        },
        async releaseConnection(connection) {
          await inner.releaseConnection(connection);
          releases.get(connection)?.();
          releases.delete(connection);
        },
      };
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
