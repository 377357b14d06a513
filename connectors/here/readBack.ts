/**
 * What HERE shows. A store's place is found in two steps: the supplier feed service tells which
 * HERE place the store's row became (by supplier place id, which is Tenpo's store code and the
 * runtime's platform listing id for feed platforms), then HERE Geocoding & Search `lookup`
 * returns the place as the public sees it. Only values lookup shows are compared; the rest are
 * `unseen` so they never count as drift.
 */
import type { PlatformCall, Projection, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import type { JsonValue } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { normalizeOpeningHours } from './hours.ts';
import { isObject, PROJECTION_KEYS, type ProjectionKey } from './keys.ts';
import type { HereSession } from './session.ts';

const SHOWN: readonly ProjectionKey[] = ['name', 'phones', 'www', 'categories', 'openingHours'];
const UNSEEN = PROJECTION_KEYS.filter((k) => !SHOWN.includes(k));

export async function verify(session: HereSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  const body = await call({ kind: 'read' }, ({ signal }) => session.request('feed', 'GET', `${session.feedUrl}/v1/project`, signal));
  const hrn = isObject(body) && typeof body.projectHrn === 'string' ? body.projectHrn : session.projectHrn;
  if (account !== null && account !== '' && account !== hrn) {
    throw new PlatformError('INVALID', `These settings reach HERE project ${hrn}, not ${account}; connect with the project you meant.`, { rule: 'here.account.mismatch' });
  }
  return { externalAccount: hrn, displayName: isObject(body) && typeof body.name === 'string' ? body.name : hrn };
}

function values(list: unknown): string[] {
  return Array.isArray(list) ? list.flatMap((x) => (isObject(x) && typeof x.value === 'string' ? [x.value] : [])) : [];
}

/** A lookup answer (HERE Geocoding & Search place) keyed like the projection. */
export function shownValues(place: unknown): Projection {
  const out: Record<string, JsonValue> = {};
  if (!isObject(place)) return out;
  if (typeof place.title === 'string') out.name = place.title;
  const contacts = Array.isArray(place.contacts) ? place.contacts.filter(isObject) : [];
  const phones = contacts.flatMap((c) => values(c.phone));
  if (phones.length > 0) out.phones = phones;
  const www = contacts.flatMap((c) => values(c.www))[0];
  if (www !== undefined) out.www = www;
  const categories = Array.isArray(place.categories) ? place.categories.filter(isObject) : [];
  const primary = categories.find((c) => c.primary === true) ?? categories[0];
  if (primary && typeof primary.id === 'string') {
    out.categories = { primary: primary.id, additional: categories.filter((c) => c !== primary && typeof c.id === 'string').map((c) => c.id as string) };
  }
  const hours = Array.isArray(place.openingHours) ? place.openingHours.filter(isObject)[0] : undefined;
  const structured = hours ? normalizeOpeningHours(hours.structured) : undefined;
  if (structured) out.openingHours = structured;
  return out;
}

export async function readBack(session: HereSession, call: PlatformCall, platformListingId: string): Promise<ReadBackResult> {
  const ref = await call({ kind: 'read', listingKey: platformListingId }, ({ signal }) =>
    session.request('feed', 'GET', `${session.feedUrl}/v1/places/${encodeURIComponent(platformListingId)}`, signal),
  );
  const status = isObject(ref) ? ref.status : undefined;
  if (status === 'PENDING') {
    // HERE has the row but has not published a place from it yet: nothing to compare.
    return { current: {}, platformEdits: {}, publicUrl: null, status: 'SUBMITTED', unseen: PROJECTION_KEYS };
  }
  if (status !== 'LIVE' || !isObject(ref) || typeof ref.placeId !== 'string') {
    throw new PlatformError('NOT_FOUND', 'HERE no longer shows a place for this store; it was removed from HERE.', { rule: 'here.place.removed' });
  }
  const placeId = ref.placeId;
  const place = await call({ kind: 'read', listingKey: platformListingId }, ({ signal }) =>
    session.request('lookup', 'GET', `${session.lookupUrl}/v1/lookup?id=${encodeURIComponent(placeId)}`, signal),
  );
  return { current: shownValues(place), platformEdits: {}, publicUrl: null, status: 'IN_SYNC', unseen: UNSEEN };
}
