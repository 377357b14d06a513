/** Reviews through the Content API against its fake: what can be read, and what Tripadvisor does not allow. */
import { describe, expect, it } from 'vitest';
import { createTripadvisorConnector } from '../../../connectors/tripadvisor/index.ts';
import { failure, setup, testCall } from './helpers.ts';

const at = (day: number) => Date.UTC(2030, 0, day, 9, 30);

async function withLocation(language?: string) {
  const ctx = await setup(language ? { language } : {});
  ctx.content.seedLocation({ id: '1234567', name: 'Tenpo Akasaka', category: 'restaurant' });
  return { ...ctx, reviews: ctx.conn.reviews };
}

describe('reading reviews', () => {
  it('reads the five most recent reviews, newest first, title and text together', async () => {
    const { content, session, calls, reviews } = await withLocation('ja');
    for (let d = 1; d <= 7; d++) content.seedReview({ locationId: '1234567', lang: 'ja', published: at(d), rating: (d % 5) + 1, title: `題${d}`, text: `本文${d}`, username: `user${d}` });
    const page = await reviews.listRecent(session, calls.call, { platformListingIds: ['1234567'], pageToken: null });
    expect(page.nextPageToken).toBeNull();
    expect(page.reviews.map((r) => r.text)).toEqual(['題7\n\n本文7', '題6\n\n本文6', '題5\n\n本文5', '題4\n\n本文4', '題3\n\n本文3']);
    expect(page.reviews[0]).toMatchObject({ platformListingId: '1234567', language: 'ja', rating: { kind: 'STARS', stars: 3 }, author: { name: 'user7', platformAuthorId: null }, createdAt: new Date(at(7)) });
    expect(content.calls.at(-1)).toMatchObject({ path: '/api/v1/location/1234567/reviews', query: { key: 'content-key', language: 'ja', limit: '5', offset: '0' }, status: 200 });
    expect(calls.options).toEqual([{ kind: 'read', listingKey: '1234567' }]);
  });

  it('offers no full listing, since the five newest are all the Content API shows', async () => {
    const { reviews } = await withLocation();
    expect(reviews.listAll).toBeUndefined();
  });

  it('needs Tripadvisor’s location id to read reviews', async () => {
    const { session, calls, reviews } = await withLocation();
    const e = await failure(reviews.listRecent(session, calls.call, { platformListingIds: ['b3c1-uuid'], pageToken: null }));
    expect(e.details.rule).toBe('tripadvisor.listing.locationId');
  });

  it('maps the Content API’s refusals', async () => {
    const { content, session, calls, reviews } = await withLocation();
    const gone = await failure(reviews.listRecent(session, calls.call, { platformListingIds: ['999'], pageToken: null }));
    content.faults.push({ match: /reviews$/, status: 429, times: 1, retryAfter: '5' });
    const slow = await failure(reviews.listRecent(session, calls.call, { platformListingIds: ['1234567'], pageToken: null }));
    expect([gone.kind, gone.details.status, slow.kind, slow.details.retryAfterMs]).toEqual(['NOT_FOUND', 404, 'RATE_LIMITED', 5000]);
  });

  it('sends a refused Content API key to the operator', async () => {
    const ctx = await setup();
    const wrong = createTripadvisorConnector({ contentApiKey: 'wrong', baseUrl: ctx.content.url });
    const session = wrong.openSession({ credentials: { apiKey: 'partner-key-1' }, settings: { endpoint: ctx.partner.url }, onCredentials: () => {} });
    ctx.content.seedLocation({ id: '1', name: 'x', category: 'hotel' });
    const e = await failure(wrong.reviews.listRecent(session, testCall(wrong).call, { platformListingIds: ['1'], pageToken: null }));
    expect([e.kind, e.details.status]).toEqual(['PERMANENT', 401]);
    expect(e.message).toContain('Tenpo operator');
  });
});

describe('replying', () => {
  it('cannot publish or remove a reply, and says where the owner can', async () => {
    const { content, session, calls, reviews } = await withLocation();
    const reply = await failure(reviews.reply(session, calls.call, { platformListingId: '1234567', platformReviewId: '1', text: 'Thank you' }));
    const remove = await failure(reviews.deleteReply(session, calls.call, { platformListingId: '1234567', platformReviewId: '1' }));
    for (const e of [reply, remove]) {
      expect([e.kind, e.details.rule]).toEqual(['PERMANENT', 'tripadvisor.reply.notSupported']);
      expect(e.message).toContain('Management Center');
    }
    expect(content.calls).toEqual([]);
  });
});
