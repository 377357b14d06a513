import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createKey, createUserIn, startApi, type GraphQLResponse, type TestApi } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';
import { createLocationVia, createTenant, DOC, expectUntouched, rawPost, rowCount, type Tenant } from '../support/tenancy.ts';

// Roles within one organisation, and who the caller is: OWNER > ADMIN > EDITOR > VIEWER,
// revoked and malformed credentials, anonymous callers, and signIn failures.

let database: TestDatabase;
let api: TestApi;
let T: Tenant;
const key = { ADMIN: '', EDITOR: '', VIEWER: '' };
let viewerUser: { userId: string; token: string; email: string };
let adminUser: { userId: string; token: string; email: string };
let locationGid: string;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  T = await createTenant(database.db, api, 'Roles');
  for (const role of ['ADMIN', 'EDITOR', 'VIEWER'] as const) key[role] = await createKey(database.db, T.org.id, role);
  viewerUser = await createUserIn(database.db, api, T.org.id, 'VIEWER');
  adminUser = await createUserIn(database.db, api, T.org.id, 'ADMIN');
  locationGid = T.locations['TKY-001']!;
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const codes = (res: GraphQLResponse, field: string) => {
  expect(res.errors).toBeUndefined();
  return res.data[field].errors.map((e: { code: string }) => e.code);
};
const version = async (token: string) => (await api.gql(DOC.location, { id: locationGid }, token)).data.location.version as number;

describe('a VIEWER (API key and user session)', () => {
  const viewers = [
    { as: 'API key', token: () => key.VIEWER },
    { as: 'user session', token: () => viewerUser.token },
  ];

  it.each(viewers)('($as) reads locations by id, by node and by list', async ({ token }) => {
    expect((await api.gql(DOC.location, { id: locationGid }, token())).data.location.id).toBe(locationGid);
    expect((await api.gql(DOC.node, { id: locationGid }, token())).data.node.id).toBe(locationGid);
    const list = await api.gql(DOC.locations, { org: T.org.gid }, token());
    expect(list.data.locations.edges.length).toBeGreaterThan(0);
  });

  it.each(viewers)('($as) sees no members and no API keys', async ({ token }) => {
    const res = await api.gql(DOC.node, { id: T.org.gid }, token());
    expect(res.data.node).toMatchObject({ viewerRole: 'VIEWER', members: null, apiKeys: null });
  });

  it.each(viewers)('($as) gets FORBIDDEN for create, update, archive, restore, bulk and group creation, and nothing is written', async ({ token }) => {
    await expectUntouched(database.db, T.org.id, async () => {
      const v = await version(token());
      const calls: [string, string, Record<string, unknown>][] = [
        ['createLocation', DOC.createLocation, { input: { organizationId: T.org.gid, location: tokyoStore('VIEWER-NEW') } }],
        ['updateLocation', DOC.updateLocation, { input: { id: locationGid, expectedVersion: v, patch: { name: 'viewer edit' } } }],
        ['archiveLocation', DOC.archiveLocation, { input: { id: locationGid } }],
        ['restoreLocation', DOC.restoreLocation, { input: { id: T.archivedGid } }],
        ['bulkUpsertLocations', DOC.bulk, { input: { organizationId: T.org.gid, rows: [{ location: tokyoStore('TKY-001', { name: 'x' }) }] } }],
        ['createLocationGroup', DOC.createGroup, { input: { organizationId: T.org.gid, name: 'viewer group' } }],
      ];
      for (const [field, doc, vars] of calls) {
        const res = await api.gql(doc, vars, token());
        expect({ field, codes: codes(res, field) }).toEqual({ field, codes: ['FORBIDDEN'] });
        if (field === 'bulkUpsertLocations') expect(res.data[field].results).toEqual([]);
      }
    });
  });
});

describe('an EDITOR', () => {
  it('creates, edits and archives locations', async () => {
    const gid = await createLocationVia(api, key.EDITOR, T.org.gid, 'EDITOR-1');
    const upd = await api.gql(DOC.updateLocation, { input: { id: gid, expectedVersion: 1, patch: { name: 'edited' } } }, key.EDITOR);
    expect(upd.data.updateLocation.location).toMatchObject({ name: 'edited', version: 2 });
    const arch = await api.gql(DOC.archiveLocation, { input: { id: gid } }, key.EDITOR);
    expect(arch.data.archiveLocation.location).toMatchObject({ archived: true, version: 3 });
  });

  it('gets FORBIDDEN for createApiKey, revokeApiKey, addMember and assignStoreManager, and nothing is written', async () => {
    await expectUntouched(database.db, T.org.id, async () => {
      const calls: [string, string, Record<string, unknown>][] = [
        ['createApiKey', DOC.createApiKey, { input: { organizationId: T.org.gid, name: 'editor key', role: 'VIEWER' } }],
        ['revokeApiKey', DOC.revokeApiKey, { input: { id: T.editorKey.id } }],
        ['addMember', DOC.addMember, { input: { organizationId: T.org.gid, email: `e-${randomUUID()}@example.com`, password: 'correct horse battery', role: 'VIEWER' } }],
        ['assignStoreManager', DOC.assign, { input: { organizationId: T.org.gid, userId: T.manager.userId, locationId: locationGid } }],
      ];
      for (const [field, doc, vars] of calls) {
        expect({ field, codes: codes(await api.gql(doc, vars, key.EDITOR), field) }).toEqual({ field, codes: ['FORBIDDEN'] });
      }
    });
  });
});

describe('an ADMIN', () => {
  const admins = [
    { as: 'API key', token: () => key.ADMIN },
    { as: 'user session', token: () => adminUser.token },
  ];

  it.each(admins)('($as) adds members and keys with roles up to ADMIN', async ({ token }) => {
    const member = await api.gql(
      DOC.addMember,
      { input: { organizationId: T.org.gid, email: `a-${randomUUID()}@example.com`, password: 'correct horse battery', role: 'ADMIN' } },
      token(),
    );
    expect(member.data.addMember.member.role).toBe('ADMIN');
    const created = await api.gql(DOC.createApiKey, { input: { organizationId: T.org.gid, name: 'by admin', role: 'ADMIN' } }, token());
    expect(created.data.createApiKey.created.apiKey.role).toBe('ADMIN');
  });

  it.each(admins)('($as) cannot grant OWNER, to a new or an existing member, nor mint an OWNER key (FORBIDDEN)', async ({ token }) => {
    const users = await rowCount(database.db, 'users');
    await expectUntouched(database.db, T.org.id, async () => {
      for (const input of [
        { email: `o-${randomUUID()}@example.com`, password: 'correct horse battery', role: 'OWNER' },
        { email: viewerUser.email, role: 'OWNER' },
      ]) {
        const res = await api.gql(DOC.addMember, { input: { organizationId: T.org.gid, ...input } }, token());
        expect(codes(res, 'addMember')).toEqual(['FORBIDDEN']);
      }
      const keyRes = await api.gql(DOC.createApiKey, { input: { organizationId: T.org.gid, name: 'owner', role: 'OWNER' } }, token());
      expect(codes(keyRes, 'createApiKey')).toEqual(['FORBIDDEN']);
    });
    expect(await rowCount(database.db, 'users')).toBe(users);
  });

  it.each(admins)("($as) cannot change an OWNER's role through addMember (no demoting an owner)", async ({ token }) => {
    const owner = await createUserIn(database.db, api, T.org.id, 'OWNER');
    await expectUntouched(database.db, T.org.id, async () => {
      const res = await api.gql(DOC.addMember, { input: { organizationId: T.org.gid, email: owner.email, role: 'VIEWER' } }, token());
      expect(codes(res, 'addMember')).toEqual(['FORBIDDEN']);
    });
    const still = await api.gql(DOC.viewer, {}, owner.token);
    expect(still.data.viewer.organizations[0].viewerRole).toBe('OWNER');
  });
});

describe('credentials', () => {
  it('a revoked API key gets HTTP 401 UNAUTHENTICATED, on queries and mutations alike', async () => {
    const created = await api.gql(DOC.createApiKey, { input: { organizationId: T.org.gid, name: 'short-lived', role: 'EDITOR' } }, T.org.key);
    const { key: secret, apiKey } = created.data.createApiKey.created;
    expect((await api.gql(DOC.location, { id: locationGid }, secret)).status).toBe(200);
    const revoked = await api.gql(DOC.revokeApiKey, { input: { id: apiKey.id } }, T.org.key);
    expect(revoked.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    await expectUntouched(database.db, T.org.id, async () => {
      for (const [doc, vars] of [
        [DOC.location, { id: locationGid }],
        [DOC.viewer, {}],
        [DOC.updateLocation, { input: { id: locationGid, expectedVersion: await version(T.org.key), patch: { name: 'revoked' } } }],
      ] as const) {
        const res = await api.gql(doc, vars, secret);
        expect(res.status).toBe(401);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        expect(res.data ?? null).toBeNull();
      }
    });
  });

  it.each([
    ['a scheme other than Bearer', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['Bearer without a token', 'Bearer'],
    ['Bearer with two tokens', 'Bearer tnp_a tnp_b'],
    ['a bare token', 'tnp_not_even_bearer'],
  ])('a malformed Authorization header (%s) gets HTTP 401 UNAUTHENTICATED', async (_name, header) => {
    const res = await rawPost(api, { authorization: header }, DOC.viewer);
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['an unknown API key', 'tnp_0000000000000000000000000000'],
    ['an unknown session token', 'tns_0000000000000000000000000000'],
    ['garbage', 'x'],
  ])('%s gets HTTP 401 UNAUTHENTICATED', async (_name, token) => {
    const res = await api.gql(DOC.viewer, {}, token);
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired session token gets HTTP 401 UNAUTHENTICATED', async () => {
    const user = await createUserIn(database.db, api, T.org.id, 'VIEWER');
    expect((await api.gql(DOC.viewer, {}, user.token)).data.viewer.kind).toBe('USER');
    await database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.userId).execute();
    const res = await api.gql(DOC.viewer, {}, user.token);
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('a session token stops working after signOut', async () => {
    const user = await createUserIn(database.db, api, T.org.id, 'EDITOR');
    expect((await api.gql(`mutation { signOut }`, {}, user.token)).data.signOut).toBe(true);
    const res = await api.gql(DOC.viewer, {}, user.token);
    expect(res.status).toBe(401);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('an anonymous caller (no Authorization header)', () => {
  it('is ANONYMOUS in viewer, with no organisations', async () => {
    const res = await rawPost(api, {}, `{ viewer { kind user { id } apiKey { id } organizations { id } } }`);
    expect(res.status).toBe(200);
    expect(res.data.viewer).toEqual({ kind: 'ANONYMOUS', user: null, apiKey: null, organizations: [] });
  });

  it.each([
    ['locations', `{ locations(first: 5) { edges { node { id } } } }`],
    ['organizations', `{ organizations { id } }`],
    ['location', `{ location(id: "${Buffer.from('Location:00000000-0000-0000-0000-000000000000').toString('base64')}") { id } }`],
  ])('gets UNAUTHENTICATED for %s', async (_name, query) => {
    const res = await rawPost(api, {}, query);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(Object.values(res.data ?? {}).filter((v) => v !== null)).toEqual([]);
  });

  it("gets null for node(id) of a real location and organisation, and nothing through mutations", async () => {
    const res = await api.gql(DOC.nodes, { ids: [locationGid, T.org.gid, T.group.gid] });
    expect(res.data.nodes).toEqual([null, null, null]);
    await expectUntouched(database.db, T.org.id, async () => {
      const upd = await api.gql(DOC.updateLocation, { input: { id: locationGid, expectedVersion: 1, patch: { name: 'anon' } } });
      expect(upd.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
  });
});

describe('signIn', () => {
  it('answers a wrong password and an unknown email with the same typed error, and opens no session', async () => {
    const sessions = await rowCount(database.db, 'sessions');
    const wrongPassword = await api.gql(DOC.signIn, { input: { email: T.owner.email, password: 'not the password' } });
    const unknownEmail = await api.gql(DOC.signIn, { input: { email: `nobody-${randomUUID()}@example.com`, password: 'not the password' } });
    expect(wrongPassword.errors).toBeUndefined();
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword.data.signIn.session).toBeNull();
    expect(wrongPassword.data.signIn.errors).toHaveLength(1);
    expect(await rowCount(database.db, 'sessions')).toBe(sessions);
  });

  it('treats the email case-insensitively and the right password opens a session', async () => {
    const res = await api.gql(DOC.signIn, { input: { email: T.owner.email.toUpperCase(), password: 'correct horse battery' } });
    expect(res.data.signIn.errors).toEqual([]);
    expect(res.data.signIn.session.token).toMatch(/^tns_/);
  });
});
