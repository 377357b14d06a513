/**
 * TomTom's answers → PlatformError. TomTom APIs answer errors as `{ errorText, detailedError:
 * { code, message }, httpStatusCode }` (a 403 for a key without access only `detailedError`).
 * The key is Tenpo's, so a refused key is for the Tenpo operator; a source TomTom no longer
 * lets Tenpo's key deliver for (403 on the chain's source) needs the chain to renew its data
 * agreement or reconnect.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import { TomTomHttpError } from './http.ts';
import { isObject } from './keys.ts';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function fromResponse(err: TomTomHttpError): PlatformError {
  const b = isObject(err.body) ? err.body : {};
  const detailed = isObject(b.detailedError) ? b.detailedError : {};
  const code = str(detailed.code);
  const said = str(detailed.message) ?? str(b.errorText) ?? (typeof err.body === 'string' ? err.body.slice(0, 200) : undefined);
  const platformMessage = said ? `${code ?? 'ERROR'}: ${said}` : `HTTP ${err.status}`;
  const details: PlatformErrorDetails = { status: err.status, platformMessage, ...(code ? { rule: `tomtom.${code}` } : {}) };

  if (err.status === 429) {
    const wait = retryAfterMs(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'TomTom rate limit reached; Tenpo will try again shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (err.status >= 500 || err.status === 408) return new PlatformError('TRANSIENT', `TomTom is temporarily failing (HTTP ${err.status}).`, details);
  if (err.status === 401 || (err.status === 403 && code !== 'SOURCE_ACCESS_REVOKED')) {
    return new PlatformError('PERMANENT', "TomTom refused Tenpo's API key; the Tenpo operator must check the TomTom key and the APIs it is enabled for.", details);
  }
  if (err.status === 403) return new PlatformError('AUTH_REVOKED', "TomTom no longer takes data for this chain's source from Tenpo; renew the data agreement with TomTom, then reconnect TomTom in Tenpo.", details);
  if (err.status === 404) return new PlatformError('NOT_FOUND', 'TomTom does not know this source, feed or store (any more).', details);
  if (err.status === 409) return new PlatformError('PERMANENT', `TomTom already holds a different file of the same name: ${said ?? 'conflict'}. The next feed gets a new name.`, details);
  if (err.status === 400 || err.status === 413 || err.status === 415 || err.status === 422) {
    return new PlatformError('INVALID', `TomTom refused the feed file: ${said ?? `HTTP ${err.status}`}.`, { ...details, field: null });
  }
  return new PlatformError('PERMANENT', `TomTom refused the request (HTTP ${err.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof TomTomHttpError) return fromResponse(err);
  const message = err instanceof Error ? err.message : String(err);
  const transport = transportFailure(err, 'TomTom', 'tomtom', message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The TomTom request failed unexpectedly.', { platformMessage: message });
}
