/** Shared set-up for the Foursquare connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { createFoursquareConnector } from '../../../connectors/foursquare/index.ts';
import type { FoursquareSession } from '../../../connectors/foursquare/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeFoursquare } from '../../fakes/foursquare/server.ts';
import type { FakeFoursquare, FakeFoursquareOptions } from '../../fakes/foursquare/server.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

export function connector(baseUrl?: string) {
  return createFoursquareConnector(baseUrl ? { baseUrl } : {});
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

const open: FakeFoursquare[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeFoursquare;
  conn: ReturnType<typeof connector>;
  session: FoursquareSession;
  key: string;
  calls: TestCall;
}

export async function setup(options: { fake?: FakeFoursquareOptions; keyKind?: 'service' | 'places'; timeoutMs?: number } = {}): Promise<Setup> {
  const fake = await startFakeFoursquare(options.fake);
  open.push(fake);
  const key = fake.issueKey(options.keyKind ?? 'service');
  const conn = connector(fake.url);
  const session = conn.openSession({ credentials: conn.parseCredentials({ serviceApiKey: key }), settings: {}, onCredentials: () => {} });
  return { fake, conn, session, key, calls: testCall(conn, options.timeoutMs) };
}
