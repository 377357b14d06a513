/** Shared set-up for the Facebook connector specs: a valid location, the fake Graph API, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { CallOptions, JsonValue, PlatformCall, Projection } from '../../../connectors/runtime/connector.ts';
import { createFacebookConnector } from '../../../connectors/facebook/index.ts';
import type { FacebookConfig, GraphSession } from '../../../connectors/facebook/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { tokyoStore } from '../../support/fixtures.ts';
import { startFakeFacebook } from '../../fakes/facebook/server.ts';
import type { FakeFacebook, FakeFacebookOptions } from '../../fakes/facebook/server.ts';
import type { FakePage } from '../../fakes/facebook/state.ts';

/** A Facebook category id the fake knows, mapped for tests that need a second category. */
export const CAFE_ID = '128673187201735';

export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function connector(config: FacebookConfig = {}) {
  return createFacebookConnector(config);
}

export function projectionOf(loc: LocationData, settings: Record<string, JsonValue> = {}): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

export interface TestCall {
  call: PlatformCall;
  readonly options: CallOptions[];
}

/** The runtime's contract without quotas: run `fn` with a timeout, classify what it throws. */
export function testCall(conn: { classifyError: (e: unknown) => Error }, timeoutMs = 5000): TestCall {
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

const open: FakeFacebook[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export async function startFake(options: FakeFacebookOptions = {}): Promise<FakeFacebook> {
  const fake = await startFakeFacebook(options);
  fake.state.categories.set(CAFE_ID, 'Cafe');
  open.push(fake);
  return fake;
}

export interface Setup {
  fake: FakeFacebook;
  conn: ReturnType<typeof connector>;
  session: GraphSession;
  main: FakePage;
  token: string;
  calls: TestCall;
}

export async function setup(options: { fake?: FakeFacebookOptions; config?: FacebookConfig } = {}): Promise<Setup> {
  const fake = await startFake(options.fake);
  const { page: main, token } = fake.seedMainPage({ name: 'てんぽ' });
  const conn = connector({ baseUrl: fake.url, ...options.config });
  const session = conn.openSession({ credentials: conn.parseCredentials({ pageAccessToken: token }), settings: { pageId: main.id, categoryIds: { cafe: CAFE_ID } }, onCredentials: () => {} });
  return { fake, conn, session, main, token, calls: testCall(conn) };
}

/** A Page write the fake recorded (the Page update or the locations edge), by path. */
export function writes(fake: FakeFacebook): { path: string; params: Record<string, unknown> }[] {
  return fake.calls.filter((c) => c.method === 'POST' && c.status === 200).map((c) => ({ path: c.path, params: c.params }));
}
