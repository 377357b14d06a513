/** Credentials, the owner's OAuth token and error mapping against the fake. */
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { YelpHttpError } from '../../../connectors/yelp/http.ts';
import { connector, failure, location, projectionOf, setup } from './helpers.ts';

describe('credentials', () => {
  it('refuses malformed credentials naming the fields, never the values', () => {
    const e = (() => {
      try {
        connector().parseCredentials({ refreshToken: '', accessToken: 'secret-value-123', extra: 'x' });
      } catch (err) {
        return err as PlatformError;
      }
      throw new Error('expected a failure');
    })();
    expect(e).toBeInstanceOf(PlatformError);
    expect(e.kind).toBe('INVALID');
    expect(e.message).toContain('refreshToken');
    expect(e.message).toContain('extra');
    expect(e.message).not.toContain('secret-value-123');
  });

  it('keeps tokens out of JSON and inspection of the session', async () => {
    const { session, refreshToken } = await setup();
    expect(JSON.stringify(session)).not.toContain(refreshToken);
    const { inspect } = await import('node:util');
    expect(inspect(session)).not.toContain(refreshToken);
  });
});

describe('the owner’s token', () => {
  it('gets an access token with the refresh token, stores it, and proves the owner with their profile', async () => {
    const { fake, conn, session, calls, stored, ownerId, refreshToken } = await setup();
    const before = Date.now();
    const account = await conn.verify(session, calls.call, null);
    expect(account).toEqual({ externalAccount: ownerId, displayName: 'Aiko Sato' });
    // Yelp's expires_in (7 days) from the moment of the refresh.
    expect(stored).toEqual([{ refreshToken, accessToken: expect.any(String), expiresAt: expect.any(Number) }]);
    const expiresAt = stored[0]?.expiresAt as number;
    expect(expiresAt - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const token = fake.calls.find((c) => c.path === '/oauth2/token');
    expect(token?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: fake.client.id });
    await conn.verify(session, calls.call, ownerId);
    expect(fake.calls.filter((c) => c.path === '/oauth2/token')).toHaveLength(1);
  });

  it('refreshes once and retries when Yelp no longer takes the access token', async () => {
    const { fake, conn, session, calls, stored } = await setup();
    await conn.verify(session, calls.call, null);
    fake.expireAccessTokens();
    await conn.verify(session, calls.call, null);
    expect(fake.calls.map((c) => [c.path, c.status])).toEqual([
      ['/oauth2/token', 200],
      ['/v1/business_owner/me/profile', 200],
      ['/v1/business_owner/me/profile', 401],
      ['/oauth2/token', 200],
      ['/v1/business_owner/me/profile', 200],
    ]);
    expect(stored).toHaveLength(2);
  });

  it('asks to reconnect when the owner’s authorisation was revoked', async () => {
    const { fake, conn, session, calls, refreshToken } = await setup();
    fake.revokeRefreshToken(refreshToken);
    const e = await failure(conn.verify(session, calls.call, null));
    expect([e.kind, e.details.rule]).toEqual(['AUTH_REVOKED', 'yelp.INVALID_GRANT']);
  });

  it('refuses an authorisation that belongs to another owner', async () => {
    const { conn, session, calls } = await setup();
    const e = await failure(conn.verify(session, calls.call, 'someone-else'));
    expect([e.kind, e.details.rule]).toEqual(['INVALID', 'yelp.owner.mismatch']);
  });
});

describe('errors', () => {
  const deliverTo = async (fault: { status: number; retryAfter?: string; body?: Record<string, unknown> }) => {
    const ctx = await setup({ processImmediately: true });
    ctx.fake.faults.push({ match: /^POST \/v1\/ingest\/create$/, times: 1, ...fault });
    const projection = projectionOf(location());
    return failure(ctx.conn.deliver(ctx.session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' }));
  };

  it('maps 429 with Retry-After to RATE_LIMITED with the wait', async () => {
    const e = await deliverTo({ status: 429, retryAfter: '30', body: { error: { code: 'TOO_MANY_REQUESTS_PER_SECOND', description: 'slow down' } } });
    expect([e.kind, e.details.retryAfterMs, e.retryable]).toEqual(['RATE_LIMITED', 30_000, true]);
  });

  it('maps a server error to TRANSIENT', async () => {
    const e = await deliverTo({ status: 503 });
    expect([e.kind, e.retryable]).toEqual(['TRANSIENT', true]);
  });

  it('sends a refusal of Tenpo’s partner credentials to the operator, not to the store owner', async () => {
    const ctx = await setup();
    const wrong = connector({ ...ctx.fake, partner: { user: 'tenpo', password: 'wrong' } });
    const session = wrong.openSession({ credentials: { refreshToken: ctx.refreshToken }, settings: {}, onCredentials: () => {} });
    const projection = projectionOf(location());
    const e = await failure(wrong.deliver(session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' }));
    expect(e.kind).toBe('PERMANENT');
    expect(e.message).toContain('Tenpo operator');
  });

  it('maps the daily API limit to RATE_LIMITED', async () => {
    const ctx = await setup({ dailyLimit: 0 });
    const e = await failure(ctx.conn.readBack(ctx.session, ctx.calls.call, 'any'));
    expect([e.kind, e.details.rule]).toEqual(['RATE_LIMITED', 'yelp.ACCESS_LIMIT_REACHED']);
  });

  it('treats an unreachable Yelp as TRANSIENT', async () => {
    const ctx = await setup();
    await ctx.fake.close();
    const e = await failure(ctx.conn.readBack(ctx.session, ctx.calls.call, 'any'));
    expect(e.kind).toBe('TRANSIENT');
    await ctx.fake.close().catch(() => undefined);
  });

  it('keeps the platform’s message for support and the API that answered', () => {
    const e = connector().classifyError(new YelpHttpError('ingest', 400, { error: { id: 'INVALID_REQUEST', description: 'phone must be E.164', field: 'businesses[0].update.phone' } }, null));
    expect([e.kind, e.details.field, e.details.platformMessage]).toEqual(['INVALID', 'primaryPhone', 'INVALID_REQUEST: phone must be E.164']);
  });
});
