import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startApi, type GraphQLResponse, type TestApi } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';
import {
  createLocationVia,
  createTenant,
  DOC,
  expectNoServerError,
  expectUntouched,
  missingGid,
  snapshotOrg,
  uuidOf,
  type Tenant,
} from '../support/tenancy.ts';

// Tenant isolation: organisation B, with the strongest role it can hold (OWNER), reads and
// changes nothing of organisation A through any path, and every answer about one of A's ids
// is exactly the answer about an id that does not exist.

let database: TestDatabase;
let api: TestApi;
let A: Tenant;
let B: Tenant;
/** Store codes only A has; B's bulk calls use them and must create B's own locations. */
const A_ONLY = { key: 'A-ONLY-1', session: 'A-ONLY-2' } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  A = await createTenant(database.db, api, 'Alpha');
  B = await createTenant(database.db, api, 'Bravo');
  for (const code of Object.values(A_ONLY)) await createLocationVia(api, A.org.key, A.org.gid, code);
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

/** Asks the same thing about A's real id and about a missing id; the answers must be identical. */
async function sameAsMissing(
  token: string,
  doc: string,
  vars: (id: string) => Record<string, unknown>,
  realId: string,
  missingId: string,
): Promise<GraphQLResponse> {
  const real = await api.gql(doc, vars(realId), token);
  const missing = await api.gql(doc, vars(missingId), token);
  expectNoServerError(real);
  expectNoServerError(missing);
  expect(real).toEqual(missing);
  return real;
}

const notFound = (res: GraphQLResponse, field: string) => {
  expect(res.errors).toBeUndefined();
  const payload = res.data[field];
  expect(payload.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  for (const [key, value] of Object.entries(payload)) if (key !== 'errors') expect(value).toBeNull();
};

const aLocation = () => A.locations['TKY-001']!;

const callers = [
  { as: "B's OWNER API key", token: () => B.org.key, aOnlyCode: A_ONLY.key },
  { as: "a B OWNER user's session", token: () => B.owner.token, aOnlyCode: A_ONLY.session },
];

describe.each(callers)('as $as, reading A', ({ token }) => {
  it("location(id) of each of A's locations, archived included, answers null exactly as for a missing id", async () => {
    for (const gid of Object.values(A.locations)) {
      const res = await sameAsMissing(token(), DOC.location, (id) => ({ id }), gid, missingGid('Location'));
      expect(res.data).toEqual({ location: null });
    }
  });

  it.each(['Location', 'Organization', 'LocationGroup'] as const)(
    "node(id) of A's %s answers null, fields and history included, exactly as for a missing id",
    async (type) => {
      const real = { Location: aLocation(), Organization: A.org.gid, LocationGroup: A.group.gid }[type];
      const res = await sameAsMissing(token(), DOC.node, (id) => ({ id }), real, missingGid(type));
      expect(res.data).toEqual({ node: null });
    },
  );

  it("nodes(ids) of A's location, organisation and group answers [null, null, null] as for missing ids", async () => {
    const res = await api.gql(DOC.nodes, { ids: [aLocation(), A.org.gid, A.group.gid] }, token());
    const missing = await api.gql(DOC.nodes, { ids: [missingGid('Location'), missingGid('Organization'), missingGid('LocationGroup')] }, token());
    expectNoServerError(res);
    expect(res).toEqual(missing);
    expect(res.data).toEqual({ nodes: [null, null, null] });
  });

  it("nodes(ids) mixing B's own ids with A's returns B's and null for A's", async () => {
    const own = B.locations['TKY-001']!;
    const res = await api.gql(DOC.nodes, { ids: [own, aLocation(), B.org.gid, A.org.gid] }, token());
    expectNoServerError(res);
    expect(res.data.nodes).toEqual([{ __typename: 'Location', id: own }, null, { __typename: 'Organization', id: B.org.gid }, null]);
  });

  it('locations(organizationId: A) is an empty page, exactly as for a missing organisation', async () => {
    for (const filter of [null, { includeArchived: true }, { search: 'TKY' }]) {
      const res = await sameAsMissing(token(), DOC.locations, (org) => ({ org, filter, first: 50 }), A.org.gid, missingGid('Organization'));
      expect(res.data.locations.edges).toEqual([]);
    }
  });

  it("filtering B's own locations by A's group matches nothing, as a missing group does", async () => {
    const res = await sameAsMissing(
      token(),
      DOC.locations,
      (group) => ({ org: B.org.gid, filter: { groups: [group] } }),
      A.group.gid,
      missingGid('LocationGroup'),
    );
    expect(res.data.locations.edges).toEqual([]);
  });

  it("A's history is out of reach through location(id) as through node(id)", async () => {
    const doc = `query($id: ID!) { location(id: $id) { history(first: 50) { edges { node { version actor changes { field } } } } } }`;
    const res = await sameAsMissing(token(), doc, (id) => ({ id }), aLocation(), missingGid('Location'));
    expect(res.data).toEqual({ location: null });
  });

  it('viewer.organizations and organizations list B alone', async () => {
    const res = await api.gql(DOC.viewer, {}, token());
    expectNoServerError(res);
    expect(res.data.viewer.organizations).toEqual([{ id: B.org.gid, name: 'Bravo Org', viewerRole: 'OWNER' }]);
    expect(res.data.organizations).toEqual([{ id: B.org.gid }]);
  });

  it("B's own organisation shows none of A's keys, members, groups or locations", async () => {
    const res = await api.gql(DOC.node, { id: B.org.gid }, token());
    expectNoServerError(res);
    const org = res.data.node;
    const keyIds = org.apiKeys.map((k: { id: string }) => k.id);
    expect(keyIds).not.toContain(A.editorKey.id);
    expect(org.groups).toEqual([{ id: B.group.gid, name: B.group.name }]);
    expect(org.locations.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(aLocation());
    const text = JSON.stringify(org);
    for (const id of [A.org.gid, A.group.gid, A.editorKey.id, A.manager.userId, ...Object.values(A.locations)]) expect(text).not.toContain(id);
  });
});

describe.each(callers)('as $as, writing to A', ({ token, aOnlyCode }) => {
  const untouched = (act: () => Promise<unknown>) => expectUntouched(database.db, A.org.id, act);

  it("updateLocation of A's location answers NOT_FOUND exactly as for a missing id, and A is unchanged", async () => {
    await untouched(async () => {
      const doc = DOC.updateLocation;
      const vars = (id: string) => ({ input: { id, expectedVersion: 1, patch: { name: 'pwned' }, groups: ['pwned'] } });
      notFound(await sameAsMissing(token(), doc, vars, aLocation(), missingGid('Location')), 'updateLocation');
      const wrongVersion = (id: string) => ({ input: { id, expectedVersion: 99, patch: { name: 'pwned' } } });
      notFound(await sameAsMissing(token(), doc, wrongVersion, aLocation(), missingGid('Location')), 'updateLocation');
    });
  });

  it("archiveLocation of A's location answers NOT_FOUND as for a missing id, and A is unchanged", async () => {
    await untouched(async () => {
      for (const expectedVersion of [undefined, 1, 99]) {
        const vars = (id: string) => ({ input: { id, expectedVersion } });
        notFound(await sameAsMissing(token(), DOC.archiveLocation, vars, aLocation(), missingGid('Location')), 'archiveLocation');
      }
    });
  });

  it("restoreLocation of A's archived location answers NOT_FOUND as for a missing id, and it stays archived", async () => {
    await untouched(async () => {
      const vars = (id: string) => ({ input: { id } });
      notFound(await sameAsMissing(token(), DOC.restoreLocation, vars, A.archivedGid, missingGid('Location')), 'restoreLocation');
    });
    const row = await database.db.selectFrom('locations').select('archived_at').where('id', '=', uuidOf(A.archivedGid)).executeTakeFirstOrThrow();
    expect(row.archived_at).not.toBeNull();
  });

  it('createLocation into A answers NOT_FOUND as for a missing organisation, and creates nothing', async () => {
    await untouched(async () => {
      const vars = (org: string) => ({ input: { organizationId: org, location: tokyoStore('B-IN-A'), groups: [A.group.name] } });
      notFound(await sameAsMissing(token(), DOC.createLocation, vars, A.org.gid, missingGid('Organization')), 'createLocation');
    });
    const rows = await database.db.selectFrom('locations').select('id').where('store_code', '=', 'B-IN-A').execute();
    expect(rows).toEqual([]);
  });

  it('bulkUpsertLocations into A is refused as for a missing organisation, even for rows with A\'s store codes', async () => {
    await untouched(async () => {
      const vars = (org: string) => ({
        input: {
          organizationId: org,
          rows: [
            { location: tokyoStore('TKY-001', { name: 'pwned' }), groups: ['pwned'] },
            { location: tokyoStore(aOnlyCode, { name: 'pwned' }) },
            { location: tokyoStore('B-NEW-IN-A') },
          ],
        },
      });
      const res = await sameAsMissing(token(), DOC.bulk, vars, A.org.gid, missingGid('Organization'));
      expect(res.data.bulkUpsertLocations).toMatchObject({ created: 0, updated: 0, unchanged: 0, failed: 0, results: [] });
      expect(res.data.bulkUpsertLocations.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    });
  });

  it("bulkUpsertLocations into B with A's store codes creates or updates B's own locations and never A's", async () => {
    let res: GraphQLResponse | undefined;
    await untouched(async () => {
      res = await api.gql(
        DOC.bulk,
        {
          input: {
            organizationId: B.org.gid,
            rows: [
              { location: tokyoStore(aOnlyCode, { name: 'Bravo copy' }), groups: [A.group.name] },
              { location: tokyoStore('TKY-002', { name: `Bravo bulk ${aOnlyCode}` }) },
            ],
          },
        },
        token(),
      );
    });
    expectNoServerError(res!);
    const payload = res!.data.bulkUpsertLocations;
    expect(payload.errors).toEqual([]);
    expect(payload.results.map((r: { outcome: string }) => r.outcome)).toEqual(['CREATED', 'UPDATED']);
    for (const r of payload.results) expect(r.location.organization.id).toBe(B.org.gid);
    expect(payload.results[1].location.id).toBe(B.locations['TKY-002']);
    const created: string = payload.results[0].location.id;
    expect(Object.values(A.locations)).not.toContain(created);
    const row = await database.db.selectFrom('locations').select(['org_id', 'name']).where('id', '=', uuidOf(created)).executeTakeFirstOrThrow();
    expect(row).toEqual({ org_id: B.org.id, name: 'Bravo copy' });
    // The group named like A's is a group of B's own; A's group gains no member.
    const membership = await database.db
      .selectFrom('location_group_members as m')
      .innerJoin('location_groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.org_id', 'g.name'])
      .where('m.location_id', '=', uuidOf(created))
      .execute();
    expect(membership).toHaveLength(1);
    expect(membership[0]).toMatchObject({ org_id: B.org.id, name: A.group.name });
    expect(membership[0]!.id).not.toBe(uuidOf(A.group.gid));
  });

  it('createLocationGroup in A answers NOT_FOUND as for a missing organisation', async () => {
    await untouched(async () => {
      const vars = (org: string) => ({ input: { organizationId: org, name: 'pwned' } });
      notFound(await sameAsMissing(token(), DOC.createGroup, vars, A.org.gid, missingGid('Organization')), 'createLocationGroup');
      const existing = (org: string) => ({ input: { organizationId: org, name: A.group.name } });
      notFound(await sameAsMissing(token(), DOC.createGroup, existing, A.org.gid, missingGid('Organization')), 'createLocationGroup');
    });
  });

  it('createApiKey in A answers NOT_FOUND as for a missing organisation, whatever the role asked', async () => {
    await untouched(async () => {
      for (const role of ['OWNER', 'VIEWER']) {
        const vars = (org: string) => ({ input: { organizationId: org, name: 'pwned', role } });
        notFound(await sameAsMissing(token(), DOC.createApiKey, vars, A.org.gid, missingGid('Organization')), 'createApiKey');
      }
    });
  });

  it("revokeApiKey of A's key answers NOT_FOUND as for a missing key, and A's key keeps working", async () => {
    await untouched(async () => {
      const vars = (id: string) => ({ input: { id } });
      notFound(await sameAsMissing(token(), DOC.revokeApiKey, vars, A.editorKey.id, randomUUID()), 'revokeApiKey');
    });
    const still = await api.gql(DOC.location, { id: aLocation() }, A.editorKey.key);
    expect(still.status).toBe(200);
    expect(still.data.location.id).toBe(aLocation());
  });

  it('addMember into A answers NOT_FOUND as for a missing organisation, for an existing or a new user', async () => {
    await untouched(async () => {
      for (const input of [
        { email: B.owner.email, role: 'OWNER' },
        { email: `new-${randomUUID()}@example.com`, password: 'correct horse battery', role: 'ADMIN' },
      ]) {
        const vars = (org: string) => ({ input: { organizationId: org, ...input } });
        notFound(await sameAsMissing(token(), DOC.addMember, vars, A.org.gid, missingGid('Organization')), 'addMember');
      }
    });
  });

  it('assignStoreManager in A answers NOT_FOUND as for a missing organisation', async () => {
    await untouched(async () => {
      for (const target of [{ groupId: A.group.gid }, { locationId: aLocation() }]) {
        const vars = (org: string) => ({ input: { organizationId: org, userId: A.manager.userId, ...target } });
        notFound(await sameAsMissing(token(), DOC.assign, vars, A.org.gid, missingGid('Organization')), 'assignStoreManager');
      }
    });
  });

  it("assignStoreManager in B of A's location, A's group or A's member answers as for missing ones", async () => {
    const bBefore = await snapshotOrg(database.db, B.org.id);
    await untouched(async () => {
      const org = B.org.gid;
      const byLocation = (id: string) => ({ input: { organizationId: org, userId: B.manager.userId, locationId: id } });
      notFound(await sameAsMissing(token(), DOC.assign, byLocation, aLocation(), missingGid('Location')), 'assignStoreManager');
      const byGroup = (id: string) => ({ input: { organizationId: org, userId: B.manager.userId, groupId: id } });
      notFound(await sameAsMissing(token(), DOC.assign, byGroup, A.group.gid, missingGid('LocationGroup')), 'assignStoreManager');
      const byUser = (id: string) => ({ input: { organizationId: org, userId: id, groupId: B.group.gid } });
      notFound(await sameAsMissing(token(), DOC.assign, byUser, A.manager.userId, randomUUID()), 'assignStoreManager');
    });
    expect((await snapshotOrg(database.db, B.org.id)).assignments).toEqual(bBefore.assignments);
  });

  it('createClientOrganization under A answers NOT_FOUND as for a missing organisation (not "only an agency has clients")', async () => {
    await untouched(async () => {
      const vars = (agencyId: string) => ({ input: { agencyId, name: 'pwned client' } });
      notFound(await sameAsMissing(token(), DOC.createClient, vars, A.org.gid, missingGid('Organization')), 'createClientOrganization');
    });
  });
});

describe("A's side, after everything B tried", () => {
  it("A still sees exactly its own locations, versions and history, with no change by B's key or users", async () => {
    const res = await api.gql(DOC.locations, { org: A.org.gid, filter: { includeArchived: true }, first: 50 }, A.org.key);
    const codes = res.data.locations.edges.map((e: { node: { storeCode: string } }) => e.node.storeCode).sort();
    expect(codes).toEqual(['A-ONLY-1', 'A-ONLY-2', 'TKY-001', 'TKY-002', 'TKY-003']);
    const audit = await database.db
      .selectFrom('location_audit')
      .select(['actor_kind', 'actor_label'])
      .where('org_id', '=', A.org.id)
      .execute();
    const bKeyPrefix = (await database.db.selectFrom('api_keys').select('prefix').where('org_id', '=', B.org.id).execute()).map((k) => `API key ${k.prefix}`);
    for (const entry of audit) {
      expect(entry.actor_label).not.toBe(B.owner.email);
      expect(bKeyPrefix).not.toContain(entry.actor_label);
    }
    const outbox = await database.db.selectFrom('outbox').select('aggregate_id').where('org_id', '=', B.org.id).execute();
    const aIds = Object.values(A.locations).map(uuidOf);
    for (const row of outbox) expect(aIds).not.toContain(row.aggregate_id);
  });
});
