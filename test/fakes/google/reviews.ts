/**
 * Reviews, from the v4 My Business API (mybusiness.googleapis.com/v4), which the googleapis npm
 * package has no client for: callers go through the authorized client's `request()`.
 * - GET    /v4/accounts/{a}/locations/{l}/reviews?pageSize(≤50)&pageToken&orderBy
 *          → { reviews, averageRating, totalReviewCount, nextPageToken }
 * - GET    /v4/accounts/{a}/locations/{l}/reviews/{r} → Review
 * - PUT    /v4/accounts/{a}/locations/{l}/reviews/{r}/reply { comment ≤ 4096 bytes } → ReviewReply
 * - DELETE /v4/accounts/{a}/locations/{l}/reviews/{r}/reply → {}
 * - POST   /v4/accounts/{a}/locations:batchGetReviews { locationNames (≤200), pageSize, pageToken,
 *          orderBy, ignoreRatingOnlyReviews } → { locationReviews: [{ name, review }], nextPageToken }
 */
import { badParameter, invalidArgument, notFound } from './errors.ts';
import { clone } from './fieldMask.ts';
import { bodyObject, ok, pageSizeOf, paginate, proto3, unknownFieldsError } from './routing.ts';
import type { HandlerContext, Route } from './routing.ts';
import { STAR_VALUE } from './state.ts';
import type { Review } from './state.ts';

export const REPLY_MAX_BYTES = 4096;
const PAGE = { dflt: 50, max: 50 };
const BATCH_MAX_LOCATIONS = 200;
const ORDERS = ['updateTime desc', 'rating', 'rating desc'] as const;

/** The normalized order (part of a page token's scope) and its comparator. */
function sorter(raw: unknown): { order: string; compare: (a: Review, b: Review) => number } {
  const order = raw === undefined || raw === '' ? 'updateTime desc' : String(raw).trim().replace(/\s+/g, ' ');
  if (!(ORDERS as readonly string[]).includes(order)) {
    throw badParameter('orderBy', `Invalid orderBy "${String(raw)}": use one of ${ORDERS.join(', ')}.`);
  }
  const byTime = (a: Review, b: Review) => (a.updateTime < b.updateTime ? 1 : a.updateTime > b.updateTime ? -1 : 0);
  if (order === 'updateTime desc') return { order, compare: byTime };
  const sign = order === 'rating' ? 1 : -1;
  return { order, compare: (a, b) => sign * (STAR_VALUE[a.starRating] - STAR_VALUE[b.starRating]) || byTime(a, b) };
}

/** `accounts/{a}/locations/{l}` must exist and belong to that account; returns `locations/{l}`. */
function locationIn(ctx: HandlerContext, accountId: string, locationId: string): string {
  const name = `locations/${locationId}`;
  if (!ctx.state.hasLocation(name) || ctx.state.accountOf(name) !== `accounts/${accountId}`) throw notFound();
  return name;
}

function reviewRef(ctx: HandlerContext, [a, l, r]: string[]): Review {
  const review = ctx.state.reviewRef(locationIn(ctx, a as string, l as string), r as string);
  if (!review) throw notFound();
  return review;
}

function listReviews(ctx: HandlerContext, [a, l]: string[]) {
  const location = locationIn(ctx, a as string, l as string);
  const { query } = ctx.req;
  const size = pageSizeOf(query.pageSize, PAGE.dflt, PAGE.max);
  const { order, compare } = sorter(query.orderBy);
  const all = ctx.state.reviews(location).sort(compare);
  const { page, nextPageToken } = paginate(all, size, query.pageToken, `reviews:${location}:${order}`);
  const average = all.length === 0 ? 0 : all.reduce((s, r) => s + STAR_VALUE[r.starRating], 0) / all.length;
  return ok(
    proto3({
      reviews: page,
      averageRating: Math.round(average * 10) / 10,
      totalReviewCount: all.length,
      nextPageToken,
    }),
  );
}

function getReview(ctx: HandlerContext, params: string[]) {
  return ok(clone(reviewRef(ctx, params)));
}

function updateReply(ctx: HandlerContext, params: string[]) {
  const review = reviewRef(ctx, params);
  const body = bodyObject(ctx.req.body, 'review_reply');
  const unknown = Object.keys(body).filter((k) => k !== 'comment' && k !== 'updateTime');
  if (unknown.length > 0) unknownFieldsError(unknown, 'review_reply');
  const comment = body.comment;
  if (typeof comment !== 'string' || comment.trim() === '') {
    throw invalidArgument([{ field: 'comment', description: 'The reply comment is required.', code: 'MISSING_VALUE' }]);
  }
  const bytes = Buffer.byteLength(comment, 'utf8');
  if (bytes > REPLY_MAX_BYTES) {
    throw invalidArgument([
      { field: 'comment', description: `The reply is ${bytes} bytes; the maximum length is ${REPLY_MAX_BYTES} bytes.`, code: 'INVALID_VALUE' },
    ]);
  }
  review.reviewReply = { comment, updateTime: ctx.clock.isoNow() };
  return ok(clone(review.reviewReply));
}

function deleteReply(ctx: HandlerContext, params: string[]) {
  delete reviewRef(ctx, params).reviewReply;
  return ok({});
}

function batchGetReviews(ctx: HandlerContext, [a]: string[]) {
  if (!ctx.state.account(`accounts/${a}`)) throw notFound();
  const body = bodyObject(ctx.req.body, 'batch_get_reviews_request');
  const known = ['locationNames', 'pageSize', 'pageToken', 'orderBy', 'ignoreRatingOnlyReviews'];
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0) unknownFieldsError(unknown, 'batch_get_reviews_request');
  const names = body.locationNames;
  if (!Array.isArray(names) || names.length === 0) throw badParameter('locationNames', 'locationNames is required.');
  if (names.length > BATCH_MAX_LOCATIONS) throw badParameter('locationNames', `At most ${BATCH_MAX_LOCATIONS} locationNames per call.`);
  const size = pageSizeOf(body.pageSize, PAGE.dflt, PAGE.max);
  const { order, compare } = sorter(body.orderBy);
  const items: { name: string; review: Review }[] = [];
  for (const v4Name of names) {
    const m = new RegExp(`^accounts/${a}/locations/([^/]+)$`).exec(String(v4Name));
    if (!m) throw badParameter('locationNames', `Not a location of accounts/${a}: ${String(v4Name)}`);
    const location = locationIn(ctx, a as string, m[1] as string);
    for (const review of ctx.state.reviews(location)) {
      if (body.ignoreRatingOnlyReviews === true && !review.comment) continue;
      items.push({ name: String(v4Name), review });
    }
  }
  items.sort((x, y) => compare(x.review, y.review));
  const { page, nextPageToken } = paginate(items, size, body.pageToken, `batch:${a}:${names.join(',')}:${order}:${body.ignoreRatingOnlyReviews === true}`);
  return ok(proto3({ locationReviews: page, nextPageToken }));
}

const SEG = '([^/:]+)';
const REVIEW = `^/v4/accounts/${SEG}/locations/${SEG}/reviews/${SEG}`;

export const reviewRoutes: Route[] = [
  { method: 'GET', pattern: new RegExp(`^/v4/accounts/${SEG}/locations/${SEG}/reviews$`), handler: listReviews },
  { method: 'GET', pattern: new RegExp(`${REVIEW}$`), handler: getReview },
  { method: 'PUT', pattern: new RegExp(`${REVIEW}/reply$`), handler: updateReply },
  { method: 'DELETE', pattern: new RegExp(`${REVIEW}/reply$`), handler: deleteReply },
  { method: 'POST', pattern: new RegExp(`^/v4/accounts/${SEG}/locations:batchGetReviews$`), handler: batchGetReviews },
];
