/** Credentials, the OAuth session (refresh reported through onCredentials, tokens never shown) and verify(). */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import type { Credentials } from '../../../connectors/runtime/connector.ts';
import { connector, setup, testCall } from './helpers.ts';

describe('parseCredentials', () => {
  it('accepts a refresh token with an optional access token and expiry', () => {
    const c = connector();
    expect(c.parseCredentials({ refreshToken: '1//abc' })).toEqual({ refreshToken: '1//abc' });
    expect(c.parseCredentials({ refreshToken: '1//abc', accessToken: 'ya29.x', expiryDate: 1_900_000_000_000 })).toEqual({ refreshToken: '1//abc', accessToken: 'ya29.x', expiryDate: 1_900_000_000_000 });
  });

  it.each([
    [null, '(root)'],
    [{}, 'refreshToken'],
    [{ refreshToken: '' }, 'refreshToken'],
    [{ refreshToken: '1//abc', accessToken: 42 }, 'accessToken'],
    [{ refreshToken: '1//abc', expiryDate: 'tomorrow' }, 'expiryDate'],
    [{ refreshToken: '1//abc', password: 'hunter2' }, 'password'],
  ])('refuses %j naming %s, never echoing values', (input, field) => {
    let error: unknown;
    try {
      connector().parseCredentials(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind: 'INVALID', message: expect.stringContaining(field) });
    expect((error as Error).message).not.toMatch(/1\/\/abc|hunter2|tomorrow/);
  });
});

describe('session', () => {
  it('refreshes the access token once and hands the new credentials (refresh token kept) to onCredentials', async () => {
    const { fake, conn, session, calls, account, refreshToken, stored } = await setup();
    const name = fake.seedLocation(account, { title: 'Tenpo', storeCode: 'S1' }).name as string;
    await conn.readBack(session, calls.call, name);
    await conn.readBack(session, calls.call, name);
    expect(fake.oauth.refreshCount).toBe(1);
    expect(stored).toEqual([{ refreshToken, accessToken: expect.stringMatching(/^ya29\./), expiryDate: expect.any(Number) }]);
    expect(conn.parseCredentials(stored[0])).toEqual(stored[0]); // storable as is
    const token = fake.findCalls({ path: '/token' })[0];
    expect(token?.body).toMatchObject({ grant_type: 'refresh_token', client_id: 'test-client-id' });
  });

  it('starts from stored credentials and refreshes when Google refuses an access token it still believes fresh', async () => {
    const { fake } = await setup();
    const conn = connector({ rootUrl: `${fake.url}/`, tokenUrl: fake.tokenUrl });
    const account = fake.seedAccount().name as string;
    const name = fake.seedLocation(account, { title: 'Tenpo', storeCode: 'S1' }).name as string;
    const refreshToken = fake.issueRefreshToken();
    const accessToken = fake.issueAccessToken(60);
    const stored: Credentials[] = [];
    const session = conn.openSession({ credentials: { refreshToken, accessToken, expiryDate: Date.now() + 3_600_000 }, settings: { account }, onCredentials: (c) => stored.push(c) });
    const { call } = testCall(conn);

    await conn.readBack(session, call, name);
    expect(fake.oauth.refreshCount).toBe(0); // the stored token was used
    fake.advance(61_000);
    await conn.readBack(session, call, name);
    expect(fake.oauth.refreshCount).toBe(1);
    expect(stored).toEqual([{ refreshToken, accessToken: expect.not.stringMatching(accessToken), expiryDate: expect.any(Number) }]);
    expect(fake.findCalls({ path: `/v1/${name}` }).map((c) => c.status)).toEqual([200, 401, 200]);
  });

  it('never shows tokens when the session is logged or serialised', async () => {
    const { conn, session, calls, account, refreshToken, stored } = await setup();
    await conn.verify(session, calls.call, account);
    const accessToken = String(stored[0]?.accessToken);
    expect(accessToken).toMatch(/^ya29\./);
    for (const text of [JSON.stringify(session), inspect(session, { depth: 5, showHidden: true }), String(session)]) {
      expect(text).not.toContain(refreshToken);
      expect(text).not.toContain(accessToken);
    }
    expect(JSON.parse(JSON.stringify(session))).toEqual({ platform: 'google', account });
  });

  it('makes authorised v4 requests (reviews) through the same client', async () => {
    const { fake, session, account } = await setup();
    const name = fake.seedLocation(account, { title: 'Tenpo', storeCode: 'S1' }).name as string;
    fake.seedReview(name, { starRating: 'FIVE', comment: 'おいしい' });
    const page = await session.request<{ reviews: { comment: string }[]; totalReviewCount: number }>({ url: `${fake.url}/v4/${account}/${name}/reviews` });
    expect(page).toMatchObject({ reviews: [{ comment: 'おいしい' }], totalReviewCount: 1 });
  });
});

describe('verify', () => {
  it('proves access to the given account, or finds the first one', async () => {
    const { fake, conn, session, calls, account } = await setup();
    expect(await conn.verify(session, calls.call, account)).toEqual({ externalAccount: account, displayName: 'Tenpo Demo Chain' });
    expect(await conn.verify(session, calls.call, null)).toEqual({ externalAccount: account, displayName: 'Tenpo Demo Chain' });
    expect(calls.options).toEqual([{ kind: 'read' }, { kind: 'read' }]);
    expect(fake.findCalls({ api: 'accountmanagement' }).map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/${account}`, 'GET /v1/accounts']);
  });

  it('says what is wrong with an unknown or malformed account, or a user with none', async () => {
    const { conn, session, calls } = await setup();
    await expect(conn.verify(session, calls.call, 'accounts/404')).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
    await expect(conn.verify(session, calls.call, 'locations/1')).rejects.toMatchObject({ kind: 'INVALID', details: { rule: 'google.account.name' } });
    const empty = await setup({ withoutAccount: true });
    await expect(empty.conn.verify(empty.session, empty.calls.call, null)).rejects.toMatchObject({ kind: 'NOT_FOUND', details: { rule: 'google.account.none' } });
  });
});
