/**
 * One HTTP exchange with HERE. A non-2xx answer becomes HereHttpError with the status, the parsed
 * body and Retry-After, for classifyError.
 */
import { exchangeJson } from '../runtime/http.ts';

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
  const res = await exchangeJson({ method: req.method, url: req.url, signal: req.signal, headers: req.headers, body: req.body });
  if (!res.ok) throw new HereHttpError(req.api, res.status, res.body, res.headers.get('retry-after'));
  return res.body;
}
