/**
 * Anything a Foursquare call threw → PlatformError. Foursquare's error body is JSON with a
 * `message` (the Places API reference decodes `message`, `error`, `detail` and `error_detail`);
 * 401 is a key that no longer works, 403 a key without Service Account rights, 429 the rate
 * limit. A 400 names the offending parameter in its message often enough to point at the field.
 */
import { PlatformError } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import type { PlatformErrorDetails } from '../runtime/errors.ts';
import { isObject, tenpoFieldForParameter } from './keys.ts';
import { FoursquareHttpError } from './session.ts';

const PARAMETERS = ['primary_fsq_category_id', 'add_fsq_category_ids', 'country_code', 'description', 'postcode', 'locality', 'region', 'address', 'latitude', 'longitude', 'website', 'hours', 'name', 'tel', 'instagram', 'twitter'];

function scrub(text: string): string {
  return text.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]').replace(/fsq3\S+/g, '[redacted]').slice(0, 1000);
}

function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string' && body.trim() !== '') return body.slice(0, 300);
  if (!isObject(body)) return undefined;
  for (const k of ['message', 'error_detail', 'detail', 'error']) if (typeof body[k] === 'string') return body[k] as string;
  return undefined;
}

function fromResponse(e: FoursquareHttpError): PlatformError {
  const platformMessage = scrub(messageOf(e.body) ?? `HTTP ${e.status}`);
  const details: PlatformErrorDetails = { status: e.status, platformMessage, rule: `foursquare.http${e.status}` };
  if (e.status === 429) {
    const wait = retryAfterMs(e.headers.get('retry-after'));
    return new PlatformError('RATE_LIMITED', 'Foursquare rate limit reached; the update will be retried shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (e.status >= 500 || e.status === 408) return new PlatformError('TRANSIENT', `Foursquare is temporarily failing (HTTP ${e.status}).`, details);
  if (e.status === 401) return new PlatformError('AUTH_REVOKED', 'The Foursquare Service Account key was revoked or is wrong; enter a current key in the Foursquare connection.', details);
  if (e.status === 403) {
    return new PlatformError('AUTH_REVOKED', 'This Foursquare key may not suggest edits: Foursquare accepts only a Service Account API key for that. Create one in the Foursquare developer console and reconnect.', details);
  }
  if (e.status === 404) return new PlatformError('NOT_FOUND', 'The place no longer exists on Foursquare (it may have been merged or removed).', details);
  if (e.status === 410) return new PlatformError('PERMANENT', 'Foursquare retired this API version; Tenpo must be updated to the current Places API.', details);
  if (e.status === 400 || e.status === 422) {
    const lower = platformMessage.toLowerCase();
    const parameter = PARAMETERS.find((p) => lower.includes(p));
    const field = parameter ? tenpoFieldForParameter(parameter) : null;
    const fix = field ? ` Change the store's ${field} in Tenpo and publish again.` : '';
    return new PlatformError('INVALID', `Foursquare refused the store's data (${platformMessage}).${fix}`, { ...details, field, ...(parameter ? { rule: `foursquare.invalid.${parameter}` } : {}) });
  }
  return new PlatformError('PERMANENT', `Foursquare refused the request (HTTP ${e.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof FoursquareHttpError) return fromResponse(err);
  const message = scrub(err instanceof Error ? err.message : String(err));
  const transport = transportFailure(err, 'Foursquare', 'foursquare', message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The Foursquare request failed unexpectedly.', { platformMessage: message });
}
