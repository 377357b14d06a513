/** Shared set-up for the Facebook connector specs: a valid location, the fake Graph API, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { JsonValue, Projection } from '../../../connectors/runtime/connector.ts';
import { createFacebookConnector } from '../../../connectors/facebook/index.ts';
import type { FacebookConfig, GraphSession } from '../../../connectors/facebook/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeFacebook } from '../../fakes/facebook/server.ts';
import type { FakeFacebook, FakeFacebookOptions } from '../../fakes/facebook/server.ts';
import type { FakePage } from '../../fakes/facebook/state.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

/** A Facebook category id the fake knows, mapped for tests that need a second category. */
export const CAFE_ID = '128673187201735';

export function connector(config: FacebookConfig = {}) {
  return createFacebookConnector(config);
}

export function projectionOf(loc: LocationData, settings: Record<string, JsonValue> = {}): Projection {
  const result = connector().project(loc, { settings });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
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
