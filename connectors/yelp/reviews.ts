/**
 * Reviews through Yelp's business reviews endpoint (`GET /v3/businesses/{id}/reviews`, Tenpo's
 * API key) and public replies through Respond to Reviews (`POST partner-api.yelp.com/reviews/v1/
 * {review_id}` with `response_type: public_comment`, the owner's OAuth token). Yelp's rules for a
 * reply are checked before sending: at most 5,000 characters, no emoji; its limit of 20 replies per
 * location per day is Yelp's to count (R2R_COMMENT_QUOTA_EXCEEDED, errors.ts). Respond to Reviews
 * has no call that removes a reply, and the reviews endpoint does not return owner replies.
 */
import { z } from 'zod';
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorReviews, PlatformReply, PlatformReview, ReviewPage } from '../runtime/reviews.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { businessIdOf } from './readBack.ts';
import type { YelpSession } from './session.ts';

export const REPLY_MAX_CHARS = 5000;
/** The reviews endpoint's largest page. */
const PAGE_SIZE = 50;

const reviewSchema = z.object({
  id: z.string().min(1),
  url: z.string().optional(),
  text: z.string().optional(),
  rating: z.number().int().min(1).max(5),
  time_created: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  user: z.object({ id: z.string().optional(), profile_url: z.string().optional(), image_url: z.string().nullable().optional(), name: z.string().optional() }).optional(),
});
const pageSchema = z.object({ reviews: z.array(reviewSchema).default([]), total: z.number().int().nonnegative().optional() });
type YelpReview = z.output<typeof reviewSchema>;

/** Emoji, flags and keycaps: Yelp refuses them in replies ("Emojis are not currently supported"). */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

const pacific = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Yelp gives review times as "YYYY-MM-DD HH:MM:SS" in Pacific time, without an offset. */
export function fromPacific(text: string): Date {
  const asUtc = Date.parse(`${text.replace(' ', 'T')}Z`);
  // The offset at that instant (PST or PDT), found by formatting the UTC guess in Pacific time.
  const parts = Object.fromEntries(pacific.formatToParts(new Date(asUtc)).map((p) => [p.type, p.value]));
  const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  const offset = shown - asUtc;
  return new Date(asUtc - offset);
}

function toPlatformReview(r: YelpReview, platformListingId: string): PlatformReview {
  const at = fromPacific(r.time_created);
  return {
    platformReviewId: r.id,
    platformListingId,
    author: { name: r.user?.name ?? null, anonymous: false, platformAuthorId: r.user?.id ?? null, photoUrl: r.user?.image_url ?? null },
    rating: { kind: 'STARS', stars: r.rating as 1 | 2 | 3 | 4 | 5 },
    text: r.text && r.text.trim() !== '' ? r.text : null,
    language: null,
    media: [],
    createdAt: at,
    // Yelp shows no edit time; a customer's update replaces the review and its time.
    updatedAt: at,
    reply: null,
    url: r.url ?? null,
  };
}

function offsetOf(pageToken: string | null): number {
  if (pageToken === null) return 0;
  const n = Number(pageToken);
  if (!Number.isInteger(n) || n < 0) throw new PlatformError('PERMANENT', `"${pageToken.slice(0, 20)}" is not a Yelp reviews page token.`, { rule: 'yelp.reviews.pageToken' });
  return n;
}

async function page(session: YelpSession, call: PlatformCall, platformListingId: string, pageToken: string | null): Promise<ReviewPage & { total: number | null }> {
  const id = await businessIdOf(session, call, platformListingId);
  // A business Yelp has not created yet has no reviews.
  if (id === null) return { reviews: [], nextPageToken: null, total: 0 };
  const offset = offsetOf(pageToken);
  const path = `/v3/businesses/${encodeURIComponent(id)}/reviews?limit=${PAGE_SIZE}&offset=${offset}&sort_by=newest`;
  const raw = await call({ kind: 'read', listingKey: id }, ({ signal }) => session.places('reviews', path, signal));
  const parsed = pageSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError('PERMANENT', 'Yelp answered the reviews in a shape Tenpo does not know; the Tenpo operator must check the Yelp connector.', { rule: 'yelp.reviews.responseShape' });
  }
  const { reviews, total } = parsed.data;
  const seen = offset + reviews.length;
  // Plans that show only a few reviews stop early; a short list must not read as deleted reviews.
  if (total !== undefined && reviews.length < PAGE_SIZE && seen < total) {
    throw new PlatformError('PERMANENT', `Yelp shows Tenpo only ${seen} of this business's ${total} reviews; the Yelp API plan must include full review access for Tenpo to read them all.`, {
      rule: 'yelp.reviews.truncated',
    });
  }
  const more = reviews.length === PAGE_SIZE && (total === undefined || seen < total);
  return { reviews: reviews.map((r) => toPlatformReview(r, platformListingId)), nextPageToken: more ? String(seen) : null, total: total ?? null };
}

/** Refuses what Yelp refuses, before anything is sent. */
export function replyProblem(text: string): PlatformError | null {
  if (text.trim() === '') return new PlatformError('INVALID', 'The reply is empty; write a reply first.', { rule: 'yelp.reply.empty', field: null });
  const length = codePointLength(text);
  if (length > REPLY_MAX_CHARS) {
    return new PlatformError('INVALID', `Yelp takes replies of at most ${REPLY_MAX_CHARS} characters (this one has ${length}); shorten it.`, { rule: 'yelp.reply.maxLength', field: null });
  }
  if (EMOJI.test(text)) return new PlatformError('INVALID', 'Yelp does not take emoji in replies; remove them and send the reply again.', { rule: 'yelp.reply.emoji', field: null });
  return null;
}

async function reply(session: YelpSession, call: PlatformCall, req: { platformListingId: string; platformReviewId: string; text: string }): Promise<PlatformReply> {
  const problem = replyProblem(req.text);
  if (problem) throw problem;
  const id = await businessIdOf(session, call, req.platformListingId);
  const path = `/reviews/v1/${encodeURIComponent(req.platformReviewId)}`;
  await call({ kind: 'edit', ...(id ? { listingKey: id } : {}) }, ({ signal }) => session.owner('r2r', 'POST', path, signal, { response_text: req.text, response_type: 'public_comment' }));
  return { text: req.text, updatedAt: new Date(session.now()) };
}

function deleteReply(): Promise<void> {
  return Promise.reject(
    new PlatformError('PERMANENT', "Yelp's Respond to Reviews API can publish a reply but has no way to remove one; the business owner removes it on biz.yelp.com.", {
      rule: 'yelp.reply.deleteNotSupported',
    }),
  );
}

export const yelpReviews: ConnectorReviews<YelpSession> = {
  // One business per request: Yelp's reviews endpoint reads one business at a time.
  batchSize: 1,
  // Yelp's reviews come without the owner's public comment: the reply Tenpo published stands.
  showsReplies: false,
  async listRecent(session, call, req) {
    const [only, ...rest] = req.platformListingIds;
    if (rest.length > 0) throw new PlatformError('PERMANENT', 'Tenpo asked Yelp for the reviews of several businesses at once; Yelp reads one at a time.', { rule: 'yelp.reviews.batchSize' });
    if (only === undefined) return { reviews: [], nextPageToken: null };
    const { reviews, nextPageToken } = await page(session, call, only, req.pageToken);
    return { reviews, nextPageToken };
  },
  listAll: (session, call, req) => page(session, call, req.platformListingId, req.pageToken),
  reply,
  deleteReply,
};
