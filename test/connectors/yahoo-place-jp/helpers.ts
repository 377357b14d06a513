/** Shared set-up for the Yahoo!プレイス connector specs: a valid location, the fake, a plain PlatformCall. */
import { afterEach, expect } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { createYahooPlaceConnector } from '../../../connectors/yahoo-place-jp/index.ts';
import type { YahooPlaceSession } from '../../../connectors/yahoo-place-jp/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { startFakeYahoo } from '../../fakes/yahoo-place-jp/server.ts';
import type { FakeYahoo, FakeYahooOptions } from '../../fakes/yahoo-place-jp/server.ts';
import { location, testCall, type TestCall } from '../support.ts';

export { location, testCall, type TestCall };

export function connector(base?: { url: string; appId: string }) {
  return createYahooPlaceConnector(base ? { appId: base.appId, partnerBaseUrl: base.url, yolpBaseUrl: base.url } : { appId: 'test-app', partnerBaseUrl: 'https://partner.invalid' });
}

export function projectionOf(loc: LocationData): Projection {
  const result = connector().project(loc, { settings: {} });
  if (!result.ok) throw new Error(`expected a projection, got problems: ${JSON.stringify(result.problems)}`);
  return result.projection;
}

const open: FakeYahoo[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  fake: FakeYahoo;
  conn: ReturnType<typeof connector>;
  session: YahooPlaceSession;
  token: string;
  calls: TestCall;
}

export async function setup(options: { fake?: FakeYahooOptions; appId?: string } = {}): Promise<Setup> {
  const fake = await startFakeYahoo(options.fake);
  open.push(fake);
  const token = fake.issueToken('biz_1', 'てんぽ株式会社');
  const conn = connector({ url: fake.url, appId: options.appId ?? fake.appId });
  const session = conn.openSession({ credentials: conn.parseCredentials({ partnerToken: token }), settings: {}, onCredentials: () => {} });
  return { fake, conn, session, token, calls: testCall(conn) };
}
