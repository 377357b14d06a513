/** Shared set-up for the Yelp connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Credentials, Projection } from '../../../connectors/runtime/connector.ts';
import { createYelpConnector, type YelpSession } from '../../../connectors/yelp/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeYelp, type FakeYelp, type FakeYelpOptions } from '../../fakes/yelp/server.ts';
import { location, testCall, failure, type TestCall } from '../support.ts';

export { location, testCall, failure, type TestCall };

export function connector(fake?: FakeYelp) {
  return createYelpConnector({
    clientId: fake?.client.id ?? 'tenpo-client',
    clientSecret: fake?.client.secret ?? 's'.repeat(64),
    partnerUser: fake?.partner.user ?? 'tenpo',
    partnerPassword: fake?.partner.password ?? 'partner-secret',
    apiKey: fake?.apiKey ?? 'tenpo-api-key',
    ...(fake ? { baseUrl: fake.url, apiBaseUrl: fake.url } : {}),
  });
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

const open: FakeYelp[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeYelp;
  conn: ReturnType<typeof connector>;
  session: YelpSession;
  ownerId: string;
  refreshToken: string;
  stored: Credentials[];
  calls: ReturnType<typeof testCall>;
}

export async function setup(options: FakeYelpOptions = {}, owner: { hasPhoto?: boolean } = {}): Promise<Setup> {
  const fake = await startFakeYelp(options);
  open.push(fake);
  const { ownerId, refreshToken } = fake.seedOwner(owner);
  const conn = connector(fake);
  const stored: Credentials[] = [];
  const session = conn.openSession({ credentials: conn.parseCredentials({ refreshToken }), settings: {}, onCredentials: (c) => stored.push(c) });
  return { fake, conn, session, ownerId, refreshToken, stored, calls: testCall(conn) };
}
