import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import { createOrgWithKey, createUserIn, type GraphQLResponse, type TestApi, type TestOrg } from './api.ts';
import { tokyoStore } from './fixtures.ts';

// Helpers for the tenancy, role and store-manager specifications: GraphQL documents, ids,
// a tenant built through the public API, and a snapshot of everything a tenant owns.

export type NodeType = 'Location' | 'Organization' | 'LocationGroup';

/** A well-formed global id of the given type that names nothing. */
export function missingGid(type: NodeType): string {
  return encodeGlobalID(type, randomUUID());
}

/** The database id behind a global id from a response. */
export function uuidOf(gid: string): string {
  const decoded = Buffer.from(gid, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** Ids that decode to nothing usable: garbage, wrong type, non-uuid, unknown type, raw uuid. */
export function malformedIds(): Record<string, string> {
  return {
    garbage: 'garbage',
    empty: '',
    unicode: '店舗🏪',
    'raw uuid': randomUUID(),
    'Location with a non-uuid id': encodeGlobalID('Location', 'not-a-uuid'),
    'Organization with a non-uuid id': encodeGlobalID('Organization', "1' or '1'='1"),
    'LocationGroup with a numeric id': encodeGlobalID('LocationGroup', '42'),
    'unknown type': encodeGlobalID('Nope', randomUUID()),
    'a type that is not a Node': encodeGlobalID('User', randomUUID()),
    'a Node interface id': encodeGlobalID('Node', randomUUID()),
    'long string': 'x'.repeat(2000),
  };
}

export const ERR = 'errors { code path message }';

export const DOC = {
  location: `query($id: ID!) { location(id: $id) { id storeCode name version } }`,
  node: `query($id: ID!) { node(id: $id) {
    __typename id
    ... on Location { storeCode name version history(first: 10) { edges { node { version actor } } } }
    ... on Organization { name kind viewerRole members { role } apiKeys { id } groups { id name } clients { id }
      locations(first: 10) { edges { node { id } } } }
    ... on LocationGroup { name }
  } }`,
  nodes: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
  locations: `query($org: ID, $filter: LocationFilter, $first: Int, $after: String, $orderBy: LocationOrder) {
    locations(organizationId: $org, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      edges { node { id storeCode } } pageInfo { hasNextPage endCursor }
    } }`,
  viewer: `{ viewer { kind organizations { id name viewerRole } } organizations { id } }`,
  createLocation: `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id storeCode version } ${ERR} } }`,
  updateLocation: `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id version name groups } ${ERR} } }`,
  archiveLocation: `mutation($input: ArchiveLocationInput!) { archiveLocation(input: $input) { location { id archived version } ${ERR} } }`,
  restoreLocation: `mutation($input: RestoreLocationInput!) { restoreLocation(input: $input) { location { id archived version } ${ERR} } }`,
  bulk: `mutation($input: BulkUpsertLocationsInput!) { bulkUpsertLocations(input: $input) {
    created updated unchanged failed ${ERR}
    results { index storeCode outcome location { id storeCode organization { id } } ${ERR} } } }`,
  createGroup: `mutation($input: CreateLocationGroupInput!) { createLocationGroup(input: $input) { group { id name } ${ERR} } }`,
  createApiKey: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { created { key apiKey { id role } } ${ERR} } }`,
  revokeApiKey: `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } ${ERR} } }`,
  addMember: `mutation($input: AddMemberInput!) { addMember(input: $input) { member { role user { id email } } ${ERR} } }`,
  assign: `mutation($input: AssignStoreManagerInput!) { assignStoreManager(input: $input) { assigned { ok } ${ERR} } }`,
  createClient: `mutation($input: CreateClientOrganizationInput!) { createClientOrganization(input: $input) {
    organization { id name kind viewerRole } ${ERR} } }`,
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { session { token } ${ERR} } }`,
} as const;

/** No answer may be a server failure, whatever the caller sent. */
export function expectNoServerError(res: GraphQLResponse): void {
  expect(res.status).toBeLessThan(500);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  expect(codes).not.toContain(undefined);
}

/** The one expected failure of a mutation payload. */
export function payloadErrors(res: GraphQLResponse, field: string): { code: string; path: string[]; message: string }[] {
  expect(res.errors).toBeUndefined();
  return res.data[field].errors;
}

/** A location made through createLocation; returns its global id. */
export async function createLocationVia(
  api: TestApi,
  token: string,
  orgGid: string,
  storeCode: string,
  options: { groups?: string[]; overrides?: Record<string, unknown> } = {},
): Promise<string> {
  const res = await api.gql(
    DOC.createLocation,
    { input: { organizationId: orgGid, location: tokyoStore(storeCode, options.overrides), groups: options.groups } },
    token,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.createLocation.errors).toEqual([]);
  return res.data.createLocation.location.id;
}

export interface Tenant {
  org: TestOrg;
  owner: { userId: string; token: string; email: string };
  /** Global ids by store code; the last one is archived. */
  locations: Record<string, string>;
  archivedGid: string;
  group: { gid: string; name: string };
  /** An EDITOR key made with createApiKey. */
  editorKey: { id: string; key: string };
  /** A STORE_MANAGER member assigned the tenant's group. */
  manager: { userId: string; email: string };
}

/**
 * An organisation with an OWNER key and an OWNER user (operator bootstrap), and everything else
 * through the API: a group, three locations (two in the group, one archived), an EDITOR key
 * and a store manager assigned the group.
 */
export async function createTenant(db: Db, api: TestApi, prefix: string, options: { kind?: 'BRAND' | 'AGENCY'; agencyId?: string } = {}): Promise<Tenant> {
  const org = await createOrgWithKey(db, { name: `${prefix} Org`, ...options });
  const owner = await createUserIn(db, api, org.id, 'OWNER');
  const groupName = `${prefix} 関東`;
  const group = await api.gql(DOC.createGroup, { input: { organizationId: org.gid, name: groupName } }, org.key);
  expect(group.data.createLocationGroup.errors).toEqual([]);
  const locations: Record<string, string> = {};
  for (const [i, code] of ['TKY-001', 'TKY-002', 'TKY-003'].entries()) {
    locations[code] = await createLocationVia(api, org.key, org.gid, code, {
      groups: i < 2 ? [groupName] : [],
      overrides: { name: `${prefix} 店 ${i + 1}` },
    });
  }
  const archivedGid = locations['TKY-003']!;
  const archived = await api.gql(DOC.archiveLocation, { input: { id: archivedGid } }, org.key);
  expect(archived.data.archiveLocation.errors).toEqual([]);
  const created = await api.gql(DOC.createApiKey, { input: { organizationId: org.gid, name: `${prefix} editor`, role: 'EDITOR' } }, org.key);
  expect(created.data.createApiKey.errors).toEqual([]);
  const managerEmail = `${prefix.toLowerCase()}-manager-${randomUUID().slice(0, 8)}@example.com`;
  const member = await api.gql(
    DOC.addMember,
    { input: { organizationId: org.gid, email: managerEmail, password: 'correct horse battery', role: 'STORE_MANAGER' } },
    org.key,
  );
  expect(member.data.addMember.errors).toEqual([]);
  const managerId: string = member.data.addMember.member.user.id;
  const assigned = await api.gql(
    DOC.assign,
    { input: { organizationId: org.gid, userId: managerId, groupId: group.data.createLocationGroup.group.id } },
    org.key,
  );
  expect(assigned.data.assignStoreManager.errors).toEqual([]);
  return {
    org,
    owner,
    locations,
    archivedGid,
    group: { gid: group.data.createLocationGroup.group.id, name: groupName },
    editorKey: { id: created.data.createApiKey.created.apiKey.id, key: created.data.createApiKey.created.key },
    manager: { userId: managerId, email: managerEmail },
  };
}

async function count(query: Promise<{ n: string | number | bigint }>): Promise<number> {
  return Number((await query).n);
}

/**
 * Everything an organisation owns, as the database holds it: its row, locations (with
 * version, name and content), audit and outbox row counts, groups and their members, API
 * keys, members, store-manager assignments and client organisations. Two equal snapshots
 * mean nothing of the organisation was written in between.
 */
export async function snapshotOrg(db: Db, orgId: string) {
  const org = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  const locations = await db
    .selectFrom('locations')
    .select(['id', 'org_id', 'store_code', 'name', 'version', 'content_hash', 'archived_at', 'updated_at'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  const ids = locations.map((l) => l.id);
  const anyOf = ids.length > 0 ? ids : [randomUUID()];
  const audit = await count(
    db
      .selectFrom('location_audit')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('location_id', 'in', anyOf)]))
      .executeTakeFirstOrThrow(),
  );
  const outbox = await count(
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or([eb('org_id', '=', orgId), eb('aggregate_id', 'in', anyOf)]))
      .executeTakeFirstOrThrow(),
  );
  const groups = await db.selectFrom('location_groups').select(['id', 'name']).where('org_id', '=', orgId).orderBy('id').execute();
  const groupMembers = await db
    .selectFrom('location_group_members as m')
    .innerJoin('location_groups as g', 'g.id', 'm.group_id')
    .select(['m.group_id', 'm.location_id'])
    .where((eb) => eb.or([eb('g.org_id', '=', orgId), eb('m.location_id', 'in', anyOf)]))
    .orderBy('m.group_id')
    .orderBy('m.location_id')
    .execute();
  const apiKeys = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'revoked_at'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  const members = await db.selectFrom('memberships').select(['user_id', 'role']).where('org_id', '=', orgId).orderBy('user_id').execute();
  const assignments = await db
    .selectFrom('store_manager_assignments')
    .selectAll()
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('location_id', 'in', anyOf)]))
    .orderBy('id')
    .execute();
  const clients = await db.selectFrom('organizations').select(['id', 'name']).where('agency_id', '=', orgId).orderBy('id').execute();
  return { org, locations, audit, outbox, groups, groupMembers, apiKeys, members, assignments, clients };
}

/** Runs `act`, then checks that nothing of the organisation changed. */
export async function expectUntouched(db: Db, orgId: string, act: () => Promise<unknown>): Promise<void> {
  const before = await snapshotOrg(db, orgId);
  expect(before.locations.length + before.apiKeys.length).toBeGreaterThan(0);
  await act();
  expect(await snapshotOrg(db, orgId)).toEqual(before);
}

/** Total rows of a table, to show a refused call wrote nothing anywhere. */
export async function rowCount(db: Db, table: 'organizations' | 'locations' | 'location_groups' | 'api_keys' | 'memberships' | 'users' | 'sessions'): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** A POST to /graphql with exactly the headers given, for Authorization edge cases. */
export async function rawPost(api: TestApi, headers: Record<string, string>, query: string): Promise<GraphQLResponse> {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: any; errors?: GraphQLResponse['errors'] };
  return { status: res.status, data: body.data, errors: body.errors };
}
