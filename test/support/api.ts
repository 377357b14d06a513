import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import type { Db } from '../../src/db/database.ts';
import type { Engine } from '../../src/listings/engine.ts';
import type { FraudEngine } from '../../src/fraud/engine.ts';
import { createHttpServer } from '../../src/http/server.ts';
import { insertApiKey } from '../../src/auth/service.ts';
import { createOrganization, createUser, setMembership } from '../../src/orgs/service.ts';
import { encodeGlobalID } from '../../src/graphql/ids.ts';
import type { OrgKind, Role } from '../../src/db/schema.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface TestApi {
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real HTTP server on a loopback port, as clients reach it. */
export async function startApi(db: Db, options: { production?: boolean; maxBodyBytes?: number; engine?: Engine; fraud?: FraudEngine; dashboardDir?: string } = {}): Promise<TestApi> {
  const server: Server = createHttpServer({
    db,
    log: pino({ level: 'silent' }),
    production: options.production ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
    engine: options.engine,
    fraud: options.fraud,
    ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: any; errors?: GraphQLResponse['errors'] };
      return { status: res.status, data: body.data, errors: body.errors };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestOrg {
  id: string;
  gid: string;
  /** An OWNER key. */
  key: string;
}

let counter = 0;

/** An organisation with an OWNER API key, made through the operator path. */
export async function createOrgWithKey(db: Db, options: { kind?: OrgKind; agencyId?: string; name?: string } = {}): Promise<TestOrg> {
  const org = await createOrganization(db, {
    name: options.name ?? `Org ${++counter}`,
    kind: options.kind ?? 'BRAND',
    agencyId: options.agencyId ?? null,
  });
  if (!org.ok) throw new Error(JSON.stringify(org.errors));
  const { key } = await insertApiKey(db, { orgId: org.value.id, name: 'test', role: 'OWNER', createdBy: null });
  return { id: org.value.id, gid: encodeGlobalID('Organization', org.value.id), key };
}

export async function createKey(db: Db, orgId: string, role: 'OWNER' | 'ADMIN' | 'EDITOR' | 'VIEWER'): Promise<string> {
  return (await insertApiKey(db, { orgId, name: `${role} key`, role, createdBy: null })).key;
}

/** A user with a role in an organisation; returns a session token from signIn. */
export async function createUserIn(
  db: Db,
  api: TestApi,
  orgId: string,
  role: Role,
): Promise<{ userId: string; token: string; email: string }> {
  const email = `user${++counter}-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  const user = await createUser(db, { email, name: email, password });
  if (!user.ok) throw new Error(JSON.stringify(user.errors));
  await setMembership(db, user.value.id, orgId, role);
  const res = await api.gql(
    `mutation($input: SignInInput!) { signIn(input: $input) { session { token } errors { code } } }`,
    { input: { email, password } },
  );
  return { userId: user.value.id, token: res.data.signIn.session.token, email };
}
