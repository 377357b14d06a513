/**
 * Data flow 4, the pull: a first pull backfills every review; later pulls read only what changed
 * since the bookmark; edits and deletions on the platform show in the inbox; every pulled
 * review is screened by the fraud engine.
 */
import { describe, expect, it } from 'vitest';
import { pullConnectionReviews } from '../../src/reviews/pull.ts';
import { historyOf, useReviewSuite } from './support.ts';

const suite = useReviewSuite();

const pullNow = () => suite.gql(`mutation($input: PullReviewsInput!) { pullReviews(input: $input) }`, { input: { organizationId: suite.org.gid } });
const reviewCalls = () => suite.harness.fake.calls.filter((c) => c.api === 'mybusiness-v4' && c.path.includes('eviews'));

describe('pulling reviews from Google', () => {
  it('backfills the whole history on connect, then reads only what is new, and reflects edits and deletions', async () => {
    const fake = suite.harness.fake;
    const now = fake.now();
    const seeded = new Map<string, string[]>();
    const { connectionId, locations } = await suite.connectStores(['PULL-1', 'PULL-2'], (f, locationName, code) => {
      // 61 + 3: more than one page (50) for the first store.
      const history = historyOf(code === 'PULL-1' ? 61 : 3, 2, now);
      for (const review of history) f.seedReview(locationName, review);
      seeded.set(code, history.map((r) => r.reviewId!));
    });

    const backfilled = await suite.waitForInbox((i) => i.totalCount === 64, 'the backfill');
    expect(new Set(backfilled.reviews.map((r) => r.id)).size).toBe(64);
    const first = backfilled.reviews.find((r) => r.language === 'en')!;
    expect(first).toMatchObject({ platform: 'google', language: 'en', author: { anonymous: false }, rating: { kind: 'STARS' }, reply: null, deletedAt: null });
    expect(backfilled.reviews.filter((r) => r.language === 'ja')).toHaveLength(64 - backfilled.reviews.filter((r) => r.language === 'en').length);
    // Each store's history was read in full, page by page.
    const backfillReads = reviewCalls().filter((c) => c.method === 'GET');
    expect(backfillReads.map((c) => c.path).filter((p) => p.endsWith(`${locations.get('PULL-1')}/reviews`))).toHaveLength(2);
    // Every pulled review was screened: an honest steady history passes.
    await suite.waitForInbox((i) => i.reviews.every((r) => r.fraud !== null), 'screening');
    expect((await suite.inbox()).reviews.filter((r) => r.fraud!.verdict !== 'OK')).toEqual([]);

    // New reviews, and a customer who edits an old one: the next pull reads one page of changes.
    fake.clearCalls();
    fake.seedReview(locations.get('PULL-2')!, { reviewId: 'new-1', starRating: 'TWO', comment: '注文と違う商品が届きました', reviewer: { displayName: '佐藤' } });
    fake.seedReview(locations.get('PULL-1')!, { reviewId: 'new-2', starRating: 'FIVE', reviewer: { isAnonymous: true, displayName: 'A Google User' } });
    const edited = seeded.get('PULL-1')![10]!;
    fake.editReview(locations.get('PULL-1')!, edited, { starRating: 'ONE', comment: '二度目は残念でした' });
    expect(await pullNow()).toEqual({ pullReviews: true });
    const after = await suite.waitForInbox((i) => i.totalCount === 66 && i.reviews.some((r) => r.text === '二度目は残念でした'), 'the incremental pull');
    expect(reviewCalls().map((c) => `${c.method} ${c.path.split('/').at(-1)}`)).toEqual(['POST locations:batchGetReviews']);
    const anonymous = after.reviews.find((r) => r.text === null && r.author.anonymous)!;
    expect(anonymous).toMatchObject({ author: { name: null, anonymous: true }, rating: { stars: 5 } });
    const editedNow = after.reviews.find((r) => r.text === '二度目は残念でした')!;
    expect(editedNow.rating).toEqual({ kind: 'STARS', stars: 1 });
    // The edit was screened again under its new content.
    const decisions = await suite.database.db.selectFrom('fraud_decisions').select('external_id').where('org_id', '=', suite.org.id).where('external_id', 'like', `google:${edited}:%`).execute();
    expect(decisions).toHaveLength(2);

    // A pull with nothing new writes nothing.
    const before = await suite.database.db.selectFrom('reviews').select(['id', 'updated_at', 'content_hash']).where('org_id', '=', suite.org.id).orderBy('id').execute();
    const quiet = await pullConnectionReviews(suite.harness.engine, connectionId, { sweepEveryMs: 86_400_000 });
    expect(quiet).toEqual({ kind: 'done', added: 0, updated: 0, deleted: 0 });
    expect(await suite.database.db.selectFrom('reviews').select(['id', 'updated_at', 'content_hash']).where('org_id', '=', suite.org.id).orderBy('id').execute()).toEqual(before);

    // A deleted review is not listed any more: the sweep notices and marks it, once.
    const deleted = seeded.get('PULL-2')![0]!;
    fake.deleteReview(locations.get('PULL-2')!, deleted);
    expect(await pullConnectionReviews(suite.harness.engine, connectionId, { sweepEveryMs: 0 })).toMatchObject({ kind: 'done', deleted: 1, added: 0 });
    expect((await suite.inbox()).totalCount).toBe(65);
    const withDeleted = await suite.inbox({ includeDeleted: true });
    const gone = withDeleted.reviews.filter((r) => r.deletedAt !== null);
    expect(gone).toHaveLength(1);
    expect(gone[0]!.canReply).toBe(false);
    expect(await pullConnectionReviews(suite.harness.engine, connectionId, { sweepEveryMs: 0 })).toMatchObject({ deleted: 0 });
  });

  it('keeps a reply written on the platform itself, and follows it when it is edited or removed there', async () => {
    const fake = suite.harness.fake;
    const { connectionId, locations } = await suite.connectStores(['PULL-3'], (f, locationName) => {
      f.seedReview(locationName, { reviewId: 'answered', starRating: 'FOUR', comment: 'よかったです', reviewReply: { comment: 'ありがとうございます', updateTime: new Date(f.now() - 60_000).toISOString() } });
    });
    const find = async () => (await suite.inbox()).reviews.find((r) => r.text === 'よかったです');
    await suite.waitForInbox((i) => i.reviews.some((r) => r.text === 'よかったです'), 'the answered review');
    expect((await find())!.reply).toMatchObject({ text: 'ありがとうございます', state: 'PUBLISHED', author: null });

    // The owner edits the reply in Google's own app, then removes it there.
    const onGoogle = () => fake.state.reviewRef(locations.get('PULL-3')!, 'answered')!;
    onGoogle().reviewReply = { comment: '編集しました', updateTime: new Date(fake.now()).toISOString() };
    await pullConnectionReviews(suite.harness.engine, connectionId, { sweepEveryMs: 0 });
    expect((await find())!.reply).toMatchObject({ text: '編集しました', state: 'PUBLISHED' });

    delete onGoogle().reviewReply;
    await pullConnectionReviews(suite.harness.engine, connectionId, { sweepEveryMs: 0 });
    expect((await find())!.reply).toBeNull();
  });
});
