import { PlatformError } from './errors.ts';

/**
 * What every HTTP connector reads the same way: how long a platform asked to be left alone, and
 * a request that never got an answer (timed out, connection refused or reset), which is always
 * worth retrying.
 */

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
