import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf, setup } from './helpers.ts';

async function published(s: Awaited<ReturnType<typeof setup>>): Promise<string> {
  const projection = projectionOf(location());
  const { platformListingId } = await s.conn.deliver(s.session, s.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'e1' });
  s.fake.publish(platformListingId);
  return platformListingId;
}

describe('Yahoo!プレイス error mapping', () => {
  it('429 with Retry-After is RATE_LIMITED with the wait', async () => {
    const s = await setup();
    s.fake.failNext(1, { status: 429, retryAfterSeconds: 12, body: { error: { code: 'RATE_LIMITED', message: 'Too many requests.' } } });
    await expect(s.conn.verify(s.session, s.calls.call, null)).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 12_000 } });
  });

  it('the partner rate limit of the fake answers 429 the same way', async () => {
    const s = await setup({ fake: { requestsPerMinute: 1 } });
    await s.conn.verify(s.session, s.calls.call, null);
    await expect(s.conn.verify(s.session, s.calls.call, null)).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
  });

  it('a revoked partner token is AUTH_REVOKED and no message holds it', async () => {
    const s = await setup();
    s.fake.revokeToken(s.token);
    const error = (await s.conn.verify(s.session, s.calls.call, null).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 401 } });
    expect(JSON.stringify(error) + error.message).not.toContain(s.token);
  });

  it("YOLP's XML 403 for a wrong Client ID is a PERMANENT operator problem, with YOLP's message", async () => {
    const s = await setup({ appId: 'not-the-app' });
    const id = await published(s);
    await expect(s.conn.readBack(s.session, s.calls.call, id)).rejects.toMatchObject({ kind: 'PERMANENT', details: { status: 403, platformMessage: 'Your Request was Forbidden' } });
  });

  it('5xx is TRANSIENT and an unknown place NOT_FOUND', async () => {
    const s = await setup();
    s.fake.failNext(1, { status: 502 });
    await expect(s.conn.readBack(s.session, s.calls.call, 'yp_missing')).rejects.toMatchObject({ kind: 'TRANSIENT' });
    await expect(s.conn.readBack(s.session, s.calls.call, 'yp_missing')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('malformed credentials name the field, never the value', () => {
    const conn = connector();
    const error = (() => {
      try {
        conn.parseCredentials({ partnerToken: 'ypt_secret', password: 'hunter2' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toMatchObject({ kind: 'INVALID', details: { rule: 'yahoo-place-jp.credentials.shape' } });
    expect(error?.message).toContain('password');
    expect(error?.message).not.toMatch(/ypt_secret|hunter2/);
  });
});
