/**
 * Anything a Yahoo! call threw → PlatformError. YOLP answers errors as XML,
 * `<Error><Message>…</Message></Error>` (JSON `{ "Error": { "Message" } }` is read too); a 403 there
 * means Tenpo's Client ID was refused, which only the operator can fix. The partner API (inferred)
 * answers `{ "error": { "code", "message", "field" } }`, `field` being a projection key.
 */
import { PlatformError } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import type { PlatformErrorDetails } from '../runtime/errors.ts';
import type { LocationField } from '../../src/locations/model.ts';
import { FIELDS, asString, isObject, isProjectionKey } from './keys.ts';
import { YahooHttpError } from './session.ts';


function scrub(text: string): string {
  return text.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]').replace(/appid=[^&\s]+/gi, 'appid=[redacted]').slice(0, 1000);
}

interface Parsed {
  message: string;
  code: string | null;
  field: string | null;
}

function parse(body: unknown): Parsed {
  if (typeof body === 'string') {
    const m = /<Message>([\s\S]*?)<\/Message>/.exec(body);
    return { message: (m?.[1] ?? body).trim().slice(0, 300), code: null, field: null };
  }
  const error = isObject(body) ? (isObject(body.error) ? body.error : isObject(body.Error) ? body.Error : null) : null;
  if (!error) return { message: '', code: null, field: null };
  return { message: asString(error.message) ?? asString(error.Message) ?? '', code: asString(error.code) ?? null, field: asString(error.field) ?? null };
}

function fieldOf(key: string | null): LocationField | null {
  if (!key) return null;
  const top = key.split('.')[0] as string;
  return isProjectionKey(top) ? (FIELDS[top][0] ?? null) : null;
}

function fromResponse(e: YahooHttpError): PlatformError {
  const p = parse(e.body);
  const platformMessage = scrub(p.message || `HTTP ${e.status}`);
  const details: PlatformErrorDetails = { status: e.status, platformMessage, rule: `yahoo-place-jp.${e.api}.${p.code ?? e.status}` };
  if (e.status === 429) {
    const wait = retryAfterMs(e.headers.get('retry-after'));
    return new PlatformError('RATE_LIMITED', 'Yahoo! rate limit reached; the update will be retried shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (e.status >= 500 || e.status === 408) return new PlatformError('TRANSIENT', `Yahoo! is temporarily failing (HTTP ${e.status}).`, details);
  if (e.api === 'yolp' && (e.status === 401 || e.status === 403)) {
    return new PlatformError('PERMANENT', "Yahoo! refused Tenpo's Client ID for the Local Search API; the Tenpo operator must check the Yahoo! JAPAN developer app.", details);
  }
  if (e.status === 401 || e.status === 403) return new PlatformError('AUTH_REVOKED', 'The Yahoo!プレイス partner token was revoked or expired; reconnect Yahoo!プレイス in Tenpo.', details);
  if (e.status === 404) return new PlatformError('NOT_FOUND', 'The place no longer exists on Yahoo!プレイス.', details);
  if (e.status === 409) {
    return new PlatformError('INVALID', 'Yahoo!プレイス already has a place with this store code; link the store to that place instead of creating another.', { ...details, field: 'storeCode' });
  }
  if (e.status === 400 || e.status === 422) {
    const field = fieldOf(p.field);
    return new PlatformError('INVALID', `Yahoo!プレイス refused the store's data (${platformMessage}).${field ? ` Change the store's ${field} in Tenpo and publish again.` : ''}`, { ...details, field });
  }
  return new PlatformError('PERMANENT', `Yahoo! refused the request (HTTP ${e.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof YahooHttpError) return fromResponse(err);
  const message = scrub(err instanceof Error ? err.message : String(err));
  const transport = transportFailure(err, 'Yahoo!', 'yahoo-place-jp', message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The Yahoo! request failed unexpectedly.', { platformMessage: message });
}
