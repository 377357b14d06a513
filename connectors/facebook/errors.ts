/**
 * Anything a Graph API call threw → PlatformError. Graph errors are
 * `{ error: { message, type, code, error_subcode, error_user_msg, is_transient, fbtrace_id } }`
 * (Graph API "Handling Errors"); the code says what happened more reliably than the HTTP status:
 * - 190 (and 102) invalid or expired token, 10 and 200-299 missing permission → AUTH_REVOKED;
 * - 4, 17, 32, 613 and 80001-80014 rate limits → RATE_LIMITED, waiting as long as the
 *   `X-Business-Use-Case-Usage` header's `estimated_time_to_regain_access` (minutes) or Retry-After says;
 * - 100 invalid parameter, 160 invalid geolocation → INVALID, with the Tenpo field the message names;
 * - 100 with subcode 33 and 803 (no such object) → NOT_FOUND; 12 (deprecated) and 368 (blocked) → PERMANENT;
 * - 1, 2 and `is_transient` → TRANSIENT.
 * One function serves Facebook and Instagram; `label` names the platform in messages and rules.
 */
import { PlatformError } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import type { PlatformErrorDetails } from '../runtime/errors.ts';
import { isObject, tenpoFieldForParameter } from './keys.ts';
import { GraphHttpError } from './session.ts';

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const PARAMETERS = ['store_name', 'store_code', 'location', 'street', 'city', 'state', 'zip', 'country', 'latitude', 'longitude', 'phone', 'website', 'hours', 'about', 'category_list', 'temporary_status', 'is_permanently_closed', 'name'];

interface GraphError {
  message: string;
  code: number | undefined;
  subcode: number | undefined;
  userMessage: string | undefined;
  transient: boolean;
  trace: string | undefined;
}

/** Tokens never reach a message, even if Graph ever echoed one (they start with EAA). */
function scrub(text: string): string {
  return text.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]').replace(/EAA[A-Za-z0-9]{10,}/g, '[redacted]').slice(0, 1000);
}

function graphError(body: unknown): GraphError | null {
  const e = isObject(body) ? body.error : undefined;
  if (!isObject(e)) return null;
  return {
    message: typeof e.message === 'string' ? e.message : '',
    code: typeof e.code === 'number' ? e.code : undefined,
    subcode: typeof e.error_subcode === 'number' ? e.error_subcode : undefined,
    userMessage: typeof e.error_user_msg === 'string' ? e.error_user_msg : undefined,
    transient: e.is_transient === true,
    trace: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
  };
}

/** The longest wait any business use case asks for, from X-Business-Use-Case-Usage, else Retry-After. */
function waitMs(headers: Headers): number | undefined {
  const usage = headers.get('x-business-use-case-usage');
  if (usage) {
    try {
      const parsed: unknown = JSON.parse(usage);
      const minutes = Object.values(isObject(parsed) ? parsed : {})
        .flatMap((v) => (Array.isArray(v) ? v : []))
        .map((u) => (isObject(u) && typeof u.estimated_time_to_regain_access === 'number' ? u.estimated_time_to_regain_access : 0));
      const longest = Math.max(0, ...minutes);
      if (longest > 0) return longest * 60_000;
    } catch {
      // A malformed header is no reason to lose the error; fall through to Retry-After.
    }
  }
  return retryAfterMs(headers.get('retry-after'));
}

function fromResponse(e: GraphHttpError, label: string): PlatformError {
  const rulePrefix = label.toLowerCase();
  const g = graphError(e.body);
  const platformMessage = scrub(g ? `${g.message}${g.trace ? ` (fbtrace_id ${g.trace})` : ''}` : typeof e.body === 'string' ? e.body.slice(0, 300) : `HTTP ${e.status}`);
  const code = g?.code;
  const details: PlatformErrorDetails = { status: e.status, platformMessage, rule: `${rulePrefix}.${code !== undefined ? `code${code}${g?.subcode ? `.${g.subcode}` : ''}` : `http${e.status}`}` };
  const reconnect = `Reconnect ${label} in Tenpo with a Page admin's account.`;

  if (e.status === 429 || (code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014)))) {
    const wait = waitMs(e.headers);
    return new PlatformError('RATE_LIMITED', `${label} rate limit reached; the update will be retried when Facebook allows it.`, { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (code === 190 || code === 102 || e.status === 401) {
    return new PlatformError('AUTH_REVOKED', `The ${label} access token expired or was revoked (a password change or removed Page role does this). ${reconnect}`, details);
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299) || e.status === 403) {
    return new PlatformError('AUTH_REVOKED', `${label} refused: the connected Page token lacks a permission or Page task this needs (${g?.message.slice(0, 120) ?? 'permission error'}). ${reconnect}`, details);
  }
  if (code === 803 || (code === 100 && g?.subcode === 33) || e.status === 404) {
    return new PlatformError('NOT_FOUND', `The Page no longer exists on ${label}, or the connected token cannot see it.`, details);
  }
  if (code === 1 || code === 2 || g?.transient === true || e.status >= 500) {
    return new PlatformError('TRANSIENT', `${label} is temporarily failing (HTTP ${e.status}${code !== undefined ? `, code ${code}` : ''}).`, details);
  }
  if (code === 12) {
    return new PlatformError('PERMANENT', `${label} no longer offers this through its API (deprecated in the Graph API version in use).`, details);
  }
  if (code === 368) {
    return new PlatformError('PERMANENT', `${label} blocked the action as abusive or disallowed; a Page admin must check the Page's status in Meta Business Suite.`, details);
  }
  if (code === 100 || code === 160 || code === 374 || code === 375 || e.status === 400) {
    const text = `${g?.message ?? ''} ${g?.userMessage ?? ''}`.toLowerCase();
    const parameter = code === 160 ? 'location' : PARAMETERS.find((p) => new RegExp(`\\b${p}\\b`).test(text));
    const field = parameter ? tenpoFieldForParameter(parameter) : null;
    const fix = field ? ` Change the store's ${field} in Tenpo and publish again.` : '';
    return new PlatformError('INVALID', scrub(`${label} refused the store's data (${g?.userMessage ?? g?.message ?? `HTTP ${e.status}`}).${fix}`), { ...details, field });
  }
  return new PlatformError('PERMANENT', `${label} refused the request (HTTP ${e.status}): ${platformMessage}`, details);
}

export function makeClassifyError(label: string): (err: unknown) => PlatformError {
  return (err: unknown): PlatformError => {
    if (err instanceof PlatformError) return err;
    if (err instanceof GraphHttpError) return fromResponse(err, label);
    const message = scrub(err instanceof Error ? err.message : String(err));
    const rule = label.toLowerCase();
    const transport = transportFailure(err, label, rule, message);
    if (transport) return transport;
    return new PlatformError('PERMANENT', `The ${label} request failed unexpectedly.`, { platformMessage: message });
  };
}

export const classifyError = makeClassifyError('Facebook');
