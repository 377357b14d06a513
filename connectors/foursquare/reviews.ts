/**
 * Foursquare tips as reviews. `GET /places/{fsq_place_id}/tips` (place-tips) returns up to 50
 * tips, newest first with `sort=NEWEST`; a tip is text with no rating, and neither the author nor
 * an owner reply is part of the Places API answer. There is no endpoint to reply to a tip, so the
 * manifest leaves `reviewReply` off and the runtime never asks; a direct call is refused plainly.
 */
import type { PlatformCall } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { ConnectorReviews, PlatformReview, ReviewPage } from '../runtime/reviews.ts';
import { asString, isObject } from './keys.ts';
import { publicUrlOf } from './place.ts';
import { resolvePlaceId } from './readBack.ts';
import type { FoursquareSession } from './session.ts';

export const TIPS_MAX = 50;

function tipOf(listingId: string, placeId: string, raw: unknown): PlatformReview | null {
  if (!isObject(raw)) return null;
  const id = asString(raw.id);
  const at = asString(raw.created_at);
  const created = at ? new Date(at) : null;
  if (!id || !created || Number.isNaN(created.getTime())) return null;
  return {
    platformReviewId: id,
    platformListingId: listingId,
    author: { name: null, anonymous: true, platformAuthorId: null, photoUrl: null },
    rating: null,
    text: asString(raw.text) ?? null,
    language: asString(raw.lang) ?? null,
    media: [],
    createdAt: created,
    // Tips are not edited after posting; their creation is their last change.
    updatedAt: created,
    reply: null,
    url: publicUrlOf(placeId),
  };
}

async function tips(session: FoursquareSession, call: PlatformCall, listingId: string): Promise<PlatformReview[]> {
  let placeId: string;
  try {
    placeId = await resolvePlaceId(session, call, listingId);
  } catch (err) {
    // A place still under review has no tips yet.
    if (err instanceof PlatformError && err.kind === 'PENDING') return [];
    throw err;
  }
  const res = await call({ kind: 'read', listingKey: placeId }, ({ signal }) =>
    session.request<unknown>('GET', `/places/${encodeURIComponent(placeId)}/tips`, { limit: TIPS_MAX, sort: 'NEWEST', fields: 'id,created_at,text,lang' }, signal),
  );
  const list = Array.isArray(res) ? res : [];
  return list.map((t) => tipOf(listingId, placeId, t)).filter((t): t is PlatformReview => t !== null);
}

function noReplies(): never {
  throw new PlatformError('PERMANENT', 'Foursquare has no owner replies to tips; answer on Foursquare itself.', { rule: 'foursquare.reply.unsupported' });
}

export const foursquareReviews: ConnectorReviews<FoursquareSession> = {
  batchSize: 10,
  async listRecent(session, call, { platformListingIds }): Promise<ReviewPage> {
    const all: PlatformReview[] = [];
    for (const id of platformListingIds) all.push(...(await tips(session, call, id)));
    return { reviews: all.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()), nextPageToken: null };
  },
  async listAll(session, call, { platformListingId }) {
    const reviews = await tips(session, call, platformListingId);
    // The API pages no further than its 50 newest tips and gives no total.
    return { reviews, nextPageToken: null, total: null };
  },
  reply: async () => noReplies(),
  deleteReply: async () => noReplies(),
};
