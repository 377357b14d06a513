/**
 * One HTTP exchange with HERE over global fetch. A non-2xx answer becomes HereHttpError with the
 * status, the parsed body and Retry-After, for classifyError; nothing here retries or logs
 * (requests carry the bearer token).
 */

/** Which HERE service answered: the token endpoint, the supplier feed, or Geocoding & Search lookup. */
export type HereApi = 'token' | 'feed' | 'lookup';

export class HereHttpError extends Error {
  override readonly name = 'HereHttpError';
  constructor(
    readonly api: HereApi,
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`HERE (${api}) answered HTTP ${status}`);
  }
}

export interface HereRequest {
  api: HereApi;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal: AbortSignal;
}

export async function hereFetch(req: HereRequest): Promise<unknown> {
  // Copied into a plain ArrayBuffer-backed view, the body type fetch accepts.
  const body = req.body instanceof Uint8Array ? new Uint8Array(req.body) : req.body;
  const res = await fetch(req.url, { method: req.method, headers: { accept: 'application/json', ...req.headers }, body, signal: req.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Kept as text: a proxy's error page is still worth keeping for support.
  }
  if (!res.ok) throw new HereHttpError(req.api, res.status, parsed, res.headers.get('retry-after'));
  return parsed;
}
