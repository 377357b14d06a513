/**
 * Apple Business answers → PlatformError. Apple answers errors as an array of
 * { code, message, details } (e.g. [{ "code": "Unauthorized", "message": "Expired Token" }]),
 * validation failures with codes VALIDATION__<Rule> whose name says the feature (keys.ts maps it
 * to the Tenpo field). Which endpoint failed matters: a refusal at the token endpoint is about
 * Tenpo's Service Account (the operator), one on the API about the customer's sharing.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import type { LocationField } from '../../src/locations/model.ts';
import { AppleHttpError } from './http.ts';
import { tenpoFieldForCode } from './keys.ts';
import { ID } from './rules.ts';

const RECONNECT = 'Ask the organisation to share its locations with Tenpo again in Apple Business (Settings > Partner Access), then reconnect.';

interface AppleIssue {
  code: string;
  message: string;
}

function issuesOf(body: unknown): AppleIssue[] {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors) ? (body as { errors: unknown[] }).errors : [body];
  return list.flatMap((e) => {
    if (typeof e !== 'object' || e === null) return typeof e === 'string' && e !== '' ? [{ code: '', message: e.slice(0, 300) }] : [];
    const o = e as Record<string, unknown>;
    const code = typeof o.code === 'string' ? o.code : typeof o.error === 'string' ? o.error : '';
    const message = typeof o.message === 'string' ? o.message : typeof o.error_description === 'string' ? o.error_description : '';
    return code || message ? [{ code, message }] : [];
  });
}

function invalid(issues: AppleIssue[], details: PlatformErrorDetails): PlatformError {
  const first = issues.find((i) => tenpoFieldForCode(i.code) !== null) ?? issues[0];
  const field: LocationField | null = first ? tenpoFieldForCode(first.code) : null;
  const what = issues.map((i) => i.message || i.code).join('; ') || 'no reason given';
  const fix = field ? ` Change the ${field} in Tenpo and publish again.` : '';
  return new PlatformError('INVALID', `Apple refused the location (${what}).${fix}`, { ...details, field, ...(first?.code ? { rule: `${ID}.${first.code}` } : {}) });
}

function fromResponse(err: AppleHttpError): PlatformError {
  const issues = issuesOf(err.body);
  const platformMessage = issues.map((i) => `${i.code}: ${i.message}`).join('; ') || `HTTP ${err.status}`;
  const details: PlatformErrorDetails = { status: err.status, platformMessage, ...(issues[0]?.code ? { rule: `${ID}.${issues[0].code}` } : {}) };

  if (err.status === 429) {
    const wait = retryAfterMs(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'Apple Business quota reached; Tenpo will try again shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (err.status >= 500 || err.status === 408) return new PlatformError('TRANSIENT', `Apple Business is temporarily failing (HTTP ${err.status}).`, details);
  if (err.api === 'token') {
    return new PlatformError('PERMANENT', "Apple refused Tenpo's Service Account; the Tenpo operator must check the Apple Business client id and secret.", details);
  }
  if (err.status === 401) return new PlatformError('AUTH_REVOKED', `Apple no longer accepts Tenpo's access to this organisation. ${RECONNECT}`, details);
  if (err.status === 403) return new PlatformError('AUTH_REVOKED', `The organisation no longer shares these locations with Tenpo. ${RECONNECT}`, details);
  if (err.status === 404) return new PlatformError('NOT_FOUND', 'The location or organisation no longer exists in Apple Business.', details);
  if (err.status === 412) {
    return new PlatformError('TRANSIENT', 'The location changed in Apple Business while Tenpo was updating it; Tenpo will read it again and retry.', { ...details, rule: `${ID}.etag.conflict` });
  }
  if (err.status === 400 || err.status === 409 || err.status === 422) return invalid(issues, details);
  return new PlatformError('PERMANENT', `Apple refused the request (HTTP ${err.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof AppleHttpError) return fromResponse(err);
  const message = err instanceof Error ? err.message : String(err);
  const transport = transportFailure(err, 'Apple Business', ID, message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The Apple Business request failed unexpectedly.', { platformMessage: message });
}
