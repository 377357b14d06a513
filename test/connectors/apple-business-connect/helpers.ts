/** Shared set-up for the Apple Business Connect specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Credentials, Projection } from '../../../connectors/runtime/connector.ts';
import { createAppleBusinessConnectConnector } from '../../../connectors/apple-business-connect/index.ts';
import type { AppleSession } from '../../../connectors/apple-business-connect/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeApple } from '../../fakes/apple-business-connect/server.ts';
import type { FakeApple, FakeAppleOptions } from '../../fakes/apple-business-connect/server.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

export const ORG = '9467895078742654934';
export const BRAND = '9467895078742654946';

export function connector(baseUrl?: string) {
  return createAppleBusinessConnectConnector({ clientId: 'tenpo-service-account', clientSecret: 'tenpo-secret', ...(baseUrl ? { baseUrl } : {}) });
}

export function projectionOf(loc: LocationData, settings: Record<string, string> = {}): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

const open: FakeApple[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeApple;
  conn: ReturnType<typeof connector>;
  session: AppleSession;
  stored: Credentials[];
  calls: TestCall;
}

export async function setup(options: { fake?: FakeAppleOptions; settings?: Record<string, string>; credentials?: Record<string, unknown> } = {}): Promise<Setup> {
  const fake = await startFakeApple(options.fake);
  open.push(fake);
  fake.share(ORG);
  const conn = connector(fake.url);
  const stored: Credentials[] = [];
  const session = conn.openSession({
    credentials: conn.parseCredentials(options.credentials ?? {}),
    settings: { orgId: ORG, brandId: BRAND, ...options.settings },
    onCredentials: (c) => stored.push(c),
  });
  return { fake, conn, session, stored, calls: testCall(conn) };
}
