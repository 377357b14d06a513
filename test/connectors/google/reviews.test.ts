/** Reviews through My Business v4 against the fake: paging, mapping, replies and their errors. */
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../connectors/runtime/errors.ts';
import type { ConnectorReviews, PlatformReview, ReviewPage } from '../../../connectors/runtime/reviews.ts';
import type { GoogleSession } from '../../../connectors/google/index.ts';
import type { StarRating } from '../../fakes/google/server.ts';
import { setup } from './helpers.ts';

const STARS: StarRating[] = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'];
/** Minutes after a fixed start, as RFC 3339: distinct, ordered review times. */
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1) + minute * 60_000).toISOString();

async function withListings(count: number) {
  const ctx = await setup();
  const listings = Array.from({ length: count }, (_, i) => ctx.fake.seedLocation(ctx.account, { title: `Store ${i}`, storeCode: `S${i}` }).name as string);
  const reviews = ctx.conn.reviews as ConnectorReviews<GoogleSession>;
  return { ...ctx, listings, reviews };
}

/** Every page, following nextPageToken, with the token each request carried. */
async function pages<P extends ReviewPage>(next: (pageToken: string | null) => Promise<P>): Promise<{ page: P; token: string | null }[]> {
  const out: { page: P; token: string | null }[] = [];
  let token: string | null = null;
  do {
    const page: P = await next(token);
    out.push({ page, token });
    token = page.nextPageToken;
  } while (token !== null && out.length < 20);
  return out;
}

async function failure(p: Promise<unknown>): Promise<PlatformError> {
  const e = await p.then(
    () => new Error('expected a failure'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PlatformError);
  return e as PlatformError;
}

const newestFirst = (rs: PlatformReview[]) => rs.every((r, i) => i === 0 || (rs[i - 1] as PlatformReview).updatedAt >= r.updatedAt);

describe('listAll', () => {
  it('pages through more than 50 reviews: each seen once, newest first, total as Google counts', async () => {
    const { fake, session, calls, listings, reviews } = await withListings(1);
    const listing = listings[0] as string;
    const seeded = Array.from({ length: 120 }, (_, i) => fake.seedReview(listing, { starRating: STARS[i % 5] as StarRating, comment: `r${i}`, createTime: at(i) }).reviewId);

    const all = await pages((pageToken) => reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken }));
    expect(all.map(({ page }) => page.reviews.length)).toEqual([50, 50, 20]);
    expect(all.every(({ page }) => page.total === 120)).toBe(true);
    const seen = all.flatMap(({ page }) => page.reviews);
    expect(seen.map((r) => r.platformReviewId).sort()).toEqual([...seeded].sort());
    expect(seen[0]?.text).toBe('r119');
    expect(newestFirst(seen)).toBe(true);
    expect(seen.every((r) => r.platformListingId === listing)).toBe(true);

    const gets = fake.findCalls({ method: 'GET', api: 'mybusiness-v4' });
    expect(gets.map((c) => c.path)).toEqual(Array(3).fill(`/v4/${fake.state.accountOf(listing)}/${listing}/reviews`));
    expect(gets.map((c) => [c.query.pageSize, c.query.orderBy, c.query.pageToken])).toEqual(all.map(({ token }) => ['50', 'updateTime desc', token ?? undefined]));
    expect(calls.options).toEqual(Array(3).fill({ kind: 'read', listingKey: listing }));
  });

  it('sees a customer’s edit first and stops listing a review the customer deleted', async () => {
    const { fake, session, calls, listings, reviews } = await withListings(1);
    const listing = listings[0] as string;
    const [old, gone] = [0, 1, 2].map((i) => fake.seedReview(listing, { starRating: 'FIVE', comment: `r${i}`, createTime: at(i) }).reviewId);
    fake.setClock(Date.parse(at(10)));
    const edited = fake.editReview(listing, old as string, { starRating: 'TWO', comment: 'Worse on a second visit' });
    expect(edited.updateTime).toBe(new Date(at(10)).toISOString());
    fake.deleteReview(listing, gone as string);

    const page = await reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken: null });
    expect(page.total).toBe(2);
    expect(page.reviews.map((r) => [r.platformReviewId, r.text, r.rating])).toEqual([
      [old, 'Worse on a second visit', { kind: 'STARS', stars: 2 }],
      [expect.any(String), 'r2', { kind: 'STARS', stars: 5 }],
    ]);
    expect(page.reviews[0]).toMatchObject({ createdAt: new Date(at(0)), updatedAt: new Date(at(10)) }); // an edit is not a new review
  });

  it('a listing gone from Google is NOT_FOUND', async () => {
    const { session, calls, reviews } = await withListings(1);
    expect(await failure(reviews.listAll!(session, calls.call, { platformListingId: 'locations/999', pageToken: null }))).toMatchObject({
      kind: 'NOT_FOUND',
      message: 'The listing or account no longer exists on Google.',
      details: { status: 404 },
    });
  });
});

describe('listRecent', () => {
  it('reads several listings in one batch, newest first across pages, each review under its own listing', async () => {
    const { fake, session, calls, listings, reviews, account } = await withListings(3);
    const owner = new Map<string, string>();
    for (let i = 0; i < 70; i++) {
      const listing = listings[i % 3] as string;
      owner.set(fake.seedReview(listing, { starRating: 'FOUR', comment: `r${i}`, createTime: at(i) }).reviewId, listing);
    }
    fake.seedReview(fake.seedLocation(account, { title: 'Not asked for' }).name as string, { starRating: 'ONE', createTime: at(100) });

    const all = await pages((pageToken) => reviews.listRecent(session, calls.call, { platformListingIds: listings, pageToken }));
    expect(all.map(({ page }) => page.reviews.length)).toEqual([50, 20]);
    const seen = all.flatMap(({ page }) => page.reviews);
    expect(seen.map((r) => r.text)).toEqual(Array.from({ length: 70 }, (_, i) => `r${69 - i}`));
    expect(newestFirst(seen)).toBe(true);
    expect(seen.map((r) => [r.platformReviewId, r.platformListingId])).toEqual(seen.map((r) => [r.platformReviewId, owner.get(r.platformReviewId)]));

    const posts = fake.findCalls({ method: 'POST', path: `/v4/${account}/locations:batchGetReviews` });
    expect(posts.map((c) => c.body)).toEqual([
      { locationNames: listings.map((l) => `${account}/${l}`), pageSize: 50, orderBy: 'updateTime desc' },
      { locationNames: listings.map((l) => `${account}/${l}`), pageSize: 50, orderBy: 'updateTime desc', pageToken: all[0]?.page.nextPageToken },
    ]);
    expect(calls.options).toEqual([{ kind: 'read' }, { kind: 'read' }]);
  });

  it('asks Google nothing for no listings, and refuses more than one batch', async () => {
    const { fake, session, calls, reviews } = await withListings(0);
    expect(reviews.batchSize).toBe(200);
    expect(await reviews.listRecent(session, calls.call, { platformListingIds: [], pageToken: null })).toEqual({ reviews: [], nextPageToken: null });
    const tooMany = Array.from({ length: 201 }, (_, i) => `locations/${i}`);
    expect(await failure(reviews.listRecent(session, calls.call, { platformListingIds: tooMany, pageToken: null }))).toMatchObject({ kind: 'PERMANENT', details: { rule: 'google.reviews.batchSize' } });
    expect(fake.findCalls({ api: 'mybusiness-v4' })).toEqual([]);
  });
});

describe('mapping', () => {
  it('maps stars, reviewers, replies and Google’s inline translations to Tenpo’s shape', async () => {
    const { fake, session, calls, listings, reviews } = await withListings(1);
    const listing = listings[0] as string;
    const seed = (id: string, input: Omit<Parameters<typeof fake.seedReview>[1], 'reviewId'>) => fake.seedReview(listing, { reviewId: id, ...input });
    seed('full', {
      starRating: 'FOUR',
      comment: 'Good ramen, slow service.',
      reviewer: { displayName: 'Hana Sato', profilePhotoUrl: 'https://lh3.googleusercontent.com/a/hana', isAnonymous: false },
      createTime: '2030-01-02T03:04:05.678Z',
      updateTime: '2030-01-03T00:00:00Z',
      reviewReply: { comment: 'Thank you, Hana!', updateTime: '2030-01-04T00:00:00Z' },
    });
    seed('anonymous', { starRating: 'ONE', comment: 'Rude.', reviewer: { displayName: 'A Google User', profilePhotoUrl: 'https://lh3.googleusercontent.com/a/default', isAnonymous: true } });
    seed('translatedFirst', { starRating: 'FIVE', comment: '(Translated by Google) Delicious ramen.\n\n(Original)\n美味しいラーメン。\n\nまた来ます。' });
    seed('originalFirst', { starRating: 'THREE', comment: 'Ramen muy rica.\n\n(Translated by Google)\nVery tasty ramen.' });
    seed('ratingOnly', { starRating: 'TWO' });
    // Seeds are stored as given: here Google's unspecified rating, spelled out and left out.
    seed('unspecified', { starRating: 'STAR_RATING_UNSPECIFIED' as unknown as StarRating, comment: 'No stars given' });
    seed('absent', { starRating: 'FIVE', comment: 'No stars either' });
    delete (fake.state.reviewRef(listing, 'absent') as { starRating?: StarRating }).starRating;

    const { reviews: got } = await reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken: null });
    const byId = new Map(got.map((r) => [r.platformReviewId, r]));
    expect(byId.get('full')).toEqual({
      platformReviewId: 'full',
      platformListingId: listing,
      author: { name: 'Hana Sato', anonymous: false, platformAuthorId: null, photoUrl: 'https://lh3.googleusercontent.com/a/hana' },
      rating: { kind: 'STARS', stars: 4 },
      text: 'Good ramen, slow service.',
      language: null,
      media: [],
      createdAt: new Date('2030-01-02T03:04:05.678Z'),
      updatedAt: new Date('2030-01-03T00:00:00Z'),
      reply: { text: 'Thank you, Hana!', updatedAt: new Date('2030-01-04T00:00:00Z') },
      url: null,
    });
    // Google's placeholder is no name: it would tie every anonymous reviewer together.
    expect(byId.get('anonymous')?.author).toEqual({ name: null, anonymous: true, platformAuthorId: null, photoUrl: null });
    expect(byId.get('anonymous')?.rating).toEqual({ kind: 'STARS', stars: 1 });
    expect(byId.get('translatedFirst')?.text).toBe('美味しいラーメン。\n\nまた来ます。');
    expect(byId.get('originalFirst')?.text).toBe('Ramen muy rica.');
    expect(byId.get('ratingOnly')).toMatchObject({ text: null, rating: { kind: 'STARS', stars: 2 }, reply: null });
    expect(byId.get('unspecified')).toMatchObject({ rating: null, text: 'No stars given' });
    expect(byId.get('absent')).toMatchObject({ rating: null, text: 'No stars either' });
  });

  it('an answer in a shape it does not know is PERMANENT and never quotes the review', async () => {
    const { fake, session, calls, listings, reviews } = await withListings(1);
    const listing = listings[0] as string;
    fake.seedReview(listing, { starRating: 'SIX' as unknown as StarRating, comment: 'secret words' });
    const e = await failure(reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken: null }));
    expect(e).toMatchObject({ kind: 'PERMANENT', retryable: false, details: { rule: 'google.v4.responseShape', platformMessage: expect.stringContaining('reviews.0.starRating') } });
    expect(JSON.stringify({ message: e.message, details: e.details })).not.toContain('secret words');
  });
});

describe('reply', () => {
  async function withReview() {
    const ctx = await withListings(1);
    const listing = ctx.listings[0] as string;
    const platformReviewId = ctx.fake.seedReview(listing, { starRating: 'TWO', comment: 'Long queue' }).reviewId;
    const target = { platformListingId: listing, platformReviewId };
    const stored = () => ctx.fake.state.reviews(listing)[0]?.reviewReply;
    return { ...ctx, listing, target, stored };
  }

  it('publishes the reply, once however often the same text is sent, and replaces it with new text', async () => {
    const { fake, session, calls, reviews, listing, target, stored } = await withReview();
    const first = await reviews.reply(session, calls.call, { ...target, text: 'Sorry for the wait!' });
    expect(first.text).toBe('Sorry for the wait!');
    expect(Math.abs(first.updatedAt.getTime() - fake.now())).toBeLessThan(5_000);
    expect(stored()).toEqual({ comment: 'Sorry for the wait!', updateTime: first.updatedAt.toISOString() });

    await reviews.reply(session, calls.call, { ...target, text: 'Sorry for the wait!' });
    const puts = fake.findCalls({ method: 'PUT', api: 'mybusiness-v4' });
    expect(puts.map((c) => [c.path, c.body])).toEqual(Array(2).fill([`/v4/${fake.state.accountOf(listing)}/${listing}/reviews/${target.platformReviewId}/reply`, { comment: 'Sorry for the wait!' }]));
    expect(fake.state.reviews(listing)).toHaveLength(1);
    expect(stored()?.comment).toBe('Sorry for the wait!');

    await reviews.reply(session, calls.call, { ...target, text: 'We added a second register.' });
    const { reviews: listed } = await reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken: null });
    expect(listed[0]?.reply?.text).toBe('We added a second register.');
    expect(calls.options.slice(0, 3)).toEqual(Array(3).fill({ kind: 'edit', listingKey: listing }));
  });

  it('deleteReply removes the reply', async () => {
    const { session, calls, reviews, listing, target, stored } = await withReview();
    await reviews.reply(session, calls.call, { ...target, text: 'Thanks!' });
    await reviews.deleteReply(session, calls.call, target);
    expect(stored()).toBeUndefined();
    expect((await reviews.listAll!(session, calls.call, { platformListingId: listing, pageToken: null })).reviews[0]?.reply).toBeNull();
    expect(calls.options[1]).toEqual({ kind: 'edit', listingKey: listing });
  });

  it('a reply over 4,096 bytes is INVALID in words a user can act on, and the published reply stays', async () => {
    const { session, calls, reviews, target, stored } = await withReview();
    const exactly = `${'日'.repeat(1365)}a`; // 4,096 bytes of UTF-8, 1,366 characters
    await reviews.reply(session, calls.call, { ...target, text: exactly });
    const e = await failure(reviews.reply(session, calls.call, { ...target, text: `${exactly}a` }));
    expect(e).toMatchObject({ kind: 'INVALID', retryable: false, details: { status: 400, field: null, rule: 'google.INVALID_VALUE' } });
    expect(e.message).toBe('Google refused the reply: The reply is 4097 bytes; the maximum length is 4096 bytes. Change the reply and send it again.');
    expect(stored()?.comment).toBe(exactly);
  });

  it('a reply to a review Google no longer has is NOT_FOUND, naming the review', async () => {
    const { fake, session, calls, reviews, listing, target } = await withReview();
    const missing = { platformListingId: listing, platformReviewId: 'AbFvOqUnknown' };
    const e = await failure(reviews.reply(session, calls.call, { ...missing, text: 'Thanks!' }));
    expect(e).toMatchObject({ kind: 'NOT_FOUND', details: { status: 404 } });
    expect(e.message).toMatch(/^The review, or the listing it belongs to, no longer exists on Google/);
    fake.deleteReview(listing, target.platformReviewId);
    expect(await failure(reviews.deleteReply(session, calls.call, target))).toMatchObject({ kind: 'NOT_FOUND' });
  });
});

describe('the connection’s account', () => {
  it('is required to reach v4: INVALID with what to set, before any request', async () => {
    for (const account of [undefined, 'locations/1']) {
      const { fake, conn, session, calls } = await setup({ withoutAccount: true, ...(account ? { settings: { account } } : {}) });
      const reviews = conn.reviews as ConnectorReviews<GoogleSession>;
      const target = { platformListingId: 'locations/1', platformReviewId: 'r1' };
      for (const attempt of [
        reviews.listAll!(session, calls.call, { platformListingId: 'locations/1', pageToken: null }),
        reviews.listRecent(session, calls.call, { platformListingIds: ['locations/1'], pageToken: null }),
        reviews.reply(session, calls.call, { ...target, text: 'Thanks!' }),
        reviews.deleteReply(session, calls.call, target),
      ]) {
        const e = await failure(attempt);
        expect(e).toMatchObject({ kind: 'INVALID', details: { rule: 'google.settings.account' } });
        expect(e.message).toContain('Google connection settings');
      }
      expect(fake.findCalls({ api: 'mybusiness-v4' })).toEqual([]);
    }
  });
});
