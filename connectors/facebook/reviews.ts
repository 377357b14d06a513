/**
 * Facebook recommendations (`GET /{page-id}/ratings`, Recommendation reference): each has
 * `created_time`, `recommendation_type` (positive/negative; it replaced the 1-5 `rating` in 2018),
 * `review_text`, `reviewer` and `open_graph_story`, the story a recommendation is published as.
 * A recommendation has no id of its own, so the story's id is the review id. The edge lists the
 * newest first (what it does; the reference does not promise an order). The owner's reply is
 * the Page's comment on that story (`POST /{story-id}/comments`, edited with `POST /{comment-id}`,
 * removed with `DELETE /{comment-id}`), written with the location Page's own token ("Parent Page
 * access tokens cannot be used to get recommendations for child Pages").
 * Meta removed recommendations from Graph API v22.0 ("will return error code 12"); they are read
 * through v21.0 (config `ratingsApiVersion`), available until 2027-01-21. Once it expires Facebook
 * answers code 12, which errors.ts turns into a PERMANENT error naming the deprecation.
 */
import { z } from 'zod';
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorReviews, PlatformRating, PlatformReply, PlatformReview, ReplyTarget, ReviewPage } from '../runtime/reviews.ts';
import { pageUrl } from './deliver.ts';
import type { GraphSession } from './session.ts';

const PAGE_SIZE = 50;
const COMMENT_FIELDS = 'id,from{id,name},message,created_time';
const RATING_FIELDS = `created_time,recommendation_type,rating,has_rating,review_text,reviewer{id,name},open_graph_story{id,comments{${COMMENT_FIELDS}}}`;

// Graph answers "2026-01-02T03:04:05+0000", which Date parses.
const time = z.string().refine((s) => !Number.isNaN(Date.parse(s))).transform((s) => new Date(s));
const commentSchema = z.object({ id: z.string(), from: z.object({ id: z.string() }).optional(), message: z.string().default(''), created_time: time });
const ratingSchema = z.object({
  created_time: time,
  recommendation_type: z.enum(['positive', 'negative']).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  review_text: z.string().optional(),
  reviewer: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  open_graph_story: z.object({ id: z.string(), comments: z.object({ data: z.array(commentSchema).default([]) }).optional() }),
});
const listSchema = z.object({
  data: z.array(ratingSchema).default([]),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});
const commentsSchema = z.object({ data: z.array(commentSchema).default([]) });

function parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const where = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
  throw new PlatformError('PERMANENT', `Facebook answered ${what} in a shape Tenpo does not know; the Tenpo operator must check the Facebook connector.`, { rule: 'facebook.ratings.responseShape', platformMessage: where });
}

type Rating = z.output<typeof ratingSchema>;
type Comment = z.output<typeof commentSchema>;

function ratingOf(r: Rating): PlatformRating | null {
  if (r.recommendation_type) return { kind: 'RECOMMENDATION', recommends: r.recommendation_type === 'positive' };
  return r.rating ? { kind: 'STARS', stars: r.rating as 1 | 2 | 3 | 4 | 5 } : null;
}

function ownComment(comments: readonly Comment[], pageId: string): Comment | undefined {
  return comments.find((c) => c.from?.id === pageId);
}

function toReview(r: Rating, pageId: string): PlatformReview {
  const reply = ownComment(r.open_graph_story.comments?.data ?? [], pageId);
  const text = r.review_text?.trim();
  return {
    platformReviewId: r.open_graph_story.id,
    platformListingId: pageId,
    // Facebook withholds the reviewer unless the app may see them; that is not anonymity.
    author: { name: r.reviewer?.name ?? null, anonymous: false, platformAuthorId: r.reviewer?.id ?? null, photoUrl: null },
    rating: ratingOf(r),
    text: text ? text : null,
    language: null,
    media: [],
    createdAt: r.created_time,
    updatedAt: r.created_time,
    reply: reply ? { text: reply.message, updatedAt: reply.created_time } : null,
    url: pageUrl(r.open_graph_story.id),
  };
}

async function ratingsPage(session: GraphSession, call: PlatformCall, pageId: string, pageToken: string | null): Promise<ReviewPage> {
  const token = await session.pageToken(call, pageId);
  const params = { fields: RATING_FIELDS, limit: PAGE_SIZE, ...(pageToken ? { after: pageToken } : {}) };
  const page = await call({ kind: 'read', listingKey: pageId }, async ({ signal }) =>
    parse(listSchema, await session.request<unknown>('GET', `/${pageId}/ratings`, params, signal, { token, version: session.ratingsApiVersion }), 'the recommendations'),
  );
  const next = page.paging?.next ? (page.paging.cursors?.after ?? null) : null;
  return { reviews: page.data.map((r) => toReview(r, pageId)), nextPageToken: next };
}

async function currentReply(session: GraphSession, call: PlatformCall, target: ReplyTarget, token: string): Promise<Comment | undefined> {
  const res = await call({ kind: 'read', listingKey: target.platformListingId }, async ({ signal }) =>
    parse(commentsSchema, await session.request<unknown>('GET', `/${target.platformReviewId}/comments`, { fields: COMMENT_FIELDS, filter: 'toplevel', limit: 100 }, signal, { token }), 'the comments'),
  );
  return ownComment(res.data, target.platformListingId);
}

async function reply(session: GraphSession, call: PlatformCall, req: ReplyTarget & { text: string }): Promise<PlatformReply> {
  const token = await session.pageToken(call, req.platformListingId);
  const existing = await currentReply(session, call, req, token);
  if (existing && existing.message === req.text) return { text: existing.message, updatedAt: existing.created_time };
  const id = existing
    ? (await call({ kind: 'edit', listingKey: req.platformListingId }, ({ signal }) => session.request<unknown>('POST', `/${existing.id}`, { message: req.text }, signal, { token })), existing.id)
    : parse(z.object({ id: z.string() }), await call({ kind: 'edit', listingKey: req.platformListingId }, ({ signal }) =>
        session.request<unknown>('POST', `/${req.platformReviewId}/comments`, { message: req.text }, signal, { token }),
      ), 'the new comment').id;
  const published = await call({ kind: 'read', listingKey: req.platformListingId }, async ({ signal }) =>
    parse(commentSchema, await session.request<unknown>('GET', `/${id}`, { fields: COMMENT_FIELDS }, signal, { token }), 'the comment'),
  );
  return { text: published.message, updatedAt: published.created_time };
}

async function deleteReply(session: GraphSession, call: PlatformCall, req: ReplyTarget): Promise<void> {
  const token = await session.pageToken(call, req.platformListingId);
  const existing = await currentReply(session, call, req, token);
  if (!existing) return;
  await call({ kind: 'edit', listingKey: req.platformListingId }, ({ signal }) => session.request<unknown>('DELETE', `/${existing.id}`, {}, signal, { token }));
}

export const facebookReviews: ConnectorReviews<GraphSession> = {
  // Each Page is read with its own token, so one call covers one Page.
  batchSize: 1,
  showsReplies: true,
  async listRecent(session, call, req) {
    const [pageId] = req.platformListingIds;
    if (pageId === undefined) return { reviews: [], nextPageToken: null };
    if (req.platformListingIds.length > 1) {
      throw new PlatformError('PERMANENT', `Tenpo asked for the recommendations of ${req.platformListingIds.length} Pages at once; Facebook reads one Page per call.`, { rule: 'facebook.reviews.batchSize' });
    }
    return ratingsPage(session, call, pageId, req.pageToken);
  },
  async listAll(session, call, req) {
    return { ...(await ratingsPage(session, call, req.platformListingId, req.pageToken)), total: null };
  },
  reply,
  deleteReply,
};
