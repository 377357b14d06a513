import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from '../support/api.ts';

let database: TestDatabase;
let api: TestApi;
let org: TestOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db);
  org = await createOrgWithKey(database.db);
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

it('an API key is shown once, kept only as a hash, listed by prefix, and records when it was last used', async () => {
  const created = await api.gql(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { created { key apiKey { id prefix role lastUsedAt } } errors { code } } }`,
    { input: { organizationId: org.gid, name: 'checkout', role: 'EDITOR' } },
    org.key,
  );
  const { key, apiKey } = created.data.createApiKey.created;
  expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
  expect(apiKey.lastUsedAt).toBeNull();

  const stored = await database.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
  expect(JSON.stringify(stored)).not.toContain(key);
  expect(JSON.stringify(stored)).not.toContain(key.slice(apiKey.prefix.length + 1));

  const viewer = await api.gql('{ viewer { kind apiKey { prefix role } } }', {}, key);
  expect(viewer.data.viewer).toEqual({ kind: 'API_KEY', apiKey: { prefix: apiKey.prefix, role: 'EDITOR' } });

  let lastUsed: Date | null = null;
  for (let i = 0; i < 50 && !lastUsed; i++) {
    lastUsed = (await database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', apiKey.id).executeTakeFirstOrThrow()).last_used_at;
    if (!lastUsed) await new Promise((r) => setTimeout(r, 20));
  }
  expect(lastUsed).toBeInstanceOf(Date);

  const listed = await api.gql(`query($id: ID!) { node(id: $id) { ... on Organization { apiKeys { prefix lastUsedAt } } } }`, { id: org.gid }, org.key);
  expect(listed.data.node.apiKeys).toContainEqual({ prefix: apiKey.prefix, lastUsedAt: lastUsed!.toISOString() });
});
