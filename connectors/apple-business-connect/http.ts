/**
 * One HTTP exchange with the Apple Business API. A non-2xx answer becomes AppleHttpError with the
 * status, the parsed body (Apple answers errors as an array of { code, message, details }) and
 * Retry-After, for classifyError.
 */
import type { JsonValue } from '../runtime/connector.ts';
import { exchangeJson } from '../runtime/http.ts';

/** Which endpoint answered: the token endpoint's refusals are Tenpo's, the API's the customer's. */
export type AppleApi = 'token' | 'api';

export class AppleHttpError extends Error {
  override readonly name = 'AppleHttpError';
  constructor(
    readonly api: AppleApi,
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`Apple Business (${api}) answered HTTP ${status}`);
  }
}

export interface AppleRequest {
  api: AppleApi;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  signal: AbortSignal;
  authorization?: string;
  ifMatch?: string;
  json?: JsonValue;
}

export interface AppleResponse {
  body: unknown;
  /** The resource's version (the `etag` response header), when Apple sends one. */
  etag: string | null;
}

export async function appleFetch(req: AppleRequest): Promise<AppleResponse> {
  const headers: Record<string, string> = {};
  if (req.authorization) headers.authorization = req.authorization;
  if (req.ifMatch) headers['if-match'] = req.ifMatch;
  const res = await exchangeJson({ method: req.method, url: req.url, signal: req.signal, headers, json: req.json });
  if (!res.ok) throw new AppleHttpError(req.api, res.status, res.body, res.headers.get('retry-after'));
  return { body: res.body, etag: res.headers.get('etag') };
}
