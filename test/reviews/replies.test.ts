/**
 * Replies: mutation → outbox → job → connector → state. The platform's limits are checked before
 * anything is queued, the approval rule holds a store manager's reply to a low rating for an
 * admin, and a reply reaches the platform exactly once.
 */
import { describe, expect, it } from 'vitest';
import { relayOnce } from '../../src/outbox/relay.ts';
import { createUserIn } from '../support/api.ts';
import { eventually } from '../support/sync.ts';
import { REVIEW_FIELDS, useReviewSuite, type InboxReview } from './support.ts';

const suite = useReviewSuite();
const ERR = 'errors { code path message }';

async function mutate(name: string, input: Record<string, unknown>, token?: string) {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const res = await suite.api.gql(`mutation($input: ${inputType}!) { ${name}(input: $input) { review { ${REVIEW_FIELDS} } ${ERR} } }`, { input }, token ?? suite.org.key);
  expect(res.errors).toBeUndefined();
  return res.data[name] as { review: InboxReview | null; errors: { code: string; path: string[]; message: string }[] };
}

async function reviewNamed(text: string, token?: string): Promise<InboxReview> {
  const inbox = await suite.inbox({}, token);
  return inbox.reviews.find((r) => r.text === text)!;
}

const waitForReply = (text: string, state: string) =>
  eventually(async () => {
    const r = await reviewNamed(text);
    return r.reply?.state === state ? r : undefined;
  }, 20_000, `reply ${state}`);

let setup: Promise<{ locations: Map<string, string>; stores: Map<string, string> }> | undefined;
function stores() {
  setup ??= (async () => {
    const out = await suite.connectStores(['REPLY-1', 'REPLY-2'], (fake, location, code) => {
      fake.seedReview(location, { reviewId: `${code}-good`, starRating: 'FIVE', comment: `${code} 最高のお店です`, reviewer: { displayName: '田中' } });
      fake.seedReview(location, { reviewId: `${code}-bad`, starRating: 'TWO', comment: `${code} 待ち時間が長すぎました`, reviewer: { displayName: '鈴木' } });
    });
    await suite.waitForInbox((i) => i.totalCount === 4, 'the reviews to reply to');
    return out;
  })();
  return setup;
}

const putCalls = (reviewId: string) => suite.harness.fake.calls.filter((c) => c.method === 'PUT' && c.path.endsWith(`/reviews/${reviewId}/reply`));

describe('replying to a review', () => {
  it('publishes a reply on the platform exactly once, then edits and deletes it there', async () => {
    const { locations } = await stores();
    const review = await reviewNamed('REPLY-1 最高のお店です');
    expect(review).toMatchObject({ canReply: true, replyLimits: { maxBytes: 4096, maxChars: null, emoji: true, perDay: null } });
    const sent = await mutate('replyToReview', { reviewId: review.id, text: 'ありがとうございます！またお待ちしております。' });
    expect(sent.errors).toEqual([]);
    expect(sent.review!.reply).toMatchObject({ state: 'SENDING', text: 'ありがとうございます！またお待ちしております。' });

    // A second relay pass over the same outbox row must not send it twice.
    await relayOnce(suite.harness.engine);
    const published = await waitForReply('REPLY-1 最高のお店です', 'PUBLISHED');
    expect(published.reply!.publishedAt).not.toBeNull();
    const onGoogle = () => suite.harness.fake.state.reviewRef(locations.get('REPLY-1')!, 'REPLY-1-good')!.reviewReply?.comment;
    expect(onGoogle()).toBe('ありがとうございます！またお待ちしております。');
    expect(putCalls('REPLY-1-good')).toHaveLength(1);

    const again = await mutate('replyToReview', { reviewId: review.id, text: 'もう一度' });
    expect(again.errors.map((e) => e.code)).toEqual(['INVALID_STATE']);

    const edited = await mutate('editReviewReply', { reviewId: review.id, text: 'ご来店ありがとうございました。' });
    expect(edited.errors).toEqual([]);
    await eventually(async () => (onGoogle() === 'ご来店ありがとうございました。' ? true : undefined), 20_000, 'the edit on Google');
    await waitForReply('REPLY-1 最高のお店です', 'PUBLISHED');
    expect(putCalls('REPLY-1-good')).toHaveLength(2);

    expect((await mutate('deleteReviewReply', { reviewId: review.id })).review!.reply!.state).toBe('DELETING');
    await eventually(async () => ((await reviewNamed('REPLY-1 最高のお店です')).reply === null ? true : undefined), 20_000, 'the reply deleted');
    expect(onGoogle()).toBeUndefined();
  });

  it("refuses a reply over Google's 4,096 bytes before anything is queued, counting bytes, not characters", async () => {
    await stores();
    const review = await reviewNamed('REPLY-2 最高のお店です');
    const outboxBefore = await suite.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const tooLong = 'あ'.repeat(1366); // 4,098 bytes in UTF-8, 1,366 characters
    const refused = await mutate('replyToReview', { reviewId: review.id, text: tooLong });
    expect(refused.review).toBeNull();
    expect(refused.errors).toEqual([{ code: 'REPLY_TOO_LONG', path: ['text'], message: expect.stringContaining('4098 bytes') }]);
    expect((await reviewNamed('REPLY-2 最高のお店です')).reply).toBeNull();
    expect(await suite.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).toEqual(outboxBefore);

    expect((await mutate('replyToReview', { reviewId: review.id, text: '   ' })).errors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    const fits = await mutate('replyToReview', { reviewId: review.id, text: 'あ'.repeat(1365), draft: true });
    expect(fits.errors).toEqual([]);
    expect(fits.review!.reply!.state).toBe('DRAFT');
    expect(putCalls('REPLY-2-good')).toHaveLength(0);
    expect((await mutate('deleteReviewReply', { reviewId: review.id })).review!.reply).toBeNull();
  });

  it("holds a store manager's reply to a low rating for an admin's approval", async () => {
    const { stores: ids } = await stores();
    const manager = await createUserIn(suite.database.db, suite.api, suite.org.id, 'STORE_MANAGER');
    const admin = await createUserIn(suite.database.db, suite.api, suite.org.id, 'ADMIN');
    await suite.gql(`mutation($input: AssignStoreManagerInput!) { assignStoreManager(input: $input) { errors { code } } }`, {
      input: { organizationId: suite.org.gid, userId: manager.userId, locationId: ids.get('REPLY-2') },
    });
    const low = await reviewNamed('REPLY-2 待ち時間が長すぎました', manager.token);
    const held = await mutate('replyToReview', { reviewId: low.id, text: 'ご不便をおかけし申し訳ございません。' }, manager.token);
    expect(held.errors).toEqual([]);
    expect(held.review!.reply).toMatchObject({ state: 'PENDING_APPROVAL', approvalReason: { en: expect.stringContaining('rating of 2 or less'), ja: expect.stringContaining('評価2以下') } });
    expect((await mutate('approveReviewReply', { reviewId: low.id }, manager.token)).errors.map((e) => e.code)).toEqual(['FORBIDDEN']);

    const rejected = await mutate('rejectReviewReply', { reviewId: low.id, reason: 'お詫びの後に改善策を書いてください' }, admin.token);
    expect(rejected.review!.reply).toMatchObject({ state: 'DRAFT', rejectionReason: 'お詫びの後に改善策を書いてください' });
    await mutate('editReviewReply', { reviewId: low.id, text: 'ご不便をおかけしました。受付の人数を増やしました。' }, manager.token);
    const approved = await mutate('approveReviewReply', { reviewId: low.id }, admin.token);
    expect(approved.errors).toEqual([]);
    const done = await waitForReply('REPLY-2 待ち時間が長すぎました', 'PUBLISHED');
    expect(done.reply).toMatchObject({ text: 'ご不便をおかけしました。受付の人数を増やしました。' });
    expect(putCalls('REPLY-2-bad')).toHaveLength(1);

    // A good rating goes straight out; with the rule off, so does a low one.
    const good = await reviewNamed('REPLY-2 最高のお店です', manager.token);
    expect((await mutate('replyToReview', { reviewId: good.id, text: 'ありがとうございます' }, manager.token)).review!.reply!.state).toBe('SENDING');
    const settings = await suite.api.gql(
      `mutation($input: UpdateReviewSettingsInput!) { updateReviewSettings(input: $input) { settings { approvalMaxRating approvalRoles } ${ERR} } }`,
      { input: { organizationId: suite.org.gid, approvalMaxRating: null, approvalRoles: ['STORE_MANAGER'] } },
      admin.token,
    );
    expect(settings.data.updateReviewSettings).toEqual({ settings: { approvalMaxRating: null, approvalRoles: ['STORE_MANAGER'] }, errors: [] });
    const noRule = await mutate('editReviewReply', { reviewId: low.id, text: '改善に努めます' }, manager.token);
    expect(noRule.review!.reply!.state).toBe('SENDING');

    // The store manager reaches neither the other store's reviews nor their ids.
    const other = await reviewNamed('REPLY-1 待ち時間が長すぎました');
    expect((await suite.inbox({}, manager.token)).reviews.map((r) => r.location.storeCode)).toEqual(['REPLY-2', 'REPLY-2']);
    expect((await mutate('replyToReview', { reviewId: other.id, text: '横取り' }, manager.token)).errors).toEqual([{ code: 'NOT_FOUND', path: ['reviewId'], message: 'No such review.' }]);
    const node = await suite.api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: other.id }, manager.token);
    expect(node.data.node).toBeNull();
  });

  it('shows a reply the platform refused as FAILED with the reason', async () => {
    const { locations } = await stores();
    const review = await reviewNamed('REPLY-1 待ち時間が長すぎました');
    // The reviewer deletes the review between the pull and the reply.
    suite.harness.fake.deleteReview(locations.get('REPLY-1')!, 'REPLY-1-bad');
    await mutate('replyToReview', { reviewId: review.id, text: '申し訳ございません' });
    const failed = await waitForReply('REPLY-1 待ち時間が長すぎました', 'FAILED');
    expect(failed.reply!.failureReason).toMatch(/no longer (exists|on Google)/);
  });

  it('marks a suspected fake review for reporting on the platform, then as reported', async () => {
    await stores();
    const review = await reviewNamed('REPLY-1 最高のお店です');
    const marked = await mutate('reportReview', { reviewId: review.id, reason: '競合店の従業員による投稿' });
    expect(marked.review!.report).toEqual({ state: 'TO_REPORT_MANUALLY', reason: '競合店の従業員による投稿', reportUrl: 'https://support.google.com/business/answer/4596773' });
    expect((await mutate('confirmReviewReported', { reviewId: review.id })).review!.report.state).toBe('REPORTED');
  });
});
