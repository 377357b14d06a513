/** classifyError(): real failures from the fake through googleapis, and shapes Google documents. */
import { describe, expect, it } from 'vitest';
import type { Projection } from '../../../connectors/runtime/connector.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { failTimes, on } from '../../fakes/google/server.ts';
import { connector, location, projectionOf, setup, testCall } from './helpers.ts';

const tokyo = projectionOf(location());

async function withListing(options: Parameters<typeof setup>[0] = {}) {
  const ctx = await setup(options);
  const { platformListingId: name } = await ctx.conn.deliver(ctx.session, ctx.calls.call, { platformListingId: null, storeCode: 'TKY-001', projection: tokyo, changed: Object.keys(tokyo), firstWrite: false, requestId: 'r' });
  return { ...ctx, name };
}

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlatformError);
    return e as PlatformError;
  }
  throw new Error('expected a failure');
}

const patchTitle = (name: string, projection: Projection = { ...tokyo, title: 'x' }) => ({ platformListingId: name, storeCode: 'TKY-001', projection, changed: ['title'], firstWrite: false, requestId: 'r' });

/** The shape gaxios gives an API error, for statuses the fake does not produce. */
function gaxiosError(status: number, data: unknown, headers: Record<string, string> = {}) {
  return Object.assign(new Error('request failed'), { code: status, status, response: { status, data, headers: new Headers(headers) } });
}

describe('classifyError', () => {
  it('a real quota refusal (11th edit of a profile in a minute) is RATE_LIMITED', async () => {
    const { fake, conn, session, calls, name } = await withListing();
    fake.setClock(fake.now());
    for (let i = 0; i < 10; i++) await conn.deliver(session, calls.call, patchTitle(name, { ...tokyo, title: `Edit ${i}` }));
    const e = await failure(conn.deliver(session, calls.call, patchTitle(name)));
    expect(e).toMatchObject({ kind: 'RATE_LIMITED', retryable: true, details: { status: 429, rule: 'google.RATE_LIMIT_EXCEEDED', platformMessage: expect.stringContaining('Quota exceeded') } });
    expect(e.details.retryAfterMs).toBeUndefined(); // Google sends no Retry-After on quota errors
    expect(fake.quotaViolations).toHaveLength(1);
  });

  it('a 429 with Retry-After carries the wait', async () => {
    const { fake, conn, session, calls, name } = await withListing();
    fake.setFaults(failTimes(1, { kind: 'status', status: 429, retryAfterSeconds: 7 }, on.patches()));
    expect(await failure(conn.deliver(session, calls.call, patchTitle(name)))).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 7000, status: 429 } });
    const later = new Date(Date.now() + 30_000).toUTCString();
    const dated = connector().classifyError(gaxiosError(429, { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'x' } }, { 'retry-after': later }));
    expect(dated.details.retryAfterMs).toBeGreaterThan(20_000);
  });

  it('5xx, timeouts and dropped connections are TRANSIENT', async () => {
    const { fake, conn, session, calls, name } = await withListing();
    for (const status of [500, 502, 503, 504] as const) {
      fake.setFaults(failTimes(1, { kind: 'status', status }, on.patches()));
      expect(await failure(conn.deliver(session, calls.call, patchTitle(name)))).toMatchObject({ kind: 'TRANSIENT', details: { status } });
    }
    fake.setFaults(failTimes(1, { kind: 'hang' }, on.patches()));
    const started = Date.now();
    const timedOut = await failure(conn.deliver(session, testCall(conn, 200).call, patchTitle(name)));
    expect(timedOut).toMatchObject({ kind: 'TRANSIENT', details: { rule: 'google.timeout' } });
    expect(Date.now() - started).toBeLessThan(3000);
    fake.setFaults(failTimes(1, { kind: 'reset' }, on.api('businessinformation')));
    expect(await failure(conn.readBack(session, calls.call, name))).toMatchObject({ kind: 'TRANSIENT', details: { rule: 'google.network' } });
  });

  it('a 400 with field violations is INVALID and names the Tenpo field and Google’s rule', async () => {
    const { conn, session, calls, name } = await withListing();
    const labels = Array.from({ length: 11 }, (_, i) => `l${i}`);
    const e = await failure(conn.deliver(session, calls.call, { ...patchTitle(name), projection: { ...tokyo, labels }, changed: ['labels'] }));
    expect(e).toMatchObject({ kind: 'INVALID', retryable: false, details: { status: 400, field: 'labels', rule: 'google.TOO_MANY_ITEMS', platformMessage: 'Request contains an invalid argument.' } });
    expect(e.message).toContain('labels: labels may hold at most 10 items.');
    expect(e.message).toContain('Change the labels in Tenpo');

    const phones = await failure(conn.deliver(session, calls.call, { ...patchTitle(name), projection: { ...tokyo, phoneNumbers: { primaryPhone: '+81312345678', additionalPhones: ['1', '2', '3'] } }, changed: ['phoneNumbers'] }));
    expect(phones.details).toMatchObject({ field: 'additionalPhones', rule: 'google.TOO_MANY_ITEMS' });
    const title = await failure(conn.deliver(session, calls.call, { ...patchTitle(name), projection: { ...tokyo, title: '' } }));
    expect(title.details).toMatchObject({ field: 'name', rule: 'google.MISSING_VALUE' });
  });

  it('reads a BadRequest without ValidationError too (request-level problems have no Tenpo field)', () => {
    const e = connector().classifyError(
      gaxiosError(400, { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad', details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'storefront_address.postal_code', description: 'Invalid postal code.' }, { field: 'updateMask', description: 'x' }] }] } }),
    );
    expect(e).toMatchObject({ kind: 'INVALID', details: { field: 'address', rule: 'google.INVALID_ARGUMENT' } });
    expect(e.message).toContain('address: Invalid postal code.');
  });

  it('404 is NOT_FOUND', async () => {
    const { conn, session, calls } = await withListing();
    expect(await failure(conn.readBack(session, calls.call, 'locations/999'))).toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
  });

  it('a revoked refresh token is AUTH_REVOKED with a reconnect message, and no token reaches any message', async () => {
    const { fake, conn, session, calls, name, refreshToken, stored } = await withListing();
    fake.revokeRefreshToken(refreshToken);
    const e = await failure(conn.readBack(session, calls.call, name));
    expect(e).toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 400, rule: 'google.oauth.invalid_grant', platformMessage: 'invalid_grant: Token has been expired or revoked.' } });
    expect(e.message).toMatch(/reconnect the Google account in Tenpo/);
    const accessToken = String(stored[0]?.accessToken);
    expect(accessToken).toMatch(/^ya29\./);
    for (const text of [e.message, JSON.stringify(e.details), String(e.stack)]) {
      expect(text).not.toContain(refreshToken);
      expect(text).not.toContain(accessToken);
    }
  });

  it('401 and 403 mean the merchant must reconnect, except an API not enabled for Tenpo’s project', () => {
    const c = connector();
    expect(c.classifyError(gaxiosError(401, { error: { code: 401, status: 'UNAUTHENTICATED', message: 'x' } })).kind).toBe('AUTH_REVOKED');
    expect(c.classifyError(gaxiosError(403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' } }))).toMatchObject({ kind: 'AUTH_REVOKED', details: { rule: 'google.PERMISSION_DENIED' } });
    const disabled = { error: { code: 403, status: 'PERMISSION_DENIED', message: 'x', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }] } };
    expect(c.classifyError(gaxiosError(403, disabled)).kind).toBe('PERMANENT');
    expect(c.classifyError(gaxiosError(400, { error: 'invalid_client', error_description: 'Unauthorized' })).kind).toBe('PERMANENT');
  });

  it('keeps PlatformErrors, redacts tokens from unexpected errors, and treats the rest as PERMANENT', () => {
    const c = connector();
    const own = new PlatformError('INVALID', 'x');
    expect(c.classifyError(own)).toBe(own);
    const odd = c.classifyError(new Error('boom with Bearer ya29.secret-token inside'));
    expect(odd.kind).toBe('PERMANENT');
    expect(odd.details.platformMessage).not.toContain('ya29.secret');
    expect(c.classifyError(gaxiosError(409, { error: { code: 409, status: 'ALREADY_EXISTS', message: 'dup' } })).kind).toBe('PERMANENT');
  });
});
