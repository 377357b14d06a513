/** Shared set-up for the Yelp connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { CallOptions, Credentials, PlatformCall, Projection } from '../../../connectors/runtime/connector.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { createYelpConnector, type YelpSession } from '../../../connectors/yelp/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { tokyoStore } from '../../support/fixtures.ts';
import { startFakeYelp, type FakeYelp, type FakeYelpOptions } from '../../fakes/yelp/server.ts';

export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

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

/** The runtime's contract without quotas: run `fn` with a timeout, classify what it throws. */
export function testCall(conn: ReturnType<typeof connector>) {
  const options: CallOptions[] = [];
  const call = (async (opts: CallOptions, fn: Parameters<PlatformCall>[1]) => {
    options.push(opts);
    try {
      return await fn({ signal: AbortSignal.timeout(5000), timeoutMs: 5000 });
    } catch (e) {
      throw conn.classifyError(e);
    }
  }) as PlatformCall;
  return { call, options };
}

export async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const e = await p.then(
    () => new Error('expected a failure'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlatformError);
  return e as PlatformError;
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
