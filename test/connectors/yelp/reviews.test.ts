/** Reviews and public replies against the fake: paging, times, Yelp's reply rules and refusals. */
import { describe, expect, it } from 'vitest';
import type { ReviewPage } from '../../../connectors/runtime/reviews.ts';
import { failure, location, projectionOf, setup } from './helpers.ts';

const at = (minute: number) => Date.UTC(2030, 0, 1) + minute * 60_000;

async function withBusiness(options: Parameters<typeof setup>[0] = {}, owner: Parameters<typeof setup>[1] = {}) {
  const ctx = await setup(options, owner);
  const business = ctx.fake.seedBusiness({ name: 'Tenpo Akasaka', ownerId: ctx.ownerId });
  return { ...ctx, business, reviews: ctx.conn.reviews };
}

describe('reading reviews', () => {
  it('pages through every review newest first, each once, with Yelp’s total', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const seeded = Array.from({ length: 120 }, (_, i) => fake.seedReview(business.id, { rating: (i % 5) + 1, text: `r${i}`, at: at(i) }).id);
    const pages: (ReviewPage & { total: number | null })[] = [];
    let token: string | null = null;
    do {
      const page: ReviewPage & { total: number | null } = await reviews.listAll!(session, calls.call, { platformListingId: business.id, pageToken: token });
      pages.push(page);
      token = page.nextPageToken;
    } while (token !== null && pages.length < 10);
    expect(pages.map((p) => p.reviews.length)).toEqual([50, 50, 20]);
    expect(pages.every((p) => p.total === 120)).toBe(true);
    const all = pages.flatMap((p) => p.reviews);
    expect(all.map((r) => r.platformReviewId).sort()).toEqual([...seeded].sort());
    expect(all[0]?.text).toBe('r119');
    expect(all.every((r, i) => i === 0 || (all[i - 1]?.createdAt ?? 0) >= r.createdAt)).toBe(true);
    expect(fake.calls.filter((c) => c.path.endsWith('/reviews')).map((c) => [c.query.limit, c.query.offset, c.query.sort_by])).toEqual([
      ['50', '0', 'newest'],
      ['50', '50', 'newest'],
      ['50', '100', 'newest'],
    ]);
  });

  it('reads Yelp’s Pacific-time stamps as the right instant, in winter and in summer', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const winter = Date.UTC(2030, 0, 10, 20, 15, 7);
    const summer = Date.UTC(2030, 6, 10, 20, 15, 7);
    fake.seedReview(business.id, { rating: 4, text: 'winter', at: winter, userName: 'Mina K.' });
    fake.seedReview(business.id, { rating: 2, text: 'summer', at: summer });
    const page = await reviews.listAll!(session, calls.call, { platformListingId: business.id, pageToken: null });
    expect(page.reviews.map((r) => [r.text, r.createdAt.getTime()])).toEqual([
      ['summer', summer],
      ['winter', winter],
    ]);
    expect(page.reviews[1]).toMatchObject({ rating: { kind: 'STARS', stars: 4 }, author: { name: 'Mina K.', anonymous: false }, platformListingId: business.id });
  });

  it('refuses a list cut short by the API plan, so older reviews never read as deleted', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness({ reviewsShown: 3 });
    for (let i = 0; i < 8; i++) fake.seedReview(business.id, { rating: 5, text: `r${i}`, at: at(i) });
    const e = await failure(reviews.listAll!(session, calls.call, { platformListingId: business.id, pageToken: null }));
    expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'yelp.reviews.truncated']);
    expect(e.message).toContain('3 of this business');
  });

  it('reads one business per request, and no reviews for a business Yelp is still creating', async () => {
    const { conn, session, calls, reviews } = await withBusiness();
    expect(reviews.batchSize).toBe(1);
    const projection = projectionOf(location());
    const pending = await conn.deliver(session, calls.call, { platformListingId: null, storeCode: 'TKY-001', projection, changed: Object.keys(projection), firstWrite: true, requestId: 'l1' });
    expect(pending.platformListingId).toMatch(/^job:/);
    expect(await reviews.listRecent(session, calls.call, { platformListingIds: [pending.platformListingId], pageToken: null })).toEqual({ reviews: [], nextPageToken: null });
    const e = await failure(reviews.listRecent(session, calls.call, { platformListingIds: ['a', 'b'], pageToken: null }));
    expect(e.details.rule).toBe('yelp.reviews.batchSize');
  });
});

describe('replying', () => {
  it('publishes a public comment with the owner’s token', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const review = fake.seedReview(business.id, { rating: 2, text: 'Slow service', at: at(1) });
    const reply = await reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: review.id, text: 'Thank you, we have added staff at lunch.' });
    expect(reply.text).toBe('Thank you, we have added staff at lunch.');
    expect(review.ownerComment?.text).toBe('Thank you, we have added staff at lunch.');
    const post = fake.calls.find((c) => c.path === `/reviews/v1/${review.id}`);
    expect(post).toMatchObject({ method: 'POST', auth: 'bearer', body: { response_text: 'Thank you, we have added staff at lunch.', response_type: 'public_comment' } });
    expect(calls.options.at(-1)).toEqual({ kind: 'edit', listingKey: business.id });
  });

  it('refuses emoji and over-long replies before sending anything', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const review = fake.seedReview(business.id, { rating: 5, text: 'Great', at: at(1) });
    const emoji = await failure(reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: review.id, text: 'Thanks 🍜' }));
    const long = await failure(reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: review.id, text: 'a'.repeat(5001) }));
    expect([emoji.kind, emoji.details.rule, long.kind, long.details.rule]).toEqual(['INVALID', 'yelp.reply.emoji', 'INVALID', 'yelp.reply.maxLength']);
    expect(fake.calls).toEqual([]);
    await reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: review.id, text: 'a'.repeat(5000) });
    expect(review.ownerComment?.text.length).toBe(5000);
  });

  it('maps Yelp’s daily limit of 20 replies per location to a permanent refusal for today, not a platform-wide slowdown', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const ids = Array.from({ length: 21 }, (_, i) => fake.seedReview(business.id, { rating: 3, text: `r${i}`, at: at(i) }).id);
    for (const id of ids.slice(0, 20)) await reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: id, text: 'Thank you' });
    const e = await failure(reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: ids[20] as string, text: 'Thank you' }));
    expect([e.kind, e.details.rule, e.details.status]).toEqual(['PERMANENT', 'yelp.R2R_COMMENT_QUOTA_EXCEEDED', 400]);
    expect(e.message).toContain('20 replies per location per day');
    fake.advance(86_400_000);
    await reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: ids[20] as string, text: 'Thank you' });
  });

  it('tells the owner to add a profile photo when Yelp requires one', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness({}, { hasPhoto: false });
    const review = fake.seedReview(business.id, { rating: 1, text: 'Cold', at: at(1) });
    const e = await failure(reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: review.id, text: 'Sorry' }));
    expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'yelp.R2R_PROBLEM_WITH_USER_PHOTO']);
    expect(e.message).toContain('photo');
  });

  it('reports a review that no longer exists as NOT_FOUND', async () => {
    const { session, calls, business, reviews } = await withBusiness();
    const e = await failure(reviews.reply(session, calls.call, { platformListingId: business.id, platformReviewId: 'gone', text: 'Thanks' }));
    expect([e.kind, e.details.rule]).toEqual(['NOT_FOUND', 'yelp.R2R_REVIEW_DOES_NOT_EXIST']);
  });

  it('cannot delete a reply, and says where the owner can', async () => {
    const { fake, session, calls, business, reviews } = await withBusiness();
    const e = await failure(reviews.deleteReply(session, calls.call, { platformListingId: business.id, platformReviewId: 'r1' }));
    expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'yelp.reply.deleteNotSupported']);
    expect(e.message).toContain('biz.yelp.com');
    expect(fake.calls).toEqual([]);
  });
});
