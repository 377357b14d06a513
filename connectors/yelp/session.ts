/**
 * Credentials and the authorised requests. Yelp reaches a store three ways:
 * - Data Ingestion (partner-api.yelp.com/v1/ingest): HTTP Basic with Tenpo's partner credentials;
 * - business details and reviews (api.yelp.com/v3): Tenpo's API key as a Bearer token;
 * - Respond to Reviews (partner-api.yelp.com/reviews/v1) and the owner profile: the business
 *   owner's OAuth access token, valid 7 days, refreshed with their refresh token (365 days) at
 *   api.yelp.com/oauth2/token. Only this last one is per connection; the rest is app config.
 * The session hides every secret from JSON and util.inspect.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { yelpFetch, YelpHttpError, type YelpApi } from './http.ts';

export interface YelpConfig {
  /** Tenpo's OAuth client for Respond to Reviews. */
  clientId: string;
  clientSecret: string;
  /** Tenpo's Data Ingestion (partner) credentials, HTTP Basic. */
  partnerUser: string;
  partnerPassword: string;
  /** Tenpo's API key for business details and reviews (api.yelp.com/v3). */
  apiKey: string;
  /** partner-api.yelp.com; the fake's URL in tests. */
  baseUrl?: string;
  /** api.yelp.com (business details, reviews, OAuth token); the fake's URL in tests. */
  apiBaseUrl?: string;
}

const credentialsSchema = z.strictObject({
  refreshToken: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().int().positive().optional(),
});
export type YelpCredentials = z.output<typeof credentialsSchema>;

function parseYelpCredentials(input: unknown): YelpCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Yelp credentials are malformed (${fields.join('; ')}): expected a refreshToken string, with an optional accessToken string and expiresAt in epoch milliseconds. Reconnect the Yelp business owner account in Tenpo.`, {
      rule: 'yelp.credentials.shape',
    });
  }
  return result.data;
}

function toStored(c: YelpCredentials): Credentials {
  const out: Record<string, JsonValue> = { refreshToken: c.refreshToken };
  if (c.accessToken !== undefined) out.accessToken = c.accessToken;
  if (c.expiresAt !== undefined) out.expiresAt = c.expiresAt;
  return out;
}

export function parseCredentials(input: unknown): Credentials {
  return toStored(parseYelpCredentials(input));
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive(), refresh_token: z.string().min(1).optional() });

/** Refresh a minute early: a token that expires in flight fails the request it was sent with. */
const EARLY_MS = 60_000;

const trim = (url: string) => url.replace(/\/+$/, '');

export class YelpSession {
  readonly #config: YelpConfig;
  readonly #onCredentials: SessionInput['onCredentials'];
  #credentials: YelpCredentials;
  #refreshing: Promise<string> | null = null;
  readonly settings: SessionInput['settings'];
  readonly now: () => number;

  constructor(config: YelpConfig, input: SessionInput, now: () => number = Date.now) {
    this.#config = config;
    this.#credentials = parseYelpCredentials(input.credentials);
    this.#onCredentials = input.onCredentials;
    this.settings = input.settings;
    this.now = now;
  }

  get partnerUrl(): string {
    return trim(this.#config.baseUrl ?? 'https://partner-api.yelp.com');
  }

  get apiUrl(): string {
    return trim(this.#config.apiBaseUrl ?? 'https://api.yelp.com');
  }

  /** Data Ingestion, with Tenpo's partner credentials. */
  partner(api: YelpApi, method: 'GET' | 'POST', path: string, signal: AbortSignal, json?: JsonValue): Promise<unknown> {
    const basic = Buffer.from(`${this.#config.partnerUser}:${this.#config.partnerPassword}`).toString('base64');
    return yelpFetch({ api, method, url: `${this.partnerUrl}${path}`, authorization: `Basic ${basic}`, signal, ...(json !== undefined ? { json } : {}) });
  }

  /** Business details and reviews, with Tenpo's API key. */
  places(api: YelpApi, path: string, signal: AbortSignal): Promise<unknown> {
    return yelpFetch({ api, method: 'GET', url: `${this.apiUrl}${path}`, authorization: `Bearer ${this.#config.apiKey}`, signal });
  }

  /** On the business owner's behalf; a token Yelp no longer takes is refreshed once and retried. */
  async owner(api: YelpApi, method: 'GET' | 'POST', path: string, signal: AbortSignal, json?: JsonValue): Promise<unknown> {
    const send = (token: string) => yelpFetch({ api, method, url: `${this.partnerUrl}${path}`, authorization: `Bearer ${token}`, signal, ...(json !== undefined ? { json } : {}) });
    const token = await this.#accessToken(signal, false);
    try {
      return await send(token);
    } catch (err) {
      if (!(err instanceof YelpHttpError) || err.status !== 401) throw err;
      return send(await this.#accessToken(signal, true));
    }
  }

  #accessToken(signal: AbortSignal, force: boolean): Promise<string> {
    const c = this.#credentials;
    if (!force && c.accessToken && c.expiresAt !== undefined && c.expiresAt - EARLY_MS > this.now()) return Promise.resolve(c.accessToken);
    // One refresh at a time: concurrent calls share it rather than racing the refresh token.
    this.#refreshing ??= this.#refresh(signal).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #refresh(signal: AbortSignal): Promise<string> {
    const body = await yelpFetch({
      api: 'token',
      method: 'POST',
      url: `${this.apiUrl}/oauth2/token`,
      signal,
      form: { client_id: this.#config.clientId, client_secret: this.#config.clientSecret, grant_type: 'refresh_token', refresh_token: this.#credentials.refreshToken },
    });
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) throw new PlatformError('PERMANENT', "Yelp's token endpoint answered without an access token; the Tenpo operator must check the Yelp connector.", { rule: 'yelp.oauth.responseShape' });
    this.#credentials = {
      refreshToken: parsed.data.refresh_token ?? this.#credentials.refreshToken,
      accessToken: parsed.data.access_token,
      expiresAt: this.now() + parsed.data.expires_in * 1000,
    };
    try {
      this.#onCredentials(toStored(this.#credentials));
    } catch {
      // Storing the new access token saves a refresh later; the request at hand must not fail for it.
    }
    return parsed.data.access_token;
  }

  toJSON(): JsonValue {
    return { platform: 'yelp' };
  }

  [inspect.custom](): string {
    return 'YelpSession { credentials: [hidden] }';
  }
}

export function openSession(config: YelpConfig, input: SessionInput): YelpSession {
  return new YelpSession(config, input);
}
