/**
 * Credentials and authorised requests. Tenpo's HERE platform app (access key id and secret,
 * app-level config) is a member of each chain's HERE project; a connection holds the project
 * HRN, and every token is requested with that project as its `scope`, so a feed lands in the
 * chain's project and nowhere else. Tokens last about a day; the session keeps one, refreshes
 * it a minute early, and once more on a 401 (HERE revokes tokens early when keys are rotated).
 * Nothing here logs, and the session hides the token from JSON and util.inspect.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { hereFetch, HereHttpError, type HereApi } from './http.ts';
import { authorizationHeader } from './oauth.ts';

export interface HereConfig {
  /** Tenpo's HERE platform app credentials (credentials.properties: here.access.key.id / .secret). */
  accessKeyId: string;
  accessKeySecret: string;
  /** The POI supplier feed service; the fake's URL in tests. */
  baseUrl?: string;
  /** here.token.endpoint.url; the fake's in tests. */
  tokenUrl?: string;
  /** HERE Geocoding & Search lookup host; the fake's in tests. */
  lookupUrl?: string;
}

const PROJECT_HRN = /^hrn:here:authorization::[a-z0-9-]+:project\/[a-z0-9-]+$/;

const credentialsSchema = z.strictObject({
  projectHrn: z.string().regex(PROJECT_HRN),
  accessToken: z.string().min(1).optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().int().positive().optional(),
});
export type HereCredentials = z.output<typeof credentialsSchema>;

function parseHereCredentials(input: unknown): HereCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `HERE connection settings are malformed (${fields.join('; ')}): expected projectHrn as "hrn:here:authorization::<org>:project/<project-id>" (the chain's HERE project that Tenpo's app was invited to).`, {
      rule: 'here.credentials.shape',
    });
  }
  return result.data;
}

function toStored(c: HereCredentials): Credentials {
  const out: Record<string, JsonValue> = { projectHrn: c.projectHrn };
  if (c.accessToken !== undefined) out.accessToken = c.accessToken;
  if (c.expiresAt !== undefined) out.expiresAt = c.expiresAt;
  return out;
}

export function parseCredentials(input: unknown): Credentials {
  return toStored(parseHereCredentials(input));
}

const tokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().positive() });
const EARLY_MS = 60_000;
const trim = (url: string) => url.replace(/\/+$/, '');

export class HereSession {
  readonly #config: HereConfig;
  readonly #onCredentials: SessionInput['onCredentials'];
  #credentials: HereCredentials;
  #refreshing: Promise<string> | null = null;
  readonly now: () => number;

  constructor(config: HereConfig, input: SessionInput, now: () => number = Date.now) {
    this.#config = config;
    this.#credentials = parseHereCredentials(input.credentials);
    this.#onCredentials = input.onCredentials;
    this.now = now;
  }

  get projectHrn(): string {
    return this.#credentials.projectHrn;
  }

  get feedUrl(): string {
    return trim(this.#config.baseUrl ?? 'https://poi-supplier.data.api.platform.here.com');
  }

  get lookupUrl(): string {
    return trim(this.#config.lookupUrl ?? 'https://lookup.search.hereapi.com');
  }

  /** An authorised request; a 401 gets one fresh token and one retry. */
  async request(api: Exclude<HereApi, 'token'>, method: 'GET' | 'POST' | 'PUT', url: string, signal: AbortSignal, body?: { contentType: string; data: Uint8Array }): Promise<unknown> {
    const send = (token: string) =>
      hereFetch({ api, method, url, signal, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': body.contentType } : {}) }, ...(body ? { body: body.data } : {}) });
    try {
      return await send(await this.#token(signal, false));
    } catch (err) {
      if (!(err instanceof HereHttpError) || err.status !== 401) throw err;
      return send(await this.#token(signal, true));
    }
  }

  #token(signal: AbortSignal, force: boolean): Promise<string> {
    const c = this.#credentials;
    if (!force && c.accessToken && c.expiresAt !== undefined && c.expiresAt - EARLY_MS > this.now()) return Promise.resolve(c.accessToken);
    // One token request at a time: concurrent calls share it.
    this.#refreshing ??= this.#requestToken(signal).finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #requestToken(signal: AbortSignal): Promise<string> {
    const url = this.#config.tokenUrl ?? 'https://account.api.here.com/oauth2/token';
    const form = { grant_type: 'client_credentials', scope: this.#credentials.projectHrn };
    const body = await hereFetch({
      api: 'token',
      method: 'POST',
      url,
      signal,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: authorizationHeader({ method: 'POST', url, accessKeyId: this.#config.accessKeyId, accessKeySecret: this.#config.accessKeySecret, form }),
      },
      body: new URLSearchParams(form).toString(),
    });
    const parsed = tokenSchema.safeParse(body);
    if (!parsed.success) throw new PlatformError('PERMANENT', "HERE's token endpoint answered without an access token; the Tenpo operator must check the HERE connector.", { rule: 'here.oauth.responseShape' });
    this.#credentials = { projectHrn: this.#credentials.projectHrn, accessToken: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000 };
    try {
      this.#onCredentials(toStored(this.#credentials));
    } catch {
      // Storing the token saves a token request later; the request at hand must not fail for it.
    }
    return parsed.data.access_token;
  }

  toJSON(): JsonValue {
    return { platform: 'here', projectHrn: this.#credentials.projectHrn };
  }

  [inspect.custom](): string {
    return `HereSession { projectHrn: ${JSON.stringify(this.#credentials.projectHrn)}, token: [hidden] }`;
  }
}

export function openSession(config: HereConfig, input: SessionInput): HereSession {
  return new HereSession(config, input);
}
