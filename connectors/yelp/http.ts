/**
 * One HTTP exchange with Yelp over global fetch. A non-2xx answer becomes YelpHttpError holding
 * the status, the parsed body and Retry-After, for classifyError; nothing here retries (the
 * runtime does, within the quotas) and nothing here logs, since requests carry credentials.
 */
import type { JsonValue } from '../runtime/connector.ts';

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
  const headers: Record<string, string> = { accept: 'application/json', ...(req.authorization ? { authorization: req.authorization } : {}) };
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  }
  const res = await fetch(req.url, { method: req.method, headers, body, signal: req.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Kept as text: a proxy's HTML error page is still worth a look in support.
  }
  if (!res.ok) throw new YelpHttpError(req.api, res.status, parsed, res.headers.get('retry-after'));
  return parsed;
}
