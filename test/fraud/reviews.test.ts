import { describe, expect, it } from 'vitest';
import { evidence, IPHONE_UA, JP_HOME_IP, ruleIds, tokyoOrder, uid, useFraudSuite, type DecisionView } from './support.ts';

const suite = useFraudSuite();

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T12:00:00Z');

const HONEST_TEXTS = [
  'ランチで利用しました。日替わり定食はボリュームがあって満足です。少し待ちましたが仕方ないですね。',
  '駅から近くて便利。店員さんが親切でした。コーヒーはもう少し熱い方が好みです。',
  '週末は混んでいます。味は普通ですが価格を考えると妥当だと思います。',
  'Great ramen, the broth was rich. A bit noisy at peak time but worth it.',
  '子連れでも入りやすい雰囲気でした。キッズメニューがあるのが助かります。',
  '予約して行きました。個室が静かで接待にも使えそうです。料理の説明も丁寧でした。',
  '期待していたほどではなかったです。揚げ物が少し油っぽく感じました。',
  'テイクアウトで利用。容器がしっかりしていて持ち帰りやすかったです。',
];

const RING_TEXT = '最高のお店です！スタッフの対応が素晴らしく、料理もとても美味しかったです。絶対にまた来ます。みなさんにおすすめします！';
const RING_VARIANTS = [
  RING_TEXT,
  '最高のお店です!! スタッフの対応が素晴らしく、料理もとても美味しかったです。絶対にまた来ます。皆さんにおすすめします!',
  '最高のお店です。スタッフの対応が素晴らしくて、料理もとても美味しかったです。絶対にまた来ます。みなさんにおすすめします。',
  '本当に最高のお店です！スタッフの対応が素晴らしく、料理もとても美味しかったです。絶対にまた来ます！みなさんにおすすめします！',
];

async function honestHistory(org: { key: string }, store: string, count: number) {
  for (let i = 0; i < count; i++) {
    await suite.screen(
      'Review',
      {
        reviewId: uid('r'),
        locationKey: store,
        rating: 3 + (i % 3 === 0 ? 0 : 1) + (i % 7 === 0 ? 1 : 0) - (i % 11 === 0 ? 1 : 0),
        text: `${HONEST_TEXTS[i % HONEST_TEXTS.length]}（${i}回目）`,
        reviewer: { id: uid('honest'), name: `客${i}` },
        createdAt: new Date(NOW - (30 - i * (29 / count)) * DAY).toISOString(),
        context: { ip: `126.${i}.1.${i + 2}`, device: { id: uid('hd'), userAgent: IPHONE_UA } },
      },
      org.key,
    );
  }
}

describe('screenReview', () => {
  it('passes honest reviews of a store with a steady history', async () => {
    const org = await suite.newOrg();
    await honestHistory(org, 'store-a', 20);
    const d = await suite.screen('Review', { reviewId: uid('r'), locationKey: 'store-a', rating: 4, text: '夜に伺いました。焼き鳥の塩加減がちょうど良く、日本酒の種類も豊富で楽しめました。', reviewer: { id: uid('honest') }, createdAt: new Date(NOW).toISOString() }, org.key);
    expect(d.verdict).toBe('OK');
  });

  it("finds near-duplicate text across reviewers, but not a reviewer's own edit", async () => {
    const org = await suite.newOrg();
    const author = uid('author');
    await suite.screen('Review', { reviewId: uid('r'), locationKey: 's1', rating: 5, text: RING_VARIANTS[0], reviewer: { id: author } }, org.key);
    const edit = await suite.screen('Review', { reviewId: uid('r'), locationKey: 's1', rating: 5, text: RING_VARIANTS[1], reviewer: { id: author } }, org.key);
    expect(ruleIds(edit)).not.toContain('review.duplicate');
    const copy = await suite.screen('Review', { reviewId: uid('r'), locationKey: 's2', rating: 5, text: RING_VARIANTS[2], reviewer: { id: uid('other') } }, org.key);
    expect(Number(evidence(copy, 'review.duplicate')['review.duplicate_similarity'])).toBeGreaterThanOrEqual(0.6);
    const unrelated = await suite.screen('Review', { reviewId: uid('r'), locationKey: 's2', rating: 4, text: HONEST_TEXTS[5], reviewer: { id: uid('other') } }, org.key);
    expect(ruleIds(unrelated)).not.toContain('review.duplicate');
  });

  it('sees a burst against the store’s usual pace, and many reviewers on one device', async () => {
    const org = await suite.newOrg();
    await honestHistory(org, 'store-b', 15);
    const device = { id: uid('ring-phone'), userAgent: IPHONE_UA };
    const burst: DecisionView[] = [];
    for (let i = 0; i < 6; i++) {
      const d = await suite.screen(
        'Review',
        { reviewId: uid('r'), locationKey: 'store-b', rating: 1, text: `最悪でした。二度と行きません。${'！'.repeat(i)}`, reviewer: { id: uid('burst') }, createdAt: new Date(NOW + i * 600_000).toISOString(), context: { ip: JP_HOME_IP, device } },
        org.key,
      );
      burst.push(d);
    }
    // One star against a store rated about 3.6: an outlier, until the burst drags the mean down.
    expect(ruleIds(burst[0]!)).toContain('review.rating_outlier');
    const last = burst.at(-1)!;
    expect(Number(evidence(last, 'review.burst')['review.location_burst.24h'])).toBe(6);
    expect(evidence(last, 'review.shared_device')).toEqual({ 'graph.device.reviewers.30d': 6 });
    expect(last.verdict).toBe('NG');
  });
});

describe('a fraud ring that writes fake reviews, then places orders', () => {
  it('is caught at its first order, with the review module named in the reasons', async () => {
    const org = await suite.newOrg();
    await honestHistory(org, 'shibuya-01', 20);

    // Three phones, eight reviewer accounts, one afternoon of five-star copies.
    const phones = [uid('ring-a'), uid('ring-b'), uid('ring-c')];
    const verdicts: string[] = [];
    for (let i = 0; i < 8; i++) {
      const d = await suite.screen(
        'Review',
        {
          reviewId: uid('ring-review'),
          locationKey: 'shibuya-01',
          rating: 5,
          text: RING_VARIANTS[i % RING_VARIANTS.length],
          reviewer: { id: uid('ring-reviewer'), name: `サクラ${i}` },
          createdAt: new Date(NOW + i * 900_000).toISOString(),
          context: { ip: '60.64.10.20', device: { id: phones[i % 3], userAgent: IPHONE_UA, language: 'ja-JP', timezone: 'Asia/Tokyo' } },
        },
        org.key,
      );
      verdicts.push(d.verdict);
    }
    expect(verdicts.filter((v) => v === 'NG').length).toBeGreaterThanOrEqual(4);

    // The ring's first order: a new name, email, phone and address, on one of its phones.
    const order = await suite.screen(
      'Order',
      tokyoOrder({
        billing: { name: '佐々木 七海', email: `${uid('new')}@example.jp`, phone: '080-7777-1234', address: { line: '神奈川県横浜市中区山下町1-2-3' } },
        context: { ip: JP_HOME_IP, device: { id: phones[1], userAgent: IPHONE_UA, language: 'ja-JP', timezone: 'Asia/Tokyo' } },
      }),
      org.key,
    );
    expect(order.verdict).not.toBe('OK');
    const cross = order.reasons.find((r) => r.ruleId === 'flags.cross_module');
    expect(cross?.message.en).toContain('REVIEWS');
    expect(cross?.message.ja).toContain('REVIEWS');

    // An honest customer on a phone of their own is not touched by the ring.
    const honest = await suite.screen('Order', tokyoOrder(), org.key);
    expect(ruleIds(honest)).not.toContain('flags.cross_module');
  });
});
