/**
 * The Tripadvisor Content API (api.content.tripadvisor.com/api/v1), read-only: Tenpo's key goes in
 * the `key` query parameter. A non-2xx answer becomes ContentApiError for classifyError.
 */
import { PlatformError, type PlatformErrorDetails } from '../runtime/errors.ts';
import { exchangeJson } from '../runtime/http.ts';

export class ContentApiError extends Error {
  override readonly name = 'ContentApiError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`Tripadvisor Content API answered HTTP ${status}`);
  }
}

export interface ContentApi {
  baseUrl: string;
  key: string;
}

export async function contentGet(api: ContentApi, path: string, params: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  const query = new URLSearchParams({ key: api.key, ...params });
  const res = await exchangeJson({ method: 'GET', url: `${api.baseUrl.replace(/\/+$/, '')}${path}?${query}`, signal });
  if (!res.ok) throw new ContentApiError(res.status, res.body, res.headers.get('retry-after'));
  return res.body;
}

/** Content API errors: `{ "error": { "message", "type", "code" } }`. The key is never echoed. */
export function classifyContentError(err: ContentApiError): PlatformError {
  const e = err.body && typeof err.body === 'object' ? (err.body as { error?: { message?: unknown; type?: unknown } }).error : undefined;
  const message = typeof e?.message === 'string' ? e.message : `HTTP ${err.status}`;
  const details: PlatformErrorDetails = { status: err.status, platformMessage: message, ...(typeof e?.type === 'string' ? { rule: `tripadvisor.${e.type}` } : {}) };
  if (err.status === 429) {
    const seconds = Number(err.retryAfter);
    return new PlatformError('RATE_LIMITED', 'Tripadvisor Content API quota reached; Tenpo will try again shortly.', { ...details, ...(err.retryAfter !== null && Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}) });
  }
  if (err.status >= 500) return new PlatformError('TRANSIENT', `Tripadvisor is temporarily failing (HTTP ${err.status}).`, details);
  if (err.status === 401 || err.status === 403) {
    return new PlatformError('PERMANENT', "Tripadvisor refused Tenpo's Content API key (unknown, disabled, over its daily budget or called from an address the key does not allow); the Tenpo operator must check it.", details);
  }
  if (err.status === 404) return new PlatformError('NOT_FOUND', 'Tripadvisor has no location with this id.', details);
  return new PlatformError('PERMANENT', `Tripadvisor refused the request (HTTP ${err.status}): ${message}`, details);
}
