/**
 * Reviews and owner replies through My Business v4 (mybusiness.googleapis.com/v4), which the
 * googleapis package has no client for: requests go through the session's authorised
 * `request()`. Tenpo's listing id is the Business Information name `locations/{l}`; v4 wants
 * `accounts/{a}/locations/{l}`, so the account comes from the connection's settings. Google takes
 * no reports of fake reviews through any API (the manifest says `report: 'manual'`), hence no
 * `report` here.
 */
import { z } from 'zod';
import type { CallSignal, PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorReviews, PlatformRating, PlatformReply, PlatformReview, ReviewPage } from '../runtime/reviews.ts';
import type { GoogleSession, RequestOptions } from './session.ts';

/** v4 caps reviews.list and batchGetReviews pages at 50 reviews. */
const PAGE_SIZE = 50;
/** batchGetReviews takes at most 200 locationNames. */
const BATCH_SIZE = 200;
const NEWEST_FIRST = 'updateTime desc';

const STARS = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 } as const;

// RFC 3339 with up to nine fractional digits; Date keeps milliseconds, which is all Tenpo stores.
const timestamp = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

// Plain (not strict) objects: Google adds output fields over time, and an unknown field must not
// stop reviews from being read.
const reviewSchema = z.object({
  reviewId: z.string().min(1),
  reviewer: z.object({ displayName: z.string().optional(), profilePhotoUrl: z.string().optional(), isAnonymous: z.boolean().optional() }).optional(),
  starRating: z.enum(['STAR_RATING_UNSPECIFIED', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE']).optional(),
  comment: z.string().optional(),
  createTime: timestamp,
  updateTime: timestamp,
  reviewReply: z.object({ comment: z.string(), updateTime: timestamp }).optional(),
});
type V4Review = z.output<typeof reviewSchema>;

const replySchema = z.object({ comment: z.string(), updateTime: timestamp });

// proto3 JSON leaves out empty lists and zero counts, so absent means none.
const listSchema = z.object({
  reviews: z.array(reviewSchema).default([]),
  totalReviewCount: z.number().int().nonnegative().default(0),
  nextPageToken: z.string().optional(),
});

const batchSchema = z.object({
  locationReviews: z
    .array(z.object({ name: z.string().regex(/^accounts\/[^/]+\/locations\/[^/]+$/), review: reviewSchema }))
    .default([]),
  nextPageToken: z.string().optional(),
});

/**
 * A well-formed HTTP answer in a shape we do not know is PERMANENT, not TRANSIENT: Google answered,
 * so retrying gets the same answer, and TRANSIENT would count against the circuit breaker that
 * listing sync shares. The message names paths and codes only, never review content.
 */
function parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const where = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
  throw new PlatformError('PERMANENT', `Google answered ${what} in a shape Tenpo does not know; the Tenpo operator must check the Google connector.`, {
    rule: 'google.v4.responseShape',
    platformMessage: where,
  });
}

function accountOf(session: GoogleSession): string {
  const account = session.settings.account;
  if (typeof account !== 'string' || !/^accounts\/[^/]+$/.test(account)) {
    throw new PlatformError('INVALID', 'Google reviews are read through the account that manages the stores: choose that Google account (accounts/…) in the Google connection settings.', {
      rule: 'google.settings.account',
    });
  }
  return account;
}

/** `locations/{l}` → `accounts/{a}/locations/{l}`. */
function v4Location(session: GoogleSession, platformListingId: string): string {
  if (!/^locations\/[^/]+$/.test(platformListingId)) {
    throw new PlatformError('PERMANENT', `"${platformListingId.slice(0, 60)}" is not a Google listing id (locations/<id>).`, { rule: 'google.listing.name' });
  }
  return `${accountOf(session)}/${platformListingId}`;
}

function replyUrl(session: GoogleSession, target: { platformListingId: string; platformReviewId: string }): string {
  return session.v4Url(`${v4Location(session, target.platformListingId)}/reviews/${encodeURIComponent(target.platformReviewId)}/reply`);
}

// googleapis must not retry on its own: the runtime retries, within the quotas.
function request(session: GoogleSession, { signal, timeoutMs }: CallSignal, options: RequestOptions): Promise<unknown> {
  return session.request<unknown>({ ...options, signal, timeout: timeoutMs, retry: false, responseType: 'json' });
}

const TRANSLATED_FIRST = /^\(Translated by Google\)[\s\S]*?\n\n\(Original\)\n([\s\S]*)$/;
const ORIGINAL_FIRST = /^([\s\S]*?)\n\n\(Translated by Google\)\n[\s\S]*$/;

/**
 * Google hands out reviews in another language with its machine translation inlined, either
 * "(Translated by Google) … (Original) …" or "… (Translated by Google) …". Tenpo keeps what the
 * customer wrote: screening and replies must work on their words, not Google's rendering.
 */
function originalText(comment: string | undefined): string | null {
  if (comment === undefined) return null;
  const original = TRANSLATED_FIRST.exec(comment)?.[1] ?? ORIGINAL_FIRST.exec(comment)?.[1] ?? comment;
  const text = original.trim();
  return text === '' ? null : text;
}

function rating(star: V4Review['starRating']): PlatformRating | null {
  return star === undefined || star === 'STAR_RATING_UNSPECIFIED' ? null : { kind: 'STARS', stars: STARS[star] };
}

function toPlatformReview(review: V4Review, platformListingId: string): PlatformReview {
  const anonymous = review.reviewer?.isAnonymous === true;
  return {
    platformReviewId: review.reviewId,
    platformListingId,
    author: {
      // An anonymous reviewer's display name is Google's placeholder, the same for everyone:
      // as a name it would tie unrelated reviewers together in screening.
      name: anonymous ? null : (review.reviewer?.displayName ?? null),
      anonymous,
      platformAuthorId: null,
      photoUrl: anonymous ? null : (review.reviewer?.profilePhotoUrl ?? null),
    },
    rating: rating(review.starRating),
    text: originalText(review.comment),
    language: null,
    media: [],
    createdAt: review.createTime,
    updatedAt: review.updateTime,
    reply: review.reviewReply ? { text: review.reviewReply.comment, updatedAt: review.reviewReply.updateTime } : null,
    url: null,
  };
}

async function listRecent(session: GoogleSession, call: PlatformCall, req: { platformListingIds: readonly string[]; pageToken: string | null }): Promise<ReviewPage> {
  if (req.platformListingIds.length === 0) return { reviews: [], nextPageToken: null };
  if (req.platformListingIds.length > BATCH_SIZE) {
    throw new PlatformError('PERMANENT', `Tenpo asked Google for the reviews of ${req.platformListingIds.length} listings at once; Google takes at most ${BATCH_SIZE}.`, { rule: 'google.reviews.batchSize' });
  }
  const account = accountOf(session);
  const locationNames = req.platformListingIds.map((id) => v4Location(session, id));
  const data = { locationNames, pageSize: PAGE_SIZE, orderBy: NEWEST_FIRST, ...(req.pageToken ? { pageToken: req.pageToken } : {}) };
  const page = await call({ kind: 'read' }, async (signal) =>
    parse(batchSchema, await request(session, signal, { url: session.v4Url(`${account}/locations:batchGetReviews`), method: 'POST', data }), 'the batch of reviews'),
  );
  return {
    // The v4 name's `locations/{l}` part is the Business Information name Tenpo stores.
    reviews: page.locationReviews.map((item) => toPlatformReview(item.review, item.name.replace(/^accounts\/[^/]+\//, ''))),
    nextPageToken: page.nextPageToken ?? null,
  };
}

async function listAll(session: GoogleSession, call: PlatformCall, req: { platformListingId: string; pageToken: string | null }): Promise<ReviewPage & { total: number }> {
  const url = session.v4Url(`${v4Location(session, req.platformListingId)}/reviews`);
  const params = { pageSize: PAGE_SIZE, orderBy: NEWEST_FIRST, ...(req.pageToken ? { pageToken: req.pageToken } : {}) };
  const page = await call({ kind: 'read', listingKey: req.platformListingId }, async (signal) =>
    parse(listSchema, await request(session, signal, { url, method: 'GET', params }), 'the list of reviews'),
  );
  return {
    reviews: page.reviews.map((r) => toPlatformReview(r, req.platformListingId)),
    nextPageToken: page.nextPageToken ?? null,
    total: page.totalReviewCount,
  };
}

async function reply(session: GoogleSession, call: PlatformCall, req: { platformListingId: string; platformReviewId: string; text: string }): Promise<PlatformReply> {
  const url = replyUrl(session, req);
  // A PUT replaces the one reply a review has, so sending the same text again leaves one reply.
  const published = await call({ kind: 'edit', listingKey: req.platformListingId }, async (signal) =>
    parse(replySchema, await request(session, signal, { url, method: 'PUT', data: { comment: req.text } }), 'the reply'),
  );
  return { text: published.comment, updatedAt: published.updateTime };
}

async function deleteReply(session: GoogleSession, call: PlatformCall, req: { platformListingId: string; platformReviewId: string }): Promise<void> {
  const url = replyUrl(session, req);
  await call({ kind: 'edit', listingKey: req.platformListingId }, (signal) => request(session, signal, { url, method: 'DELETE' }));
}

export const googleReviews: ConnectorReviews<GoogleSession> = {
  batchSize: BATCH_SIZE,
  listRecent,
  listAll,
  reply,
  deleteReply,
};
