/**
 * Credentials and authorised requests. Tenpo reaches Apple Business as an approved partner with
 * one Service Account (client id and secret: app config): `POST {url}/api/v1/oauth2/token` with
 * grant_type client_credentials and scope "business" gives a bearer token for 60 minutes, with no
 * refresh token. A customer shares its organisation with Tenpo in Apple Business; the connection
 * then names that organisation (`orgId` setting) and the brand new locations belong to
 * (`brandId`). What a connection stores as credentials is only the last token, so a worker does
 * not ask for a new one per job. The session hides the token from JSON and util.inspect.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { appleFetch, AppleHttpError, type AppleResponse } from './http.ts';
import { appleBusinessConnectManifest } from './manifest.ts';
import { ID } from './rules.ts';

export interface AppleBusinessConnectConfig {
  /** Tenpo's Service Account in Apple Business. */
  clientId: string;
  clientSecret: string;
  /** https://business.apple.com when absent; the fake's URL in tests, or Apple's qualification hosts. */
  baseUrl?: string;
}

const credentialsSchema = z.strictObject({
  accessToken: z.string().min(1).optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().int().positive().optional(),
});
export type AppleCredentials = z.output<typeof credentialsSchema>;

function parseAppleCredentials(input: unknown): AppleCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Apple Business credentials are malformed (${fields.join('; ')}): expected an optional accessToken string and expiresAt in epoch milliseconds. Reconnect Apple Business in Tenpo.`, {
      rule: `${ID}.credentials.shape`,
    });
  }
  return result.data;
}

function toStored(c: AppleCredentials): Credentials {
  const out: Record<string, JsonValue> = {};
  if (c.accessToken !== undefined) out.accessToken = c.accessToken;
  if (c.expiresAt !== undefined) out.expiresAt = c.expiresAt;
  return out;
}

export function parseCredentials(input: unknown): Credentials {
  return toStored(parseAppleCredentials(input));
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** Ask for a new token a minute early: Apple recommends renewing close to expiry, not after it. */
const EARLY_MS = 60_000;

export class AppleSession {
  readonly #config: AppleBusinessConnectConfig;
  readonly #onCredentials: SessionInput['onCredentials'];
  #credentials: AppleCredentials;
  #refreshing: Promise<string> | null = null;
  readonly settings: SessionInput['settings'];
  readonly now: () => number;

  constructor(config: AppleBusinessConnectConfig, input: SessionInput, now: () => number = Date.now) {
    this.#config = config;
    this.#credentials = parseAppleCredentials(input.credentials);
    this.#onCredentials = input.onCredentials;
    this.settings = input.settings;
    this.now = now;
  }

  get baseUrl(): string {
    return (this.#config.baseUrl ?? (appleBusinessConnectManifest.baseUrl as string)).replace(/\/+$/, '');
  }

  /** `/api/v1/orgs/{orgId}` of the connection's organisation. */
  orgPath(): string {
    const orgId = this.settings.orgId;
    if (typeof orgId !== 'string' || !/^\d+$/.test(orgId)) {
      throw new PlatformError('INVALID', 'Enter the Apple Business organisation ID that shared its locations with Tenpo in the Apple Business connection settings, then publish again.', {
        rule: `${ID}.settings.orgId`,
      });
    }
    return `/api/v1/orgs/${orgId}`;
  }

  /** An authorised API request; a token Apple refuses (401) is renewed once and the request repeated. */
  async request(method: 'GET' | 'POST' | 'PUT', path: string, signal: AbortSignal, options: { json?: JsonValue; ifMatch?: string } = {}): Promise<AppleResponse> {
    const send = (token: string) => appleFetch({ api: 'api', method, url: `${this.baseUrl}${path}`, authorization: `Bearer ${token}`, signal, ...options });
    const token = await this.#token(signal, false);
    try {
      return await send(token);
    } catch (err) {
      if (!(err instanceof AppleHttpError) || err.status !== 401) throw err;
      return send(await this.#token(signal, true));
    }
  }

  #token(signal: AbortSignal, force: boolean): Promise<string> {
    const c = this.#credentials;
    if (!force && c.accessToken && c.expiresAt !== undefined && c.expiresAt - EARLY_MS > this.now()) return Promise.resolve(c.accessToken);
    // One renewal at a time: concurrent requests share it.
    this.#refreshing ??= this.#renew(signal).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #renew(signal: AbortSignal): Promise<string> {
    const { body } = await appleFetch({
      api: 'token',
      method: 'POST',
      url: `${this.baseUrl}/api/v1/oauth2/token`,
      signal,
      json: { client_id: this.#config.clientId, client_secret: this.#config.clientSecret, grant_type: 'client_credentials', scope: 'business' },
    });
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) {
      throw new PlatformError('PERMANENT', "Apple's token endpoint answered without an access token; the Tenpo operator must check the Apple Business connector.", { rule: `${ID}.oauth.responseShape` });
    }
    this.#credentials = { accessToken: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000 };
    try {
      this.#onCredentials(toStored(this.#credentials));
    } catch {
      // Storing the token only saves a renewal later; the request at hand must not fail for it.
    }
    return parsed.data.access_token;
  }

  toJSON(): JsonValue {
    return { platform: ID, orgId: typeof this.settings.orgId === 'string' ? this.settings.orgId : null };
  }

  [inspect.custom](): string {
    return `AppleSession { orgId: ${JSON.stringify(this.settings.orgId ?? null)}, credentials: [hidden] }`;
  }
}

export function openSession(config: AppleBusinessConnectConfig, input: SessionInput): AppleSession {
  return new AppleSession(config, input);
}
