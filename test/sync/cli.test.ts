import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useSyncSuite } from './support.ts';

const BIN = new URL('../../bin/tenpo.js', import.meta.url).pathname;
const suite = useSyncSuite();

function tenpo(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tenpo sync --watch', () => {
  it('starts a run of every store, follows it to the end and exits 0', async () => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({}).name!;
    for (let i = 0; i < 3; i++) await suite.createStore(`CLI-${i}`);
    await suite.connectGoogle(account, fake.issueRefreshToken());
    const env = suite.harness.childEnv(suite.database.url);
    const res = await tenpo(['sync', '--org', suite.org.id, '--watch'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/sync run [0-9a-f-]{36}: 3 listings queued/);
    expect(res.stdout).toMatch(/done: \d delivered, \d unchanged, 0 failed/);

    const unknown = await tenpo(['sync', '--org', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No organisation');
  }, 60_000);
});
