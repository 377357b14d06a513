import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openCredentials } from '../../src/platforms/credentials.ts';
import { createKey } from '../support/api.ts';
import { eventually } from '../support/sync.ts';
import { useSyncSuite } from './support.ts';

const logLines: string[] = [];
const suite = useSyncSuite({
  log: pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) })),
});

const CONNECT = `mutation($input: ConnectPlatformInput!) {
  connectPlatform(input: $input) { connection { id status statusMessage account displayName } errors { code path message } }
}`;

const rawId = (gid: string) => Buffer.from(gid, 'base64').toString().split(':')[1]!;

describe('connecting a platform account', () => {
  let account: string;
  let refreshToken: string;
  let connectionId: string;
  let store: { id: string; version: number };

  it('refuses credentials the platform does not accept, and stores nothing', async () => {
    const fake = suite.harness.fake;
    account = fake.seedAccount({ accountName: 'Tenpo Kanto' }).name!;
    const bad = await suite.api.gql(CONNECT, { input: { organizationId: suite.org.gid, platform: 'google', account, credentials: { refreshToken: 'not-a-token' } } }, suite.org.key);
    expect(bad.data.connectPlatform).toEqual({ connection: null, errors: [expect.objectContaining({ code: 'INVALID_CREDENTIALS', path: ['credentials'] })] });
    const malformed = await suite.api.gql(CONNECT, { input: { organizationId: suite.org.gid, platform: 'google', credentials: { token: 1 } } }, suite.org.key);
    expect(malformed.data.connectPlatform.errors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);
    const unknown = await suite.api.gql(CONNECT, { input: { organizationId: suite.org.gid, platform: 'myspace', credentials: {} } }, suite.org.key);
    expect(unknown.data.connectPlatform.errors).toEqual([expect.objectContaining({ code: 'PLATFORM_UNAVAILABLE', path: ['platform'] })]);
    expect(await suite.database.db.selectFrom('platform_connections').selectAll().execute()).toEqual([]);
  });

  it('needs an OWNER or ADMIN of that organisation', async () => {
    const viewer = await createKey(suite.database.db, suite.org.id, 'EDITOR');
    const res = await suite.api.gql(CONNECT, { input: { organizationId: suite.org.gid, platform: 'google', account, credentials: { refreshToken: 'x' } } }, viewer);
    expect(res.data.connectPlatform.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it('keeps credentials encrypted at rest, out of job data and out of logs; refreshed tokens are stored sealed', async () => {
    const fake = suite.harness.fake;
    refreshToken = fake.issueRefreshToken();
    store = await suite.createStore('C-1');
    const res = await suite.api.gql(CONNECT, { input: { organizationId: suite.org.gid, platform: 'google', account, credentials: { refreshToken } } }, suite.org.key);
    expect(res.data.connectPlatform.connection).toMatchObject({ status: 'ACTIVE', account, displayName: 'Tenpo Kanto' });
    connectionId = rawId(res.data.connectPlatform.connection.id);
    await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC');

    const row = await suite.database.db.selectFrom('platform_connections').selectAll().where('id', '=', connectionId).executeTakeFirstOrThrow();
    expect(row.credentials).not.toContain(refreshToken);
    const opened = openCredentials(suite.harness.engine.keyring, connectionId, row.credentials);
    expect(opened).toMatchObject({ refreshToken, accessToken: expect.any(String) });
    const redis = suite.harness.queues.redis;
    const keys = await redis.keys(`${suite.harness.prefix}:*`);
    for (const key of keys) {
      if ((await redis.type(key)) !== 'hash') continue;
      expect(JSON.stringify(await redis.hgetall(key))).not.toContain(refreshToken);
    }
    expect(logLines.join('')).not.toContain(refreshToken);
    expect(logLines.join('')).not.toContain(String(opened.accessToken));
  });

  it('a revoked token turns the connection to ACTION_REQUIRED with a clear message; reconnecting delivers what waited', async () => {
    const fake = suite.harness.fake;
    fake.revokeRefreshToken(refreshToken);
    store = await suite.updateStore(store.id, store.version, { description: 'Changed while Google access was revoked' });
    const listing = await suite.waitForListing(store.id, (l) => l.status === 'ACTION_REQUIRED');
    expect(listing.lastError?.code).toBe('AUTH_REVOKED');
    const connection = await suite.gql(`query($id: ID!) { node(id: $id) { ... on PlatformConnection { status statusMessage } } }`, {
      id: Buffer.from(`PlatformConnection:${connectionId}`).toString('base64'),
    });
    expect(connection.node.status).toBe('ACTION_REQUIRED');
    expect(connection.node.statusMessage).toMatch(/reconnect/i);

    const again = await suite.connectGoogle(account, fake.issueRefreshToken());
    expect(again.status).toBe('ACTIVE');
    const name = (await suite.waitForListing(store.id, (l) => l.status === 'IN_SYNC')).platformListingId!;
    await eventually(async () => (fake.state.location(name)?.profile?.description === 'Changed while Google access was revoked' ? true : undefined));
  });

  it('disconnecting stops syncing and forgets the credentials', async () => {
    const res = await suite.gql(`mutation($input: DisconnectPlatformInput!) { disconnectPlatform(input: $input) { connection { status } errors { code } } }`, {
      input: { id: Buffer.from(`PlatformConnection:${connectionId}`).toString('base64') },
    });
    expect(res.disconnectPlatform).toEqual({ connection: { status: 'DISCONNECTED' }, errors: [] });
    const row = await suite.database.db.selectFrom('platform_connections').selectAll().where('id', '=', connectionId).executeTakeFirstOrThrow();
    expect(openCredentials(suite.harness.engine.keyring, connectionId, row.credentials)).toEqual({});
  });
});
