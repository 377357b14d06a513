/** Set-up for the Tripadvisor specs: the partner (publisher protocol) fake and the Content API fake. */
import { afterEach, expect } from 'vitest';
import { createTripadvisorConnector, type TripadvisorSession } from '../../../connectors/tripadvisor/index.ts';
import { startFakePublisher, type FakePublisher, type FakePublisherOptions } from '../../fakes/publisher/server.ts';
import { startFakeTripadvisor, type FakeTripadvisor } from '../../fakes/tripadvisor/server.ts';
import { location, testCall, failure, type TestCall } from '../support.ts';

export { location, testCall, failure, type TestCall };

export const connector = (baseUrl?: string) => createTripadvisorConnector({ contentApiKey: 'content-key', ...(baseUrl ? { baseUrl } : {}) });

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
