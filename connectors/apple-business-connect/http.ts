/**
 * One HTTP exchange with the Apple Business API over global fetch. A non-2xx answer becomes
 * AppleHttpError with the status, the parsed body (Apple answers errors as an array of
 * { code, message, details }) and Retry-After, for classifyError. Nothing here retries (the
 * runtime does, within the quotas) and nothing here logs: requests carry the bearer token.
 */
import type { JsonValue } from '../runtime/connector.ts';

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
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.authorization) headers.authorization = req.authorization;
  if (req.ifMatch) headers['if-match'] = req.ifMatch;
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const res = await fetch(req.url, { method: req.method, headers, body, signal: req.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Kept as text: a proxy's HTML error page is still worth a look in support.
  }
  if (!res.ok) throw new AppleHttpError(req.api, res.status, parsed, res.headers.get('retry-after'));
  return { body: parsed, etag: res.headers.get('etag') };
}
