/** Shared set-up for the Bing Places specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { createBingPlacesConnector } from '../../../connectors/bing-places/index.ts';
import type { BingSession } from '../../../connectors/bing-places/index.ts';
import type { JsonValue } from '../../../connectors/runtime/connector.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeBing } from '../../fakes/bing-places/server.ts';
import type { FakeBing } from '../../fakes/bing-places/server.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

export const IDENTITY = { Puid: 'puid-0001', AuthProvider: 'MSA', EmailId: 'chain@tenpo.example' };
export const CREDENTIALS = { puid: IDENTITY.Puid, authProvider: IDENTITY.AuthProvider, emailId: IDENTITY.EmailId };
/** The Bing ids a deployment configures for categories not built in. */
export const SETTINGS: Record<string, JsonValue> = { bingCategories: { cafe: { id: 700099, name: 'Cafes' } } };

export function connector(baseUrl?: string) {
  return createBingPlacesConnector(baseUrl ? { baseUrl } : {});
}

export function projectionOf(loc: LocationData, settings: Record<string, JsonValue> = SETTINGS): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

const open: FakeBing[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export async function setup(options: { requestsPerMinute?: number } = {}): Promise<{ fake: FakeBing; conn: ReturnType<typeof connector>; session: BingSession; calls: ReturnType<typeof testCall> }> {
  const fake = await startFakeBing(options);
  open.push(fake);
  fake.addIdentity(IDENTITY);
  const conn = connector(fake.url);
  const session = conn.openSession({ credentials: conn.parseCredentials(CREDENTIALS), settings: SETTINGS, onCredentials: () => {} });
  return { fake, conn, session, calls: testCall(conn) };
}
