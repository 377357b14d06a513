/**
 * Cost of a MinHash signature for near-duplicate review text (src/fraud/text), against naive ways
 * of computing the same number of hashes, measured in the same run on the same reviews.
 *
 *   node --import tsx bench/text.ts [--reviews 200] [--length 400] [--rounds 15]
 *
 * Inputs: `reviews` distinct Japanese reviews of exactly `length` characters (raw text, as a
 * reviewer counts them; punctuation and spaces go in normalization), built from a phrase bank with
 * a seeded generator, so every run sees the same text.
 *
 * Timed, each as the median over rounds of µs per signature (every round covers every review, and
 * the cases take turns within a round, so load from other processes falls on all of them alike):
 * - textSignature(text): the screening path, text → normalized → 64 hashes per 3-gram, no
 *   intermediate strings;
 * - minhashSignature(shingles(text)): the same through the two public steps;
 * - minhashSignature(set): the signature alone, from shingle sets built beforehand.
 * Baselines over the same shingle sets, 64 hashes per shingle each:
 * - "64 seeded FNV-1a": the naive way, each shingle string hashed 64 times with FNV-1a from 64
 *   different offset bases;
 * - "64 independent (a*x+b) mod p": the textbook universal family with 64 unrelated (a, b), one
 *   modular multiplication per hash (mulAddMod), i.e. without the arithmetic progression.
 * And per pair of reviews: estimateJaccard on two signatures against exact Jaccard on the two
 * shingle sets (what a signature saves each time a candidate is compared).
 * Absolute µs depend on the machine and on what else shares its cores; the ratios are what to
 * compare between runs. The aim: textSignature well under 100 µs for a 400-character review.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { estimateJaccard, exactJaccard, fnv1a32, minhashSignature, mulAddMod, PRIME, textSignature } from '../src/fraud/text/minhash.ts';
import { normalizeReviewText, shingles } from '../src/fraud/text/shingles.ts';
import { seededRandom } from './random.ts';

const { values: args } = parseArgs({
  options: {
    reviews: { type: 'string', default: '200' },
    length: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '15' },
  },
});
const REVIEWS = Number(args.reviews);
const LENGTH = Number(args.length);
const ROUNDS = Number(args.rounds);
const NUM_HASHES = 64;
const AIM_US = 100;


const PHRASES = [
  '駅から徒歩五分ほどの場所にある小さなお店です。',
  'ランチで伺いましたが、日替わり定食のボリュームが多く、味付けも優しくて満足しました。',
  '店内は清潔で落ち着いた雰囲気、スタッフの方々もとても感じが良かったです。',
  '次回は夜のコース料理を予約して家族で訪れたいと思います。',
  '駐車場が少ないのが残念ですが、近くにコインパーキングがあります。',
  'お会計はカードも電子マネーも使えて便利でした。',
  'デザートの抹茶プリンが絶品で、持ち帰り用も購入しました。',
  '週末は混雑するので早めの来店がおすすめです。',
  '価格も手頃でコスパは抜群だと思います。',
  '子連れでも気兼ねなく過ごせる座敷席があるのも嬉しいポイントでした。',
  '季節限定のメニューも毎回楽しみにしています。',
  '店主さんの人柄も素敵で、地元の方に長く愛されている理由がよく分かりました。',
  'レジの待ち時間が長く、店員さんも少なくて不便でした。',
  '薬の相談に乗ってもらえて助かりました。',
  'カットが上手で、初めてでも希望通りの髪型になりました！',
  '野菜が新鮮で、夕方のタイムセールがお得でした😊',
  'ホテルの部屋は清潔で広く、窓からの夜景がとても綺麗でした。',
  'Wi-Fiも電源もあるので、作業にも使えます。',
  '焼き鳥の種類が豊富で、塩もタレもどれを食べても外れなし。',
  '靴のサイズを丁寧に測ってくれて、足に合う一足が見つかりました。',
];

/**
 * Review i: the phrases in a seeded order (each at most once per pass, so a review repeats itself
 * no more than a real one does), numbered so no two reviews are equal, cut to `length` characters.
 */
function review(i: number): string {
  const rng = seededRandom(0x7e17 + i);
  let text = `${i}件目の口コミです。`;
  while (text.length < LENGTH) {
    const order = PHRASES.map((phrase) => ({ phrase, key: rng() })).sort((a, b) => a.key - b.key);
    for (const { phrase } of order) text += phrase;
  }
  return text.slice(0, LENGTH);
}

// Baseline 1: 64 seeded FNV-1a per shingle.
const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => (0x811c9dc5 ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0);
function seededFnvSignature(set: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < NUM_HASHES; i++) {
      let h = SEEDS[i]!;
      for (let c = 0; c < shingle.length; c++) {
        h ^= shingle.charCodeAt(c);
        h = Math.imul(h, 0x01000193);
      }
      h >>>= 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

// Baseline 2: 64 independent (a, b), one modular multiplication per hash.
const rng = seededRandom(12345);
const A = Int32Array.from({ length: NUM_HASHES }, () => 1 + Math.floor(rng() * (PRIME - 1)));
const B = Int32Array.from({ length: NUM_HASHES }, () => Math.floor(rng() * PRIME));
function independentSignature(set: Iterable<string>): Uint32Array {
  const sig = new Int32Array(NUM_HASHES).fill(0x7fffffff);
  for (const shingle of set) {
    const h = fnv1a32(shingle);
    let x = (h & 0x7fffffff) + (h >>> 31);
    if (x >= 0x7fffffff) x -= 0x7fffffff;
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = mulAddMod(A[i]!, x, B[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return new Uint32Array(sig.buffer);
}

// Results go into a sink so the JIT cannot drop the calls as dead code.
let sink = 0;

interface Case {
  run(): void;
  calls: number;
  us: number[];
}

/** A timed case: one pass calls fn once per item. */
function timed<T>(items: readonly T[], fn: (item: T) => Uint32Array | number): Case {
  return {
    calls: items.length,
    us: [],
    run() {
      for (const item of items) {
        const r = fn(item);
        sink += typeof r === 'number' ? r : r[0]!;
      }
    },
  };
}

/**
 * Runs the cases round-robin, one pass of each per round, so a burst of load from another process
 * lands on all of them alike, and keeps µs per call of every pass; the median is reported.
 */
function measureAll(cases: Case[]): void {
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const start = performance.now();
      c.run();
      c.us.push(((performance.now() - start) * 1000) / c.calls);
    }
  }
}
const median = (c: Case) => [...c.us].sort((a, b) => a - b)[Math.floor(c.us.length / 2)]!;

const texts = Array.from({ length: REVIEWS }, (_, i) => review(i));
if (new Set(texts).size !== texts.length) throw new Error('reviews are not distinct');
const sets = texts.map((text) => shingles(text));
const pairs = texts.map((_, i) => [i, (i + 1) % texts.length] as const);
const signatures = texts.map((text) => textSignature(text));

// The fast path must be the composition of the public steps, or the comparison means nothing.
texts.forEach((text, i) => {
  const expected = minhashSignature(sets[i]!);
  if (!textSignature(text).every((v, j) => v === expected[j])) throw new Error(`textSignature differs from minhashSignature(shingles()) for review ${i}`);
});

// Warm-up: enough calls for the optimizing compiler to settle before anything is timed.
for (let i = 0; i < 3; i++) {
  for (const text of texts) textSignature(text);
  for (const set of sets) {
    minhashSignature(set);
    seededFnvSignature(set);
    independentSignature(set);
  }
  for (const [a, b] of pairs) sink += exactJaccard(sets[a]!, sets[b]!) + estimateJaccard(signatures[a]!, signatures[b]!);
}

const cases = {
  naive: timed(sets, seededFnvSignature),
  textbook: timed(sets, independentSignature),
  fromSet: timed(sets, (set) => minhashSignature(set)),
  composed: timed(texts, (text) => minhashSignature(shingles(text))),
  endToEnd: timed(texts, (text) => textSignature(text)),
  exactPair: timed(pairs, ([a, b]) => exactJaccard(sets[a]!, sets[b]!)),
  estimatePair: timed(pairs, ([a, b]) => estimateJaccard(signatures[a]!, signatures[b]!)),
};
measureAll(Object.values(cases));
const naive = median(cases.naive);
const textbook = median(cases.textbook);
const fromSet = median(cases.fromSet);
const composed = median(cases.composed);
const endToEnd = median(cases.endToEnd);
const exactPair = median(cases.exactPair);
const estimatePair = median(cases.estimatePair);

const meanOf = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const normalized = meanOf(texts.map((text) => normalizeReviewText(text).length));
const shingleCount = meanOf(sets.map((set) => set.size));
const fmt = (us: number) => us.toFixed(2).padStart(8);
const perSecond = (us: number) => Math.round(1e6 / us).toLocaleString('en-US').padStart(9);
const pad = (text: string) => text.padEnd(44);

console.log(
  `MinHash signatures, ${NUM_HASHES} hashes, k = 3: ${REVIEWS} reviews of ${LENGTH} characters ` +
    `(${normalized.toFixed(0)} after normalization, ${shingleCount.toFixed(0)} shingles), median of ${ROUNDS} rounds (node ${process.version})`,
);
console.log(`  ${pad('baseline: 64 seeded FNV-1a per shingle')}${fmt(naive)} µs/sig ${perSecond(naive)} sig/s`);
console.log(`  ${pad('baseline: 64 independent (a*x+b) mod p')}${fmt(textbook)} µs/sig ${perSecond(textbook)} sig/s`);
console.log(`  ${pad('minhashSignature(shingle set)')}${fmt(fromSet)} µs/sig ${perSecond(fromSet)} sig/s   ${(naive / fromSet).toFixed(1)}× the FNV baseline, ${(textbook / fromSet).toFixed(1)}× the independent (a, b)`);
console.log(`  ${pad('minhashSignature(shingles(text))')}${fmt(composed)} µs/sig ${perSecond(composed)} sig/s`);
console.log(`  ${pad('textSignature(text), the screening path')}${fmt(endToEnd)} µs/sig ${perSecond(endToEnd)} sig/s   ${(naive / endToEnd).toFixed(1)}× the FNV baseline, text included`);
console.log(`  ${pad('per pair: exact Jaccard of shingle sets')}${fmt(exactPair)} µs/pair`);
console.log(`  ${pad('per pair: estimateJaccard of signatures')}${fmt(estimatePair)} µs/pair   ${(exactPair / estimatePair).toFixed(1)}× faster`);
console.log(`  aim: textSignature < ${AIM_US} µs for a ${LENGTH}-character review: ${endToEnd < AIM_US ? 'met' : 'MISSED'} (${((endToEnd / AIM_US) * 100).toFixed(0)} % of it)`);
if (sink === -1) console.log(sink);
