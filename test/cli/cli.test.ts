import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startApi } from '../support/api.ts';

const BIN = new URL('../../bin/tenpo.js', import.meta.url).pathname;
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'tenpo-cli-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

function tenpo(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env },
    timeout: 60_000,
  });
}

describe('the tenpo command', () => {
  it('lists its commands with --help', () => {
    const res = tenpo(['--help']);
    expect(res.status).toBe(0);
    for (const command of ['start', 'migrate', 'demo', 'import', 'org:create', 'print-schema']) expect(res.stdout).toContain(command);
  });

  it('lists every configuration problem at once and exits 2', () => {
    const res = tenpo(['migrate'], { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).toContain('LOG_LEVEL');
  });

  it('demo creates stores and prints an API key that works', async () => {
    const res = tenpo(['demo']);
    expect(res.status, res.stderr).toBe(0);
    const key = /API key \(shown once\):\s+(tnp_\S+)/.exec(res.stdout)?.[1];
    expect(key).toBeDefined();
    const api = await startApi(database.db);
    try {
      const list = await api.gql('{ locations(first: 20) { edges { node { storeCode address { country } } } } }', {}, key);
      const codes = list.data.locations.edges.map((e: { node: { storeCode: string } }) => e.node.storeCode);
      expect(codes).toContain('JP-TKY-001');
      expect(codes.length).toBeGreaterThanOrEqual(6);
      // A first look at the dashboard has reviews to read and chart; running demo again adds none.
      const stats = await api.gql('{ viewer { organizations { reviewStats { count unansweredCount } } } }', {}, key);
      expect(stats.data.viewer.organizations[0].reviewStats).toEqual({ count: codes.length * 12, unansweredCount: codes.length * 4 });
      expect(tenpo(['demo']).status).toBe(0);
      const again = await api.gql('{ viewer { organizations { reviewStats { count } } } }', {}, key);
      expect(again.data.viewer.organizations[0].reviewStats.count).toBe(codes.length * 12);
    } finally {
      await api.close();
    }
  });

  it('import reports bad rows with line numbers, exits 1, and keeps the good rows', () => {
    const org = tenpo(['org:create', '--name', 'CLI Org', '--owner-email', 'cli-owner@example.com']);
    expect(org.status, org.stderr).toBe(0);
    const orgId = /uuid ([0-9a-f-]{36})/.exec(org.stdout)?.[1];
    expect(orgId).toBeDefined();
    const file = path.join(dir, 'stores.csv');
    writeFileSync(file, 'store_code,name,country,primary_category,phone\nC-1,One,JP,cafe,03-5123-4567\nC-2,Two,JP,cafe,not a phone\n');
    const errors = path.join(dir, 'errors.csv');
    const res = tenpo(['import', file, '--org', orgId!, '--errors', errors]);
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/2 rows .*1 created, 0 updated, 0 unchanged, 1 failed/);
    expect(res.stderr).toContain('line 3 (C-2): primaryPhone');
    const again = tenpo(['import', file, '--org', orgId!]);
    expect(again.stdout).toMatch(/0 created, 0 updated, 1 unchanged, 1 failed/);
  });

  it('start serves the API on the embedded database and stops cleanly on SIGTERM', async () => {
    const dataDir = path.join(dir, 'data');
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /GraphQL:\s+(http:\/\/\S+)\/graphql/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(out).toContain('PGlite');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
