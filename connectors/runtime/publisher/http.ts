import type { JsonValue } from '../connector.ts';
import { PlatformError } from '../errors.ts';
import { exchangeJson, retryAfterMs, transportFailure } from '../http.ts';
import { STANDARD_FIELDS, type StandardKey } from '../standard/values.ts';

/** A partner's answer that was not a success, kept whole for classifyError. */
export class PublisherHttpError extends Error {
  override readonly name = 'PublisherHttpError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`partner answered HTTP ${status}`);
  }
}

export interface PublisherEndpoint {
  /** e.g. "https://partner.example/tenpo"; from the connection's settings. */
  endpoint: string;
  apiKey: string;
}

export async function publisherRequest(
  target: PublisherEndpoint,
  init: { method: string; path: string; signal: AbortSignal; json?: JsonValue; body?: Uint8Array; contentType?: string; headers?: Record<string, string> },
): Promise<JsonValue> {
  const contentType = init.json !== undefined ? (init.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json') : (init.contentType ?? 'application/octet-stream');
  const res = await exchangeJson({
    method: init.method,
    url: `${target.endpoint.replace(/\/$/, '')}${init.path}`,
    signal: init.signal,
    headers: { authorization: `Bearer ${target.apiKey}`, ...init.headers },
    json: init.json,
    body: init.body,
    contentType,
  });
  if (!res.ok) throw new PublisherHttpError(res.status, res.body, res.headers.get('retry-after'));
  return res.body as JsonValue;
}

interface Problem {
  detail?: string;
  title?: string;
  errors?: { field?: string; code?: string; detail?: string }[];
}

/** Maps what a publisher-protocol call threw to the runtime's error kinds, in plain words. */
export function classifyPublisherError(platform: { id: string; name: string }, error: unknown): PlatformError {
  const platformName = platform.name;
  if (error instanceof PlatformError) return error;
  if (!(error instanceof PublisherHttpError)) {
    const message = error instanceof Error ? error.message : String(error);
    return (
      transportFailure(error, platformName, platform.id, message) ??
      new PlatformError('PERMANENT', `The ${platformName} request failed unexpectedly.`, { platformMessage: message })
    );
  }
  const problem = (error.body && typeof error.body === 'object' ? error.body : {}) as Problem;
  const first = problem.errors?.[0];
  const platformMessage = [problem.title, problem.detail, first?.detail].filter(Boolean).join(': ') || `HTTP ${error.status}`;
  const details = { status: error.status, platformMessage };
  if (error.status === 429) {
    return new PlatformError('RATE_LIMITED', `${platformName} asked Tenpo to slow down.`, { ...details, retryAfterMs: retryAfterMs(error.retryAfter) });
  }
  if (error.status === 401 || error.status === 403) {
    return new PlatformError('AUTH_REVOKED', `${platformName} no longer accepts this connection's key; enter the key from your ${platformName} partner account again.`, details);
  }
  if (error.status === 404) return new PlatformError('NOT_FOUND', `The listing is gone from ${platformName}; Tenpo will create it again on the next sync.`, details);
  if (error.status === 400 || error.status === 409 || error.status === 422) {
    const key = first?.field as StandardKey | undefined;
    const field = key && key in STANDARD_FIELDS ? STANDARD_FIELDS[key][0] : null;
    return new PlatformError('INVALID', `${platformName} refused the listing: ${first?.detail ?? problem.detail ?? 'no reason given'}.`, {
      ...details,
      field,
      rule: first?.code ? `${platform.id}.${first.code}` : undefined,
    });
  }
  if (error.status >= 500) return new PlatformError('TRANSIENT', `${platformName} had a server error (HTTP ${error.status}); Tenpo will try again.`, details);
  return new PlatformError('PERMANENT', `${platformName} answered HTTP ${error.status}: ${platformMessage}`, details);
}
