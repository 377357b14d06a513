/** Shared set-up for the Foursquare connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { CallOptions, PlatformCall, Projection } from '../../../connectors/runtime/connector.ts';
import { createFoursquareConnector } from '../../../connectors/foursquare/index.ts';
import type { FoursquareSession } from '../../../connectors/foursquare/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { tokyoStore } from '../../support/fixtures.ts';
import { startFakeFoursquare } from '../../fakes/foursquare/server.ts';
import type { FakeFoursquare, FakeFoursquareOptions } from '../../fakes/foursquare/server.ts';

export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function connector(baseUrl?: string) {
  return createFoursquareConnector(baseUrl ? { baseUrl } : {});
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export interface TestCall {
  call: PlatformCall;
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
