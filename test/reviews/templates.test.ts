/**
 * Reply templates with variables, offered per review language and rating; and the statistics
 * the dashboard charts: average and count by store, platform and period, unanswered, median
 * time to answer.
 */
import { describe, expect, it } from 'vitest';
import { useReviewSuite } from './support.ts';

const suite = useReviewSuite();
const ERR = 'errors { code path message }';

async function createTemplate(input: Record<string, unknown>) {
  const data = await suite.gql(`mutation($input: CreateReplyTemplateInput!) { createReplyTemplate(input: $input) { template { id name language body ratings } ${ERR} } }`, {
    input: { organizationId: suite.org.gid, ...input },
  });
  return data.createReplyTemplate as { template: { id: string } | null; errors: { code: string; path: string[]; message: string }[] };
}

describe('reply templates', () => {
  it('fills in the reviewer and store, in the review’s language and for its rating, and refuses unknown variables', async () => {
    await suite.connectStores(['TPL-1'], (fake, location) => {
      fake.seedReview(location, { reviewId: 'tpl-ja', starRating: 'FIVE', comment: '店員さんがとても親切でした', reviewer: { displayName: '山田' } });
      fake.seedReview(location, { reviewId: 'tpl-anon', starRating: 'ONE', comment: '二度と行きません。最悪の対応でした。', reviewer: { isAnonymous: true, displayName: 'A Google User' } });
      fake.seedReview(location, { reviewId: 'tpl-en', starRating: 'FIVE', comment: 'Lovely staff and the best matcha latte in Akasaka.', reviewer: { displayName: 'Emma' } });
    });
    await suite.waitForInbox((i) => i.totalCount === 3, 'the reviews');

    const bad = await createTemplate({ name: 'typo', language: 'ja', body: '{{reviewr}}様、ありがとうございます' });
    expect(bad.errors).toEqual([{ code: 'INVALID_INPUT', path: ['body'], message: expect.stringContaining('{{reviewr}}') }]);
    expect((await createTemplate({ name: 'お礼', language: 'ja', body: '{{reviewer}}様、{{store}}をご利用いただきありがとうございます。', ratings: [4, 5] })).errors).toEqual([]);
    expect((await createTemplate({ name: 'お詫び', language: 'ja', body: '{{reviewer}}様、{{store}}でご不快な思いをおかけし申し訳ございません。', ratings: [1, 2] })).errors).toEqual([]);
    expect((await createTemplate({ name: 'Thanks', language: 'en', body: 'Thank you {{reviewer}} for your {{rating}}-star review of {{store}} on {{platform}}!', ratings: [] })).errors).toEqual([]);
    expect((await createTemplate({ name: 'お礼', language: 'ja', body: '重複' })).errors.map((e) => e.code)).toEqual(['INVALID_INPUT']);

    const data = await suite.gql(`query($org: ID!) { node(id: $org) { ... on Organization { reviews { edges { node { text suggestedReplies { template { name } text } } } } } } }`, { org: suite.org.gid });
    const byText = new Map<string, { template: { name: string }; text: string }[]>(data.node.reviews.edges.map((e: any) => [e.node.text, e.node.suggestedReplies]));
    expect(byText.get('店員さんがとても親切でした')).toEqual([{ template: { name: 'お礼' }, text: '山田様、てんぽ 赤坂店をご利用いただきありがとうございます。' }]);
    expect(byText.get('二度と行きません。最悪の対応でした。')).toEqual([{ template: { name: 'お詫び' }, text: 'お客様、てんぽ 赤坂店でご不快な思いをおかけし申し訳ございません。' }]);
    // The English template names the store by its English name.
    expect(byText.get('Lovely staff and the best matcha latte in Akasaka.')).toEqual([
      { template: { name: 'Thanks' }, text: 'Thank you Emma for your 5-star review of Tenpo Akasaka on Google Business Profile (Google Search & Maps)!' },
    ]);
  });
});

describe('review statistics', () => {
  it('counts and averages by store, platform and week, with the unanswered count and the median time to answer', async () => {
    const fake = suite.harness.fake;
    const day = 86_400_000;
    const now = fake.now();
    const monday = Date.parse('2026-11-16T00:00:00Z');
    const at = (t: number) => new Date(t).toISOString();
    await suite.connectStores(['STAT-1', 'STAT-2'], (f, location, code) => {
      const base = code === 'STAT-1' ? monday : monday + day;
      f.seedReview(location, { reviewId: `${code}-a`, starRating: 'FIVE', comment: `${code} 一週目の良いレビュー`, createTime: at(base + 3_600_000), reviewReply: { comment: 'ありがとうございます', updateTime: at(base + 3 * 3_600_000) } });
      f.seedReview(location, { reviewId: `${code}-b`, starRating: 'TWO', comment: `${code} 一週目の厳しいレビュー`, createTime: at(base + 7_200_000) });
      f.seedReview(location, { reviewId: `${code}-c`, starRating: 'FOUR', comment: `${code} 二週目のレビュー`, createTime: at(base + 7 * day), reviewReply: { comment: '感謝します', updateTime: at(base + 7 * day + 7_200_000) } });
    });
    await suite.waitForInbox((i) => i.reviews.filter((r) => r.location.storeCode.startsWith('STAT')).length === 6, 'the statistics reviews');
    const storeIds = (await suite.inbox()).reviews.filter((r) => r.location.storeCode.startsWith('STAT')).map((r) => r.location.id);

    const data = await suite.gql(
      `query($org: ID!, $filter: ReviewStatsFilter) { node(id: $org) { ... on Organization { reviewStats(filter: $filter, interval: WEEK, timeZone: "Asia/Tokyo") {
        count averageRating unansweredCount medianResponseSeconds
        byLocation { location { storeCode } count averageRating unansweredCount }
        byPlatform { platform count averageRating }
        series { periodStart count averageRating byPlatform { platform count } } } } } }`,
      { org: suite.org.gid, filter: { locationIds: [...new Set(storeIds)], to: at(now) } },
    );
    const stats = data.node.reviewStats;
    expect(stats).toMatchObject({ count: 6, averageRating: 3.67, unansweredCount: 2 });
    // Four answers: after 2 h (twice) and 2 h (twice): the median is 2 h.
    expect(stats.medianResponseSeconds).toBe(7_200);
    expect(stats.byLocation).toEqual(expect.arrayContaining([{ location: { storeCode: 'STAT-1' }, count: 3, averageRating: 3.67, unansweredCount: 1 }]));
    expect(stats.byPlatform).toEqual([{ platform: 'google', count: 6, averageRating: 3.67 }]);
    // Weeks start on Monday in Tokyo.
    expect(stats.series).toEqual([
      { periodStart: '2026-11-15T15:00:00.000Z', count: 4, averageRating: 3.5, byPlatform: [{ platform: 'google', count: 4 }] },
      { periodStart: '2026-11-22T15:00:00.000Z', count: 2, averageRating: 4, byPlatform: [{ platform: 'google', count: 2 }] },
    ]);

    const bad = await suite.api.gql(`query($org: ID!) { node(id: $org) { ... on Organization { reviewStats(timeZone: "Mars/Olympus") { count } } } }`, { org: suite.org.gid }, suite.org.key);
    expect(bad.errors?.[0]?.message).toContain('Unknown time zone');
  });
});
