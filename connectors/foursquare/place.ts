/**
 * Reading places: place details in the projection's shape, and the suggestion a Tenpo listing
 * stands for until Foursquare creates its place. A new place is a suggestion first
 * (places-suggest-place answers `new_place_suggestion.id`); `GET /places/suggest/status` later
 * names the place made from it (`created_fsq_place_id`, or `matched_fsq_place_id` when Foursquare
 * merged it into an existing one). Such a listing is kept as "suggestion:<id>".
 */
import type { CallKind, JsonValue, PlatformCall, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { locationFromFoursquare, normalizeText } from './address.ts';
import { canonicalHours } from './hours.ts';
import { asString, isObject } from './keys.ts';
import type { JsonObject } from './keys.ts';
import { canonicalTel } from './phones.ts';
import type { FoursquareSession } from './session.ts';

export const SUGGESTION_PREFIX = 'suggestion:';

/** The place details fields the projection is made of. */
export const DETAIL_FIELDS = 'fsq_place_id,name,location,latitude,longitude,tel,website,categories,hours,description,social_media,date_closed';

export function publicUrlOf(placeId: string): string {
  return `https://foursquare.com/v/${encodeURIComponent(placeId)}`;
}

export async function getPlace(session: FoursquareSession, call: PlatformCall, placeId: string, kind: CallKind = 'read'): Promise<JsonObject> {
  const place = await call({ kind, listingKey: placeId }, ({ signal }) =>
    session.request<unknown>('GET', `/places/${encodeURIComponent(placeId)}`, { fields: DETAIL_FIELDS }, signal),
  );
  if (!isObject(place)) throw new PlatformError('PERMANENT', 'Foursquare answered place details without a place.', { rule: 'foursquare.details.shape' });
  return place;
}

export interface Suggestion {
  id: string;
  status: string;
  placeId: string | null;
}

export async function getSuggestion(session: FoursquareSession, call: PlatformCall, id: string): Promise<Suggestion> {
  const res = await call({ kind: 'read' }, ({ signal }) =>
    session.request<unknown>('GET', '/places/suggest/status', { suggested_edit_ids: id }, signal),
  );
  const edits = isObject(res) && Array.isArray(res.suggested_edits) ? res.suggested_edits : [];
  const item = edits.find((e) => isObject(e) && e.id === id);
  if (!isObject(item)) {
    throw new PlatformError('NOT_FOUND', 'Foursquare no longer knows the suggestion that was to create this place.', { rule: 'foursquare.suggestion.gone' });
  }
  return { id, status: asString(item.status) ?? 'pending', placeId: asString(item.created_fsq_place_id) ?? asString(item.matched_fsq_place_id) ?? null };
}

// Documented only as "pending" (place-flag example); the settled names are inferred.
const ACCEPTED = new Set(['accepted', 'applied', 'approved', 'completed']);
const REJECTED = new Set(['rejected', 'declined', 'rolled_back']);

export const isAccepted = (status: string): boolean => ACCEPTED.has(status.toLowerCase());
export const isRejected = (status: string): boolean => REJECTED.has(status.toLowerCase());

/** Place details as the projection holds them; keys Foursquare shows nothing for are absent. */
export function projectionFromPlace(place: JsonObject): Projection {
  const country = isObject(place.location) ? (asString(place.location.country) ?? '') : '';
  const out: Record<string, JsonValue> = {};
  const name = asString(place.name);
  if (name) out.name = normalizeText(name);
  const location = locationFromFoursquare(place.location);
  if (location) out.location = location;
  if (typeof place.latitude === 'number' && typeof place.longitude === 'number') out.latlng = { latitude: place.latitude, longitude: place.longitude };
  const tel = asString(place.tel);
  if (tel) out.tel = canonicalTel(tel, country);
  const website = asString(place.website);
  if (website) out.website = website;
  const ids = (Array.isArray(place.categories) ? place.categories : []).flatMap((c) => (isObject(c) && asString(c.fsq_category_id) ? [c.fsq_category_id as string] : []));
  // Place details lists the primary category first.
  if (ids.length > 0) out.categories = ids.length > 1 ? { primary: ids[0] as string, additional: [...new Set(ids.slice(1))].sort() } : { primary: ids[0] as string };
  const hours = canonicalHours(place.hours);
  if (hours) out.hours = hours;
  const description = asString(place.description);
  if (description) out.description = description.trim();
  const social: JsonObject = {};
  if (isObject(place.social_media)) {
    const instagram = asString(place.social_media.instagram);
    const twitter = asString(place.social_media.twitter);
    if (instagram) social.instagram = instagram;
    if (twitter) social.twitter = twitter;
  }
  if (Object.keys(social).length > 0) out.social = social;
  if (asString(place.date_closed)) out.closed = true;
  return out;
}
