import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { canonicalJson, sha256 } from '../lib/canonicalJson.ts';

/**
 * Reviews for the demo organisation, so a first look at the dashboard has an inbox and charts.
 * They are marked as Google reviews of stores with no Google connection: the inbox shows them,
 * and the reply box says replies need the platform connected, which is the truth.
 */
const TEXTS: readonly [number, string, string][] = [
  [5, 'ja', 'スープが濃厚で最高でした。深夜でも開いているのが嬉しいです。'],
  [4, 'ja', '味は満足。お昼は少し並びました。'],
  [2, 'ja', '注文から提供まで20分以上かかりました。'],
  [5, 'en', 'Best tonkotsu I have had outside Japan. Friendly staff.'],
  [3, 'ja', '普通においしいです。店内がもう少し広いと嬉しい。'],
  [1, 'ja', '店員さんの対応がとても残念でした。'],
  [4, 'en', 'Great ramen, a bit pricey but worth it.'],
  [5, 'ja', 'チャーシューが柔らかくて絶品。また来ます。'],
  [4, 'ja', 'コーヒーがおいしく、朝の時間にぴったり。'],
  [3, 'en', 'Decent coffee, slow service at lunch.'],
];

export async function seedDemoReviews(db: Db, orgId: string, now = new Date()): Promise<number> {
  const locations = await db.selectFrom('locations').select(['id', 'store_code']).where('org_id', '=', orgId).where('archived_at', 'is', null).orderBy('store_code').execute();
  const rows = [];
  const week = 7 * 86_400_000;
  for (const [li, location] of locations.entries()) {
    for (let i = 0; i < 12; i++) {
      const [stars, language, text] = TEXTS[(li * 3 + i) % TEXTS.length]!;
      const created = new Date(now.getTime() - (i + 0.3 * li) * week * 0.9 - 3_600_000 * (li + 1));
      const answered = i % 3 !== 0 ? new Date(created.getTime() + (6 + i * 5) * 3_600_000) : null;
      rows.push({
        id: randomUUID(),
        org_id: orgId,
        location_id: location.id,
        platform: 'google',
        platform_review_id: `demo-${location.store_code}-${i}`,
        author_name: `Demo reviewer ${li + 1}-${i + 1}`,
        rating_stars: stars,
        text,
        language,
        created_at: created,
        updated_at: created,
        content_hash: sha256(canonicalJson({ stars, text, i, li })),
        platform_reply_text: answered ? (language === 'ja' ? 'ご来店ありがとうございました。' : 'Thank you for visiting!') : null,
        platform_reply_at: answered,
        answered_at: answered,
      });
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('reviews')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'platform', 'platform_review_id']).doNothing())
    .returning(['id', 'platform_reply_text', 'platform_reply_at'])
    .execute();
  const replies = inserted.filter((r) => r.platform_reply_text !== null);
  if (replies.length > 0) {
    await db
      .insertInto('review_replies')
      .values(replies.map((r) => ({ review_id: r.id, org_id: orgId, text: r.platform_reply_text!, state: 'PUBLISHED' as const, published_at: r.platform_reply_at, author_id: null })))
      .execute();
  }
  return inserted.length;
}
