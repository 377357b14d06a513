import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startApi, type GraphQLResponse, type TestApi } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';
import { createTenant, DOC, expectUntouched, malformedIds, missingGid, type NodeType, type Tenant } from '../support/tenancy.ts';

// Ids a client made up: garbage, ids that do not decode to a uuid, ids of an unknown type or
// of a type that is no Node, and real ids of another type (a Location id where an
// Organization id belongs). None of them may cause a server error: each gets the typed
// NOT_FOUND of a mutation or the null / empty answer of a query, exactly as a well-formed id
// that names nothing does.

let database: TestDatabase;
let api: TestApi;
let T: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  T = await createTenant(database.db, api, 'Ids');
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

interface IdPath {
  name: string;
  /** The kind of id the argument takes; its missing-id answer is the reference. */
  type: NodeType | 'raw uuid';
  /** node and nodes take an id of any Node type, so the caller's own ids are not wrong there. */
  anyType?: true;
  /** An optional argument, where an empty string counts as not given. */
  optional?: true;
  doc: string;
  vars: (id: string) => Record<string, unknown>;
  /** The answer's expected shape, for any id that names nothing this caller may use. */
  expectAnswer: (res: GraphQLResponse) => void;
}

const isNull = (field: string) => (res: GraphQLResponse) => {
  expect(res.errors).toBeUndefined();
  expect(res.data[field]).toBeNull();
};
const isEmptyPage = (res: GraphQLResponse) => {
  expect(res.errors).toBeUndefined();
  expect(res.data.locations.edges).toEqual([]);
};
const isNotFound = (field: string) => (res: GraphQLResponse) => {
  expect(res.errors).toBeUndefined();
  expect(res.data[field].errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
};

const paths = (): IdPath[] => [
  { name: 'location(id)', type: 'Location', doc: DOC.location, vars: (id) => ({ id }), expectAnswer: isNull('location') },
  { name: 'node(id)', type: 'Location', anyType: true, doc: DOC.node, vars: (id) => ({ id }), expectAnswer: isNull('node') },
  {
    name: 'nodes(ids)',
    type: 'Location',
    anyType: true,
    doc: DOC.nodes,
    vars: (id) => ({ ids: [id] }),
    expectAnswer: (res) => {
      expect(res.errors).toBeUndefined();
      expect(res.data.nodes).toEqual([null]);
    },
  },
  { name: 'locations(organizationId)', type: 'Organization', optional: true, doc: DOC.locations, vars: (org) => ({ org }), expectAnswer: isEmptyPage },
  {
    name: 'locations(filter.groups)',
    type: 'LocationGroup',
    doc: DOC.locations,
    vars: (g) => ({ org: T.org.gid, filter: { groups: [g] } }),
    expectAnswer: isEmptyPage,
  },
  {
    name: 'updateLocation(id)',
    type: 'Location',
    doc: DOC.updateLocation,
    vars: (id) => ({ input: { id, expectedVersion: 1, patch: { name: 'x' } } }),
    expectAnswer: isNotFound('updateLocation'),
  },
  { name: 'archiveLocation(id)', type: 'Location', doc: DOC.archiveLocation, vars: (id) => ({ input: { id } }), expectAnswer: isNotFound('archiveLocation') },
  { name: 'restoreLocation(id)', type: 'Location', doc: DOC.restoreLocation, vars: (id) => ({ input: { id } }), expectAnswer: isNotFound('restoreLocation') },
  {
    name: 'createLocation(organizationId)',
    type: 'Organization',
    doc: DOC.createLocation,
    vars: (org) => ({ input: { organizationId: org, location: tokyoStore('IDS-NEW') } }),
    expectAnswer: isNotFound('createLocation'),
  },
  {
    name: 'bulkUpsertLocations(organizationId)',
    type: 'Organization',
    doc: DOC.bulk,
    vars: (org) => ({ input: { organizationId: org, rows: [{ location: tokyoStore('IDS-NEW') }] } }),
    expectAnswer: (res) => {
      isNotFound('bulkUpsertLocations')(res);
      expect(res.data.bulkUpsertLocations.results).toEqual([]);
    },
  },
  {
    name: 'createLocationGroup(organizationId)',
    type: 'Organization',
    doc: DOC.createGroup,
    vars: (org) => ({ input: { organizationId: org, name: 'x' } }),
    expectAnswer: isNotFound('createLocationGroup'),
  },
  {
    name: 'createApiKey(organizationId)',
    type: 'Organization',
    doc: DOC.createApiKey,
    vars: (org) => ({ input: { organizationId: org, name: 'x', role: 'VIEWER' } }),
    expectAnswer: isNotFound('createApiKey'),
  },
  { name: 'revokeApiKey(id)', type: 'raw uuid', doc: DOC.revokeApiKey, vars: (id) => ({ input: { id } }), expectAnswer: isNotFound('revokeApiKey') },
  {
    name: 'addMember(organizationId)',
    type: 'Organization',
    doc: DOC.addMember,
    vars: (org) => ({ input: { organizationId: org, email: T.owner.email, role: 'VIEWER' } }),
    expectAnswer: isNotFound('addMember'),
  },
  {
    name: 'assignStoreManager(organizationId)',
    type: 'Organization',
    doc: DOC.assign,
    vars: (org) => ({ input: { organizationId: org, userId: T.manager.userId, groupId: T.group.gid } }),
    expectAnswer: isNotFound('assignStoreManager'),
  },
  {
    name: 'assignStoreManager(userId)',
    type: 'raw uuid',
    doc: DOC.assign,
    vars: (userId) => ({ input: { organizationId: T.org.gid, userId, groupId: T.group.gid } }),
    expectAnswer: isNotFound('assignStoreManager'),
  },
  {
    name: 'assignStoreManager(locationId)',
    type: 'Location',
    optional: true,
    doc: DOC.assign,
    vars: (locationId) => ({ input: { organizationId: T.org.gid, userId: T.manager.userId, locationId } }),
    expectAnswer: isNotFound('assignStoreManager'),
  },
  {
    name: 'assignStoreManager(groupId)',
    type: 'LocationGroup',
    optional: true,
    doc: DOC.assign,
    vars: (groupId) => ({ input: { organizationId: T.org.gid, userId: T.manager.userId, groupId } }),
    expectAnswer: isNotFound('assignStoreManager'),
  },
  {
    name: 'createClientOrganization(agencyId)',
    type: 'Organization',
    doc: DOC.createClient,
    vars: (agencyId) => ({ input: { agencyId, name: 'x' } }),
    expectAnswer: isNotFound('createClientOrganization'),
  },
];

/** Made-up ids, plus the caller's own real ids of every other type than the one expected. */
function badIds(p: IdPath): Record<string, string> {
  const { empty, ...nonEmpty } = malformedIds();
  const made = p.optional ? nonEmpty : { empty: empty!, ...nonEmpty };
  if (p.anyType) return made;
  const own: Record<string, string> = {
    'own Location id': T.locations['TKY-001']!,
    'own Organization id': T.org.gid,
    'own LocationGroup id': T.group.gid,
    // A raw uuid argument (an API key or user id) would take the key's id for real.
    ...(p.type === 'raw uuid' ? {} : { 'own API key id': T.editorKey.id }),
  };
  const other = Object.fromEntries(Object.entries(own).filter(([name]) => !name.includes(` ${p.type} `)));
  return { ...made, ...other };
}

const missing = (type: IdPath['type']) => (type === 'raw uuid' ? randomUUID() : missingGid(type));

interface Failure {
  id: string;
  status: number;
  codes: (string | undefined)[];
  messages: string[];
}

describe.each(paths().map((p) => ({ label: p.name, p })))('$label', ({ p: template }) => {
  it('never answers a made-up id or an id of another type with a server error, but with null or a typed NOT_FOUND', async () => {
    const p = paths().find((x) => x.name === template.name)!;
    const failures: Failure[] = [];
    await expectUntouched(database.db, T.org.id, async () => {
      for (const [id, value] of Object.entries(badIds(p))) {
        const res = await api.gql(p.doc, p.vars(value), T.org.key);
        try {
          expect(res.status).toBeLessThan(500);
          p.expectAnswer(res);
        } catch {
          failures.push({
            id,
            status: res.status,
            codes: (res.errors ?? []).map((e) => e.extensions?.code),
            messages: (res.errors ?? []).map((e) => e.message.slice(0, 120)),
          });
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('answers a made-up id exactly as it answers a well-formed id that names nothing (same code, path and message)', async () => {
    const p = paths().find((x) => x.name === template.name)!;
    const reference = await api.gql(p.doc, p.vars(missing(p.type)), T.org.key);
    p.expectAnswer(reference);
    const differing: { id: string; answer: unknown }[] = [];
    for (const [id, value] of Object.entries(badIds(p))) {
      const res = await api.gql(p.doc, p.vars(value), T.org.key);
      if (JSON.stringify(res) !== JSON.stringify(reference)) differing.push({ id, answer: res.errors ?? res.data });
    }
    expect({ reference: reference.data, differing }).toEqual({ reference: reference.data, differing: [] });
  });
});

describe('the path of a NOT_FOUND for an organisation', () => {
  it.each([
    ['createLocation', DOC.createLocation, (org: string) => ({ input: { organizationId: org, location: tokyoStore('IDS-PATH') } })],
    ['bulkUpsertLocations', DOC.bulk, (org: string) => ({ input: { organizationId: org, rows: [] } })],
    ['createLocationGroup', DOC.createGroup, (org: string) => ({ input: { organizationId: org, name: 'x' } })],
    ['createApiKey', DOC.createApiKey, (org: string) => ({ input: { organizationId: org, name: 'x', role: 'VIEWER' } })],
    ['addMember', DOC.addMember, (org: string) => ({ input: { organizationId: org, email: T.owner.email, role: 'VIEWER' } })],
    ['assignStoreManager', DOC.assign, (org: string) => ({ input: { organizationId: org, userId: T.manager.userId, groupId: T.group.gid } })],
  ] as const)('%s names the input field organizationId, for a malformed and a well-formed missing id alike', async (field, doc, vars) => {
    for (const org of ['garbage', missingGid('Organization')]) {
      const res = await api.gql(doc, vars(org), T.org.key);
      expect(res.errors).toBeUndefined();
      expect(res.data[field].errors).toEqual([{ code: 'NOT_FOUND', path: ['organizationId'], message: 'No such organisation.' }]);
    }
  });
});
