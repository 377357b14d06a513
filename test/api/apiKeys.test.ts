import { expect, it } from 'vitest';
import { useApiSuite } from '../support/suite.ts';

const suite = useApiSuite();

it('an API key is shown once, kept only as a hash, listed by prefix, and records when it was last used', async () => {
  const created = await suite.api.gql(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { created { key apiKey { id prefix role lastUsedAt } } errors { code } } }`,
    { input: { organizationId: suite.org.gid, name: 'checkout', role: 'EDITOR' } },
    suite.org.key,
  );
  const { key, apiKey } = created.data.createApiKey.created;
  expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
  expect(apiKey.lastUsedAt).toBeNull();

  const stored = await suite.database.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
  expect(JSON.stringify(stored)).not.toContain(key);
  expect(JSON.stringify(stored)).not.toContain(key.slice(apiKey.prefix.length + 1));

  const viewer = await suite.api.gql('{ viewer { kind apiKey { prefix role } } }', {}, key);
  expect(viewer.data.viewer).toEqual({ kind: 'API_KEY', apiKey: { prefix: apiKey.prefix, role: 'EDITOR' } });

  let lastUsed: Date | null = null;
  for (let i = 0; i < 50 && !lastUsed; i++) {
    lastUsed = (await suite.database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', apiKey.id).executeTakeFirstOrThrow()).last_used_at;
    if (!lastUsed) await new Promise((r) => setTimeout(r, 20));
  }
  expect(lastUsed).toBeInstanceOf(Date);

  const listed = await suite.api.gql(`query($id: ID!) { node(id: $id) { ... on Organization { apiKeys { prefix lastUsedAt } } } }`, { id: suite.org.gid }, suite.org.key);
  expect(listed.data.node.apiKeys).toContainEqual({ prefix: apiKey.prefix, lastUsedAt: lastUsed!.toISOString() });
});
