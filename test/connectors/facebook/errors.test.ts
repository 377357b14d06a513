/** Graph API failures as the runtime acts on them. */
import { describe, expect, it } from 'vitest';
import { location, projectionOf, setup } from './helpers.ts';

const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({ error: { message, type: 'OAuthException', code, fbtrace_id: 'AbC', ...extra } });

async function failedCreate(fault: { status: number; body?: Record<string, unknown>; headers?: Record<string, string> }) {
  const s = await setup();
  s.fake.failNext(1, fault as never);
  const projection = projectionOf(location());
  const error = await s.conn.deliver(s.session, s.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: [], firstWrite: true, requestId: 'r' }).catch((e: unknown) => e);
  return { error, ...s };
}

describe('Facebook errors', () => {
  it('an expired or revoked token is AUTH_REVOKED', async () => {
    const { fake, conn, session, token, main, calls } = await setup();
    fake.setTokenState(token, 'expired');
    await expect(conn.verify(session, calls.call, main.id)).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { rule: 'facebook.code190.463', status: 400 } });
    fake.setTokenState(token, 'revoked');
    const error = await conn.verify(session, calls.call, main.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'AUTH_REVOKED' });
    expect(String((error as Error).message)).not.toContain(token);
  });

  it('the Page call budget (code 80001) is RATE_LIMITED for as long as Facebook says', async () => {
    const { fake, conn, session, main, calls } = await setup({ fake: { pageCallsPerMinute: 1 } });
    await conn.verify(session, calls.call, main.id);
    const error = await conn.verify(session, calls.call, main.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 60_000, rule: 'facebook.code80001' } });
    expect(fake.calls.at(-1)?.status).toBe(400);
  });

  it.each([4, 17, 32, 613])('code %i is RATE_LIMITED', async (code) => {
    const { error } = await failedCreate({ status: 400, body: graphError(code, 'Application request limit reached') });
    expect(error).toMatchObject({ kind: 'RATE_LIMITED' });
  });

  it('HTTP 429 with Retry-After is RATE_LIMITED with that wait', async () => {
    const { error } = await failedCreate({ status: 429, headers: { 'retry-after': '30' }, body: graphError(4, 'slow down') });
    expect(error).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 30_000 } });
  });

  it('code 100 is INVALID with the field its message names', async () => {
    const { error } = await failedCreate({ status: 400, body: graphError(100, '(#100) Param phone is not a valid phone number') });
    expect(error).toMatchObject({ kind: 'INVALID', details: { field: 'primaryPhone', rule: 'facebook.code100' } });
  });

  it('a missing permission is AUTH_REVOKED, a server failure TRANSIENT, a deleted Page NOT_FOUND', async () => {
    expect((await failedCreate({ status: 403, body: graphError(200, '(#200) Requires pages_manage_metadata permission') })).error).toMatchObject({ kind: 'AUTH_REVOKED' });
    expect((await failedCreate({ status: 500, body: graphError(2, 'Service temporarily unavailable', { is_transient: true }) })).error).toMatchObject({ kind: 'TRANSIENT' });
    const s = await setup();
    await expect(s.conn.verify(s.session, s.calls.call, '999999999')).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { rule: 'facebook.code100.33' } });
  });

  it('rejects malformed credentials naming the field, never the value', async () => {
    const { conn } = await setup();
    const error = (() => {
      try {
        conn.parseCredentials({ pageAccessToken: '', extra: 'EAAsecretvalue123456' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toMatchObject({ kind: 'INVALID', details: { rule: 'facebook.credentials.shape' } });
    expect(String((error as Error).message)).toContain('pageAccessToken');
    expect(String((error as Error).message)).not.toContain('EAAsecretvalue123456');
  });
});
