/**
 * Screening traffic for bench:fraud: a mix of orders, sign-ups, logins and reviews from a
 * population of returning customers (so counters, links and lists hold realistic amounts of
 * state, and decisions vary), in the JSON shape both the GraphQL mutations and the input
 * schemas take. Deterministic for a seed, so runs compare.
 */
import type { ScreeningKind } from '../src/fraud/model.ts';
import { seededRandom } from './random.ts';

export interface Screening {
  kind: ScreeningKind;
  input: Record<string, unknown>;
}

const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const GIVEN = ['太郎', '花子', '健', '美咲', '翔', '陽菜', '大輔', '結衣', '蓮', 'さくら'];
const TOWNS = ['東京都港区赤坂', '東京都渋谷区神南', '大阪府大阪市北区梅田', '神奈川県横浜市中区山下町', '福岡県福岡市中央区天神', '愛知県名古屋市中区栄'];
const REVIEWS = ['とても美味しかったです。また来ます。', '店員さんの対応が丁寧でした。', '少し待ちましたが満足です。', 'Great coffee and friendly staff.', '値段の割に量が少なめでした。'];
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const HUMAN = { v: 1, keystrokes: 40, keyIntervals: 36, keyIntervalMeanMs: 170, keyIntervalStdMs: 55, pointerMoves: 120, pointerDowns: 4, pointerStraightness: 0.9, pasteCount: 0, fieldFocusCount: 4, elapsedMs: 12_000, webdriver: false, headlessHints: [] };

/** An endless stream of screenings; `run` keeps ids unique across runs on one database. */
export function screeningTraffic(seed: number, run: string, customers = 200_000): () => Screening {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let n = 0;
  return () => {
    const c = Math.floor(random() * customers);
    const id = `${run}-${++n}`;
    const context = {
      ip: `126.${(c >> 8) & 255}.${c & 255}.${1 + (c % 200)}`,
      device: { id: `device-${c}`, userAgent: UA, language: 'ja-JP', timezone: 'Asia/Tokyo' },
    };
    const person = {
      name: `${SURNAMES[c % 10]} ${GIVEN[Math.floor(c / 10) % 10]}`,
      email: `customer${c}@example.co.jp`,
      phone: `090${10_000_000 + c * 7}`,
      address: { line: `${TOWNS[c % TOWNS.length]}${1 + (c % 5)}-${1 + (c % 17)}-${1 + (c % 23)}` },
    };
    const roll = random();
    if (roll < 0.5) {
      return { kind: 'ORDER', input: { orderId: id, amount: Math.round(1000 + random() * 9000), currency: 'JPY', paymentMethod: pick(['CARD', 'DEFERRED', 'COD']), account: { id: `acct-${c}` }, billing: person, items: [{ sku: `sku-${c % 300}`, quantity: 1 + Math.floor(random() * 3), unitPrice: 1980 }], context } };
    }
    if (roll < 0.65) return { kind: 'SIGNUP', input: { requestId: id, accountId: `acct-${c}-${n}`, person, context: { ...context, behavior: HUMAN } } };
    if (roll < 0.9) return { kind: 'LOGIN', input: { requestId: id, accountId: `acct-${c}`, email: person.email, succeeded: random() > 0.08, context: { ...context, behavior: HUMAN } } };
    // A chain of 2,000 stores: a store gets a review every few minutes, as real ones do.
    return { kind: 'REVIEW', input: { reviewId: id, locationKey: `store-${c % 2000}`, rating: 1 + Math.floor(random() * 5), text: `${pick(REVIEWS)}${pick(REVIEWS)}`.slice(0, 10 + Math.floor(random() * 30)), reviewer: { id: `reviewer-${c}`, name: person.name }, context } };
  };
}

const MUTATION: Record<ScreeningKind, string> = {
  ORDER: 'mutation($input: ScreenOrderInput!) { screenOrder(input: $input) { decision { verdict score reasons { ruleId } } errors { code message } } }',
  SIGNUP: 'mutation($input: ScreenSignupInput!) { screenSignup(input: $input) { decision { verdict score reasons { ruleId } } errors { code message } } }',
  LOGIN: 'mutation($input: ScreenLoginInput!) { screenLogin(input: $input) { decision { verdict score reasons { ruleId } } errors { code message } } }',
  REVIEW: 'mutation($input: ScreenReviewInput!) { screenReview(input: $input) { decision { verdict score reasons { ruleId } } errors { code message } } }',
};

/** The GraphQL request body a merchant's checkout or login flow would send. */
export function graphqlBody(s: Screening): string {
  return JSON.stringify({ query: MUTATION[s.kind], variables: { input: s.input } });
}
