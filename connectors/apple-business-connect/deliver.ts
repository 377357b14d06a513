/**
 * Writes a projection to Apple Business.
 *
 * Create: `POST /orgs/{orgId}/locations` with the whole projection, the connection's brand and
 * Tenpo's stable request id as `partnersLocationId` (Apple: unique in the partner's data, never
 * reused). A retried create first asks `GET .../locations/by-partner-locationId/{id}`, so a
 * location the lost first attempt made is updated instead of created twice.
 *
 * Update: Apple's PUT replaces the whole location ("any field that is omitted SHALL be
 * interpreted as a deletion") and must carry `If-Match` with the current etag. So Tenpo reads the
 * location, replaces only the changed keys in what Apple holds (members Tenpo does not manage stay
 * as they are), and PUTs with that etag. 412 means someone changed the location in between: read
 * again and merge once more; a second 412 is reported as a conflict for the runtime to retry.
 */
import type { DeliverRequest, DeliverResult, PlatformCall, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { AppleHttpError } from './http.ts';
import { isProjectionKey, PROJECTION_KEYS, type JsonObject } from './keys.ts';
import { sameJson } from './json.ts';
import { readLocation, resultOf, type AppleLocation } from './resource.ts';
import { ID } from './rules.ts';
import type { AppleSession } from './session.ts';

function brandOf(session: AppleSession): string {
  const brandId = session.settings.brandId;
  if (typeof brandId !== 'string' || !/^\d+$/.test(brandId)) {
    throw new PlatformError('INVALID', 'Choose the Apple Business brand new locations belong to in the Apple Business connection settings, then publish again.', { rule: `${ID}.settings.brandId` });
  }
  return brandId;
}

function changedKeys(req: DeliverRequest): string[] {
  for (const key of req.changed) {
    if (!isProjectionKey(key)) {
      throw new PlatformError('PERMANENT', `Tenpo asked Apple to update "${key}", which is not an Apple location member it writes.`, { rule: `${ID}.update.unknownKey` });
    }
  }
  return [...new Set(req.changed)];
}

async function get(session: AppleSession, call: PlatformCall, path: string, listingKey?: string): Promise<AppleLocation> {
  const res = await call({ kind: 'read', ...(listingKey ? { listingKey } : {}) }, ({ signal }) => session.request('GET', path, signal));
  return readLocation(res.body, res.etag);
}

/** The location's details with the changed keys taken from the projection (absent there: removed). */
function merged(current: JsonObject, projection: Projection, keys: readonly string[]): JsonObject {
  const out: JsonObject = { ...current };
  for (const key of keys) {
    const value = projection[key];
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** Apple answers an identical PUT with RESOURCE_HAS_NO_NEW_CHANGES; that is success, not a failure. */
function isNoChange(err: unknown): boolean {
  return err instanceof AppleHttpError && Array.isArray(err.body) && err.body.some((e) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'RESOURCE_HAS_NO_NEW_CHANGES');
}

async function update(session: AppleSession, call: PlatformCall, id: string, projection: Projection, keys: readonly string[]): Promise<DeliverResult> {
  const path = `${session.orgPath()}/locations/${encodeURIComponent(id)}`;
  for (let attempt = 0; ; attempt++) {
    const current = await get(session, call, path, id);
    const details = merged(current.details, projection, keys);
    if (keys.length === 0 || sameJson(details, current.details)) return resultOf(current);
    if (!current.etag) throw new PlatformError('PERMANENT', 'Apple answered without the location’s etag, which every update needs.', { rule: `${ID}.etag.missing` });
    try {
      const res = await call({ kind: 'edit', listingKey: id }, ({ signal }) =>
        session.request('PUT', path, signal, { ifMatch: current.etag as string, json: { id: current.id, locationDetails: details } }),
      );
      return resultOf(readLocation(res.body, res.etag));
    } catch (err) {
      if (isNoChange(err)) return resultOf(current);
      const conflict = err instanceof PlatformError ? err.details.status === 412 : err instanceof AppleHttpError && err.status === 412;
      if (!conflict || attempt >= 1) throw err;
      // 412: the location changed since it was read (an edit in the portal, an Apple override).
      // Read it again and merge the same keys into the new version.
    }
  }
}

async function create(session: AppleSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  const org = session.orgPath();
  const brandId = brandOf(session);
  const partnersLocationId = req.requestId;
  try {
    const existing = await get(session, call, `${org}/locations/by-partner-locationId/${encodeURIComponent(partnersLocationId)}`);
    return await update(session, call, existing.id, req.projection, PROJECTION_KEYS.filter((k) => req.projection[k] !== undefined || existing.details[k] !== undefined));
  } catch (err) {
    const notFound = err instanceof PlatformError ? err.kind === 'NOT_FOUND' : err instanceof AppleHttpError && err.status === 404;
    if (!notFound) throw err;
  }
  const locationDetails: JsonObject = { ...req.projection, partnersLocationId, brandId };
  const res = await call({ kind: 'create' }, ({ signal }) => session.request('POST', `${org}/locations`, signal, { json: { locationDetails } }));
  return resultOf(readLocation(res.body, res.etag));
}

export function deliver(session: AppleSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  if (req.platformListingId === null) return create(session, call, req);
  return update(session, call, req.platformListingId, req.projection, changedKeys(req));
}
