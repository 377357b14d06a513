/**
 * Proves the fake Google Business Profile against the real `googleapis` client: the same library,
 * URL building, OAuth refresh and retry logic the Google connector will use in production.
 */
import { google } from 'googleapis';
import type { Auth } from 'googleapis';
import { afterEach, describe, expect, it } from 'vitest';
import type { GoogleErrorBody } from './google/errors.ts';
import { failTimes, on, startFakeGoogle } from './google/server.ts';
import type { FakeGoogle, FakeGoogleOptions, Location, Review } from './google/server.ts';

const open: FakeGoogle[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) {
    expect(fake.serverErrors).toEqual([]);
    await fake.close();
  }
});

async function setup(options: FakeGoogleOptions = {}, authOptions: Partial<Auth.OAuth2ClientOptions> = {}) {
  const fake = await startFakeGoogle(options);
  open.push(fake);
  const account = fake.seedAccount({ accountName: 'Tenpo Demo Chain' });
  const refreshToken = fake.issueRefreshToken();
  const auth = new google.auth.OAuth2({ ...fake.oauthClientOptions(), ...authOptions });
  auth.setCredentials({ refresh_token: refreshToken });
  const rootUrl = `${fake.url}/`;
  const info = google.mybusinessbusinessinformation({ version: 'v1', auth, rootUrl });
  const accounts = google.mybusinessaccountmanagement({ version: 'v1', auth, rootUrl });
  return { fake, account: account.name as string, refreshToken, auth, info, accounts };
}

interface Failure {
  status: number;
  data: GoogleErrorBody & Record<string, unknown>;
  headers: Headers;
  error: Error & { code?: unknown };
}

/** The GaxiosError a call rejected with (checked by shape: googleapis and google-auth-library
 *  ship different gaxios versions, so `instanceof GaxiosError` is not reliable). */
async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    const error = e as Error & { response?: { status: number; data: Failure['data']; headers: Headers } };
    if (!error.response) throw e;
    return { status: error.response.status, data: error.response.data, headers: error.response.headers, error };
  }
  throw new Error('expected the request to fail');
}

function detail(body: GoogleErrorBody, type: string): Record<string, unknown> | undefined {
  return body.error.details?.find((d) => d['@type'] === `type.googleapis.com/${type}`);
}

function violatedFields(body: GoogleErrorBody): string[] {
  const bad = detail(body, 'google.rpc.BadRequest') as { fieldViolations: { field: string }[] } | undefined;
  return (bad?.fieldViolations ?? []).map((v) => v.field);
}

const HOURS = {
  periods: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
    openDay: day,
    openTime: { hours: 10 },
    closeDay: day,
    closeTime: { hours: 20 },
  })),
};

const SHIBUYA: Location = {
  title: 'Tenpo Shibuya',
  storeCode: 'SHB-001',
  languageCode: 'ja',
  phoneNumbers: { primaryPhone: '+81 3-1234-5678', additionalPhones: ['+81 90-1111-2222'] },
  categories: { primaryCategory: { name: 'categories/gcid:bakery', displayName: 'Bakery' } },
  storefrontAddress: {
    regionCode: 'JP',
    languageCode: 'ja',
    postalCode: '150-0002',
    administrativeArea: '東京都',
    locality: '渋谷区',
    addressLines: ['渋谷2-1-1'],
  },
  websiteUri: 'https://tenpo.example/shibuya',
  regularHours: HOURS,
  profile: { description: 'Fresh bread every morning.' },
  labels: ['flagship'],
};

describe('accounts and locations', () => {
  it('lists accounts page by page, after getting a token from the fake OAuth endpoint', async () => {
    const { fake, accounts } = await setup();
    for (let i = 0; i < 24; i++) fake.seedAccount({ accountName: `Agency client ${i}` });

    const first = await accounts.accounts.list({});
    expect(first.data.accounts).toHaveLength(20); // default and maximum page size
    expect(first.data.accounts?.[0]).toMatchObject({ name: expect.stringMatching(/^accounts\/\d+$/), accountName: 'Tenpo Demo Chain', type: 'LOCATION_GROUP' });
    expect(first.data.nextPageToken).toEqual(expect.any(String));
    const second = await accounts.accounts.list({ pageToken: first.data.nextPageToken as string });
    expect(second.data.accounts).toHaveLength(5);
    expect(second.data.nextPageToken).toBeUndefined();

    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /token', 'GET /v1/accounts', 'GET /v1/accounts']);
    expect(fake.calls[0]?.body).toMatchObject({ grant_type: 'refresh_token', client_id: 'test-client-id' });
    expect(fake.calls[2]?.query.pageToken).toBe(first.data.nextPageToken);
    expect((await failure(accounts.accounts.list({ pageSize: 21 }))).status).toBe(400);
  });

  it('lists locations with a readMask, paging, filter and totalSize', async () => {
    const { fake, account, info } = await setup();
    for (let i = 1; i <= 23; i++) fake.seedLocation(account, { ...SHIBUYA, title: `Store ${i}`, storeCode: `S${i}` });

    const seen: Location[] = [];
    let pageToken: string | undefined;
    do {
      const res = await info.accounts.locations.list({ parent: account, readMask: 'name,title', pageSize: 10, ...(pageToken ? { pageToken } : {}) });
      seen.push(...(res.data.locations ?? []));
      expect(res.data.totalSize).toBeUndefined(); // only returned with a filter
      pageToken = res.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen).toHaveLength(23);
    expect(seen[0]).toEqual({ name: expect.stringMatching(/^locations\/\d+$/), title: 'Store 1' }); // only masked fields

    const filtered = await info.accounts.locations.list({ parent: account, readMask: 'storeCode', filter: 'storeCode="S7"' });
    expect(filtered.data).toEqual({ locations: [{ storeCode: 'S7' }], totalSize: 1 });

    const noMask = await failure(info.accounts.locations.list({ parent: account }));
    expect(noMask.status).toBe(400);
    expect(noMask.data.error.status).toBe('INVALID_ARGUMENT');
    expect(violatedFields(noMask.data)).toEqual(['readMask']);
    expect((await failure(info.locations.get({ name: 'locations/999', readMask: 'title' }))).status).toBe(404);
  });

  it('patches only the fields in updateMask and returns the updated Location', async () => {
    const { fake, account, info } = await setup();
    const loc = fake.seedLocation(account, SHIBUYA);
    const name = loc.name as string;

    const res = await info.locations.patch({
      name,
      updateMask: 'title,storefrontAddress.locality',
      requestBody: { title: 'Tenpo Shibuya Station', websiteUri: 'https://not-in-the-mask.example', storefrontAddress: { locality: '渋谷区道玄坂', regionCode: 'XX' } },
    });
    expect(res.data.title).toBe('Tenpo Shibuya Station');
    expect(res.data.websiteUri).toBe(SHIBUYA.websiteUri);
    expect(res.data.storefrontAddress).toEqual({ ...SHIBUYA.storefrontAddress, locality: '渋谷区道玄坂' });
    expect(fake.state.location(name)).toMatchObject({ title: 'Tenpo Shibuya Station', websiteUri: SHIBUYA.websiteUri });

    const patch = fake.findCalls({ method: 'PATCH' })[0];
    expect(patch?.path).toBe(`/v1/${name}`);
    expect(patch?.updateMask).toEqual(['title', 'storefrontAddress.locality']);
    expect(patch?.body).toMatchObject({ title: 'Tenpo Shibuya Station' });

    // A masked field missing from the body is cleared, as a FieldMask update does.
    const cleared = await info.locations.patch({ name, updateMask: 'websiteUri', requestBody: {} });
    expect(cleared.data.websiteUri).toBeUndefined();
  });

  it('validateOnly checks the request, answers {} and changes nothing', async () => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    for (let i = 0; i < 12; i++) {
      const res = await info.locations.patch({ name, updateMask: 'title', validateOnly: true, requestBody: { title: `Draft ${i}` } });
      expect(res.data).toEqual({});
    }
    expect(fake.state.location(name)?.title).toBe(SHIBUYA.title);
    const invalid = await failure(info.locations.patch({ name, updateMask: 'title', validateOnly: true, requestBody: { title: '' } }));
    expect(violatedFields(invalid.data)).toEqual(['title']);
    expect(fake.quotaViolations).toEqual([]); // validation is not an edit
  });
});

describe("Google's validation rules", () => {
  const long = (n: number) => 'あ'.repeat(n);
  const cases: { rule: string; updateMask?: string; body: Location & Record<string, unknown>; seed?: Location; fields: string[]; code?: number }[] = [
    { rule: 'updateMask is required', body: { title: 'x' }, fields: ['updateMask'], code: 1 },
    { rule: 'updateMask names real fields', updateMask: 'title,nickname', body: { title: 'x' }, fields: ['updateMask'] },
    { rule: 'languageCode is immutable', updateMask: 'languageCode', body: { languageCode: 'en' }, fields: ['updateMask'] },
    { rule: 'metadata is output only', updateMask: 'metadata.hasGoogleUpdated', body: {}, fields: ['updateMask'] },
    { rule: 'phone numbers are updated as a whole', updateMask: 'phoneNumbers.primaryPhone', body: { phoneNumbers: { primaryPhone: '+81 3-0000-0000' } }, fields: ['phoneNumbers'] },
    { rule: 'primaryPhone is required', updateMask: 'phoneNumbers', body: { phoneNumbers: { additionalPhones: ['+81 3-0000-0000'] } }, fields: ['phoneNumbers.primaryPhone'], code: 1 },
    { rule: 'at most two additional phones', updateMask: 'phoneNumbers', body: { phoneNumbers: { primaryPhone: '+81 3-1', additionalPhones: ['1', '2', '3'] } }, fields: ['phoneNumbers.additionalPhones'], code: 4 },
    { rule: 'categories are updated as a whole', updateMask: 'categories.additionalCategories', body: { categories: { additionalCategories: [] } }, fields: ['categories'] },
    { rule: 'category ids look like categories/gcid:*', updateMask: 'categories', body: { categories: { primaryCategory: { name: 'gcid:bakery' } } }, fields: ['categories.primaryCategory.name'] },
    {
      rule: 'special hours need regular hours',
      updateMask: 'specialHours',
      seed: { ...SHIBUYA, regularHours: undefined },
      body: { specialHours: { specialHourPeriods: [{ startDate: { year: 2030, month: 1, day: 1 }, closed: true }] } },
      fields: ['specialHours'],
    },
    { rule: 'regular hours cannot be removed under special hours', updateMask: 'regularHours', seed: { ...SHIBUYA, specialHours: { specialHourPeriods: [{ startDate: { year: 2030, month: 1, day: 1 }, closed: true }] } }, body: {}, fields: ['specialHours'] },
    { rule: 'description ≤ 750 characters', updateMask: 'profile.description', body: { profile: { description: long(751) } }, fields: ['profile.description'] },
    { rule: 'at most 5 address lines', updateMask: 'storefrontAddress.addressLines', body: { storefrontAddress: { addressLines: ['1', '2', '3', '4', '5', '6'] } }, fields: ['storefrontAddress.addressLines'], code: 4 },
    { rule: 'at most 10 labels', updateMask: 'labels', body: { labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }, fields: ['labels'], code: 4 },
    { rule: 'labels ≤ 255 characters', updateMask: 'labels', body: { labels: ['ok', long(256)] }, fields: ['labels'] },
    { rule: 'title is required', updateMask: 'title', body: { title: '   ' }, fields: ['title'], code: 1 },
    { rule: 'title ≤ 100 characters', updateMask: 'title', body: { title: long(101) }, fields: ['title'] },
    { rule: 'websiteUri is a URL', updateMask: 'websiteUri', body: { websiteUri: 'tenpo dot example' }, fields: ['websiteUri'] },
    { rule: 'unknown JSON fields are refused', updateMask: 'title', body: { title: 'x', nickname: 'y' }, fields: ['location'] },
  ];

  it.each(cases)('$rule', async ({ updateMask, body, seed, fields, code }) => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, seed ?? SHIBUYA).name as string;
    const before = fake.state.location(name);

    const res = await failure(info.locations.patch({ name, ...(updateMask ? { updateMask } : {}), requestBody: body }));
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.any(String) });
    expect(res.error.message).toBe(res.data.error.message); // gaxios surfaces Google's message
    expect(violatedFields(res.data)).toEqual(fields);
    const validation = detail(res.data, 'google.mybusiness.v4.ValidationError') as { errorDetails: { code: number; field: string }[] } | undefined;
    if (fields[0] !== 'location') {
      expect(validation?.errorDetails.map((d) => d.field)).toEqual(fields);
      if (code !== undefined) expect(validation?.errorDetails[0]?.code).toBe(code);
    }
    expect(fake.state.location(name)).toEqual(before);
  });

  it('accepts special hours when the location has regular hours, and a label index is reported', async () => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    const specialHours = { specialHourPeriods: [{ startDate: { year: 2030, month: 1, day: 1 }, closed: true }] };
    const res = await info.locations.patch({ name, updateMask: 'specialHours', requestBody: { specialHours } });
    expect(res.data.specialHours).toEqual(specialHours);

    const bad = await failure(info.locations.patch({ name, updateMask: 'labels', requestBody: { labels: ['a', 'x'.repeat(256)] } }));
    const validation = detail(bad.data, 'google.mybusiness.v4.ValidationError') as { errorDetails: { fieldIndex?: number }[] };
    expect(validation.errorDetails[0]?.fieldIndex).toBe(1);
  });
});

describe('quotas', () => {
  it('answers 429 to the 11th edit of one location within a minute, and not after the clock moves on', async () => {
    const { fake, account, info } = await setup();
    fake.setClock(fake.now()); // frozen: only advance() moves it
    const a = fake.seedLocation(account, SHIBUYA).name as string;
    const b = fake.seedLocation(account, { ...SHIBUYA, storeCode: 'SHB-002' }).name as string;
    for (let i = 1; i <= 10; i++) await info.locations.patch({ name: a, updateMask: 'title', requestBody: { title: `Edit ${i}` } });

    const refused = await failure(info.locations.patch({ name: a, updateMask: 'title', requestBody: { title: 'Edit 11' } }));
    expect(refused.status).toBe(429);
    expect(refused.data.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(detail(refused.data, 'google.rpc.ErrorInfo')).toMatchObject({ reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com', metadata: { quota_limit_value: '10' } });
    expect(fake.state.location(a)?.title).toBe('Edit 10');
    expect(fake.quotaViolations).toEqual([expect.objectContaining({ kind: 'editsPerMinutePerLocation', key: a, limit: 10, method: 'PATCH' })]);
    expect(fake.faults).toEqual([]);

    await info.locations.patch({ name: b, updateMask: 'title', requestBody: { title: 'Other store' } }); // per location
    fake.advance(60_001);
    const later = await info.locations.patch({ name: a, updateMask: 'title', requestBody: { title: 'Edit 11' } });
    expect(later.data.title).toBe('Edit 11');
    expect(fake.quotaViolations).toHaveLength(1);
  });

  it('a client pacing its edits at 10 per minute causes no violation', async () => {
    const { fake, account, info } = await setup();
    fake.setClock(fake.now());
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    for (let i = 0; i < 30; i++) {
      await info.locations.patch({ name, updateMask: 'title', requestBody: { title: `Edit ${i}` } });
      fake.advance(6_001);
    }
    expect(fake.quotaViolations).toEqual([]);
  });

  it('enforces 300 requests per minute per project for each API', async () => {
    const { fake, account, info, accounts } = await setup();
    fake.setClock(fake.now());
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => info.locations.get({ name, readMask: 'title' }, { retry: false })));
    }
    const refused = await failure(info.locations.get({ name, readMask: 'title' }, { retry: false }));
    expect(refused.status).toBe(429);
    expect(refused.data.error.message).toContain("limit 'Requests per minute' of service 'mybusinessbusinessinformation.googleapis.com'");
    expect(fake.quotaViolations).toEqual([expect.objectContaining({ kind: 'requestsPerMinute', key: 'mybusinessbusinessinformation.googleapis.com', limit: 300 })]);

    await accounts.accounts.list({}); // Account Management has its own 300
    fake.advance(60_000);
    await info.locations.get({ name, readMask: 'title' }, { retry: false });
    expect(fake.quotaViolations).toHaveLength(1);
    expect(fake.findCalls({ outcome: 'quota' })).toHaveLength(1);
  });

  it('can share one per-minute budget across APIs, or lift quotas for benchmarks', async () => {
    const shared = await setup({ quotas: { requestsPerMinute: 2, scope: 'project' } });
    await shared.accounts.accounts.list({});
    await shared.info.accounts.locations.list({ parent: shared.account, readMask: 'name' });
    expect((await failure(shared.accounts.accounts.list({}, { retry: false }))).status).toBe(429);

    const { fake, account, info } = await setup({ quotas: 'unlimited' });
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    for (let i = 0; i < 25; i++) await info.locations.patch({ name, updateMask: 'title', requestBody: { title: `Edit ${i}` } });
    expect(fake.quotaViolations).toEqual([]);
  });
});

describe('OAuth', () => {
  it('answers 401 UNAUTHENTICATED to an expired token; an OAuth2Client that refreshes on failure recovers', async () => {
    const { fake, account, info, auth } = await setup({ auth: { tokenTtlSeconds: 600 } }, { forceRefreshOnFailure: true });
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    await info.locations.get({ name, readMask: 'title' });
    expect(fake.oauth.refreshCount).toBe(1);

    fake.advance(601_000); // the client still believes its token is fresh: only the server knows
    const staleAuth = new google.auth.OAuth2(fake.oauthClientOptions());
    staleAuth.setCredentials({ access_token: auth.credentials.access_token as string }); // no refresh token
    const stale = google.mybusinessbusinessinformation({ version: 'v1', auth: staleAuth, rootUrl: `${fake.url}/` });
    const expired = await failure(stale.locations.get({ name, readMask: 'title' }));
    expect(expired.status).toBe(401);
    expect(expired.data.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    expect(detail(expired.data, 'google.rpc.ErrorInfo')).toMatchObject({ reason: 'ACCESS_TOKEN_EXPIRED' });
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');

    const res = await info.locations.get({ name, readMask: 'title' });
    expect(res.data.title).toBe(SHIBUYA.title);
    expect(fake.oauth.refreshCount).toBe(2);
    expect(fake.calls.slice(-3).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `GET /v1/${name} 401`,
      'POST /token 200',
      `GET /v1/${name} 200`,
    ]);
  });

  it('answers invalid_grant once the refresh token is revoked, and 401 without a token', async () => {
    const { fake, account, info, refreshToken } = await setup({}, { forceRefreshOnFailure: true });
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    await info.locations.get({ name, readMask: 'title' });

    fake.revokeRefreshToken(refreshToken);
    const revoked = await failure(info.locations.get({ name, readMask: 'title' }));
    expect(revoked.status).toBe(400);
    expect(revoked.data).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    expect(fake.calls.slice(-2).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([`GET /v1/${name} 401`, 'POST /token 400']);

    const anonymous = await fetch(`${fake.url}/v1/${name}?readMask=title`);
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as GoogleErrorBody;
    expect(detail(body, 'google.rpc.ErrorInfo')).toMatchObject({ reason: 'CREDENTIALS_MISSING' });

    const wrongSecret = new google.auth.OAuth2({ ...fake.oauthClientOptions(), clientSecret: 'nope' });
    wrongSecret.setCredentials({ refresh_token: fake.issueRefreshToken() });
    const bad = await failure(wrongSecret.getAccessToken());
    expect(bad.status).toBe(401);
    expect(bad.data).toMatchObject({ error: 'invalid_client' });
  });
});

describe('edits made on Google’s side', () => {
  it('sets hasGoogleUpdated and getGoogleUpdated returns the new values with their diffMask until the merchant settles them', async () => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    const pending = fake.googleEdit(name, { title: 'Tenpo Shibuya (Bakery)', storefrontAddress: { postalCode: '150-0043' } });
    expect(pending).toEqual(['title', 'storefrontAddress.postalCode']);

    const listed = await info.accounts.locations.list({ parent: account, readMask: 'name,title,metadata' });
    expect(listed.data.locations?.[0]).toMatchObject({ title: SHIBUYA.title, metadata: { hasGoogleUpdated: true } });

    const updated = await info.locations.getGoogleUpdated({ name, readMask: 'title,storefrontAddress' });
    expect(updated.data).toEqual({
      location: { title: 'Tenpo Shibuya (Bakery)', storefrontAddress: { ...SHIBUYA.storefrontAddress, postalCode: '150-0043' } },
      diffMask: 'title,storefrontAddress.postalCode',
    });

    // The merchant rejects Google's title (writes its own), then accepts the postal code.
    await info.locations.patch({ name, updateMask: 'title', requestBody: { title: SHIBUYA.title } });
    expect((await info.locations.getGoogleUpdated({ name, readMask: 'title' })).data.diffMask).toBe('storefrontAddress.postalCode');
    await info.locations.patch({ name, updateMask: 'storefrontAddress.postalCode', requestBody: { storefrontAddress: { postalCode: '150-0043' } } });
    const settled = await info.locations.getGoogleUpdated({ name, readMask: 'title,metadata.hasGoogleUpdated' });
    expect(settled.data).toEqual({ location: { title: SHIBUYA.title, metadata: { hasGoogleUpdated: false } } });
  });
});

describe('v4 reviews through auth.request', () => {
  async function withReviews() {
    const ctx = await setup();
    const loc = ctx.fake.seedLocation(ctx.account, SHIBUYA);
    const locId = (loc.name as string).split('/')[1] as string;
    const t = (d: number) => new Date(Date.UTC(2030, 0, d)).toISOString();
    ctx.fake.seedReview(loc.name as string, { starRating: 'FIVE', comment: 'Best croissant in town', createTime: t(1) });
    ctx.fake.seedReview(loc.name as string, { starRating: 'TWO', comment: 'Long queue', createTime: t(3) });
    ctx.fake.seedReview(loc.name as string, { starRating: 'FOUR', createTime: t(2), reviewer: { displayName: 'Anonymous', isAnonymous: true } });
    const base = `${ctx.fake.url}/v4/${ctx.account}/locations/${locId}/reviews`;
    return { ...ctx, base, locationName: loc.name as string, locId };
  }

  it('lists reviews newest first with paging, averageRating and totalReviewCount', async () => {
    const { auth, base } = await withReviews();
    type Page = { reviews: Review[]; averageRating: number; totalReviewCount: number; nextPageToken?: string };
    const first = await auth.request<Page>({ url: base, params: { pageSize: 2, orderBy: 'updateTime desc' } });
    expect(first.data.reviews.map((r) => r.starRating)).toEqual(['TWO', 'FOUR']);
    expect(first.data).toMatchObject({ averageRating: 3.7, totalReviewCount: 3, nextPageToken: expect.any(String) });
    expect(first.data.reviews[0]).toMatchObject({
      name: expect.stringMatching(/^accounts\/\d+\/locations\/\d+\/reviews\/.+$/),
      reviewId: expect.any(String),
      reviewer: { displayName: expect.any(String) },
      comment: 'Long queue',
      createTime: '2030-01-03T00:00:00.000Z',
      updateTime: '2030-01-03T00:00:00.000Z',
    });
    const second = await auth.request<Page>({ url: base, params: { pageSize: 2, pageToken: first.data.nextPageToken } });
    expect(second.data.reviews.map((r) => r.starRating)).toEqual(['FIVE']);
    expect(second.data.nextPageToken).toBeUndefined();
    expect((await failure(auth.request({ url: base, params: { orderBy: 'updateTime' } }))).status).toBe(400);
    expect((await failure(auth.request({ url: base, params: { pageSize: 51 } }))).status).toBe(400);
  });

  it('puts and deletes a reply; a reply over 4096 bytes is refused', async () => {
    const { fake, auth, base, locationName } = await withReviews();
    const review = fake.state.reviews(locationName)[1] as Review;
    const url = `${base}/${review.reviewId}/reply`;

    const reply = await auth.request<{ comment: string; updateTime: string }>({ url, method: 'PUT', data: { comment: 'Sorry for the wait!' } });
    expect(reply.data).toEqual({ comment: 'Sorry for the wait!', updateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(Math.abs(Date.parse(reply.data.updateTime) - fake.now())).toBeLessThan(5_000);
    expect(fake.state.reviews(locationName)[1]?.reviewReply?.comment).toBe('Sorry for the wait!');

    const exactly = '日'.repeat(1365) + 'a'; // 4096 bytes in UTF-8
    await auth.request({ url, method: 'PUT', data: { comment: exactly } });
    const tooLong = await failure(auth.request({ url, method: 'PUT', data: { comment: `${exactly}a` } }));
    expect(tooLong.status).toBe(400);
    expect(violatedFields(tooLong.data)).toEqual(['comment']);
    expect(tooLong.data.error.details?.[1]).toMatchObject({ errorDetails: [{ field: 'comment', message: expect.stringContaining('4097 bytes') }] });

    await auth.request({ url, method: 'DELETE' });
    expect(fake.state.reviews(locationName)[1]?.reviewReply).toBeUndefined();
    expect((await failure(auth.request({ url: `${base}/nope/reply`, method: 'PUT', data: { comment: 'x' } }))).status).toBe(404);
  });

  it('batchGetReviews returns reviews of several locations', async () => {
    const { fake, auth, account, locId } = await withReviews();
    const other = fake.seedLocation(account, { ...SHIBUYA, storeCode: 'SHB-002' });
    fake.seedReview(other.name as string, { starRating: 'THREE', comment: 'ok', createTime: '2030-02-01T00:00:00Z' });
    const res = await auth.request<{ locationReviews: { name: string; review: Review }[] }>({
      url: `${fake.url}/v4/${account}/locations:batchGetReviews`,
      method: 'POST',
      data: { locationNames: [`${account}/locations/${locId}`, `${account}/${other.name}`], pageSize: 10, ignoreRatingOnlyReviews: true },
    });
    expect(res.data.locationReviews.map((r) => [r.name.split('/')[3], r.review.starRating])).toEqual([
      [(other.name as string).split('/')[1], 'THREE'],
      [locId, 'TWO'],
      [locId, 'FIVE'],
    ]);
  });
});

describe('fault injection', () => {
  it('injected 503s are retried by the client and recorded apart from quota violations', async () => {
    const { fake, account, info } = await setup({}, {});
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    fake.setFaults(failTimes(2, { kind: 'status', status: 503 }, on.api('businessinformation')));
    const res = await info.locations.get({ name, readMask: 'title' }, { retryConfig: { retryDelay: 1 } });
    expect(res.data.title).toBe(SHIBUYA.title);
    expect(fake.faults.map((f) => f.fault)).toEqual([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }]);
    expect(fake.quotaViolations).toEqual([]);
    expect(fake.findCalls({ path: `/v1/${name}` }).map((c) => c.status)).toEqual([503, 503, 200]);
  });

  it('an injected 429 carries Retry-After and Google’s error shape', async () => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    fake.setFaults(failTimes(1, { kind: 'status', status: 429, retryAfterSeconds: 7 }, on.patches()));
    const res = await failure(info.locations.patch({ name, updateMask: 'title', requestBody: { title: 'x' } }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.data.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(fake.quotaViolations).toEqual([]);
    expect(fake.state.location(name)?.title).toBe(SHIBUYA.title);
  });

  it('a hang outlasts the client timeout; with afterProcessing the edit lands although the client saw a timeout', async () => {
    const { fake, account, info } = await setup();
    const name = fake.seedLocation(account, SHIBUYA).name as string;
    fake.setFaults(failTimes(1, { kind: 'hang', afterProcessing: true }, on.patches()));
    const started = Date.now();
    const timedOut = info.locations.patch({ name, updateMask: 'title', requestBody: { title: 'Landed' } }, { timeout: 150 });
    await expect(timedOut).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.state.location(name)?.title).toBe('Landed');
    const hung = fake.findCalls({ method: 'PATCH' })[0];
    expect(hung?.outcome).toBe('hang');
    expect(hung?.status).toBeUndefined();

    fake.setFaults(failTimes(1, { kind: 'reset' }));
    await expect(info.locations.get({ name, readMask: 'title' }, { retry: false })).rejects.toThrow();
    expect(fake.faults.map((f) => f.fault.kind)).toEqual(['hang', 'reset']);
  });
});

describe('create and clock', () => {
  it('creates a location once per requestId, and runs on an injected clock', async () => {
    let t = Date.UTC(2030, 0, 1);
    const { fake, account, info } = await setup({ now: () => t });
    const body = { ...SHIBUYA, storeCode: 'NEW-1' };
    const created = await info.accounts.locations.create({ parent: account, requestId: 'req-1', requestBody: body });
    expect(created.data).toMatchObject({ name: expect.stringMatching(/^locations\/\d+$/), title: SHIBUYA.title, metadata: { hasGoogleUpdated: false } });
    const again = await info.accounts.locations.create({ parent: account, requestId: 'req-1', requestBody: body });
    expect(again.data.name).toBe(created.data.name);
    expect(fake.state.locationNames(account)).toHaveLength(1);
    const invalid = await failure(info.accounts.locations.create({ parent: account, requestBody: { storeCode: 'NO-TITLE' } }));
    expect(violatedFields(invalid.data)).toEqual(['title']);

    expect(fake.now()).toBe(t);
    t += 1_000;
    fake.advance(500);
    expect(fake.now()).toBe(Date.UTC(2030, 0, 1) + 1_500);
    expect(fake.calls.at(-1)?.at).toBe(Date.UTC(2030, 0, 1));
  });
});
