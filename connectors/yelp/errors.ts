/**
 * Yelp's answers → PlatformError. Yelp's partner APIs answer `{ "error": { "id", "description",
 * "http_code" } }`, its business details and reviews `{ "error": { "code", "description" } }`.
 * Which API failed matters: a 401 on Tenpo's own partner credentials is for the Tenpo operator,
 * one on the owner's token (already refreshed once, session.ts) for the owner to reconnect.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { retryAfterMs, transportFailure } from '../runtime/http.ts';
import { YelpHttpError } from './http.ts';
import { tenpoFieldForAttribute } from './keys.ts';

const RECONNECT = 'Reconnect the Yelp business owner account in Tenpo.';

/** What an owner must do about each Respond to Reviews refusal (docs: "R2R Error Responses"). */
const R2R_ACTIONS: Readonly<Record<string, string>> = {
  R2R_PROBLEM_WITH_USER_PHOTO: 'Yelp requires the business owner to have an approved profile photo before replying; upload one on biz.yelp.com, then send the reply again.',
  R2R_UNACCEPTABLE_BIZ_USER_NAME: 'Yelp does not accept the business owner’s display name for public replies; change it on biz.yelp.com, then send the reply again.',
  R2R_BUSINESS_NOT_CLAIMED: 'This business is not claimed by the connected Yelp owner; claim it on biz.yelp.com or connect the owner who claimed it.',
  R2R_COMMENTS_NOT_ALLOWED: 'Yelp has not enabled replies through partners for this location; ask your Yelp account manager to enable Respond to Reviews.',
  R2R_PUBLIC_COMMENTS_DISABLED: 'Yelp has turned public replies off for this business.',
  R2R_PERMISSION_DENIED: 'The connected Yelp owner may not reply to this review.',
  INSUFFICIENT_SCOPE: `Tenpo was not granted permission to reply to reviews. ${RECONNECT}`,
  R2R_COMMENT_QUOTA_EXCEEDED: 'Yelp takes at most 20 replies per location per day; send this reply tomorrow.',
};

function errorOf(body: unknown): { id: string | undefined; description: string | undefined; field: string | undefined } {
  const e = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!e || typeof e !== 'object') return { id: undefined, description: typeof body === 'string' ? body.slice(0, 200) : undefined, field: undefined };
  const o = e as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { id: str(o.id) ?? str(o.code), description: str(o.description), field: str(o.field) };
}

function fromResponse(err: YelpHttpError): PlatformError {
  const { id, description, field } = errorOf(err.body);
  const platformMessage = description ? `${id ?? 'ERROR'}: ${description}` : `HTTP ${err.status}`;
  const details: PlatformErrorDetails = { status: err.status, platformMessage, ...(id ? { rule: `yelp.${id}` } : {}) };

  if (err.status === 429 || id === 'ACCESS_LIMIT_REACHED' || id === 'TOO_MANY_REQUESTS_PER_SECOND') {
    const wait = retryAfterMs(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'Yelp quota reached; Tenpo will try again shortly.', { ...details, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (err.status >= 500 || err.status === 408) return new PlatformError('TRANSIENT', `Yelp is temporarily failing (HTTP ${err.status}).`, details);

  if (err.api === 'token') {
    if (id === 'INVALID_GRANT' || id === 'TOKEN_NOT_FOUND' || id === 'INVALID_TOKEN') return new PlatformError('AUTH_REVOKED', `Yelp no longer accepts the owner's authorisation. ${RECONNECT}`, details);
    return new PlatformError('PERMANENT', "Yelp refused Tenpo's OAuth client; the Tenpo operator must check the Yelp client id and secret.", details);
  }
  const ownerApi = err.api === 'r2r' || err.api === 'owner';
  if (err.status === 401 || err.status === 403) {
    if (ownerApi) return new PlatformError('AUTH_REVOKED', `Yelp no longer accepts the owner's authorisation. ${RECONNECT}`, details);
    return new PlatformError('PERMANENT', `Yelp refused Tenpo's partner credentials for this request (HTTP ${err.status}); the Tenpo operator must check the Yelp partner agreement and credentials.`, details);
  }
  if (err.api === 'r2r') {
    if (id === 'R2R_REVIEW_DOES_NOT_EXIST') return new PlatformError('NOT_FOUND', 'The review no longer exists on Yelp; the customer may have removed it.', details);
    if (id === 'R2R_INVALID_RESPONSE_TEXT') {
      return new PlatformError('INVALID', 'Yelp refused the reply text (empty, over 5,000 characters, foul language, or too close to a reply already posted); change the reply and send it again.', { ...details, field: null });
    }
    const action = id ? R2R_ACTIONS[id] : undefined;
    if (action) return new PlatformError('PERMANENT', action, details);
  }
  if (err.status === 404 || id === 'BUSINESS_NOT_FOUND' || id === 'BUSINESS_MIGRATED') {
    return new PlatformError('NOT_FOUND', id === 'BUSINESS_MIGRATED' ? 'Yelp merged this business into another one; link the store to its current Yelp business.' : 'The business is not on Yelp (any more).', details);
  }
  if (err.status === 400 || err.status === 422) {
    const tenpoField = field ? tenpoFieldForAttribute(field.split('.').at(-1) ?? field) : null;
    return new PlatformError('INVALID', `Yelp refused the request: ${description ?? 'no reason given'}.${tenpoField ? ` Change the ${tenpoField} in Tenpo and publish again.` : ''}`, { ...details, field: tenpoField });
  }
  return new PlatformError('PERMANENT', `Yelp refused the request (HTTP ${err.status}): ${platformMessage}`, details);
}

export function classifyError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof YelpHttpError) return fromResponse(err);
  const message = err instanceof Error ? err.message : String(err);
  const transport = transportFailure(err, 'Yelp', 'yelp', message);
  if (transport) return transport;
  return new PlatformError('PERMANENT', 'The Yelp request failed unexpectedly.', { platformMessage: message });
}
