/** Shared set-up for the Google connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Credentials, Projection } from '../../../connectors/runtime/connector.ts';
import { createGoogleConnector } from '../../../connectors/google/index.ts';
import type { GoogleSession } from '../../../connectors/google/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeGoogle } from '../../fakes/google/server.ts';
import type { FakeGoogle, FakeGoogleOptions } from '../../fakes/google/server.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

/** The projection of a location that must project (fails the test otherwise). */
export function projectionOf(loc: LocationData, settings: Record<string, boolean | string> = {}): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export function connector(options: { rootUrl?: string; tokenUrl?: string } = {}) {
  return createGoogleConnector({ clientId: 'test-client-id', clientSecret: 'test-client-secret', ...options });
}

const open: FakeGoogle[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeGoogle;
  conn: ReturnType<typeof connector>;
  session: GoogleSession;
  account: string;
  refreshToken: string;
  stored: Credentials[];
  calls: TestCall;
}

export async function setup(
  options: { fake?: FakeGoogleOptions; settings?: Record<string, boolean | string>; timeoutMs?: number; withoutAccount?: boolean } = {},
): Promise<Setup> {
  const fake = await startFakeGoogle(options.fake);
  open.push(fake);
  const account = options.withoutAccount ? '' : (fake.seedAccount({ accountName: 'Tenpo Demo Chain' }).name as string);
  const refreshToken = fake.issueRefreshToken();
  const conn = connector({ rootUrl: `${fake.url}/`, tokenUrl: fake.tokenUrl });
  const stored: Credentials[] = [];
  const session = conn.openSession({
    credentials: conn.parseCredentials({ refreshToken }),
    settings: { account, ...options.settings },
    onCredentials: (c) => stored.push(c),
  });
  return { fake, conn, session, account, refreshToken, stored, calls: testCall(conn, options.timeoutMs) };
}
