/**
 * Anything a Google call threw → PlatformError. Errors come from gaxios, in two copies (the one
 * googleapis-common ships and the one google-auth-library ships), so `instanceof GaxiosError`
 * does not hold: the error is read by shape (`response.status`, `response.data`, `code`, `cause`).
 */
import { PlatformError } from '../runtime/errors.ts';
import type { PlatformErrorDetails } from '../runtime/errors.ts';
import type { LocationField } from '../../src/locations/model.ts';
import { isObject } from './json.ts';
import { tenpoFieldForGooglePath } from './keys.ts';

const RECONNECT = 'Google access was revoked or expired; reconnect the Google account in Tenpo.';

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_STREAM_PREMATURE_CLOSE']);
const ABORTS = new Set(['AbortError', 'TimeoutError']);

// google.mybusiness.v4.ValidationError codes are numbers in JSON; these are their documented names.
const VALIDATION_CODES: Readonly<Record<number, string>> = { 1: 'MISSING_VALUE', 2: 'INVALID_VALUE', 3: 'INVALID_CHARACTERS', 4: 'TOO_MANY_ITEMS' };

const LABELS: Partial<Record<LocationField, string>> = {
  name: 'name', storeCode: 'store code', primaryPhone: 'primary phone', additionalPhones: 'additional phones',
  primaryCategory: 'primary category', additionalCategories: 'additional categories', address: 'address',
  website: 'website', regularHours: 'opening hours', specialHours: 'special hours', description: 'description',
  labels: 'labels', latitude: 'map position', longitude: 'map position', status: 'status', statusDate: 'opening date',
};

interface ErrorShape {
  response?: { status?: number; data?: unknown; headers?: unknown };
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  config?: { url?: unknown };
}

interface Violation {
  field: string;
  description: string;
  code?: string;
}

/** Tokens never reach a message, even if Google ever echoed one. */
function scrub(text: string): string {
  return text
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/ya29\.[\w.-]+/g, '[redacted]')
    .replace(/1\/\/[\w.-]+/g, '[redacted]')
    .slice(0, 1000);
}

function chain(err: unknown): ErrorShape[] {
  const out: ErrorShape[] = [];
  for (let e: unknown = err; typeof e === 'object' && e !== null; e = (e as ErrorShape).cause) {
    out.push(e as ErrorShape);
    if (out.length > 5) break;
  }
  return out;
}

function headerOf(headers: unknown, name: string): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  // A fetch Headers, but not necessarily this realm's (gaxios may bring its own fetch).
  const get = (headers as { get?: unknown }).get;
  return typeof get === 'function' ? (get as (n: string) => unknown).call(headers, name) : (headers as Record<string, unknown>)[name];
}

function retryAfterMs(headers: unknown): number | undefined {
  const raw = headerOf(headers, 'retry-after');
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function detailsOf(body: unknown, type: string): unknown[] {
  const error = isObject(body) ? body.error : undefined;
  const details = isObject(error) && Array.isArray(error.details) ? error.details : [];
  return details.filter((d) => isObject(d) && d['@type'] === `type.googleapis.com/${type}`);
}

function violations(body: unknown): Violation[] {
  const out: Violation[] = [];
  for (const d of detailsOf(body, 'google.mybusiness.v4.ValidationError')) {
    for (const e of isObject(d) && Array.isArray(d.errorDetails) ? d.errorDetails : []) {
      if (!isObject(e)) continue;
      const code = typeof e.code === 'number' ? VALIDATION_CODES[e.code] : typeof e.code === 'string' ? e.code : undefined;
      out.push({ field: String(e.field ?? ''), description: String(e.message ?? ''), ...(code ? { code } : {}) });
    }
  }
  if (out.length > 0) return out;
  for (const d of detailsOf(body, 'google.rpc.BadRequest')) {
    for (const v of isObject(d) && Array.isArray(d.fieldViolations) ? d.fieldViolations : []) {
      if (isObject(v)) out.push({ field: String(v.field ?? ''), description: String(v.description ?? '') });
    }
  }
  return out;
}

function reason(body: unknown): string | undefined {
  const info = detailsOf(body, 'google.rpc.ErrorInfo')[0];
  return isObject(info) && typeof info.reason === 'string' ? info.reason : undefined;
}

/**
 * A v4 review reply (PUT or DELETE …/reviews/{r}/reply): its 400 is about the reply's text and its
 * 404 about the review, so the message must not send the user to the store's data.
 */
function isReplyRequest(links: readonly ErrorShape[]): boolean {
  return links.some((e) => /\/v4\/accounts\/[^/]+\/locations\/[^/]+\/reviews\/[^/?]+\/reply(?:\?|$)/.test(String(e.config?.url ?? '')));
}

function invalidReply(body: unknown, status: number, platformMessage: string): PlatformError {
  const found = violations(body);
  const what = found.map((v) => v.description).filter((d) => d !== '').join(' ') || platformMessage;
  const rule = `google.${found[0]?.code ?? reason(body) ?? 'INVALID_ARGUMENT'}`;
  return new PlatformError('INVALID', scrub(`Google refused the reply: ${what} Change the reply and send it again.`), { status, field: null, rule, platformMessage });
}

function invalid(body: unknown, status: number, platformMessage: string): PlatformError {
  const found = violations(body);
  const first = found.find((v) => tenpoFieldForGooglePath(v.field) !== null) ?? found[0];
  const field = first ? tenpoFieldForGooglePath(first.field) : null;
  const parts = found.map((v) => {
    const f = tenpoFieldForGooglePath(v.field);
    return `${f ? (LABELS[f] ?? f) : v.field || 'request'}: ${v.description}`;
  });
  const what = parts.length > 0 ? parts.join('; ') : platformMessage;
  const fix = field ? ` Change the ${LABELS[field] ?? field} in Tenpo and publish again.` : '';
  const rule = `google.${first?.code ?? reason(body) ?? 'INVALID_ARGUMENT'}`;
  return new PlatformError('INVALID', scrub(`Google refused the store's data (${what}).${fix}`), { status, field, rule, platformMessage });
}

function fromResponse(status: number, body: unknown, headers: unknown, reply: boolean): PlatformError {
  const error = isObject(body) ? body.error : undefined;
  // The OAuth token endpoint answers `{ error: "invalid_grant", error_description }`.
  if (typeof error === 'string') {
    const platformMessage = scrub(`${error}${isObject(body) && typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`);
    const details: PlatformErrorDetails = { status, rule: `google.oauth.${error}`, platformMessage };
    if (error === 'invalid_grant') return new PlatformError('AUTH_REVOKED', RECONNECT, details);
    if (status >= 500 || error === 'temporarily_unavailable') return new PlatformError('TRANSIENT', 'Google sign-in is temporarily unavailable.', details);
    return new PlatformError('PERMANENT', "Google refused Tenpo's OAuth client; the Tenpo operator must check the Google OAuth client id and secret.", details);
  }
  const platformMessage = scrub(isObject(error) && typeof error.message === 'string' ? error.message : `HTTP ${status}`);
  const grpc = isObject(error) && typeof error.status === 'string' ? error.status : undefined;
  const why = reason(body);
  const details: PlatformErrorDetails = { status, platformMessage, ...(why || grpc ? { rule: `google.${why ?? grpc}` } : {}) };

  if (status === 429 || grpc === 'RESOURCE_EXHAUSTED' || why === 'RATE_LIMIT_EXCEEDED') {
    const wait = retryAfterMs(headers);
    return new PlatformError('RATE_LIMITED', 'Google quota reached; the update will be retried shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (status >= 500 || status === 408) return new PlatformError('TRANSIENT', `Google is temporarily failing (HTTP ${status}).`, details);
  // The OAuth2 client (forceRefreshOnFailure) already refreshed and retried once on 401/403, so
  // one that reaches us is not a stale access token.
  if (status === 401) return new PlatformError('AUTH_REVOKED', RECONNECT, details);
  if (status === 403) {
    if (why === 'SERVICE_DISABLED' || why === 'API_DISABLED') {
      return new PlatformError('PERMANENT', "The Business Profile API is not enabled for Tenpo's Google project; the Tenpo operator must enable it.", details);
    }
    return new PlatformError('AUTH_REVOKED', `The connected Google account may no longer manage this business profile. ${RECONNECT}`, details);
  }
  if (status === 404) {
    return new PlatformError('NOT_FOUND', reply ? 'The review, or the listing it belongs to, no longer exists on Google; the customer may have deleted it.' : 'The listing or account no longer exists on Google.', details);
  }
  if (status === 400 || grpc === 'INVALID_ARGUMENT' || grpc === 'FAILED_PRECONDITION') {
    return reply ? invalidReply(body, status, platformMessage) : invalid(body, status, platformMessage);
  }
  return new PlatformError('PERMANENT', `Google refused the request (HTTP ${status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  const links = chain(err);
  const answered = links.find((e) => isObject(e.response) && typeof e.response.status === 'number');
  if (answered?.response) return fromResponse(answered.response.status as number, answered.response.data, answered.response.headers, isReplyRequest(links));

  const message = scrub(links.map((e) => (typeof e.message === 'string' ? e.message : '')).find((m) => m !== '') ?? String(err));
  if (links.some((e) => typeof e.name === 'string' && ABORTS.has(e.name))) {
    return new PlatformError('TRANSIENT', 'Google did not answer in time.', { platformMessage: message, rule: 'google.timeout' });
  }
  if (links.some((e) => typeof e.code === 'string' && NETWORK_CODES.has(e.code))) {
    return new PlatformError('TRANSIENT', 'The connection to Google failed.', { platformMessage: message, rule: 'google.network' });
  }
  return new PlatformError('PERMANENT', 'The Google request failed unexpectedly.', { platformMessage: message });
}
