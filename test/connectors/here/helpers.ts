/** Shared set-up for the HERE connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Credentials, Projection } from '../../../connectors/runtime/connector.ts';
import type { FeedEntry } from '../../../connectors/runtime/feed.ts';
import { createHereConnector, type HereSession } from '../../../connectors/here/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeHere, type FakeHere, type FakeHereOptions } from '../../fakes/here/server.ts';
import { failure, location, testCall, type TestCall } from '../support.ts';

export { failure, location, testCall, type TestCall };

export function connector(fake?: FakeHere, app?: { accessKeyId: string; accessKeySecret: string }) {
  return createHereConnector({
    accessKeyId: app?.accessKeyId ?? fake?.app.accessKeyId ?? 'tenpo-here-key-id',
    accessKeySecret: app?.accessKeySecret ?? fake?.app.accessKeySecret ?? 'tenpo-here-secret/+=',
    ...(fake ? { baseUrl: fake.url, tokenUrl: fake.tokenUrl, lookupUrl: fake.url } : {}),
  });
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export function entry(loc: LocationData, listingId = `listing-${loc.storeCode}`): FeedEntry {
  return { listingId, storeCode: loc.storeCode, projection: projectionOf(loc) };
}

const open: FakeHere[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeHere;
  conn: ReturnType<typeof connector>;
  session: HereSession;
  projectHrn: string;
  stored: Credentials[];
  calls: TestCall;
}

export async function setup(options: FakeHereOptions = {}, app?: { accessKeyId: string; accessKeySecret: string }): Promise<Setup> {
  const fake = await startFakeHere(options);
  open.push(fake);
  const projectHrn = fake.seedProject();
  const conn = connector(fake, app);
  const stored: Credentials[] = [];
  const session = conn.openSession({ credentials: conn.parseCredentials({ projectHrn }), settings: {}, onCredentials: (c) => stored.push(c) });
  return { fake, conn, session, projectHrn, stored, calls: testCall(conn) };
}
