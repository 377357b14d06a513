import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createKey, createOrgWithKey, createUserIn, startApi, type GraphQLResponse, type TestApi, type TestOrg } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';
import { createLocationVia, DOC, expectNoServerError, expectUntouched, missingGid, rowCount, uuidOf } from '../support/tenancy.ts';

// Agencies: a role held in agency G applies in each of G's clients (C1, C2); nothing applies
// from a client to its agency, nor from one client to another.

let database: TestDatabase;
let api: TestApi;
let G: TestOrg;
let C1: TestOrg;
let C2: TestOrg;
let gOwner: { userId: string; token: string; email: string };
let gViewer: { userId: string; token: string; email: string };
let gEditor: { userId: string; token: string; email: string };
/** Locations by the client they belong to: one made by the client's key, one by the agency's. */
const loc = { c1Own: '', c1ByAgency: '', c2Own: '', gOwn: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  G = await createOrgWithKey(database.db, { kind: 'AGENCY', name: 'Agency G' });
  C1 = await createOrgWithKey(database.db, { agencyId: G.id, name: 'Client C1' });
  C2 = await createOrgWithKey(database.db, { agencyId: G.id, name: 'Client C2' });
  gOwner = await createUserIn(database.db, api, G.id, 'OWNER');
  gViewer = await createUserIn(database.db, api, G.id, 'VIEWER');
  gEditor = await createUserIn(database.db, api, G.id, 'EDITOR');
  loc.c1Own = await createLocationVia(api, C1.key, C1.gid, 'C1-OWN');
  loc.c1ByAgency = await createLocationVia(api, G.key, C1.gid, 'C1-BY-G');
  loc.c2Own = await createLocationVia(api, C2.key, C2.gid, 'C2-OWN');
  loc.gOwn = await createLocationVia(api, G.key, G.gid, 'G-OWN');
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

async function sameAsMissing(token: string, doc: string, vars: (id: string) => Record<string, unknown>, real: string, missing: string) {
  const a = await api.gql(doc, vars(real), token);
  const b = await api.gql(doc, vars(missing), token);
  expectNoServerError(a);
  expect(a).toEqual(b);
  return a;
}

const codes = (res: GraphQLResponse, field: string) => res.data[field].errors.map((e: { code: string }) => e.code);
const rename = (id: string, version: number, name: string) => ({ input: { id, expectedVersion: version, patch: { name } } });

describe("the agency's OWNER", () => {
  const owners = [
    { as: 'API key', token: () => G.key },
    { as: 'user session', token: () => gOwner.token },
  ];

  it.each(owners)('($as) sees the agency and both clients in viewer.organizations, with its role in each', async ({ token }) => {
    const res = await api.gql(DOC.viewer, {}, token());
    expect(res.data.viewer.organizations).toEqual([
      { id: G.gid, name: 'Agency G', viewerRole: 'OWNER' },
      { id: C1.gid, name: 'Client C1', viewerRole: 'OWNER' },
      { id: C2.gid, name: 'Client C2', viewerRole: 'OWNER' },
    ]);
    expect(res.data.organizations.map((o: { id: string }) => o.id)).toEqual([G.gid, C1.gid, C2.gid]);
  });

  it.each(owners)("($as) reads each client's locations by id, by node and by list", async ({ token }) => {
    for (const [org, ids] of [[C1, [loc.c1Own, loc.c1ByAgency]], [C2, [loc.c2Own]]] as const) {
      const list = await api.gql(DOC.locations, { org: org.gid }, token());
      expect(list.data.locations.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        expect((await api.gql(DOC.location, { id }, token())).data.location.id).toBe(id);
        expect((await api.gql(DOC.node, { id }, token())).data.node.id).toBe(id);
      }
    }
  });

  it.each(owners)("($as) edits a location the client made itself, in C1 and in C2", async ({ token }) => {
    for (const id of [loc.c1Own, loc.c2Own]) {
      const current = (await api.gql(DOC.location, { id }, token())).data.location;
      const res = await api.gql(DOC.updateLocation, rename(id, current.version, `edited by agency ${current.version}`), token());
      expect(res.data.updateLocation.errors).toEqual([]);
      expect(res.data.updateLocation.location.version).toBe(current.version + 1);
    }
  });

  it("sees both clients under the agency's clients, and the agency as each client's agency", async () => {
    const res = await api.gql(`query($id: ID!) { node(id: $id) { ... on Organization { clients { id } } } }`, { id: G.gid }, G.key);
    expect(res.data.node.clients.map((c: { id: string }) => c.id)).toEqual([C1.gid, C2.gid]);
    const client = await api.gql(`query($id: ID!) { node(id: $id) { ... on Organization { agency { id } } } }`, { id: C1.gid }, G.key);
    expect(client.data.node.agency).toEqual({ id: G.gid });
  });

  it('adds a client organisation, which it then manages and which no existing client can see', async () => {
    const res = await api.gql(DOC.createClient, { input: { agencyId: G.gid, name: 'Client C3' } }, gOwner.token);
    expect(res.data.createClientOrganization.errors).toEqual([]);
    const c3 = res.data.createClientOrganization.organization;
    expect(c3).toMatchObject({ name: 'Client C3', kind: 'BRAND', viewerRole: 'OWNER' });
    const viewer = await api.gql(DOC.viewer, {}, G.key);
    expect(viewer.data.viewer.organizations.map((o: { id: string }) => o.id)).toContain(c3.id);
    const fromC1 = await sameAsMissing(C1.key, DOC.node, (id) => ({ id }), c3.id, missingGid('Organization'));
    expect(fromC1.data.node).toBeNull();
  });
});

describe('a client (C1)', () => {
  it('sees only itself in viewer.organizations, not its agency nor the other client', async () => {
    const res = await api.gql(DOC.viewer, {}, C1.key);
    expect(res.data.viewer.organizations).toEqual([{ id: C1.gid, name: 'Client C1', viewerRole: 'OWNER' }]);
    expect(res.data.organizations).toEqual([{ id: C1.gid }]);
  });

  it('sees no agency on its own organisation, exactly as an organisation without one', async () => {
    const doc = `query($id: ID!) { node(id: $id) { ... on Organization { agency { id name } clients { id } } } }`;
    const res = await api.gql(doc, { id: C1.gid }, C1.key);
    expect(res.data.node).toEqual({ agency: null, clients: [] });
  });

  it.each([
    ['the agency', () => G.gid],
    ['the other client', () => C2.gid],
  ])('gets node(%s) answered as a missing organisation', async (_name, gid) => {
    const res = await sameAsMissing(C1.key, DOC.node, (id) => ({ id }), gid(), missingGid('Organization'));
    expect(res.data).toEqual({ node: null });
  });

  it("gets the agency's and the other client's locations answered as missing, by id, node, nodes and list", async () => {
    for (const gid of [loc.c2Own, loc.gOwn]) {
      expect((await sameAsMissing(C1.key, DOC.location, (id) => ({ id }), gid, missingGid('Location'))).data.location).toBeNull();
      expect((await sameAsMissing(C1.key, DOC.node, (id) => ({ id }), gid, missingGid('Location'))).data.node).toBeNull();
    }
    const nodes = await api.gql(DOC.nodes, { ids: [loc.c2Own, loc.gOwn, G.gid, C2.gid] }, C1.key);
    expect(nodes.data.nodes).toEqual([null, null, null, null]);
    for (const org of [G.gid, C2.gid]) {
      const list = await sameAsMissing(C1.key, DOC.locations, (o) => ({ org: o }), org, missingGid('Organization'));
      expect(list.data.locations.edges).toEqual([]);
    }
  });

  it("cannot update, archive or bulk-write the agency's or the other client's locations, which stay unchanged", async () => {
    for (const [org, gid] of [[C2, loc.c2Own], [G, loc.gOwn]] as const) {
      await expectUntouched(database.db, org.id, async () => {
        const upd = await sameAsMissing(C1.key, DOC.updateLocation, (id) => rename(id, 1, 'pwned'), gid, missingGid('Location'));
        expect(codes(upd, 'updateLocation')).toEqual(['NOT_FOUND']);
        const arch = await sameAsMissing(C1.key, DOC.archiveLocation, (id) => ({ input: { id } }), gid, missingGid('Location'));
        expect(codes(arch, 'archiveLocation')).toEqual(['NOT_FOUND']);
        const bulkVars = (o: string) => ({ input: { organizationId: o, rows: [{ location: tokyoStore('C2-OWN', { name: 'pwned' }) }] } });
        const bulk = await sameAsMissing(C1.key, DOC.bulk, bulkVars, org.gid, missingGid('Organization'));
        expect(codes(bulk, 'bulkUpsertLocations')).toEqual(['NOT_FOUND']);
      });
    }
  });

  it('cannot add members or keys to its agency, which stays unchanged', async () => {
    await expectUntouched(database.db, G.id, async () => {
      const member = (o: string) => ({ input: { organizationId: o, email: gViewer.email, role: 'OWNER' } });
      expect(codes(await sameAsMissing(C1.key, DOC.addMember, member, G.gid, missingGid('Organization')), 'addMember')).toEqual(['NOT_FOUND']);
      const key = (o: string) => ({ input: { organizationId: o, name: 'pwned', role: 'OWNER' } });
      expect(codes(await sameAsMissing(C1.key, DOC.createApiKey, key, G.gid, missingGid('Organization')), 'createApiKey')).toEqual(['NOT_FOUND']);
    });
  });

  it('cannot create client organisations, under its agency or under itself, and none is created', async () => {
    const before = await rowCount(database.db, 'organizations');
    const underAgency = await sameAsMissing(C1.key, DOC.createClient, (a) => ({ input: { agencyId: a, name: 'rogue' } }), G.gid, missingGid('Organization'));
    expect(codes(underAgency, 'createClientOrganization')).toEqual(['NOT_FOUND']);
    const underItself = await api.gql(DOC.createClient, { input: { agencyId: C1.gid, name: 'rogue' } }, C1.key);
    expect(underItself.data.createClientOrganization.organization).toBeNull();
    expect(codes(underItself, 'createClientOrganization')).toHaveLength(1);
    expect(await rowCount(database.db, 'organizations')).toBe(before);
  });
});

describe("an agency member's role carries into each client", () => {
  it('a VIEWER of the agency reads C1 with viewerRole VIEWER', async () => {
    const res = await api.gql(DOC.viewer, {}, gViewer.token);
    const orgs = res.data.viewer.organizations as { id: string; viewerRole: string }[];
    expect(orgs.map((o) => o.id)).toEqual(expect.arrayContaining([G.gid, C1.gid, C2.gid]));
    expect(new Set(orgs.map((o) => o.viewerRole))).toEqual(new Set(['VIEWER']));
    expect((await api.gql(DOC.location, { id: loc.c1Own }, gViewer.token)).data.location.id).toBe(loc.c1Own);
    const list = await api.gql(DOC.locations, { org: C1.gid }, gViewer.token);
    expect(list.data.locations.edges).toHaveLength(2);
  });

  it("a VIEWER of the agency gets FORBIDDEN for updateLocation, archiveLocation and createLocation in C1, and nothing is written", async () => {
    await expectUntouched(database.db, C1.id, async () => {
      const current = (await api.gql(DOC.location, { id: loc.c1ByAgency }, gViewer.token)).data.location;
      const upd = await api.gql(DOC.updateLocation, rename(loc.c1ByAgency, current.version, 'viewer edit'), gViewer.token);
      expect(codes(upd, 'updateLocation')).toEqual(['FORBIDDEN']);
      expect(upd.data.updateLocation.location).toBeNull();
      const arch = await api.gql(DOC.archiveLocation, { input: { id: loc.c1ByAgency } }, gViewer.token);
      expect(codes(arch, 'archiveLocation')).toEqual(['FORBIDDEN']);
      const create = await api.gql(DOC.createLocation, { input: { organizationId: C1.gid, location: tokyoStore('C1-VIEWER') } }, gViewer.token);
      expect(codes(create, 'createLocation')).toEqual(['FORBIDDEN']);
    });
  });

  it('a VIEWER of the agency cannot create client organisations (FORBIDDEN)', async () => {
    const before = await rowCount(database.db, 'organizations');
    const res = await api.gql(DOC.createClient, { input: { agencyId: G.gid, name: 'viewer client' } }, gViewer.token);
    expect(codes(res, 'createClientOrganization')).toEqual(['FORBIDDEN']);
    expect(await rowCount(database.db, 'organizations')).toBe(before);
  });

  it("an EDITOR of the agency edits C1's location, and the audit log names the editor", async () => {
    const current = (await api.gql(DOC.location, { id: loc.c1ByAgency }, gEditor.token)).data.location;
    const res = await api.gql(DOC.updateLocation, rename(loc.c1ByAgency, current.version, 'agency editor edit'), gEditor.token);
    expect(res.data.updateLocation.errors).toEqual([]);
    expect(res.data.updateLocation.location).toMatchObject({ name: 'agency editor edit', version: current.version + 1 });
    const audit = await database.db
      .selectFrom('location_audit')
      .select(['actor_kind', 'actor_label', 'org_id'])
      .where('location_id', '=', uuidOf(loc.c1ByAgency))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_kind: 'USER', actor_label: gEditor.email, org_id: C1.id });
  });

  it('an EDITOR of the agency cannot administer a client: createApiKey and addMember are FORBIDDEN', async () => {
    await expectUntouched(database.db, C1.id, async () => {
      const key = await api.gql(DOC.createApiKey, { input: { organizationId: C1.gid, name: 'x', role: 'VIEWER' } }, gEditor.token);
      expect(codes(key, 'createApiKey')).toEqual(['FORBIDDEN']);
      const member = await api.gql(DOC.addMember, { input: { organizationId: C1.gid, email: gViewer.email, role: 'EDITOR' } }, gEditor.token);
      expect(codes(member, 'addMember')).toEqual(['FORBIDDEN']);
    });
  });

  it("a client's own key, whatever its role, gives nothing in the agency", async () => {
    const viewerKey = await createKey(database.db, C1.id, 'VIEWER');
    const res = await api.gql(DOC.viewer, {}, viewerKey);
    expect(res.data.viewer.organizations.map((o: { id: string }) => o.id)).toEqual([C1.gid]);
    expect((await api.gql(DOC.location, { id: loc.gOwn }, viewerKey)).data.location).toBeNull();
  });
});
