/**
 * Bing Places answers → PlatformError. Bing refuses a whole request either with an HTTP status or
 * with HTTP 200, `OperationStatus: false`, a numeric `ErrorCode` and an `ErrorMessage` (e.g.
 * ErrorCode 4, "Total number of businesses should be greater than or equal to 1 and less than or
 * equal to 1000"). Bing does not publish its code list; the message decides between an identity
 * Bing no longer accepts and a request it refuses.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import { ID } from './rules.ts';
import { BingError } from './session.ts';

const RECONNECT = 'Reconnect the Bing Places account in Tenpo (the Bing Places user must still own the businesses and allow Tenpo as its partner).';
const IDENTITY = /identity|puid|not authori[sz]ed|unauthori[sz]ed|not allowed|access denied|authprovider/i;

function fromBing(err: BingError): PlatformError {
  const platformMessage = `${err.operation}: ${err.errorCode !== null ? `ErrorCode ${err.errorCode}: ` : ''}${err.errorMessage}`.slice(0, 500);
  const details: PlatformErrorDetails = { status: err.status, platformMessage, rule: `${ID}.${err.errorCode !== null ? `error.${err.errorCode}` : `http.${err.status}`}` };
  if (err.status === 429 || /too many requests|throttl/i.test(err.errorMessage)) {
    const wait = retryAfterMs(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'Bing Places quota reached; Tenpo will try again shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (err.status >= 500 || err.status === 408) return new PlatformError('TRANSIENT', `Bing Places is temporarily failing (HTTP ${err.status}).`, details);
  if (err.status === 401 || err.status === 403 || IDENTITY.test(err.errorMessage)) return new PlatformError('AUTH_REVOKED', `Bing Places no longer accepts this account for Tenpo. ${RECONNECT}`, details);
  if (err.status === 404) return new PlatformError('PERMANENT', 'Bing Places did not find the partner API endpoint; the Tenpo operator must check the Bing Places base URL.', details);
  return new PlatformError('PERMANENT', `Bing Places refused the request: ${err.errorMessage || `HTTP ${err.status}`}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof BingError) return fromBing(err);
  const message = err instanceof Error ? err.message : String(err);
  const transport = transportFailure(err, 'Bing Places', ID, message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The Bing Places request failed unexpectedly.', { platformMessage: message });
}
