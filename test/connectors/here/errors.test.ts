/** HERE's refusals as the runtime acts on them: who must do what, and when to try again. */
import { describe, expect, it } from 'vitest';
import { createHereConnector } from '../../../connectors/here/index.ts';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import { connector, entry, failure, location, setup, testCall } from './helpers.ts';

const at = new Date(Date.UTC(2030, 0, 15, 9, 30));

describe('HERE errors', () => {
  it('a rate limit waits as long as HERE says', async () => {
    const { fake, conn, session, calls } = await setup({ requestsPerMinute: 1 });
    await conn.verify(session, calls.call, null);
    const e = await failure(conn.verify(session, calls.call, null));
    expect(e).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 30_000, status: 429, rule: 'here.E600429' } });
    fake.advance(60_000);
    await expect(conn.verify(session, calls.call, null)).resolves.toMatchObject({ displayName: 'Tenpo Demo Chain' });
  });

  it('a HERE outage is transient', async () => {
    const { fake, conn, session, calls } = await setup();
    fake.faults.push({ match: /^POST \/v1\/feeds$/, status: 503, times: 1 });
    const e = await failure(conn.feed.upload(session, calls.call, conn.feed.render([entry(location())], at)));
    expect(e.kind).toBe('TRANSIENT');
    expect(e.retryable).toBe(true);
  });

  it('the chain removing Tenpo’s app from its project needs the chain to invite it again', async () => {
    const { fake, conn, session, calls, projectHrn } = await setup();
    fake.removeApp(projectHrn);
    const e = await failure(conn.verify(session, calls.call, null));
    expect(e).toMatchObject({ kind: 'AUTH_REVOKED', details: { status: 400, rule: 'here.400150' } });
    expect(e.message).toContain('Invite Tenpo');
  });

  it('wrong app keys are for the Tenpo operator, and the secret never reaches the message', async () => {
    const { conn, session, calls } = await setup({}, { accessKeyId: 'tenpo-here-key-id', accessKeySecret: 'not-the-secret' });
    const e = await failure(conn.verify(session, calls.call, null));
    expect(e).toMatchObject({ kind: 'PERMANENT', details: { status: 401, rule: 'here.401300' } });
    expect(JSON.stringify({ m: e.message, d: e.details })).not.toContain('not-the-secret');
  });

  it('a file HERE refuses at upload is INVALID with HERE’s cause', async () => {
    const { conn, session, calls } = await setup();
    const file = { ...conn.feed.render([entry(location())], at), contentType: 'text/plain' };
    const e = await failure(conn.feed.upload(session, calls.call, file));
    expect(e).toMatchObject({ kind: 'INVALID', details: { status: 415 } });
    expect(e.message).toContain('text/csv; charset=utf-8');
  });

  it('an unreachable HERE is transient', async () => {
    const base = 'http://127.0.0.1:9';
    const conn = createHereConnector({ accessKeyId: 'k', accessKeySecret: 's', baseUrl: base, tokenUrl: `${base}/oauth2/token`, lookupUrl: base });
    const session = conn.openSession({ credentials: { projectHrn: 'hrn:here:authorization::org1:project/p1' }, settings: {}, onCredentials: () => {} });
    const e = await failure(conn.verify(session, testCall(conn).call, null));
    expect(e).toMatchObject({ kind: 'TRANSIENT', details: { rule: 'here.network' } });
  });

  it('malformed connection settings name the field, never its value', () => {
    const conn = connector();
    let caught: unknown;
    try {
      conn.parseCredentials({ projectHrn: 'secret-looking-value' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PlatformError);
    expect((caught as PlatformError).kind).toBe('INVALID');
    expect((caught as PlatformError).message).toContain('projectHrn');
    expect((caught as PlatformError).message).not.toContain('secret-looking-value');
  });
});

