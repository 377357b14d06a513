import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOrgWithKey, startApi, type TestApi, type TestOrg } from '../support/api.ts';
import { QUERY_LIMITS } from '../../src/graphql/yoga.ts';
import { MAX_PAGE_SIZE } from '../../src/graphql/pagination.ts';

let database: TestDatabase;
let api: TestApi;
let prod: TestApi;
let org: TestOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database.db, { maxBodyBytes: 64 * 1024 });
  prod = await startApi(database.db, { production: true });
  org = await createOrgWithKey(database.db);
});

afterAll(async () => {
  await api?.close();
  await prod?.close();
  await database?.drop();
});

function messages(res: { errors?: { message: string }[] }): string {
  return (res.errors ?? []).map((e) => e.message).join('\n');
}

describe('query limits', () => {
  it(`refuses a query nested deeper than ${QUERY_LIMITS.depth} levels`, async () => {
    let selection = 'id';
    for (let i = 0; i < QUERY_LIMITS.depth; i++) selection = `organization { agency { ${selection} } }`;
    const res = await api.gql(`{ locations(first: 1) { edges { node { ${selection} } } } }`, {}, org.key);
    expect(res.data ?? null).toBeNull();
    expect(messages(res)).toMatch(/depth/i);
  });

  it(`refuses more than ${QUERY_LIMITS.aliases} aliases`, async () => {
    const fields = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: viewer { kind }`).join(' ');
    const res = await api.gql(`{ ${fields} }`, {}, org.key);
    expect(res.data ?? null).toBeNull();
    expect(messages(res)).toMatch(/alias/i);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.tokens} tokens`, async () => {
    const fields = Array.from({ length: QUERY_LIMITS.tokens }, () => 'kind').join(' ');
    const res = await api.gql(`{ viewer { ${fields} } }`, {}, org.key);
    expect(res.data ?? null).toBeNull();
    expect(messages(res)).toMatch(/token/i);
  });

  it(`caps a page at ${MAX_PAGE_SIZE} and pages forward only`, async () => {
    const tooMany = await api.gql(`{ locations(first: ${MAX_PAGE_SIZE + 1}) { edges { cursor } } }`, {}, org.key);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const backwards = await api.gql(`{ locations(last: 5) { edges { cursor } } }`, {}, org.key);
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a forged cursor with BAD_USER_INPUT, not a server error', async () => {
    for (const after of ['garbage', Buffer.from('["x"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const res = await api.gql(`query($after: String) { locations(first: 5, after: $after) { edges { cursor } } }`, { after }, org.key);
      expect(res.status).toBeLessThan(500);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a request body over the limit with 413', async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.key}` },
      body: JSON.stringify({ query: '{ viewer { kind } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const res = await prod.gql('{ __schema { types { name } } }', {}, org.key);
    expect(res.data ?? null).toBeNull();
    expect(messages(res)).toMatch(/introspection/i);
    const ordinary = await prod.gql('{ viewer { kind } }', {}, org.key);
    expect(ordinary.data).toEqual({ viewer: { kind: 'API_KEY' } });
  });

  it('serves no GraphiQL page', async () => {
    const dev = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await dev.text()).toMatch(/graphiql/i);
    const res = await fetch(`${prod.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/graphiql/i);
  });
});

describe('health', () => {
  it('reports liveness and database readiness', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });
});
