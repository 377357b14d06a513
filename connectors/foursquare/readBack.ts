/**
 * What Foursquare shows for a listing, keyed like project(), and `verify`. Foursquare does not
 * expose which values its community or its own pipelines changed, so `platformEdits` is empty and
 * any difference shows as drift. A listing that is still a suggestion reads as the place made from
 * it once there is one, and names the place so the listing is linked to it without waiting for
 * the next write; before that there is nothing to read yet, which is a transient state.
 */
import type { PlatformCall, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { getPlace, getSuggestion, isRejected, projectionFromPlace, publicUrlOf, SUGGESTION_PREFIX } from './place.ts';
import type { FoursquareSession } from './session.ts';

/** The place a listing id stands for: itself, or the place made from its suggestion. */
export async function resolvePlaceId(session: FoursquareSession, call: PlatformCall, listingId: string): Promise<string> {
  if (!listingId.startsWith(SUGGESTION_PREFIX)) return listingId;
  const s = await getSuggestion(session, call, listingId.slice(SUGGESTION_PREFIX.length));
  if (s.placeId) return s.placeId;
  if (isRejected(s.status)) throw new PlatformError('NOT_FOUND', 'Foursquare declined to create this place.', { rule: 'foursquare.suggestion.rejected' });
  throw new PlatformError('PENDING', 'Foursquare is still reviewing the new place; it can be read once Foursquare has created it.', { rule: 'foursquare.suggestion.pending', retryAfterMs: 3_600_000 });
}

export async function readBack(session: FoursquareSession, call: PlatformCall, listingId: string): Promise<ReadBackResult> {
  const placeId = await resolvePlaceId(session, call, listingId);
  const place = await getPlace(session, call, placeId);
  return { current: projectionFromPlace(place), platformEdits: {}, publicUrl: publicUrlOf(placeId), ...(placeId !== listingId ? { listingId: placeId } : {}) };
}

/**
 * Proves the key is a working Service Account key: the suggestion status endpoint accepts only
 * those, and lists nothing else. Foursquare has no account resource, so the account is the one
 * the connection names, or "service-account".
 */
export async function verify(session: FoursquareSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  await call({ kind: 'read' }, ({ signal }) => session.request<unknown>('GET', '/places/suggest/status', { limit: 1 }, signal));
  const name = account ?? 'service-account';
  return { externalAccount: name, displayName: `Foursquare Service Account (${name})` };
}
