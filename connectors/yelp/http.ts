/**
 * One HTTP exchange with Yelp. A non-2xx answer becomes YelpHttpError holding the status, the
 * parsed body and Retry-After, for classifyError.
 */
import type { JsonValue } from '../runtime/connector.ts';
import { exchangeJson } from '../runtime/http.ts';

/** Which Yelp API answered: they differ in error bodies and in what a 400 is about. */
export type YelpApi = 'ingest' | 'details' | 'reviews' | 'r2r' | 'owner' | 'token';

export class YelpHttpError extends Error {
  override readonly name = 'YelpHttpError';
  constructor(
    readonly api: YelpApi,
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`Yelp (${api}) answered HTTP ${status}`);
  }
}

export interface YelpRequest {
  api: YelpApi;
  method: 'GET' | 'POST';
  url: string;
  /** Absent for the OAuth token endpoint, which takes the client's id and secret in the form. */
  authorization?: string;
  signal: AbortSignal;
  json?: JsonValue;
  form?: Record<string, string>;
}

export async function yelpFetch(req: YelpRequest): Promise<unknown> {
  const res = await exchangeJson({
    method: req.method,
    url: req.url,
    signal: req.signal,
    headers: req.authorization ? { authorization: req.authorization } : {},
    json: req.json,
    contentType: 'application/json; charset=utf-8',
    form: req.form,
  });
  if (!res.ok) throw new YelpHttpError(req.api, res.status, res.body, res.headers.get('retry-after'));
  return res.body;
}
