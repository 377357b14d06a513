import { describe, expect, it } from 'vitest';
import { connector, location, projectionOf, setup } from './helpers.ts';

const read = async (s: Awaited<ReturnType<typeof setup>>, id: string) => s.conn.readBack(s.session, s.calls.call, id);

describe('Foursquare error mapping', () => {
  it('429 with Retry-After is RATE_LIMITED with the wait', async () => {
    const s = await setup();
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    s.fake.failNext(1, { status: 429, retryAfterSeconds: 7, body: { message: 'Rate limit exceeded' } });
    await expect(read(s, id)).rejects.toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 7000 } });
  });

  it('the fake’s own per-minute limit answers 429 and maps the same way', async () => {
    const s = await setup({ fake: { requestsPerMinute: 1 } });
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    await read(s, id);
    await expect(read(s, id)).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
  });

  it('a revoked key is AUTH_REVOKED, and the message never holds the key', async () => {
    const s = await setup();
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    s.fake.revokeKey(s.key);
    const error = (await read(s, id).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 401 } });
    expect(JSON.stringify(error)).not.toContain(s.key);
    expect(error.message).not.toContain(s.key);
  });

  it('5xx is TRANSIENT, a missing place NOT_FOUND', async () => {
    const s = await setup();
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    s.fake.failNext(1, { status: 503 });
    await expect(read(s, id)).rejects.toMatchObject({ kind: 'TRANSIENT', details: { status: 503 } });
    await expect(read(s, 'aaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('a description the platform refuses is INVALID on the description field', async () => {
    const s = await setup();
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    const projection = { ...projectionOf(location()), description: 'x'.repeat(301) };
    await expect(s.conn.deliver(s.session, s.calls.call, { platformListingId: id, storeCode: 'TKY-001', projection, changed: ['description'], firstWrite: false, requestId: 'e1' })).rejects.toMatchObject({
      kind: 'INVALID',
      details: { field: 'description' },
    });
  });

  it('a request that times out is TRANSIENT', async () => {
    const s = await setup({ timeoutMs: 1 });
    const id = s.fake.seedPlace({ name: 'x', categories: [] });
    const slow = s.calls.call;
    await expect(
      slow({ kind: 'read' }, async ({ signal }) => {
        await new Promise((r) => setTimeout(r, 20));
        return s.session.request('GET', `/places/${id}`, {}, signal);
      }),
    ).rejects.toMatchObject({ kind: 'TRANSIENT', details: { rule: 'foursquare.timeout' } });
  });

  it('malformed credentials name the field, never the value', () => {
    const conn = connector();
    expect(() => conn.parseCredentials({ serviceApiKey: '' })).toThrow(/serviceApiKey/);
    const error = (() => {
      try {
        conn.parseCredentials({ serviceApiKey: 'fsq3secret', token: 'other-secret' });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toMatchObject({ kind: 'INVALID', details: { rule: 'foursquare.credentials.shape' } });
    expect(error?.message).toContain('token');
    expect(error?.message).not.toContain('secret');
  });
});
