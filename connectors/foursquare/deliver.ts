/**
 * Writes a projection to Foursquare through the Places suggest endpoints:
 * - a new listing: `POST /places/suggest/place` (parameters in the query string). Foursquare
 *   answers either `matched_fsq_place` (it already has this place: the rest goes to it as an
 *   edit) or `new_place_suggestion` (a place is made after review: the listing is
 *   "suggestion:<id>" until then). The API has no idempotency key and no lookup by store code,
 *   so a retried create relies on Foursquare's own matching of the same name and address.
 * - a known place: `POST /places/{id}/suggest/edit` with only the changed parameters; removed
 *   values go in `unset_fields`, removed categories in `remove_fsq_category_ids`.
 * - a permanent closure: `POST /places/{id}/suggest/remove?reason=closed` (`not_closed` undoes it).
 * Before the first write the same request goes once with `dry_run=true`, which Foursquare checks
 * but does not submit. A suggestion is live only when its status says so: IN_SYNC then, else SUBMITTED.
 */
import type { DeliverRequest, DeliverResult, JsonValue, PlatformCall, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { asString, isObject, isProjectionKey } from './keys.ts';
import type { ProjectionKey } from './keys.ts';
import { getPlace, getSuggestion, isAccepted, isRejected, publicUrlOf, SUGGESTION_PREFIX } from './place.ts';
import type { FoursquareSession, Query } from './session.ts';

type Params = Record<string, string | number | boolean>;

/** Documented `unset_fields` values, by projection key (location clears its street line). */
const UNSET: Partial<Record<ProjectionKey, string>> = { location: 'address', tel: 'tel', website: 'website', hours: 'hours', description: 'description' };

function categoriesOf(value: JsonValue | undefined): { primary: string; additional: string[] } | null {
  if (!isObject(value) || typeof value.primary !== 'string') return null;
  const additional = Array.isArray(value.additional) ? value.additional.filter((x): x is string => typeof x === 'string') : [];
  return { primary: value.primary, additional };
}

/** Parameters of a new place (places-suggest-place): description is not among them. */
function createParams(p: Projection): Params {
  const out: Params = {};
  if (typeof p.name === 'string') out.name = p.name;
  if (isObject(p.location)) for (const [k, v] of Object.entries(p.location)) if (typeof v === 'string') out[k] = v;
  if (isObject(p.latlng)) Object.assign(out, { latitude: Number(p.latlng.latitude), longitude: Number(p.latlng.longitude) });
  for (const k of ['tel', 'website', 'hours'] as const) if (typeof p[k] === 'string') out[k] = p[k] as string;
  const cats = categoriesOf(p.categories);
  if (cats) out.categories = [cats.primary, ...cats.additional].join(',');
  if (isObject(p.social)) for (const [k, v] of Object.entries(p.social)) if (typeof v === 'string') out[k] = v;
  return out;
}

function suggestionsOf(res: unknown): { statuses: string[]; errors: string[] } {
  const edits = isObject(res) && Array.isArray(res.suggested_edits) ? res.suggested_edits : [];
  const errors = isObject(res) && Array.isArray(res.errors) ? res.errors.filter((e): e is string => typeof e === 'string') : [];
  return { statuses: edits.map((e) => (isObject(e) ? (asString(e.status) ?? 'pending') : 'pending')), errors };
}

/** Foursquare answers 200 with `errors` when it refuses part of a suggestion. */
function refuse(errors: string[]): never {
  throw new PlatformError('INVALID', `Foursquare refused the suggestion: ${errors.join('; ').slice(0, 500)}. Correct the store's data in Tenpo and publish again.`, { rule: 'foursquare.suggestion.errors', platformMessage: errors.join('; ') });
}

async function post(session: FoursquareSession, call: PlatformCall, path: string, params: Params, req: DeliverRequest, listingKey?: string): Promise<unknown> {
  if (req.firstWrite) {
    const dry = await call({ kind: 'read', listingKey }, ({ signal }) => session.request<unknown>('POST', path, { ...params, dry_run: true } as Query, signal));
    const { errors } = suggestionsOf(dry);
    if (errors.length > 0) refuse(errors);
  }
  const res = await call({ kind: listingKey ? 'edit' : 'create', listingKey }, ({ signal }) => session.request<unknown>('POST', path, { ...params, dry_run: false } as Query, signal));
  const { statuses, errors } = suggestionsOf(res);
  if (errors.length > 0) refuse(errors);
  if (statuses.some(isRejected)) {
    throw new PlatformError('INVALID', 'Foursquare rejected the suggested change; check the store\'s data against what Foursquare shows and publish again.', { rule: 'foursquare.suggestion.rejected' });
  }
  return res;
}

async function edit(session: FoursquareSession, call: PlatformCall, placeId: string, keys: readonly string[], req: DeliverRequest): Promise<DeliverResult> {
  const p = req.projection;
  const params: Params = {};
  const unset: string[] = [];
  for (const key of keys) {
    if (!isProjectionKey(key)) throw new PlatformError('PERMANENT', `Tenpo asked Foursquare to update "${key}", which is not a Foursquare field it writes.`, { rule: 'foursquare.key.unknown' });
    const value = p[key];
    if (key === 'closed') continue;
    if (value === undefined) {
      const u = UNSET[key];
      if (u) unset.push(u);
      // An X handle can be unset; Foursquare documents no way to remove an Instagram handle or a pin.
      if (key === 'social') unset.push('twitter');
      continue;
    }
    if (key === 'name' && typeof value === 'string') params.name = value;
    else if (key === 'location') Object.assign(params, createParams({ location: value }));
    else if (key === 'social') {
      Object.assign(params, createParams({ social: value }));
      if (isObject(value) && value.twitter === undefined) unset.push('twitter');
    }
    else if (key === 'latlng') Object.assign(params, createParams({ latlng: value }));
    else if (key === 'categories') Object.assign(params, await categoryParams(session, call, placeId, value));
    else if (typeof value === 'string') params[key] = value;
  }
  if (unset.length > 0) params.unset_fields = [...new Set(unset)].join(',');
  const statuses: string[] = [];
  const base = `/places/${encodeURIComponent(placeId)}/suggest`;
  if (Object.keys(params).length > 0) statuses.push(...suggestionsOf(await post(session, call, `${base}/edit`, params, req, placeId)).statuses);
  if (keys.includes('closed')) {
    const reason = p.closed === true ? 'closed' : 'not_closed';
    statuses.push(...suggestionsOf(await post(session, call, `${base}/remove`, { reason }, req, placeId)).statuses);
  }
  if (statuses.length === 0) {
    // Nothing to send: the place must still exist for the listing to count as delivered.
    await getPlace(session, call, placeId);
    return { platformListingId: placeId, publicUrl: publicUrlOf(placeId), status: 'IN_SYNC' };
  }
  return { platformListingId: placeId, publicUrl: publicUrlOf(placeId), status: statuses.every(isAccepted) ? 'IN_SYNC' : 'SUBMITTED' };
}

/** Primary, added and removed categories: what to remove is what the place has beyond the wanted set. */
async function categoryParams(session: FoursquareSession, call: PlatformCall, placeId: string, value: JsonValue): Promise<Params> {
  const wanted = categoriesOf(value);
  if (!wanted) return {};
  const place = await getPlace(session, call, placeId);
  const current = (Array.isArray(place.categories) ? place.categories : []).flatMap((c) => (isObject(c) && typeof c.fsq_category_id === 'string' ? [c.fsq_category_id] : []));
  const all = [wanted.primary, ...wanted.additional];
  const out: Params = { primary_fsq_category_id: wanted.primary };
  const add = wanted.additional.filter((id) => !current.includes(id));
  const remove = current.filter((id) => !all.includes(id));
  if (add.length > 0) out.add_fsq_category_ids = add.join(',');
  if (remove.length > 0) out.remove_fsq_category_ids = remove.join(',');
  return out;
}

async function create(session: FoursquareSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  const res = await post(session, call, '/places/suggest/place', createParams(req.projection), req);
  const matched = isObject(res) && isObject(res.matched_fsq_place) ? asString(res.matched_fsq_place.fsq_place_id) : undefined;
  // Foursquare already has the place: what the suggestion could not say goes to it as an edit.
  if (matched) return edit(session, call, matched, Object.keys(req.projection), { ...req, firstWrite: false });
  const suggestion = isObject(res) && isObject(res.new_place_suggestion) ? asString(res.new_place_suggestion.id) : undefined;
  if (!suggestion) throw new PlatformError('PERMANENT', 'Foursquare answered the new place suggestion without its id.', { rule: 'foursquare.create.noId' });
  return { platformListingId: `${SUGGESTION_PREFIX}${suggestion}`, publicUrl: null, status: 'SUBMITTED' };
}

/** A listing still waiting for Foursquare to create its place. */
async function fromSuggestion(session: FoursquareSession, call: PlatformCall, req: DeliverRequest, id: string): Promise<DeliverResult> {
  const s = await getSuggestion(session, call, id);
  if (s.placeId) {
    // The description could not go with the new place, and changes may have waited meanwhile.
    const keys = [...new Set([...req.changed, ...(['description', 'closed'] as const).filter((k) => k in req.projection)])];
    return edit(session, call, s.placeId, keys, { ...req, firstWrite: false });
  }
  if (isRejected(s.status)) {
    throw new PlatformError('INVALID', 'Foursquare declined to create this place; check that the name and address are right and publish again.', { rule: 'foursquare.suggestion.rejected' });
  }
  if (req.changed.length === 0) return { platformListingId: req.platformListingId as string, publicUrl: null, status: 'SUBMITTED' };
  throw new PlatformError('PENDING', 'Foursquare is still reviewing the new place; the change is sent once Foursquare has created it.', { rule: 'foursquare.suggestion.pending', retryAfterMs: 3_600_000 });
}

export function deliver(session: FoursquareSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  if (req.platformListingId === null) return create(session, call, req);
  if (req.platformListingId.startsWith(SUGGESTION_PREFIX)) return fromSuggestion(session, call, req, req.platformListingId.slice(SUGGESTION_PREFIX.length));
  return edit(session, call, req.platformListingId, [...new Set(req.changed)], req);
}

