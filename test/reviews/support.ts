import { expect } from 'vitest';
import type { ReviewInput } from '../fakes/google/server.ts';
import { eventually } from '../support/sync.ts';
import { uuidOf } from '../support/tenancy.ts';
import { useSyncSuite, type SyncSuite } from '../sync/support.ts';

export const REVIEW_FIELDS = `id platform text language createdAt updatedAt deletedAt suspectedFake canReply
  author { name anonymous } rating { kind stars }
  location { id storeCode }
  reply { text state failureReason approvalReason { ja en } rejectionReason publishedAt author { email } approvedBy { email } }
  fraud { verdict score reasons { ruleId } }
  report { state reason reportUrl }
  replyLimits { maxBytes maxChars emoji perDay }`;

export interface InboxReview {
  id: string;
  platform: string;
  text: string | null;
  language: string | null;
  createdAt: string;
  deletedAt: string | null;
  suspectedFake: boolean;
  canReply: boolean;
  author: { name: string | null; anonymous: boolean };
  rating: { kind: string; stars: number | null } | null;
  location: { id: string; storeCode: string };
  reply: { text: string; state: string; failureReason: string | null; approvalReason: { ja: string; en: string } | null; rejectionReason: string | null; publishedAt: string | null } | null;
  fraud: { verdict: string; score: number; reasons: { ruleId: string }[] } | null;
  report: { state: string; reason: string | null; reportUrl: string | null };
  replyLimits: { maxBytes: number | null; maxChars: number | null; emoji: boolean; perDay: number | null };
}

export interface ReviewSuite extends SyncSuite {
  /** A Google account with one listing per store code, those stores in Tenpo, and the account connected (its database id). */
  connectStores(storeCodes: readonly string[], seed?: (fake: SyncSuite['harness']['fake'], locationName: string, storeCode: string) => void): Promise<{ connectionId: string; locations: Map<string, string>; stores: Map<string, string> }>;
  inbox(filter?: Record<string, unknown>, token?: string, first?: number): Promise<{ totalCount: number; reviews: InboxReview[] }>;
  waitForInbox(ready: (r: { totalCount: number; reviews: InboxReview[] }) => boolean, what: string, filter?: Record<string, unknown>): Promise<{ totalCount: number; reviews: InboxReview[] }>;
}

let seq = 0;

/** The sync suite with review screening and live events, for review specs. */
export function useReviewSuite(options: { workers?: boolean; network?: boolean; timeoutMs?: number } = {}): ReviewSuite {
  const suite = useSyncSuite({ reviews: true, ...options }) as ReviewSuite;
  suite.connectStores = async (storeCodes, seed) => {
    const fake = suite.harness.fake;
    const account = fake.seedAccount({ accountName: `Review chain ${++seq}` }).name!;
    const locations = new Map<string, string>();
    const stores = new Map<string, string>();
    for (const code of storeCodes) {
      const location = fake.seedLocation(account, { title: `Store ${code}`, storeCode: code, languageCode: 'ja' });
      locations.set(code, location.name!);
      seed?.(fake, location.name!, code);
      stores.set(code, (await suite.createStore(code)).id);
    }
    const connection = await suite.connectGoogle(account, fake.issueRefreshToken());
    return { connectionId: uuidOf(connection.id), locations, stores };
  };
  suite.inbox = async (filter = {}, token, first = 100) => {
    const res = await suite.api.gql(
      `query($org: ID!, $filter: ReviewFilter, $first: Int) { node(id: $org) { ... on Organization { reviews(first: $first, filter: $filter) { totalCount edges { node { ${REVIEW_FIELDS} } } } } } }`,
      { org: suite.org.gid, filter, first },
      token ?? suite.org.key,
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data.node.reviews as { totalCount: number; edges: { node: InboxReview }[] };
    return { totalCount: conn.totalCount, reviews: conn.edges.map((e) => e.node) };
  };
  suite.waitForInbox = (ready, what, filter = {}) =>
    eventually(async () => {
      const inbox = await suite.inbox(filter);
      return ready(inbox) ? inbox : undefined;
    }, 30_000, what);
  return suite;
}

// Any two reviews of a history share at most one of these phrases (indices mod 7, 11 and 13), so
// an honest history never reads as near-duplicate text.
const JA = [
  ['駅から近くて便利です。', '店員さんの笑顔が素敵でした。', '週末の午後に伺いました。', '家族で訪れました。', '仕事帰りに立ち寄りました。', '初めての来店でした。', '友人に勧められて来ました。'],
  ['季節限定のケーキが絶品', '抹茶ラテが濃厚でおいしい', 'サンドイッチのパンがふわふわ', '窓際の席から桜が見える', '店内の音楽が落ち着く', 'ランチセットがお得', 'テイクアウトも早い', '子ども用の椅子がある', 'コンセント付きの席が多い', 'スコーンが焼きたて', '紅茶の種類が豊富'],
  ['また行きたいです。', '次は夜に来ます。', '少し混んでいました。', '駐車場が狭いのが残念。', 'お値段も手頃です。', '接客が丁寧でした。', '満足しています。', 'おすすめです。', '雰囲気が最高。', '静かで読書に向いています。', 'トイレも綺麗でした。', '支払いが電子マネー対応。', 'ありがとうございました。'],
];
const EN = [
  ['Great coffee near the station.', 'Friendly staff at the counter.', 'Visited on a rainy Sunday.', 'Came here with my kids.', 'Stopped by after work.', 'First visit, nice surprise.', 'A colleague recommended it.'],
  ['The seasonal cake was superb', 'matcha latte rich and smooth', 'sandwich bread soft and fresh', 'window seats overlook the park', 'quiet jazz in the background', 'lunch set is good value', 'takeaway orders come fast', 'high chairs for toddlers', 'plenty of power outlets', 'scones straight from the oven', 'a long list of teas'],
  ['Will come back.', 'Next time in the evening.', 'A bit crowded at noon.', 'Parking is tight.', 'Prices are fair.', 'Service was careful.', 'Very satisfied.', 'Recommended.', 'Lovely atmosphere.', 'Good for reading.', 'Clean restrooms.', 'Takes contactless payment.', 'Thank you!'],
];

/** `n` distinct honest reviews of a store, about one a day, the newest `endHoursAgo` hours ago. */
export function historyOf(n: number, endHoursAgo: number, now: number): ReviewInput[] {
  const batch = ++seq;
  return Array.from({ length: n }, (_, i) => {
    const words = i % 5 === 2 ? EN : JA;
    const comment = `${words[0]![i % 7]} ${words[1]![i % 11]}${words === EN ? ', ' : '、'}${words[2]![i % 13]}`;
    return {
      reviewId: `hist-${batch}-${i}`,
      starRating: (['FIVE', 'FOUR', 'FIVE', 'THREE', 'FOUR'] as const)[i % 5]!,
      comment,
      reviewer: { displayName: `Customer ${batch}-${i}`, profilePhotoUrl: `https://lh3.googleusercontent.com/a/p${batch}-${i}` },
      createTime: new Date(now - (endHoursAgo + (n - i) * 20) * 3_600_000).toISOString(),
    };
  });
}
