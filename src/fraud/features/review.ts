import { decodeSignature, encodeSignature, estimateJaccard, lshBands, normalizedTextSignature } from '../text/minhash.ts';
import { normalizeReviewText } from '../text/shingles.ts';
import type { FeatureGroup } from './context.ts';
import { DAY } from './plan.ts';

const MONTH = 30 * DAY;
const WEEK = 7 * DAY;
// Ratings and volume of a store need some history before a deviation or a burst means anything.
const MIN_REVIEWS_FOR_MEAN = 10;
// Recent reviews kept per LSH bucket: enough to catch a ring posting the same text, bounded so a
// common short phrase ("美味しかった") cannot make a bucket grow without end.
const BUCKET_CAP = 50;
// Shorter texts share character shingles by chance; they are not compared.
const MIN_TEXT_FOR_DUPLICATES = 20;

/**
 * Review features: bursts and rating outliers per store, near-duplicate text across reviewers
 * (MinHash over character shingles, which needs no word segmentation for Japanese), the
 * reviewer's own volume, and devices and IPs shared between reviewers.
 */
export const reviewFeatures: FeatureGroup = (ctx) => {
  if (ctx.screening.kind !== 'REVIEW') return () => ({});
  const review = ctx.screening.input;
  const { plan, identities, event } = ctx;
  const store = encodeURIComponent(review.locationKey);
  const burst = plan.window(plan.key('v', 'REVIEW', 'STORE', store), event, [DAY, MONTH]);
  const rating = plan.stats(plan.key('s', 'REVIEW', 'STORE', store, 'rating'), review.rating, 365 * DAY);

  // Who wrote it: the platform's reviewer id, else their email, else their display name.
  const reviewer = identities.entity('reviewer') ?? identities.entity('reviewer.email') ?? identities.entity('reviewer.name');
  const reviewerVolume = reviewer ? plan.window(plan.key('v', 'REVIEW', 'REVIEWER', reviewer.hash), event, [DAY]) : null;
  const reviewerStores = reviewer ? plan.window(plan.key('g', 'REVIEWER', reviewer.hash, 'STORE'), store, [WEEK]) : null;
  const device = identities.entities.find((e) => e.kind === 'DEVICE');
  const ip = identities.entities.find((e) => e.kind === 'IP');
  const deviceReviewers = device && reviewer ? plan.window(plan.key('g', 'DEVICE', device.hash, 'REVIEWER'), reviewer.hash, [MONTH]) : null;
  const ipReviewers = ip && reviewer ? plan.window(plan.key('g', 'IP', ip.hash, 'REVIEWER'), reviewer.hash, [DAY]) : null;

  const text = normalizeReviewText(review.text);
  const signature = text.length >= MIN_TEXT_FOR_DUPLICATES ? normalizedTextSignature(text) : null;
  const author = reviewer?.hash ?? '';
  const similar = signature
    ? plan.bands(
        lshBands(signature).map((band) => plan.key('lsh', band)),
        plan.key('lsh', 'signatures'),
        event,
        `${author}|${encodeSignature(signature)}`,
        BUCKET_CAP,
        MONTH,
      )
    : null;

  return () => {
    const counts = burst().counts;
    const day = counts[0] ?? 0;
    const month = counts[1] ?? 0;
    // The usual day excludes today's reviews, so a burst does not dilute its own baseline.
    const usualPerDay = Math.max(1, (month - day) / 29);
    const stats = rating();
    let duplicate = 0;
    for (const neighbour of similar?.().neighbours ?? []) {
      const bar = neighbour.indexOf('|');
      // One reviewer editing or re-posting their own review is not a ring.
      if (author !== '' && neighbour.slice(0, bar) === author) continue;
      duplicate = Math.max(duplicate, estimateJaccard(signature!, decodeSignature(neighbour.slice(bar + 1))));
    }
    return {
      'review.rating': review.rating,
      'review.rating_deviation': stats.n >= MIN_REVIEWS_FOR_MEAN ? Math.round(Math.abs(review.rating - stats.mean) * 100) / 100 : 0,
      'review.location_burst.24h': day,
      'review.location_burst_ratio': Math.round((day / usualPerDay) * 100) / 100,
      'review.duplicate_similarity': Math.round(duplicate * 100) / 100,
      'review.text_length': [...review.text].length,
      'review.reviewer.24h': reviewerVolume?.().counts[0] ?? 0,
      'review.reviewer.stores.7d': reviewerStores?.().counts[0] ?? 0,
      'graph.device.reviewers.30d': deviceReviewers?.().counts[0] ?? 0,
      'graph.ip.reviewers.24h': ipReviewers?.().counts[0] ?? 0,
    };
  };
};
