/** Shared set-up for the TomTom connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import type { FeedEntry } from '../../../connectors/runtime/feed.ts';
import { createTomTomConnector, type TomTomSession } from '../../../connectors/tomtom/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeTomTom, type FakeTomTom, type FakeTomTomOptions } from '../../fakes/tomtom/server.ts';
import { failure, location, testCall, type TestCall } from '../support.ts';

export { failure, location, testCall, type TestCall };

export function connector(fake?: FakeTomTom, apiKey?: string) {
  return createTomTomConnector({ apiKey: apiKey ?? fake?.apiKey ?? 'tenpo-tomtom-key', ...(fake ? { baseUrl: fake.url } : {}) });
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export function entry(loc: LocationData): FeedEntry {
  return { listingId: `listing-${loc.storeCode}`, storeCode: loc.storeCode, projection: projectionOf(loc) };
}

const open: FakeTomTom[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeTomTom;
  conn: ReturnType<typeof connector>;
  session: TomTomSession;
  sourceId: string;
  calls: TestCall;
}

export async function setup(options: FakeTomTomOptions = {}, apiKey?: string): Promise<Setup> {
  const fake = await startFakeTomTom(options);
  open.push(fake);
  const sourceId = fake.seedSource();
  const conn = connector(fake, apiKey);
  const session = conn.openSession({ credentials: conn.parseCredentials({ sourceId }), settings: {}, onCredentials: () => {} });
  return { fake, conn, session, sourceId, calls: testCall(conn) };
}
