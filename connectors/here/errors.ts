/**
 * HERE's answers → PlatformError. HERE answers in two shapes: the token endpoint
 * `{ errorId, httpStatus, errorCode, message, error, error_description }` (errorCode 401300 is
 * "Signature mismatch"), the platform and search services `{ status, title, code, cause, action,
 * correlationId }`. Which service answered decides who must act: a refused token request with
 * Tenpo's app keys is for the Tenpo operator; a refused project scope means the chain removed
 * Tenpo's app from its project, which the chain must fix.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import { HereHttpError } from './http.ts';
import { isObject } from './keys.ts';

const REINVITE = "Invite Tenpo's HERE app to the chain's HERE project again (HERE platform → Projects → Access), then reconnect HERE in Tenpo.";

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function fromResponse(err: HereHttpError): PlatformError {
  const b = isObject(err.body) ? err.body : {};
  const oauthError = str(b.error);
  const code = str(b.code) ?? (typeof b.errorCode === 'number' ? String(b.errorCode) : undefined) ?? oauthError;
  const said = str(b.cause) ?? str(b.message) ?? str(b.title) ?? (typeof err.body === 'string' ? err.body.slice(0, 200) : undefined);
  const platformMessage = said ? `${code ?? 'ERROR'}: ${said}` : `HTTP ${err.status}`;
  const details: PlatformErrorDetails = { status: err.status, platformMessage, ...(code ? { rule: `here.${code}` } : {}) };

  if (err.status === 429) {
    const wait = retryAfterMs(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'HERE rate limit reached; Tenpo will try again shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (err.status >= 500 || err.status === 408) return new PlatformError('TRANSIENT', `HERE is temporarily failing (HTTP ${err.status}).`, details);

  if (err.api === 'token') {
    if (oauthError === 'invalid_scope' || err.status === 403) return new PlatformError('AUTH_REVOKED', `HERE refused access to the chain's project. ${REINVITE}`, details);
    return new PlatformError('PERMANENT', "HERE refused Tenpo's app credentials (access key id or secret, or the server clock); the Tenpo operator must check the HERE app keys.", details);
  }
  // A 401 that reaches here was already retried with a fresh token (session.ts).
  if (err.status === 401 || err.status === 403) return new PlatformError('AUTH_REVOKED', `HERE no longer lets Tenpo into the chain's project. ${REINVITE}`, details);
  if (err.status === 404) {
    return new PlatformError('NOT_FOUND', err.api === 'lookup' ? 'HERE no longer shows this place.' : 'HERE does not know this feed or store (any more).', details);
  }
  if (err.status === 409) return new PlatformError('PERMANENT', `HERE already holds a different file of the same name: ${said ?? 'conflict'}. The next feed gets a new name.`, details);
  if (err.status === 400 || err.status === 413 || err.status === 415 || err.status === 422) {
    return new PlatformError('INVALID', `HERE refused the feed file: ${said ?? `HTTP ${err.status}`}.`, { ...details, field: null });
  }
  return new PlatformError('PERMANENT', `HERE refused the request (HTTP ${err.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof HereHttpError) return fromResponse(err);
  const message = err instanceof Error ? err.message : String(err);
  const transport = transportFailure(err, 'HERE', 'here', message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The HERE request failed unexpectedly.', { platformMessage: message });
}
