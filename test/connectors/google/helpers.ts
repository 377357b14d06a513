/** Shared set-up for the Google connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { CallOptions, Credentials, PlatformCall, Projection } from '../../../connectors/runtime/connector.ts';
import { createGoogleConnector } from '../../../connectors/google/index.ts';
import type { GoogleSession } from '../../../connectors/google/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { tokyoStore } from '../../support/fixtures.ts';
import { startFakeGoogle } from '../../fakes/google/server.ts';
import type { FakeGoogle, FakeGoogleOptions } from '../../fakes/google/server.ts';

/** A validated location: the Tokyo fixture with `overrides` (GraphQL input shape). */
export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The projection of a location that must project (fails the test otherwise). */
export function projectionOf(loc: LocationData, settings: Record<string, boolean | string> = {}): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export function connector(options: { rootUrl?: string; tokenUrl?: string } = {}) {
  return createGoogleConnector({ clientId: 'test-client-id', clientSecret: 'test-client-secret', ...options });
}

export interface TestCall {
  call: PlatformCall;
  /** The options of every call made, in order. */
  readonly options: CallOptions[];
}

/** The runtime's contract without quotas: run `fn` with a timeout, classify what it throws. */
export function testCall(conn: ReturnType<typeof connector>, timeoutMs = 5000): TestCall {
  const options: CallOptions[] = [];
  const call = (async (opts: CallOptions, fn: Parameters<PlatformCall>[1]) => {
    options.push(opts);
    try {
      return await fn({ signal: AbortSignal.timeout(timeoutMs), timeoutMs });
    } catch (e) {
      throw conn.classifyError(e);
    }
  }) as PlatformCall;
  return { call, options };
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
