import type { JsonValue } from './connector.ts';
import { PlatformError } from './errors.ts';

/**
 * What every HTTP connector does the same way: one JSON exchange over global fetch, how long a
 * platform asked to be left alone, and a request that never got an answer (timed out, connection
 * refused or reset), which is always worth retrying.
 */

/**
 * One request. At most one of `json`, `form` and `body` is sent, in that order of precedence.
 * `contentType` is the type of `json` (application/json when absent: platforms differ on charset
 * and patch media types) or of a raw `body` (none when absent, unless `headers` give one); a
 * `form` is always application/x-www-form-urlencoded.
 */
export interface JsonExchange {
  method: string;
  url: string | URL;
  signal: AbortSignal;
  /** Sent after `accept: application/json`, which they may override. */
  headers?: Readonly<Record<string, string>>;
  json?: JsonValue;
  form?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  contentType?: string;
}

export interface JsonAnswer {
  ok: boolean;
  status: number;
  /** Parsed JSON; the text itself when it is not JSON; null when empty. */
  body: unknown;
  /** The body as received, for connectors that quote it. */
  text: string;
  headers: Headers;
}

/**
 * Sends `req` and reads the answer whatever its status: each connector turns a non-2xx into its
 * own error class, which its classifyError keys on. Nothing here retries (the runtime does, within
 * the quotas) and nothing here logs, since requests carry credentials.
 */
export async function exchangeJson(req: JsonExchange): Promise<JsonAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = req.contentType ?? 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.body !== undefined) {
    if (req.contentType) headers['content-type'] = req.contentType;
    // Copied into a plain ArrayBuffer-backed view, the body type fetch accepts.
    body = typeof req.body === 'string' ? req.body : new Uint8Array(req.body);
  }
  const res = await fetch(req.url, { method: req.method, headers, body, signal: req.signal });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    // Kept as text: a proxy's HTML page or a platform's XML error is still worth a look in support.
  }
  return { ok: res.ok, status: res.status, body: parsed, text, headers: res.headers };
}

/** Retry-After as milliseconds: seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/**
 * TRANSIENT for a request the platform never answered (`{rule}.timeout`, `{rule}.network`); null
 * for anything else, which the connector classifies itself. `platformMessage` is the error's own
 * message, already scrubbed of secrets where the connector's errors could carry them.
 */
export function transportFailure(error: unknown, platformName: string, rule: string, platformMessage: string): PlatformError | null {
  const e = error as { name?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return new PlatformError('TRANSIENT', `${platformName} did not answer in time.`, { rule: `${rule}.timeout`, platformMessage });
  }
  if ((typeof e?.cause?.code === 'string' && NETWORK_CODES.has(e.cause.code)) || (error instanceof TypeError && platformMessage.includes('fetch failed'))) {
    return new PlatformError('TRANSIENT', `The connection to ${platformName} failed.`, { rule: `${rule}.network`, platformMessage });
  }
  return null;
}
