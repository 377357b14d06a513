/**
 * What TomTom shows. The ingestion API tells which TomTom POI (entityId) a store's feature
 * became; the public Search API "Place by Id" (GET /search/2/place.json?entityId=) returns the
 * POI as TomTom's maps and navigation show it. Place by Id shows the name and one phone number;
 * everything else is `unseen` (TomTom re-classifies categories into its own, rewrites addresses
 * from its map and gives hours only as the next seven days).
 */
import type { JsonValue, PlatformCall, Projection, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { isObject, PROJECTION_KEYS, type ProjectionKey } from './keys.ts';
import type { TomTomSession } from './session.ts';

const SHOWN: readonly ProjectionKey[] = ['name', 'phone'];
const UNSEEN = PROJECTION_KEYS.filter((k) => !SHOWN.includes(k));

export async function verify(session: TomTomSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  const body = await call({ kind: 'read' }, ({ signal }) => session.request('feed', 'GET', session.sourcePath, {}, signal));
  const id = isObject(body) && typeof body.sourceId === 'string' ? body.sourceId : session.sourceId;
  if (account !== null && account !== '' && account !== id) {
    throw new PlatformError('INVALID', `These settings reach TomTom source ${id}, not ${account}; connect with the source you meant.`, { rule: 'tomtom.account.mismatch' });
  }
  return { externalAccount: id, displayName: isObject(body) && typeof body.name === 'string' ? body.name : id };
}

/** TomTom prints phone numbers for reading ("+81 3-1234-5678"); E.164 for comparing. */
export function e164(phone: string): string {
  return phone.trim().startsWith('+') ? `+${phone.replace(/\D/g, '')}` : phone.trim();
}

export function shownValues(result: unknown): Projection {
  const out: Record<string, JsonValue> = {};
  const poi = isObject(result) && isObject(result.poi) ? result.poi : {};
  if (typeof poi.name === 'string') out.name = poi.name;
  if (typeof poi.phone === 'string' && poi.phone.trim() !== '') out.phone = e164(poi.phone);
  return out;
}

export async function readBack(session: TomTomSession, call: PlatformCall, platformListingId: string): Promise<ReadBackResult> {
  const ref = await call({ kind: 'read', listingKey: platformListingId }, ({ signal }) =>
    session.request('feed', 'GET', `${session.sourcePath}/features/${encodeURIComponent(platformListingId)}`, {}, signal),
  );
  const status = isObject(ref) ? ref.status : undefined;
  if (status === 'PENDING') return { current: {}, platformEdits: {}, publicUrl: null, status: 'SUBMITTED', unseen: PROJECTION_KEYS };
  if (status !== 'LIVE' || !isObject(ref) || typeof ref.entityId !== 'string') {
    throw new PlatformError('NOT_FOUND', 'TomTom no longer shows a POI for this store; it was removed from TomTom.', { rule: 'tomtom.poi.removed' });
  }
  const entityId = ref.entityId;
  const place = await call({ kind: 'read', listingKey: platformListingId }, ({ signal }) => session.request('search', 'GET', '/search/2/place.json', { entityId }, signal));
  const results = isObject(place) && Array.isArray(place.results) ? place.results : [];
  if (results.length === 0) throw new PlatformError('NOT_FOUND', 'TomTom Search does not find the POI of this store.', { rule: 'tomtom.poi.notFound' });
  return { current: shownValues(results[0]), platformEdits: {}, publicUrl: null, status: 'IN_SYNC', unseen: UNSEEN };
}
