import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { PlatformReview } from '../../connectors/runtime/reviews.ts';
import type { Db } from '../db/database.ts';
import type { ReplyState } from '../db/reviewsSchema.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson, sha256 } from '../lib/canonicalJson.ts';
import type { ReviewEvent } from './events.ts';
import { guessLanguage } from './language.ts';

/** The listing a pulled review belongs to, by the platform's listing id. */
export interface ListingRef {
  listingId: string;
  locationId: string;
  storeCode: string;
}

export interface UpsertScope {
  orgId: string;
  platform: string;
  connectionId: string;
  listings: ReadonlyMap<string, ListingRef>;
  /** False where the platform never returns owner replies with reviews (Yelp): what Tenpo published stands. */
  showsReplies: boolean;
}

/** A review whose content is new to Tenpo: the fraud engine screens it once it is stored. */
export interface ToScreen {
  reviewId: string;
  contentHash: string;
  review: PlatformReview;
  language: string | null;
  listing: ListingRef;
}

export interface UpsertResult {
  events: ReviewEvent[];
  toScreen: ToScreen[];
  /** Platform review ids of the page, for the sweep that notices deletions. */
  seen: string[];
}

/** What the review says, without the reply: a change here is screened again. */
function contentHashOf(r: PlatformReview): string {
  return sha256(canonicalJson({ author: r.author, rating: r.rating, text: r.text, media: r.media, language: r.language }));
}

interface Existing {
  id: string;
  platform_review_id: string;
  content_hash: string;
  platform_reply_text: string | null;
  deleted_at: Date | null;
  fraud_verdict: string | null;
  rating_stars: number | null;
  rating_recommends: boolean | null;
  reply_state: ReplyState | null;
}

/**
 * Upserts one page of pulled reviews in one transaction, keyed by the platform's review id, so
 * reading a page twice (an overlapping bookmark, a pull retried after its worker died) writes
 * nothing the second time. A reply seen on the platform is recorded as PUBLISHED unless a reply
 * of ours is on its way; a reply gone from the platform is gone here too.
 */
export async function upsertReviews(db: Db, scope: UpsertScope, reviews: readonly PlatformReview[]): Promise<UpsertResult> {
  const events: ReviewEvent[] = [];
  const toScreen: ToScreen[] = [];
  const known = reviews.filter((r) => scope.listings.has(r.platformListingId));
  if (known.length === 0) return { events, toScreen, seen: [] };
  await db.transaction().execute(async (trx) => {
    const existing = new Map(
      (
        await trx
          .selectFrom('reviews as r')
          .leftJoin('review_replies as rr', 'rr.review_id', 'r.id')
          .select(['r.id', 'r.platform_review_id', 'r.content_hash', 'r.platform_reply_text', 'r.deleted_at', 'r.fraud_verdict', 'r.rating_stars', 'r.rating_recommends', 'rr.state as reply_state'])
          .where('r.org_id', '=', scope.orgId)
          .where('r.platform', '=', scope.platform)
          .where('r.platform_review_id', 'in', known.map((r) => r.platformReviewId))
          .forUpdate('r')
          .execute()
      ).map((row): [string, Existing] => [row.platform_review_id, row]),
    );
    for (const review of known) {
      const listing = scope.listings.get(review.platformListingId)!;
      const contentHash = contentHashOf(review);
      const before = existing.get(review.platformReviewId);
      const replyText = review.reply?.text ?? null;
      const contentChanged = !before || before.content_hash !== contentHash || before.deleted_at !== null;
      const replyChanged = scope.showsReplies && before !== undefined && before.platform_reply_text !== replyText;
      const unscreened = before !== undefined && before.fraud_verdict === null;
      if (!contentChanged && !replyChanged && !unscreened) continue;
      const language = review.language ?? guessLanguage(review.text);
      const row = {
        listing_id: listing.listingId,
        connection_id: scope.connectionId,
        location_id: listing.locationId,
        author_name: review.author.name,
        author_anonymous: review.author.anonymous,
        author_platform_id: review.author.platformAuthorId,
        author_photo_url: review.author.photoUrl,
        rating_stars: review.rating?.kind === 'STARS' ? review.rating.stars : null,
        rating_recommends: review.rating?.kind === 'RECOMMENDATION' ? review.rating.recommends : null,
        text: review.text,
        language,
        media: JSON.stringify(review.media),
        url: review.url,
        created_at: review.createdAt,
        updated_at: review.updatedAt,
        deleted_at: null,
        content_hash: contentHash,
        ...(scope.showsReplies ? { platform_reply_text: replyText, platform_reply_at: review.reply?.updatedAt ?? null } : {}),
      };
      let id: string;
      if (before) {
        id = before.id;
        await trx
          .updateTable('reviews')
          .set({ ...row, ...(scope.showsReplies ? { answered_at: (eb) => (replyText === null ? eb.val(null) : eb.fn.coalesce('answered_at', eb.val(review.reply!.updatedAt))) } : {}) })
          .where('id', '=', id)
          .execute();
      } else {
        const inserted = await trx
          .insertInto('reviews')
          .values({ id: randomUUID(), org_id: scope.orgId, platform: scope.platform, platform_review_id: review.platformReviewId, answered_at: review.reply?.updatedAt ?? null, ...row })
          // A pull running beside this one (a manual pull during a scheduled one) stored it first.
          .onConflict((oc) => oc.columns(['org_id', 'platform', 'platform_review_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) continue;
        id = inserted.id;
      }
      if (scope.showsReplies && (before === undefined || replyChanged)) await recordPlatformReply(trx, scope.orgId, id, review, before?.reply_state ?? null);
      if (contentChanged) events.push({ kind: before && before.deleted_at === null ? 'REVIEW_UPDATED' : 'REVIEW_ADDED', reviewId: id, locationId: listing.locationId });
      else if (replyChanged) events.push({ kind: 'REPLY_CHANGED', reviewId: id, locationId: listing.locationId });
      if (contentChanged || unscreened) toScreen.push({ reviewId: id, contentHash, review, language, listing });
    }
  });
  return { events, toScreen, seen: known.map((r) => r.platformReviewId) };
}

/** Replies still travelling from Tenpo to the platform: what a pull sees is not theirs yet. */
const IN_FLIGHT: readonly ReplyState[] = ['DRAFT', 'PENDING_APPROVAL', 'SENDING', 'FAILED', 'DELETING'];

async function recordPlatformReply(trx: Transaction<Database>, orgId: string, reviewId: string, review: PlatformReview, state: ReplyState | null): Promise<void> {
  if (state !== null && IN_FLIGHT.includes(state)) return;
  if (!review.reply) {
    await trx.deleteFrom('review_replies').where('review_id', '=', reviewId).execute();
    return;
  }
  const reply = { text: review.reply.text, state: 'PUBLISHED' as const, published_at: review.reply.updatedAt, updated_at: new Date() };
  if (state === null) {
    await trx.insertInto('review_replies').values({ review_id: reviewId, org_id: orgId, author_id: null, ...reply }).execute();
  } else {
    // Edited on the platform itself: the platform's words are the reply now.
    await trx.updateTable('review_replies').set((eb) => ({ ...reply, version: eb('version', '+', 1) })).where('review_id', '=', reviewId).execute();
  }
}
