/** Credentials, token renewal and the mapping of Apple's answers to what the runtime does. */
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { createAppleBusinessConnectConnector } from '../../../connectors/apple-business-connect/index.ts';
import { ORG, connector, setup } from './helpers.ts';

const ping = (ctx: Awaited<ReturnType<typeof setup>>) => ctx.conn.verify(ctx.session, ctx.calls.call, ORG);

describe('credentials and tokens', () => {
  it('refuses malformed credentials naming the field, never its value', () => {
    const attempt = () => connector().parseCredentials({ accessToken: 42, secret: 'hunter2' });
    expect(attempt).toThrow(PlatformError);
    try {
      attempt();
    } catch (e) {
      expect((e as PlatformError).kind).toBe('INVALID');
      expect((e as PlatformError).message).toContain('accessToken');
      expect((e as PlatformError).message).not.toContain('hunter2');
    }
  });

  it('gets a token once, stores it, and reuses it while it is valid', async () => {
    const ctx = await setup();
    await ping(ctx);
    await ping(ctx);
    expect(ctx.fake.tokensIssued()).toBe(1);
    expect(ctx.stored).toEqual([{ accessToken: expect.any(String), expiresAt: expect.any(Number) }]);
    expect(ctx.fake.calls[0]?.body).toEqual({ client_id: 'tenpo-service-account', client_secret: 'tenpo-secret', grant_type: 'client_credentials', scope: 'business' });
  });

  it('renews a token Apple no longer takes and repeats the request once', async () => {
    const ctx = await setup();
    await ping(ctx);
    ctx.fake.expireTokens();
    await expect(ping(ctx)).resolves.toMatchObject({ externalAccount: ORG });
    expect(ctx.fake.tokensIssued()).toBe(2);
    expect(ctx.stored).toHaveLength(2);
  });

  it('tells the operator when Apple refuses Tenpo’s Service Account', async () => {
    const ctx = await setup();
    const bad = createAppleBusinessConnectConnector({ clientId: 'not-tenpo', clientSecret: 'wrong', baseUrl: ctx.fake.url });
    const session = bad.openSession({ credentials: {}, settings: { orgId: ORG }, onCredentials: () => {} });
    await expect(bad.verify(session, ctx.calls.call, ORG)).rejects.toMatchObject({ kind: 'PERMANENT', details: { status: 401 } });
    expect(ctx.fake.tokensIssued()).toBe(0);
  });
});

describe('classifyError', () => {
  it('maps 429 with Retry-After to RATE_LIMITED with the wait', async () => {
    const ctx = await setup({ fake: { requestsPerMinute: 2 } });
    await ping(ctx); // token + GET
    await expect(ping(ctx)).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { status: 429, retryAfterMs: expect.any(Number) } });
    const err = await ping(ctx).catch((e: PlatformError) => e);
    expect((err as PlatformError).details.retryAfterMs).toBeGreaterThan(0);
  });

  it('maps 5xx to TRANSIENT and a second 401 to AUTH_REVOKED', async () => {
    const ctx = await setup();
    ctx.fake.failNext(1, { status: 503 }, (m) => m === 'GET');
    await expect(ping(ctx)).rejects.toMatchObject({ kind: 'TRANSIENT', details: { status: 503 } });
    ctx.fake.failNext(2, { status: 401, body: [{ code: 'Unauthorized', message: 'Expired Token' }] }, (m) => m === 'GET');
    await expect(ping(ctx)).rejects.toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 401 } });
  });

  it('maps network failures and timeouts to TRANSIENT', () => {
    const c = connector();
    expect(c.classifyError(new TypeError('fetch failed')).kind).toBe('TRANSIENT');
    expect(c.classifyError(Object.assign(new Error('timeout'), { name: 'TimeoutError' })).kind).toBe('TRANSIENT');
    expect(c.classifyError(new Error('boom')).kind).toBe('PERMANENT');
  });
});
