/**
 * Writes a projection to Google: `accounts.locations.create` for a new listing, else
 * `locations.patch` with an updateMask of exactly the changed keys (a masked key with no value in
 * the body clears it on Google). Before the first write, the same request goes once with
 * validateOnly, which Google checks fully but does not count as an edit. googleapis must never
 * retry on its own (`retry: false`): the runtime retries, within the quotas.
 */
import { createHash } from 'node:crypto';
import type { mybusinessbusinessinformation_v1 } from 'googleapis/build/src/apis/mybusinessbusinessinformation/index.js';
import type { DeliverRequest, DeliverResult, PlatformCall, Projection } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { JsonObject } from './keys.ts';
import { isProjectionKey } from './keys.ts';
import { asString, getPath, setPath } from './json.ts';
import type { GoogleSession } from './session.ts';

type Location = mybusinessbusinessinformation_v1.Schema$Location;

/** Google caps requestId at 50 characters; a longer stable id is hashed to a stable shorter one. */
export function googleRequestId(requestId: string): string {
  return requestId.length <= 50 ? requestId : createHash('sha256').update(requestId).digest('base64url');
}

function body(projection: Projection, keys: readonly string[]): Location {
  const out: JsonObject = {};
  for (const key of keys) {
    const value = projection[key];
    if (value !== undefined) setPath(out, key, value);
  }
  return out as Location;
}

function result(location: Location, fallbackName: string): DeliverResult {
  return {
    platformListingId: asString(location.name) ?? fallbackName,
    publicUrl: asString(location.metadata?.mapsUri) ?? null,
    // hasPendingEdits: Google holds some of the change for review before showing it.
    status: location.metadata?.hasPendingEdits === true ? 'SUBMITTED' : 'IN_SYNC',
  };
}

function accountOf(session: GoogleSession): string {
  const account = session.settings.account;
  if (typeof account !== 'string' || !/^accounts\/[^/]+$/.test(account)) {
    throw new PlatformError('INVALID', 'Choose the Google account (accounts/…) that new listings belong to in the Google connection settings, then publish again.', {
      rule: 'google.settings.account',
    });
  }
  return account;
}

/** The listing's languageCode, fixed at creation: the address's language, else the connection's. */
function languageOf(projection: Projection, session: GoogleSession): string {
  return asString(getPath(projection, 'storefrontAddress.languageCode')) ?? asString(session.settings.languageCode) ?? 'en';
}

async function create(session: GoogleSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  const parent = accountOf(session);
  const requestBody: Location = { ...body(req.projection, Object.keys(req.projection)), languageCode: languageOf(req.projection, session) };
  if (req.firstWrite) {
    await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
      session.info.accounts.locations.create({ parent, validateOnly: true, requestBody }, { signal, timeout: timeoutMs, retry: false }),
    );
  }
  // The same requestId on a retried create (say after a lost answer) returns the listing the
  // first attempt made instead of making a second one.
  const res = await call({ kind: 'create' }, ({ signal, timeoutMs }) =>
    session.info.accounts.locations.create({ parent, requestId: googleRequestId(req.requestId), requestBody }, { signal, timeout: timeoutMs, retry: false }),
  );
  if (!asString(res.data.name)) {
    throw new PlatformError('PERMANENT', 'Google answered the create without the new listing\'s id.', { rule: 'google.create.noName' });
  }
  return result(res.data, '');
}

/**
 * The mask, in the runtime's order, without repeats. A removed latlng is left out: Google then
 * places the pin from the address, and clearing latlng is refused to unapproved clients anyway.
 */
function maskOf(req: DeliverRequest): string[] {
  const mask: string[] = [];
  for (const key of req.changed) {
    if (!isProjectionKey(key)) {
      throw new PlatformError('PERMANENT', `Tenpo asked Google to update "${key}", which is not a Google field it writes.`, { rule: 'google.updateMask.unknown' });
    }
    if (key === 'latlng' && req.projection.latlng === undefined) continue;
    if (!mask.includes(key)) mask.push(key);
  }
  return mask;
}

async function patch(session: GoogleSession, call: PlatformCall, name: string, req: DeliverRequest): Promise<DeliverResult> {
  const mask = maskOf(req);
  if (mask.length === 0) {
    const res = await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
      session.info.locations.get({ name, readMask: 'name,metadata' }, { signal, timeout: timeoutMs, retry: false }),
    );
    return result(res.data, name);
  }
  const params = { name, updateMask: mask.join(','), requestBody: body(req.projection, mask) };
  if (req.firstWrite) {
    await call({ kind: 'read' }, ({ signal, timeoutMs }) =>
      session.info.locations.patch({ ...params, validateOnly: true }, { signal, timeout: timeoutMs, retry: false }),
    );
  }
  const res = await call({ kind: 'edit', listingKey: name }, ({ signal, timeoutMs }) =>
    session.info.locations.patch(params, { signal, timeout: timeoutMs, retry: false }),
  );
  return result(res.data, name);
}

export function deliver(session: GoogleSession, call: PlatformCall, req: DeliverRequest): Promise<DeliverResult> {
  return req.platformListingId === null ? create(session, call, req) : patch(session, call, req.platformListingId, req);
}
