/** Set-up for the Tripadvisor specs: the partner (publisher protocol) fake and the Content API fake. */
import { afterEach, expect } from 'vitest';
import type { CallOptions, PlatformCall } from '../../../connectors/runtime/connector.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { createTripadvisorConnector, type TripadvisorSession } from '../../../connectors/tripadvisor/index.ts';
import type { LocationData } from '../../../src/locations/model.ts';
import { validateLocation } from '../../../src/locations/validate.ts';
import { tokyoStore } from '../../support/fixtures.ts';
import { startFakePublisher, type FakePublisher, type FakePublisherOptions } from '../../fakes/publisher/server.ts';
import { startFakeTripadvisor, type FakeTripadvisor } from '../../fakes/tripadvisor/server.ts';

export function location(overrides: Record<string, unknown> = {}): LocationData {
  const result = validateLocation(tokyoStore('TKY-001', overrides));
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export const connector = (baseUrl?: string) => createTripadvisorConnector({ contentApiKey: 'content-key', ...(baseUrl ? { baseUrl } : {}) });

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

const open: { serverErrors: string[]; close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

export interface Setup {
  partner: FakePublisher;
  content: FakeTripadvisor;
  conn: ReturnType<typeof connector>;
  session: TripadvisorSession;
  calls: ReturnType<typeof testCall>;
}

export async function setup(options: { partner?: FakePublisherOptions; language?: string } = {}): Promise<Setup> {
  const partner = await startFakePublisher(options.partner);
  const content = await startFakeTripadvisor();
  open.push(partner, content);
  partner.keys.set('partner-key-1', { id: 'acct-1', name: 'Tenpo Chain' });
  const conn = connector(content.url);
  const session = conn.openSession({
    credentials: conn.parseCredentials({ apiKey: 'partner-key-1' }),
    settings: { endpoint: partner.url, ...(options.language ? { language: options.language } : {}) },
    onCredentials: () => {},
  });
  return { partner, content, conn, session, calls: testCall(conn) };
}
