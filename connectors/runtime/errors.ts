import type { LocationField } from '../../src/locations/model.ts';

/**
 * Every failure a platform call can end in, as the runtime acts on it:
 * - RATE_LIMITED: slow down this platform (honouring `retryAfterMs`), never counts as an attempt.
 * - TRANSIENT: 5xx, timeouts, resets: retry with exponential backoff and jitter.
 * - AUTH_REVOKED: the credentials no longer work; the connection needs a person (ACTION_REQUIRED).
 * - INVALID: the platform refused the content; the listing needs a person (ACTION_REQUIRED).
 * - NOT_FOUND: the linked listing is gone on the platform.
 * - PERMANENT: anything else that retrying cannot fix.
 * - PENDING: the platform is still reviewing the listing (a new place under review): there is
 *   nothing to read or change there yet. Not a failure and never an attempt: a change waits
 *   `retryAfterMs` and is sent then; read-back and review pulls pass the listing by.
 */
export const PLATFORM_ERROR_KINDS = ['RATE_LIMITED', 'TRANSIENT', 'AUTH_REVOKED', 'INVALID', 'NOT_FOUND', 'PERMANENT', 'PENDING'] as const;
export type PlatformErrorKind = (typeof PLATFORM_ERROR_KINDS)[number];

export interface PlatformErrorDetails {
  retryAfterMs?: number;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** The Tenpo field the platform objected to, when it said which. */
  field?: LocationField | null;
  /** Stable code of the rule, e.g. "google.INVALID_PHONE_NUMBER". */
  rule?: string;
  /** The platform's own message, kept for support; `message` is what a user reads. */
  platformMessage?: string;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly kind: PlatformErrorKind,
    /** Actionable, in plain words; never contains credentials. */
    message: string,
    readonly details: PlatformErrorDetails = {},
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'RATE_LIMITED' || this.kind === 'TRANSIENT';
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}
