/**
 * Credentials and the authorised clients. One OAuth2 client per session carries the merchant's
 * refresh token; both API clients and the v4 reviews requests go through it, so a refresh made for
 * one serves all and is reported once through onCredentials. Nothing here logs, and the session hides
 * the clients from JSON and util.inspect, because they hold the tokens.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Auth } from 'googleapis';
import { mybusinessaccountmanagement_v1 } from 'googleapis/build/src/apis/mybusinessaccountmanagement/index.js';
import { auth as authPlus, mybusinessbusinessinformation_v1 } from 'googleapis/build/src/apis/mybusinessbusinessinformation/index.js';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';

export interface GoogleConfig {
  clientId: string;
  clientSecret: string;
  /** e.g. `http://127.0.0.1:PORT/` for the fake; Google's own when absent. */
  rootUrl?: string;
  tokenUrl?: string;
}

const credentialsSchema = z.strictObject({
  refreshToken: z.string().min(1),
  accessToken: z.string().min(1).optional(),
  expiryDate: z.number().int().positive().optional(),
});
export type GoogleCredentials = z.output<typeof credentialsSchema>;

function toStored(c: GoogleCredentials): Credentials {
  const out: Record<string, JsonValue> = { refreshToken: c.refreshToken };
  if (c.accessToken !== undefined) out.accessToken = c.accessToken;
  if (c.expiryDate !== undefined) out.expiryDate = c.expiryDate;
  return out;
}

/** Validates stored or submitted credentials. The message names fields only, never values. */
function parseGoogleCredentials(input: unknown): GoogleCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Google credentials are malformed (${fields.join('; ')}): expected a refreshToken string, with an optional accessToken string and expiryDate in epoch milliseconds. Reconnect the Google account in Tenpo.`, { rule: 'google.credentials.shape' });
  }
  return result.data;
}

export function parseCredentials(input: unknown): Credentials {
  return toStored(parseGoogleCredentials(input));
}

export type RequestOptions = Parameters<Auth.OAuth2Client['request']>[0];
export type BusinessInformation = mybusinessbusinessinformation_v1.Mybusinessbusinessinformation;
export type AccountManagement = mybusinessaccountmanagement_v1.Mybusinessaccountmanagement;

/** My Business v4 (reviews) lives on its own host; the typed clients know theirs. */
const V4_ROOT = 'https://mybusiness.googleapis.com/';

export class GoogleSession {
  readonly #auth: Auth.OAuth2Client;
  readonly #info: BusinessInformation;
  readonly #accounts: AccountManagement;
  readonly #v4Root: string;
  readonly settings: SessionInput['settings'];

  constructor(auth: Auth.OAuth2Client, info: BusinessInformation, accounts: AccountManagement, settings: SessionInput['settings'], v4Root: string = V4_ROOT) {
    this.#auth = auth;
    this.#info = info;
    this.#accounts = accounts;
    this.settings = settings;
    this.#v4Root = v4Root.endsWith('/') ? v4Root : `${v4Root}/`;
  }

  get info(): BusinessInformation {
    return this.#info;
  }

  get accounts(): AccountManagement {
    return this.#accounts;
  }

  /** `v4Url('accounts/1/locations/2/reviews')`: the full My Business v4 URL of a path. */
  v4Url(path: string): string {
    return `${this.#v4Root}v4/${path}`;
  }

  /** An authorised request outside the two typed clients (My Business v4: reviews, media); its data. */
  async request<T>(options: RequestOptions): Promise<T> {
    const response = await this.#auth.request<T>(options);
    return response.data;
  }

  toJSON(): JsonValue {
    return { platform: 'google', account: typeof this.settings.account === 'string' ? this.settings.account : null };
  }

  [inspect.custom](): string {
    return `GoogleSession { account: ${JSON.stringify(this.settings.account ?? null)} }`;
  }
}

export function openSession(config: GoogleConfig, input: SessionInput): GoogleSession {
  const creds = parseGoogleCredentials(input.credentials);
  const auth = new authPlus.OAuth2({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    // A token Google revoked before its expiry answers 401; refresh then instead of failing.
    forceRefreshOnFailure: true,
    ...(config.tokenUrl ? { endpoints: { oauth2TokenUrl: config.tokenUrl } } : {}),
  });
  auth.setCredentials({ refresh_token: creds.refreshToken, access_token: creds.accessToken ?? null, expiry_date: creds.expiryDate ?? null });

  let current: GoogleCredentials = creds;
  auth.on('tokens', (tokens) => {
    // Google sends a refresh token only when it issues a new one; otherwise the old one stays valid.
    current = {
      refreshToken: tokens.refresh_token ?? current.refreshToken,
      ...(tokens.access_token ? { accessToken: tokens.access_token } : {}),
      ...(typeof tokens.expiry_date === 'number' ? { expiryDate: tokens.expiry_date } : {}),
    };
    try {
      input.onCredentials(toStored(current));
    } catch {
      // Storing the new access token is an optimisation: the refresh token still works, so a
      // failure here must not fail the request that triggered the refresh.
    }
  });

  const options = { auth, ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}) };
  const info = new mybusinessbusinessinformation_v1.Mybusinessbusinessinformation(options);
  const accounts = new mybusinessaccountmanagement_v1.Mybusinessaccountmanagement(options);
  return new GoogleSession(auth, info, accounts, input.settings, config.rootUrl || undefined);
}
