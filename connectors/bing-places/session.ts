/**
 * The trusted-partner API's requests. Bing allow-lists Tenpo as a partner; every request is a JSON
 * POST to `{base}/<Operation>` (CreateBusinesses, UpdateBusinesses, GetBusinesses,
 * GetBusinessStatusInfo) whose body names the Bing Places user Tenpo acts for (`Identity`: Puid,
 * AuthProvider, EmailId) and a `TrackingId` for Bing's support. A connection's credentials are
 * that identity. Bing answers HTTP 200 with `OperationStatus: false`, `ErrorCode` and
 * `ErrorMessage` when it refuses the whole request; both that and a non-2xx become BingError.
 * Nothing here logs or retries.
 */
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { exchangeJson } from '../runtime/http.ts';
import { bingPlacesManifest } from './manifest.ts';
import { ID } from './rules.ts';

export interface BingPlacesConfig {
  /** https://www.bingplaces.com/trustedPartnerApi/v1 when absent; Bing's sandbox or the fake otherwise. */
  baseUrl?: string;
}

const credentialsSchema = z.strictObject({
  puid: z.string().min(1),
  authProvider: z.string().min(1),
  emailId: z.email(),
});
export type BingCredentials = z.output<typeof credentialsSchema>;

function parseBingCredentials(input: unknown): BingCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Bing Places credentials are malformed (${fields.join('; ')}): expected the Bing Places user's puid, authProvider and emailId (an email address). Reconnect Bing Places in Tenpo.`, {
      rule: `${ID}.credentials.shape`,
    });
  }
  return result.data;
}

export function parseCredentials(input: unknown): Credentials {
  const c = parseBingCredentials(input);
  return { puid: c.puid, authProvider: c.authProvider, emailId: c.emailId };
}

export type BingOperation = 'CreateBusinesses' | 'UpdateBusinesses' | 'GetBusinesses' | 'GetBusinessStatusInfo';

export class BingError extends Error {
  override readonly name = 'BingError';
  constructor(
    readonly operation: BingOperation,
    /** HTTP status; 200 when Bing refused the request in its body. */
    readonly status: number,
    readonly errorCode: string | null,
    readonly errorMessage: string,
    readonly retryAfter: string | null,
  ) {
    super(`Bing Places ${operation} failed (HTTP ${status}${errorCode !== null ? `, ErrorCode ${errorCode}` : ''})`);
  }
}

type Body = Record<string, unknown>;

export class BingSession {
  readonly #identity: { Puid: string; AuthProvider: string; EmailId: string };
  readonly #baseUrl: string;
  readonly settings: SessionInput['settings'];
  readonly emailId: string;

  constructor(config: BingPlacesConfig, input: SessionInput) {
    const c = parseBingCredentials(input.credentials);
    this.#identity = { Puid: c.puid, AuthProvider: c.authProvider, EmailId: c.emailId };
    this.#baseUrl = (config.baseUrl ?? (bingPlacesManifest.baseUrl as string)).replace(/\/+$/, '');
    this.settings = input.settings;
    this.emailId = c.emailId;
  }

  async post(operation: BingOperation, payload: Record<string, JsonValue>, signal: AbortSignal): Promise<Body> {
    const trackingId = randomUUID();
    const res = await exchangeJson({ method: 'POST', url: `${this.#baseUrl}/${operation}`, signal, json: { ...payload, TrackingId: trackingId, Identity: this.#identity } });
    const o = (typeof res.body === 'object' && res.body !== null && !Array.isArray(res.body) ? res.body : {}) as Body;
    const code = o.ErrorCode === undefined || o.ErrorCode === null ? null : String(o.ErrorCode);
    const message = typeof o.ErrorMessage === 'string' ? o.ErrorMessage : res.text.slice(0, 300);
    if (!res.ok) throw new BingError(operation, res.status, code, message, res.headers.get('retry-after'));
    if (o.OperationStatus !== true) throw new BingError(operation, res.status, code, message || 'OperationStatus false', null);
    return o;
  }

  toJSON(): JsonValue {
    return { platform: ID, emailId: this.emailId };
  }

  [inspect.custom](): string {
    return `BingSession { emailId: ${JSON.stringify(this.emailId)} }`;
  }
}

export function openSession(config: BingPlacesConfig, input: SessionInput): BingSession {
  return new BingSession(config, input);
}
