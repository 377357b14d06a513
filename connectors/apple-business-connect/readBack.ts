/**
 * What Apple shows for a location, keyed like project(); the connection check; and the listing of
 * the organisation's locations for linking by store code. Apple's own edits (overrides of name,
 * status and hours after customer reports) arrive through its Notifications API as
 * APPLE_OVERRIDE events, not on the location; the location read here already holds the value
 * Apple shows, so an override appears as drift of its key.
 */
import type { JsonValue, PlatformCall, PlatformListingSummary, ReadBackResult, VerifiedAccount } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { PROJECTION_KEYS } from './keys.ts';
import { asString, canonical, isObject } from './json.ts';
import { readLocation } from './resource.ts';
import { ID } from './rules.ts';
import type { AppleSession } from './session.ts';

export async function readBack(session: AppleSession, call: PlatformCall, id: string): Promise<ReadBackResult> {
  const res = await call({ kind: 'read', listingKey: id }, ({ signal }) => session.request('GET', `${session.orgPath()}/locations/${encodeURIComponent(id)}`, signal));
  const location = readLocation(res.body, res.etag);
  const current: Record<string, JsonValue> = {};
  for (const key of PROJECTION_KEYS) {
    const value = canonical(location.details[key]);
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) current[key] = value;
  }
  return {
    current,
    platformEdits: {},
    publicUrl: location.placeCardUrl,
    status: location.state === 'PUBLISHED' ? 'IN_SYNC' : 'SUBMITTED',
  };
}

/** Proves Tenpo's Service Account reaches the organisation: the organisation has shared its locations. */
export async function verify(session: AppleSession, call: PlatformCall, account: string | null): Promise<VerifiedAccount> {
  const orgId = account ?? (typeof session.settings.orgId === 'string' ? session.settings.orgId : null);
  if (orgId === null || !/^\d+$/.test(orgId)) {
    throw new PlatformError('INVALID', 'Enter the Apple Business organisation ID (digits only, shown in Apple Business under the organisation\'s settings).', { rule: `${ID}.settings.orgId` });
  }
  const res = await call({ kind: 'read' }, ({ signal }) => session.request('GET', `/api/v1/orgs/${orgId}/locations?limit=1`, signal));
  const total = isObject(res.body) && typeof res.body.total === 'number' ? res.body.total : null;
  return { externalAccount: orgId, displayName: `Apple Business organisation ${orgId}${total !== null ? ` (${total} locations)` : ''}` };
}

const PAGE_SIZE = 50;

export async function* discover(session: AppleSession, call: PlatformCall, account: string): AsyncIterable<PlatformListingSummary> {
  let after: string | null = null;
  do {
    const query: string = `limit=${PAGE_SIZE}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await call({ kind: 'read' }, ({ signal }) => session.request('GET', `/api/v1/orgs/${account}/locations?${query}`, signal));
    const body = isObject(res.body) ? res.body : {};
    for (const item of Array.isArray(body.data) ? body.data : []) {
      const location = readLocation(item, null);
      const names = Array.isArray(location.details.displayNames) ? location.details.displayNames.filter(isObject) : [];
      const primary = names.find((n) => n.primary === true) ?? names[0];
      yield {
        platformListingId: location.id,
        storeCode: asString(location.details.storeCode) ?? null,
        title: asString(primary?.name) ?? location.id,
        publicUrl: location.placeCardUrl,
      };
    }
    const pagination = isObject(body.pagination) ? body.pagination : {};
    const cursors = isObject(pagination.cursors) ? pagination.cursors : {};
    after = pagination.next ? (asString(cursors.after) ?? null) : null;
  } while (after !== null);
}
