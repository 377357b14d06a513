/**
 * MinHash signatures and LSH band keys for near-duplicate review text.
 *
 * A signature is numHashes minima: for hash function g_i, the smallest g_i(x) over the text's
 * shingles x (shingles.ts). Two texts agree in slot i with probability equal to the Jaccard
 * similarity J of their shingle sets, so the share of equal slots estimates J (standard error
 * sqrt(J(1 - J) / numHashes): at most 0.0625 with 64 hashes).
 *
 * Hashing, all in integer arithmetic (no BigInt, no floating-point modulo):
 * - each shingle once through FNV-1a 32 over its UTF-16 code units, folded into the field of
 *   p = 2^31 - 1 (a Mersenne prime: reducing modulo p is a mask, a shift and an add): x;
 * - h_i(x) = (A_i * x + B_i) mod p, the Carter–Wegman universal family; the 62-bit product is
 *   assembled from 16-bit halves with Math.imul and folded modulo p (mulAddMod);
 * - slot i keeps the minimum of g_i(x) = h_i(x) XOR m_i, a fixed 31-bit mask per slot (see below).
 * The coefficients are fixed and seeded (splitmix32 from COEFFICIENT_SEED) and lie on an
 * arithmetic progression: A_i = a + i*da, B_i = b + i*db (mod p), A_i != 0 checked for every
 * i < MAX_NUM_HASHES. Then h_i(x) = u + i*w (mod p) with u = (a*x + b) mod p, w = (da*x + db) mod p:
 * a shingle costs two modular multiplications and then one modular addition per hash, instead of
 * one modular multiplication per hash. That is what keeps a 400-character review well under
 * 0.1 ms (bench/text.ts measures both ways: with 64 independent (A_i, B_i) the multiplications
 * alone take 90 µs or more on the 2-core CI machine, the progression ~35 µs).
 * Why the masks: each h_i is a member of the family, and for one shingle any two slots,
 * (u + i*w, u + j*w), are as independent as u and w (the map is a bijection of Z_p^2), so the
 * estimator's variance is that of independent hashes; but which of two shingles is smaller in
 * slot i follows a rotation on the torus as i grows, so slots are correlated beyond pairs and the
 * error has heavy tails on short texts (measured over 20,000 random pairs at 64 hashes: worst
 * error 0.43 to 0.51, against 0.21 for independent SHA-256 hashes). XOR with a fixed mask is a
 * bijection of [0, 2^31), so each g_i still orders the shingles by a fixed pseudo-random
 * permutation, but the order now depends on bits the progression does not carry from one slot to
 * the next; the tails come back to those of independent hashes (worst error 0.19 to 0.21, the
 * same share beyond 0.15). The property test in test/fraud/text/minhash.test.ts checks the error.
 * Hash i never depends on numHashes, so a 64-hash signature is the prefix of a 128-hash one.
 * Signatures are stored (encodeSignature) and their band keys indexed in Redis: changing the seed,
 * the generator, the string hash, p, the progression, the masks or the normalization in
 * shingles.ts changes every signature. The pinned signature in the tests fails when that happens;
 * a change like that needs a re-index of what is stored. (Normalization uses Node's Unicode data:
 * a Node upgrade with a newer Unicode version can change the signature of text that contains
 * characters assigned in that version, which reviews almost never do.)
 */
import { checkShingleSize, DEFAULT_SHINGLE_SIZE, normalizeReviewText } from './shingles.ts';

/** p = 2^31 - 1, the modulus of the universal hash family. Every hash value is < p. */
export const PRIME = 0x7fffffff;
/**
 * A slot no shingle has lowered: the signature of the empty set has only these. Slot values are
 * 31-bit (a hash below p XOR a 31-bit mask), so this is the largest; a shingle can land on it in
 * one slot with probability 2^-31, in all of them practically never (isEmptySignature checks all).
 */
export const EMPTY_SLOT = 0x7fffffff;
export const DEFAULT_NUM_HASHES = 64;
export const DEFAULT_BANDS = 16;
export const MAX_NUM_HASHES = 4096;
/** Seed of the coefficients. Changing it changes every stored signature and band key. */
export const COEFFICIENT_SEED = 0x54656e70; // "Tenp"

/** FNV-1a, 32 bits, over UTF-16 code units (unsigned result). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** x mod p for an unsigned 32-bit x: 2^31 ≡ 1 (mod p). */
function reduce32(x: number): number {
  const r = (x & 0x7fffffff) + (x >>> 31);
  return r >= 0x7fffffff ? r - 0x7fffffff : r;
}

/**
 * (a * x + b) mod p for 0 <= a, x, b < p, without a 62-bit product. With a = aHi*2^16 + aLo and
 * x = xHi*2^16 + xLo (aHi, xHi < 2^15; aLo, xLo < 2^16):
 *   a * x = hi*2^32 + mid*2^16 + lo,  hi = aHi*xHi < 2^30,  mid = aHi*xLo + aLo*xHi < 2^32,  lo = aLo*xLo < 2^32
 * Each partial product is below 2^32, so Math.imul gives it exactly (>>> 0 for lo, which can pass 2^31).
 * Modulo p: 2^31 ≡ 1, so 2^32 ≡ 2, mid*2^16 ≡ (mid >>> 15) + ((mid & 0x7fff) << 16), lo ≡ (lo & p) + (lo >>> 31).
 * The folded sum is an integer below 2^34 (exact in a double); one more fold and a conditional
 * subtraction bring it into [0, p). Checked against BigInt in the tests.
 */
export function mulAddMod(a: number, x: number, b: number): number {
  const aHi = a >>> 16;
  const aLo = a & 0xffff;
  const xHi = x >>> 16;
  const xLo = x & 0xffff;
  const lo = Math.imul(aLo, xLo) >>> 0;
  const mid = Math.imul(aHi, xLo) + Math.imul(aLo, xHi);
  const s = 2 * Math.imul(aHi, xHi) + (mid >>> 15) + ((mid & 0x7fff) << 16) + (lo & 0x7fffffff) + (lo >>> 31) + b;
  const r = (s & 0x7fffffff) + ((s / 0x80000000) | 0); // s mod 2^31 (ToInt32 is exact modulo 2^32) + floor(s / 2^31) < 8
  return r >= 0x7fffffff ? r - 0x7fffffff : r;
}

// ---------------------------------------------------------------------------------------------
// Coefficients: A_i = a + i*da, B_i = b + i*db (mod p), masks m_i.

interface Coefficients {
  a: number;
  b: number;
  da: number;
  db: number;
  /** m_i, 31-bit: slot i stores ((A_i * x + B_i) mod p) XOR m_i. */
  masks: Int32Array;
}

function seededCoefficients(seed: number): Coefficients {
  let state = seed | 0;
  // splitmix32
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  // Uniform on [lo, p - 1] by rejection (no modulo bias).
  const draw = (lo: number): number => {
    for (;;) {
      const v = next() >>> 1;
      if (v >= lo && v < PRIME) return v;
    }
  };
  for (;;) {
    const a = draw(1);
    const b = draw(0);
    const da = draw(1);
    const db = draw(0);
    // Every A_i must be non-zero, or h_i would map every shingle to B_i.
    let ai = a;
    let ok = true;
    for (let i = 0; i < MAX_NUM_HASHES && ok; i++) {
      ok = ai !== 0;
      ai += da;
      if (ai >= PRIME) ai -= PRIME;
    }
    if (!ok) continue;
    const masks = new Int32Array(MAX_NUM_HASHES);
    for (let i = 0; i < MAX_NUM_HASHES; i++) masks[i] = next() >>> 1;
    return { a, b, da, db, masks };
  }
}

const COEFFICIENTS = seededCoefficients(COEFFICIENT_SEED);

/**
 * The coefficients of hash i, for tests and documentation: slot i of a signature is the minimum
 * over the shingles x of ((a * x + b) mod p) XOR mask, x being fnv1a32(shingle) reduced modulo p.
 */
export function hashCoefficients(i: number): { a: number; b: number; mask: number } {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_NUM_HASHES) throw new RangeError(`hash index must be in [0, ${MAX_NUM_HASHES}), got ${i}`);
  const { a, b, da, db, masks } = COEFFICIENTS;
  return { a: mulAddMod(da, i, a), b: mulAddMod(db, i, b), mask: masks[i]! };
}

/**
 * Lowers the slots of sig (Int32Array of length n, untouched slots = EMPTY_SLOT) with the hashes
 * of one shingle whose string hash is h (unsigned 32-bit). The hot loop, all int32: per hash an
 * add, a branch-free wrap modulo p, an XOR and a compare. Two interleaved chains (even and odd
 * slots, each stepping by 2w) halve the dependency chain: ~1.1 ns per hash, against ~1.7 for one
 * chain with a branch on the wrap, which the CPU cannot predict.
 */
function lowerSlots(sig: Int32Array, n: number, h: number, a: number, b: number, da: number, db: number, masks: Int32Array): void {
  const x = reduce32(h);
  const w = mulAddMod(da, x, db) | 0; // h_{i+1}(x) = h_i(x) + w (mod p)
  let even = mulAddMod(a, x, b) | 0; // h_0(x); `| 0` keeps the loop in int32 (every value fits)
  let odd = even + w; // h_1(x)
  if (odd >= 0x7fffffff) odd -= 0x7fffffff;
  let twice = w + w;
  if (twice >= 0x7fffffff) twice -= 0x7fffffff;
  const step = (twice - 0x7fffffff) | 0; // 2w - p, in (-p, 0]: adding it, then p when negative, adds 2w mod p
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const e = even ^ masks[i]!;
    const o = odd ^ masks[i + 1]!;
    if (e < sig[i]!) sig[i] = e;
    if (o < sig[i + 1]!) sig[i + 1] = o;
    even = (even + step) | 0;
    even = (even + ((even >> 31) & 0x7fffffff)) | 0;
    odd = (odd + step) | 0;
    odd = (odd + ((odd >> 31) & 0x7fffffff)) | 0;
  }
  if (i < n) {
    // Odd n: the last slot is h_{n-1}, where the even chain is now.
    const e = even ^ masks[i]!;
    if (e < sig[i]!) sig[i] = e;
  }
}

function checkNumHashes(numHashes: number): void {
  if (!Number.isInteger(numHashes) || numHashes < 1 || numHashes > MAX_NUM_HASHES) {
    throw new RangeError(`numHashes must be an integer in [1, ${MAX_NUM_HASHES}], got ${numHashes}`);
  }
}

/** An Int32Array seen as the Uint32Array the API returns (same bytes; every value is a non-negative 31-bit number). */
const asUnsigned = (sig: Int32Array): Uint32Array => new Uint32Array(sig.buffer, sig.byteOffset, sig.length);

/**
 * The MinHash signature of a set of shingles: numHashes 31-bit values. Duplicates in the
 * iterable change nothing (a minimum is a minimum). No shingles at all give a signature of
 * EMPTY_SLOT values, which estimateJaccard and lshBands treat as "no text" (see there).
 */
export function minhashSignature(shingles: Iterable<string>, numHashes: number = DEFAULT_NUM_HASHES): Uint32Array {
  checkNumHashes(numHashes);
  const { a, b, da, db, masks } = COEFFICIENTS;
  const sig = new Int32Array(numHashes).fill(EMPTY_SLOT);
  for (const shingle of shingles) lowerSlots(sig, numHashes, fnv1a32(shingle), a, b, da, db, masks);
  return asUnsigned(sig);
}

/** FNV-1a 32 of s's code units [start, end): fnv1a32(s.slice(start, end)) without the slice. */
function fnv1a32Range(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * minhashSignature(shingles(text, k), numHashes), computed without building the shingle strings
 * or the Set: each k-character window of the normalized text is hashed in place. The same result
 * (tested), about a third faster end to end; this is what screening a review should call.
 */
export function textSignature(text: string, k: number = DEFAULT_SHINGLE_SIZE, numHashes: number = DEFAULT_NUM_HASHES): Uint32Array {
  return normalizedTextSignature(normalizeReviewText(text), k, numHashes);
}

/** textSignature of text already through normalizeReviewText, for a caller that needed it anyway. */
export function normalizedTextSignature(s: string, k: number = DEFAULT_SHINGLE_SIZE, numHashes: number = DEFAULT_NUM_HASHES): Uint32Array {
  checkShingleSize(k);
  checkNumHashes(numHashes);
  const { a, b, da, db, masks } = COEFFICIENTS;
  const sig = new Int32Array(numHashes).fill(EMPTY_SLOT);
  const length = s.length;
  if (length === 0) return asUnsigned(sig);
  let hasSurrogates = false;
  for (let i = 0; i < length && !hasSurrogates; i++) hasSurrogates = (s.charCodeAt(i) & 0xf800) === 0xd800;
  if (!hasSurrogates) {
    if (length <= k) lowerSlots(sig, numHashes, fnv1a32(s), a, b, da, db, masks);
    else for (let i = 0, last = length - k; i <= last; i++) lowerSlots(sig, numHashes, fnv1a32Range(s, i, i + k), a, b, da, db, masks);
    return asUnsigned(sig);
  }
  // Windows of k code points: starts[j] is where code point j begins (normalized text has no lone surrogates).
  const starts: number[] = [];
  for (let i = 0; i < length; i++) {
    starts.push(i);
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800) i++;
  }
  if (starts.length <= k) lowerSlots(sig, numHashes, fnv1a32(s), a, b, da, db, masks);
  else {
    for (let j = 0, last = starts.length - k; j <= last; j++) {
      lowerSlots(sig, numHashes, fnv1a32Range(s, starts[j]!, j + k < starts.length ? starts[j + k]! : length), a, b, da, db, masks);
    }
  }
  return asUnsigned(sig);
}

/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets (1 for two empty sets). For tests, benchmarks and audits. */
export function exactJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** True for the signature of an empty shingle set (every slot untouched). */
export function isEmptySignature(sig: Uint32Array): boolean {
  for (let i = 0; i < sig.length; i++) if (sig[i] !== EMPTY_SLOT) return false;
  return true;
}

/**
 * The share of slots where the two signatures agree: an unbiased estimate of the Jaccard
 * similarity of the two shingle sets. 0 when either text had no shingles (two empty reviews
 * are not evidence of copying). Signatures of different lengths are a programming error.
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError(`signature lengths differ: ${a.length} and ${b.length}`);
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

// ---------------------------------------------------------------------------------------------
// LSH banding.

/**
 * The Jaccard similarity at which a pair becomes a candidate with probability about 1/2 under
 * `bands` bands of `rows` rows: t ≈ (1/b)^(1/r). For the defaults (64 hashes, 16 bands of 4 rows)
 * t ≈ (1/16)^(1/4) = 0.5.
 */
export function lshThreshold(bands: number, rows: number): number {
  return Math.pow(1 / bands, 1 / rows);
}

/**
 * Probability that two texts of Jaccard similarity s share at least one band key:
 * 1 - (1 - s^r)^b, the S-curve. With 16 bands of 4 rows:
 *   s = 0.1 → 0.16 %, 0.2 → 2.5 %, 0.3 → 12 %, 0.4 → 34 %, 0.5 → 64 %, 0.6 → 89 %, 0.7 → 98.8 %, 0.8 → 99.98 %.
 */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

/** murmur3's 32-bit body and finalizer over `count` 32-bit words of sig from `start`. */
function murmurWords(sig: Uint32Array, start: number, count: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < start + count; i++) {
    let k = Math.imul(sig[i]!, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= count * 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/**
 * LSH band keys "<band>:<16 hex digits>" (e.g. "3:9f0c2a1be4d07731"), one per band of
 * rows = signature.length / bands consecutive slots. Two texts are candidates when they share a
 * key: store each review's keys (e.g. one Redis set per key, members = review ids) and look a new
 * review's keys up. The S-curve of candidate probability against true Jaccard similarity is
 * 1 - (1 - s^r)^b with its threshold at ≈ (1/b)^(1/r): 0.5 for the defaults, see
 * candidateProbability. A candidate is then confirmed with estimateJaccard on the stored signatures.
 *
 * The rows of a band are hashed to 64 bits (two murmur3 passes with different seeds), so two
 * different bands colliding by chance is ~2^-64 per pair: negligible next to the LSH's own false
 * candidates. The band index is part of the key, so equal rows in different bands never meet.
 * An empty signature (no text) gives no keys: empty reviews never become each other's candidates.
 */
export function lshBands(signature: Uint32Array, bands: number = DEFAULT_BANDS): string[] {
  if (!Number.isInteger(bands) || bands < 1 || signature.length % bands !== 0) {
    throw new RangeError(`bands (${bands}) must be a positive integer dividing the signature length (${signature.length})`);
  }
  if (isEmptySignature(signature)) return [];
  const rows = signature.length / bands;
  const keys = new Array<string>(bands);
  for (let band = 0; band < bands; band++) {
    const start = band * rows;
    keys[band] = `${band}:${hex8(murmurWords(signature, start, rows, 0x9747b28c))}${hex8(murmurWords(signature, start, rows, 0x2d358dcc))}`;
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Storage.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Base64 of the signature's bytes, each slot little-endian (the same on every host). 64 hashes → 344 characters. */
export function encodeSignature(sig: Uint32Array): string {
  const bytes = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) bytes.writeUInt32LE(sig[i]!, i * 4);
  return bytes.toString('base64');
}

/** Inverse of encodeSignature; throws on anything that is not canonical base64 of a whole number of 32-bit slots. */
export function decodeSignature(encoded: string): Uint32Array {
  if (encoded.length === 0 || !BASE64.test(encoded)) throw new TypeError('signature is not base64');
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length % 4 !== 0) throw new TypeError(`signature has ${bytes.length} bytes, not a multiple of 4`);
  const sig = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = bytes.readUInt32LE(i * 4);
  return sig;
}
