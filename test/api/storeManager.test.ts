import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createKey, createOrgWithKey, createUserIn, startApi, type GraphQLResponse, type TestApi, type TestOrg } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';
import { createLocationVia, DOC, expectNoServerError, expectUntouched, missingGid, uuidOf } from '../support/tenancy.ts';

// A STORE_MANAGER sees and edits only the stores assigned to them, directly or through a
// location group; everything else of the organisation is, to them, as if it did not exist.

let database: TestDatabase;
let api: TestApi;
let S: TestOrg;
let editorKey: string;
let manager: { userId: string; token: string; email: string };
let otherManager: { userId: string; token: string; email: string };
const group = { mine: { gid: '', name: '担当エリア' }, other: { gid: '', name: '他エリア' } };
/** Global ids by store code. SM-1 is assigned directly, SM-2 and SM-3 through the group. */
const L: Record<string, string> = {};
const ASSIGNED = ['SM-1', 'SM-2', 'SM-3'];

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  S = await createOrgWithKey(database.db, { name: 'Store Org' });
  editorKey = await createKey(database.db, S.id, 'EDITOR');
  for (const g of Object.values(group)) {
    const res = await api.gql(DOC.createGroup, { input: { organizationId: S.gid, name: g.name } }, S.key);
    g.gid = res.data.createLocationGroup.group.id;
  }
  const plan: [string, string[], string[]][] = [
    ['SM-1', [], ['flagship', 'mall']],
    ['SM-2', [group.mine.name], ['flagship']],
    ['SM-3', [group.mine.name, group.other.name], ['mall']],
    ['SM-4', [], ['flagship', 'mall']],
    ['SM-5', [group.other.name], ['flagship']],
    ['SM-6', [], ['mall']],
  ];
  for (const [code, groups, labels] of plan) {
    L[code] = await createLocationVia(api, S.key, S.gid, code, { groups, overrides: { name: `てんぽ ${code}`, labels } });
  }
  manager = await createUserIn(database.db, api, S.id, 'STORE_MANAGER');
  otherManager = await createUserIn(database.db, api, S.id, 'STORE_MANAGER');
  for (const [userId, target] of [
    [manager.userId, { locationId: L['SM-1'] }],
    [manager.userId, { groupId: group.mine.gid }],
    [otherManager.userId, { locationId: L['SM-4'] }],
  ] as const) {
    const res = await api.gql(DOC.assign, { input: { organizationId: S.gid, userId, ...target } }, S.key);
    expect(res.data.assignStoreManager.errors).toEqual([]);
  }
  const archived = await api.gql(DOC.archiveLocation, { input: { id: L['SM-6'] } }, S.key);
  expect(archived.data.archiveLocation.errors).toEqual([]);
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const codesOf = (res: GraphQLResponse) => res.data.locations.edges.map((e: { node: { storeCode: string } }) => e.node.storeCode).sort();
const codes = (res: GraphQLResponse, field: string) => {
  expect(res.errors).toBeUndefined();
  return res.data[field].errors.map((e: { code: string }) => e.code);
};
const versionOf = async (gid: string) =>
  (await database.db.selectFrom('locations').select('version').where('id', '=', uuidOf(gid)).executeTakeFirstOrThrow()).version;

async function sameAsMissing(doc: string, vars: (id: string) => Record<string, unknown>, real: string, missing: string) {
  const a = await api.gql(doc, vars(real), manager.token);
  const b = await api.gql(doc, vars(missing), manager.token);
  expectNoServerError(a);
  expect(a).toEqual(b);
  return a;
}

/** Every store code the manager can page through, one page of `first` at a time. */
async function pageThrough(first: number, orderBy: string, filter: Record<string, unknown> | null = null): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const res: GraphQLResponse = await api.gql(DOC.locations, { first, after, orderBy, filter }, manager.token);
    expect(res.errors).toBeUndefined();
    seen.push(...res.data.locations.edges.map((e: { node: { storeCode: string } }) => e.node.storeCode));
    if (!res.data.locations.pageInfo.hasNextPage) return seen;
    after = res.data.locations.pageInfo.endCursor;
  }
  throw new Error(`${orderBy} pagination did not end after 20 pages of ${first}; it returned ${seen.join(', ')}`);
}

describe('what a store manager sees', () => {
  it('lists exactly the directly assigned store and the two stores of the assigned group', async () => {
    expect(codesOf(await api.gql(DOC.locations, {}, manager.token))).toEqual(ASSIGNED);
    expect(codesOf(await api.gql(DOC.locations, { org: S.gid, first: 100 }, manager.token))).toEqual(ASSIGNED);
    const viaOrg = await api.gql(DOC.node, { id: S.gid }, manager.token);
    expect(viaOrg.data.node.viewerRole).toBe('STORE_MANAGER');
    expect(viaOrg.data.node.locations.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(ASSIGNED.map((c) => L[c]).sort());
  });

  const filters: [string, () => Record<string, unknown> | null, readonly string[]][] = [
    ['no filter', () => null, ASSIGNED],
    ['a search matching every store', () => ({ search: 'SM-' }), ASSIGNED],
    ['a search naming an unassigned store', () => ({ search: 'SM-4' }), []],
    ['a label', () => ({ labels: ['mall'] }), ['SM-1', 'SM-3']],
    ['the assigned group', () => ({ groups: [group.mine.gid] }), ['SM-2', 'SM-3']],
    ['another group', () => ({ groups: [group.other.gid] }), ['SM-3']],
    ['country and status', () => ({ country: ['jp'], status: ['OPEN'] }), ASSIGNED],
    ['archived included', () => ({ includeArchived: true }), ASSIGNED],
  ];
  it.each(filters)('lists only assigned stores with %s', async (_name, filter, expected) => {
    const res = await api.gql(DOC.locations, { filter: filter(), first: 100 }, manager.token);
    expect(codesOf(res)).toEqual([...expected]);
  });

  it.each([
    [1, 'NAME_ASC'],
    [2, 'STORE_CODE_ASC'],
    [1, 'UPDATED_AT_DESC'],
    [2, 'CREATED_AT_ASC'],
  ])('pages through exactly the assigned stores, %i at a time in %s order, with no store twice', async (first, orderBy) => {
    const seen = await pageThrough(first, orderBy);
    expect(seen).toHaveLength(new Set(seen).size);
    expect([...seen].sort()).toEqual(ASSIGNED);
    const filtered = await pageThrough(first, orderBy, { labels: ['flagship'] });
    expect([...filtered].sort()).toEqual(['SM-1', 'SM-2']);
  });

  it('reads each assigned store by location(id), node(id) and nodes(ids)', async () => {
    for (const code of ASSIGNED) {
      expect((await api.gql(DOC.location, { id: L[code] }, manager.token)).data.location.storeCode).toBe(code);
      expect((await api.gql(DOC.node, { id: L[code] }, manager.token)).data.node.storeCode).toBe(code);
    }
    const nodes = await api.gql(DOC.nodes, { ids: ASSIGNED.map((c) => L[c]) }, manager.token);
    expect(nodes.data.nodes.map((n: { id: string }) => n.id)).toEqual(ASSIGNED.map((c) => L[c]));
  });

  it.each(['SM-4', 'SM-5', 'SM-6'])("gets %s, which is not theirs, answered exactly as a missing location", async (code) => {
    expect((await sameAsMissing(DOC.location, (id) => ({ id }), L[code]!, missingGid('Location'))).data.location).toBeNull();
    expect((await sameAsMissing(DOC.node, (id) => ({ id }), L[code]!, missingGid('Location'))).data.node).toBeNull();
    const nodes = await api.gql(DOC.nodes, { ids: [L[code], L['SM-1']] }, manager.token);
    expect(nodes.data.nodes).toEqual([null, { __typename: 'Location', id: L['SM-1'] }]);
  });

  it("another store manager of the same organisation sees only their own store", async () => {
    expect(codesOf(await api.gql(DOC.locations, {}, otherManager.token))).toEqual(['SM-4']);
    expect((await api.gql(DOC.location, { id: L['SM-1'] }, otherManager.token)).data.location).toBeNull();
  });
});

describe('what a store manager may change', () => {
  it.each(['SM-1', 'SM-2'])('updates the hours of %s: the version moves and the audit names the manager by email', async (code) => {
    const gid = L[code]!;
    const before = await versionOf(gid);
    const regularHours = [{ day: 'SUNDAY', intervals: [{ open: '10:00', close: '18:00' }] }];
    const res = await api.gql(DOC.updateLocation, { input: { id: gid, expectedVersion: before, patch: { regularHours } } }, manager.token);
    expect(res.data.updateLocation.errors).toEqual([]);
    expect(res.data.updateLocation.location.version).toBe(before + 1);
    const history = await api.gql(
      `query($id: ID!) { location(id: $id) { regularHours { day } history(first: 1) { edges { node { version actor actorKind changes { field } } } } } }`,
      { id: gid },
      manager.token,
    );
    expect(history.data.location.regularHours).toEqual([{ day: 'SUNDAY' }]);
    expect(history.data.location.history.edges[0].node).toEqual({
      version: before + 1,
      actor: manager.email,
      actorKind: 'USER',
      changes: [{ field: 'regularHours' }],
    });
    const audit = await database.db
      .selectFrom('location_audit')
      .select(['actor_id', 'actor_label'])
      .where('location_id', '=', uuidOf(gid))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: manager.userId, actor_label: manager.email });
  });

  it.each([
    ['storeCode', { storeCode: 'SM-1-RENAMED' }, undefined],
    ['storeCode, even alongside an allowed change', { storeCode: 'SM-1-RENAMED', description: 'new' }, undefined],
    ['groups', {}, ['他エリア']],
    ['groups, even to drop them all', { description: 'new' }, [] as string[]],
  ] as const)('gets FORBIDDEN changing %s, and nothing is written', async (_name, patch, groups) => {
    const gid = L[groups && groups.length === 0 ? 'SM-2' : 'SM-1']!;
    await expectUntouched(database.db, S.id, async () => {
      const res = await api.gql(
        DOC.updateLocation,
        { input: { id: gid, expectedVersion: await versionOf(gid), patch, groups } },
        manager.token,
      );
      expect(codes(res, 'updateLocation')).toEqual(['FORBIDDEN']);
      expect(res.data.updateLocation.location).toBeNull();
    });
  });

  it('gets FORBIDDEN for createLocation, archiveLocation, restoreLocation, bulkUpsertLocations and createLocationGroup', async () => {
    await expectUntouched(database.db, S.id, async () => {
      const calls: [string, string, Record<string, unknown>][] = [
        ['createLocation', DOC.createLocation, { input: { organizationId: S.gid, location: tokyoStore('SM-NEW'), groups: [group.mine.name] } }],
        ['archiveLocation', DOC.archiveLocation, { input: { id: L['SM-1'] } }],
        ['restoreLocation', DOC.restoreLocation, { input: { id: L['SM-1'] } }],
        [
          'bulkUpsertLocations',
          DOC.bulk,
          { input: { organizationId: S.gid, rows: [{ location: tokyoStore('SM-1', { name: 'bulk' }) }, { location: tokyoStore('SM-NEW') }] } },
        ],
        ['createLocationGroup', DOC.createGroup, { input: { organizationId: S.gid, name: 'my own group' } }],
      ];
      for (const [field, doc, vars] of calls) {
        expect({ field, codes: codes(await api.gql(doc, vars, manager.token), field) }).toEqual({ field, codes: ['FORBIDDEN'] });
      }
    });
  });

  it('cannot assign themselves more stores, add members or create keys (FORBIDDEN)', async () => {
    await expectUntouched(database.db, S.id, async () => {
      const calls: [string, string, Record<string, unknown>][] = [
        ['assignStoreManager', DOC.assign, { input: { organizationId: S.gid, userId: manager.userId, locationId: L['SM-4'] } }],
        ['addMember', DOC.addMember, { input: { organizationId: S.gid, email: otherManager.email, role: 'ADMIN' } }],
        ['createApiKey', DOC.createApiKey, { input: { organizationId: S.gid, name: 'mine', role: 'VIEWER' } }],
      ];
      for (const [field, doc, vars] of calls) {
        expect({ field, codes: codes(await api.gql(doc, vars, manager.token), field) }).toEqual({ field, codes: ['FORBIDDEN'] });
      }
    });
  });

  it("gets update and archive of a store that is not theirs answered exactly as for a missing location", async () => {
    await expectUntouched(database.db, S.id, async () => {
      const upd = (id: string) => ({ input: { id, expectedVersion: 1, patch: { description: 'not mine' } } });
      expect(codes(await sameAsMissing(DOC.updateLocation, upd, L['SM-4']!, missingGid('Location')), 'updateLocation')).toEqual(['NOT_FOUND']);
      const arch = (id: string) => ({ input: { id } });
      expect(codes(await sameAsMissing(DOC.archiveLocation, arch, L['SM-5']!, missingGid('Location')), 'archiveLocation')).toEqual(['NOT_FOUND']);
    });
  });
});

describe('when the group changes', () => {
  it("a store taken out of the assigned group is no longer the manager's", async () => {
    const gid = L['SM-3']!;
    const res = await api.gql(
      DOC.updateLocation,
      { input: { id: gid, expectedVersion: await versionOf(gid), patch: {}, groups: [group.other.name] } },
      editorKey,
    );
    expect(res.data.updateLocation.location.groups).toEqual([group.other.name]);

    expect(codesOf(await api.gql(DOC.locations, { first: 100 }, manager.token))).toEqual(['SM-1', 'SM-2']);
    expect((await sameAsMissing(DOC.location, (id) => ({ id }), gid, missingGid('Location'))).data.location).toBeNull();
    await expectUntouched(database.db, S.id, async () => {
      const upd = (id: string) => ({ input: { id, expectedVersion: 2, patch: { description: 'still mine?' } } });
      expect(codes(await sameAsMissing(DOC.updateLocation, upd, gid, missingGid('Location')), 'updateLocation')).toEqual(['NOT_FOUND']);
    });
  });

  it('a store removed from the group in the database is no longer visible either', async () => {
    await database.db
      .deleteFrom('location_group_members')
      .where('group_id', '=', uuidOf(group.mine.gid))
      .where('location_id', '=', uuidOf(L['SM-2']!))
      .execute();
    expect(codesOf(await api.gql(DOC.locations, { first: 100 }, manager.token))).toEqual(['SM-1']);
    expect((await api.gql(DOC.location, { id: L['SM-2'] }, manager.token)).data.location).toBeNull();
  });

  it('a store added to the assigned group becomes visible to the manager', async () => {
    const gid = await createLocationVia(api, editorKey, S.gid, 'SM-7', { groups: [group.mine.name] });
    expect(codesOf(await api.gql(DOC.locations, { first: 100 }, manager.token))).toEqual(['SM-1', 'SM-7']);
    expect((await api.gql(DOC.location, { id: gid }, manager.token)).data.location.storeCode).toBe('SM-7');
  });

  it('stores bulk-imported into the assigned group in one call are paged through exactly once each, in every order', async () => {
    const rows = ['SM-B1', 'SM-B2', 'SM-B3', 'SM-B4'].map((code) => ({ location: tokyoStore(code, { name: `てんぽ ${code}` }), groups: [group.mine.name] }));
    const res = await api.gql(DOC.bulk, { input: { organizationId: S.gid, rows } }, editorKey);
    expect(res.data.bulkUpsertLocations.created).toBe(4);
    const expected = ['SM-1', 'SM-7', 'SM-B1', 'SM-B2', 'SM-B3', 'SM-B4'];
    for (const orderBy of ['NAME_ASC', 'STORE_CODE_ASC', 'CREATED_AT_ASC', 'UPDATED_AT_DESC']) {
      const seen = await pageThrough(2, orderBy);
      expect({ orderBy, seen: [...seen].sort(), repeats: seen.length - new Set(seen).size }).toEqual({ orderBy, seen: expected, repeats: 0 });
    }
  });
});
