/**
 * Reviews through the Content API: `GET /location/{locationId}/reviews` gives the five most recent
 * reviews of a location, no more (Content API overview). So Tenpo can follow new reviews but never
 * list them all: there is no `listAll`, so the runtime never takes the older ones as deleted. No Tripadvisor API takes owner responses: they are written in
 * the Management Center, so `reply` and `deleteReply` refuse with where to go instead.
 */
import { z } from 'zod';
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorReviews, PlatformReview, ReviewPage } from '../runtime/reviews.ts';
import { contentGet } from './content.ts';
import type { TripadvisorSession } from './session.ts';

/** The Content API's most per location. */
export const REVIEWS_SHOWN = 5;

const reviewSchema = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  lang: z.string().optional(),
  location_id: z.union([z.number(), z.string()]).transform(String).optional(),
  published_date: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  rating: z.number().int().min(1).max(5),
  url: z.string().optional(),
  text: z.string().optional(),
  title: z.string().optional(),
  user: z.object({ username: z.string().optional(), avatar: z.object({ thumbnail: z.string().optional() }).nullable().optional() }).optional(),
});
const pageSchema = z.object({ data: z.array(reviewSchema).default([]) });

/** The listing id is Tripadvisor's location id (digits), which the Content API is keyed by. */
function locationIdOf(platformListingId: string): string {
  if (!/^\d+$/.test(platformListingId)) {
    throw new PlatformError('PERMANENT', `"${platformListingId.slice(0, 40)}" is not a Tripadvisor location id (digits, as in the "-d123456-" part of its tripadvisor.com address); link the store to its Tripadvisor location.`, {
      rule: 'tripadvisor.listing.locationId',
    });
  }
  return platformListingId;
}

function toReview(r: z.output<typeof reviewSchema>, platformListingId: string): PlatformReview {
  const text = [r.title, r.text].filter((s): s is string => typeof s === 'string' && s.trim() !== '').join('\n\n');
  return {
    platformReviewId: r.id,
    platformListingId,
    // Tripadvisor shows a username only; it is not an id that stays when the user renames.
    author: { name: r.user?.username ?? null, anonymous: false, platformAuthorId: null, photoUrl: r.user?.avatar?.thumbnail ?? null },
    rating: { kind: 'STARS', stars: r.rating as 1 | 2 | 3 | 4 | 5 },
    text: text === '' ? null : text,
    language: r.lang ?? null,
    media: [],
    createdAt: r.published_date,
    updatedAt: r.published_date,
    reply: null,
    url: r.url ?? null,
  };
}

async function recent(session: TripadvisorSession, call: PlatformCall, platformListingId: string): Promise<PlatformReview[]> {
  const id = locationIdOf(platformListingId);
  const raw = await call({ kind: 'read', listingKey: id }, ({ signal }) =>
    contentGet(session.content, `/location/${id}/reviews`, { language: session.language, limit: String(REVIEWS_SHOWN), offset: '0' }, signal),
  );
  const parsed = pageSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError('PERMANENT', 'Tripadvisor answered the reviews in a shape Tenpo does not know; the Tenpo operator must check the Tripadvisor connector.', { rule: 'tripadvisor.reviews.responseShape' });
  }
  return parsed.data.data.map((r) => toReview(r, platformListingId)).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
}

const noReplies = () =>
  Promise.reject(
    new PlatformError('PERMANENT', 'Tripadvisor takes owner responses only in its Management Center (tripadvisor.com/Owners); no Tripadvisor API publishes or removes them.', { rule: 'tripadvisor.reply.notSupported' }),
  );

export const tripadvisorReviews: ConnectorReviews<TripadvisorSession> = {
  // The Content API reads one location per request.
  batchSize: 1,
  async listRecent(session, call, req): Promise<ReviewPage> {
    const [only, ...rest] = req.platformListingIds;
    if (rest.length > 0) throw new PlatformError('PERMANENT', 'Tenpo asked Tripadvisor for several locations at once; the Content API reads one at a time.', { rule: 'tripadvisor.reviews.batchSize' });
    if (only === undefined || req.pageToken !== null) return { reviews: [], nextPageToken: null };
    return { reviews: await recent(session, call, only), nextPageToken: null };
  },
  reply: noReplies,
  deleteReply: noReplies,
};
