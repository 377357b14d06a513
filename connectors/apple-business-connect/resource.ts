/**
 * Apple's location resource as Tenpo reads it: id, etag, state, placeCardUrl, locationDetails
 * and the validation reports. Resource states (Apple's "Manage location API processes"): a write
 * is SUBMITTED, then PROCESSING (offline validation, sometimes a person at Apple), then PUBLISHED
 * or REJECTED. Only PUBLISHED is live on Apple Maps.
 */
import type { DeliverResult } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import type { JsonObject } from './keys.ts';
import { tenpoFieldForCode } from './keys.ts';
import { asString, isObject } from './json.ts';
import { ID } from './rules.ts';

export interface AppleLocation {
  id: string;
  etag: string | null;
  state: string;
  placeCardUrl: string | null;
  details: JsonObject;
  reports: { code: string; severity: string; message: string }[];
}

/** Apple sends the etag quoted in the header and bare in the body; If-Match gets the header's form. */
function quoted(etag: string | undefined | null): string | null {
  if (!etag) return null;
  return etag.startsWith('"') || etag.startsWith('W/') ? etag : `"${etag}"`;
}

export function readLocation(body: unknown, headerEtag: string | null): AppleLocation {
  if (!isObject(body) || !asString(body.id)) {
    throw new PlatformError('PERMANENT', 'Apple answered without the location resource.', { rule: `${ID}.response.shape` });
  }
  const reports = Array.isArray(body.validationReports) ? body.validationReports : [];
  return {
    id: body.id as string,
    etag: quoted(headerEtag) ?? quoted(asString(body.etag)),
    state: asString(body.state) ?? 'SUBMITTED',
    placeCardUrl: asString(body.placeCardUrl) ?? null,
    details: isObject(body.locationDetails) ? body.locationDetails : {},
    reports: reports.filter(isObject).map((r) => ({ code: asString(r.code) ?? '', severity: asString(r.severity) ?? '', message: asString(r.message) ?? '' })),
  };
}

/** Live only when Apple says PUBLISHED; a refusal is INVALID with what Apple reported. */
export function resultOf(location: AppleLocation): DeliverResult {
  if (location.state === 'REJECTED') {
    const violation = location.reports.find((r) => r.severity === 'VIOLATION') ?? location.reports[0];
    const field = violation ? tenpoFieldForCode(violation.code) : null;
    throw new PlatformError('INVALID', `Apple rejected the location${violation ? `: ${violation.message}` : ''}. Fix the store's data in Tenpo and publish again.`, {
      field,
      rule: `${ID}.${violation?.code || 'REJECTED'}`,
      platformMessage: location.reports.map((r) => `${r.code}: ${r.message}`).join('; '),
    });
  }
  return { platformListingId: location.id, publicUrl: location.placeCardUrl, status: location.state === 'PUBLISHED' ? 'IN_SYNC' : 'SUBMITTED' };
}
