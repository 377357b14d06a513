import type { Db } from '../db/database.ts';
import type { FraudEngine } from '../fraud/engine.ts';
import { screen } from '../fraud/screen.ts';
import type { Logger } from '../log.ts';
import type { ToScreen } from './upsert.ts';

/**
 * Screens pulled reviews with the shared fraud engine, exactly as `screenReview` screens a
 * merchant's own (DESIGN.md data flow 5), and keeps the verdict on the review for the inbox.
 * The decision's id carries a hash of the content, so an edited review is screened again while
 * a re-read of the same content answers with the first decision.
 */
export async function screenPulledReviews(fraud: FraudEngine, db: Db, log: Logger, orgId: string, platform: string, items: readonly ToScreen[]): Promise<void> {
  for (const item of items) {
    const { review } = item;
    const stars = review.rating?.kind === 'STARS' ? review.rating.stars : review.rating?.kind === 'RECOMMENDATION' ? (review.rating.recommends ? 5 : 1) : null;
    // A review with no rating at all says nothing the review rules can weigh.
    if (stars === null) continue;
    const reviewerKey = review.author.platformAuthorId ?? review.author.photoUrl ?? undefined;
    const result = await screen(fraud, orgId, {
      kind: 'REVIEW',
      input: {
        reviewId: `${platform}:${review.platformReviewId}:${item.contentHash.slice(0, 12)}`,
        locationKey: item.listing.storeCode,
        rating: stars,
        text: (review.text ?? '').slice(0, 10_000),
        ...(item.language ? { language: item.language } : {}),
        reviewer: { ...(reviewerKey ? { id: `${platform}:${reviewerKey}`.slice(0, 200) } : {}), ...(review.author.name ? { name: review.author.name.slice(0, 200) } : {}) },
        createdAt: review.createdAt,
        context: {},
      },
    }).catch((err: unknown) => {
      // Redis away: the review is kept unscreened and the next pull that reads it screens it.
      log.warn({ err, reviewId: item.reviewId }, 'could not screen a pulled review');
      return null;
    });
    if (!result) continue;
    if (!result.ok) {
      // MODULE_DISABLED: the organisation does not screen reviews; nothing to record.
      if (result.errors.some((e) => e.code !== 'MODULE_DISABLED')) log.warn({ errors: result.errors, reviewId: item.reviewId }, 'review screening refused its input');
      continue;
    }
    await db
      .updateTable('reviews')
      .set({ fraud_decision_id: result.value.id, fraud_verdict: result.value.verdict, fraud_score: result.value.score })
      .where('id', '=', item.reviewId)
      .execute();
  }
}
