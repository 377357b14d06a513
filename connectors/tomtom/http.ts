/**
 * One HTTP exchange with TomTom over global fetch, the API key in the `key` query parameter as
 * every TomTom API takes it. A non-2xx answer becomes TomTomHttpError for classifyError; the URL
 * kept on the error has the key removed, since errors end up in logs.
 */

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
  const res = await fetch(req.url, {
    method: req.method,
    headers: { accept: 'application/json', ...(req.body ? { 'content-type': req.body.contentType } : {}) },
    // Copied into a plain ArrayBuffer-backed view, the body type fetch accepts.
    ...(req.body ? { body: new Uint8Array(req.body.data) } : {}),
    signal: req.signal,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Kept as text for support.
  }
  if (!res.ok) throw new TomTomHttpError(req.api, res.status, parsed, res.headers.get('retry-after'));
  return parsed;
}
