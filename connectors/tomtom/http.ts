/**
 * One HTTP exchange with TomTom, the API key in the `key` query parameter as every TomTom API takes
 * it. A non-2xx answer becomes TomTomHttpError for classifyError; the error keeps no URL, since
 * the URL carries the key and errors end up in logs.
 */
import { exchangeJson } from '../runtime/http.ts';

export type TomTomApi = 'feed' | 'search';

export class TomTomHttpError extends Error {
  override readonly name = 'TomTomHttpError';
  constructor(
    readonly api: TomTomApi,
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`TomTom (${api}) answered HTTP ${status}`);
  }
}

export async function tomtomFetch(req: { api: TomTomApi; method: 'GET' | 'POST'; url: URL; signal: AbortSignal; body?: { contentType: string; data: Uint8Array } }): Promise<unknown> {
  const res = await exchangeJson({ method: req.method, url: req.url, signal: req.signal, ...(req.body ? { body: req.body.data, contentType: req.body.contentType } : {}) });
  if (!res.ok) throw new TomTomHttpError(req.api, res.status, res.body, res.headers.get('retry-after'));
  return res.body;
}
