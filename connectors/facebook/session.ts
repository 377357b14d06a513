/**
 * Credentials and the Graph API client. A connection holds the long-lived Page access token of
 * the chain's main Page (the parent of its location Pages); settings name that Page (`pageId`).
 * Location Pages are written and read with their own Page tokens, which the parent hands out on
 * `GET /{parent-id}/locations?fields=access_token` ("Parent Page access tokens cannot be used to
 * get recommendations for child Pages", Page ratings reference); the session fetches them once
 * and keeps them in memory only. With the app secret configured every request carries
 * `appsecret_proof` (HMAC-SHA256 of the token), which apps that require it must send. Tokens travel
 * in the Authorization header, never in URLs, and the session hides them from JSON and inspect.
 */
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { z } from 'zod';
import type { CallSignal, Credentials, PlatformCall, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { exchangeJson } from '../runtime/http.ts';
import { asString, isObject } from './keys.ts';

export interface FacebookConfig {
  /** e.g. `http://127.0.0.1:PORT` for the fake; the manifest's when absent. */
  baseUrl?: string;
  /** The Graph API version listings are read and written with. */
  apiVersion?: string;
  /** Recommendations exist only before v22.0 (see reviews.ts). */
  ratingsApiVersion?: string;
  /** Tenpo's Meta app secret; with it, requests carry appsecret_proof. */
  appSecret?: string;
}

export const DEFAULT_API_VERSION = 'v25.0';
export const DEFAULT_RATINGS_API_VERSION = 'v21.0';

const credentialsSchema = z.strictObject({ pageAccessToken: z.string().trim().min(1) });

export function parseFacebookCredentials(input: unknown, label = 'Facebook'): { pageAccessToken: string } {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `${label} credentials are malformed (${fields.join('; ')}): expected pageAccessToken, the long-lived access token of the chain's main Facebook Page. Reconnect ${label} in Tenpo.`, {
      rule: `${label.toLowerCase()}.credentials.shape`,
    });
  }
  return result.data;
}

/** An answer other than 2xx, kept whole for classifyError. */
export class GraphHttpError extends Error {
  override readonly name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
    readonly path: string,
  ) {
    super(`Graph API answered HTTP ${status} on ${path}`);
  }
}

export type Params = Readonly<Record<string, unknown>>;
type Method = 'GET' | 'POST' | 'DELETE';

/** Graph API parameters: scalars as text, objects and lists JSON-encoded (the form Graph decodes). */
function encode(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    out.set(k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  }
  return out;
}

export class GraphSession {
  readonly #token: string;
  readonly #config: Required<Pick<FacebookConfig, 'apiVersion' | 'ratingsApiVersion'>> & { baseUrl: string; appSecret: string | undefined };
  readonly #pageTokens = new Map<string, string>();
  readonly settings: SessionInput['settings'];

  constructor(token: string, config: FacebookConfig, baseUrl: string, settings: SessionInput['settings']) {
    this.#token = token;
    this.#config = {
      baseUrl: (config.baseUrl ?? baseUrl).replace(/\/+$/, ''),
      apiVersion: config.apiVersion ?? DEFAULT_API_VERSION,
      ratingsApiVersion: config.ratingsApiVersion ?? DEFAULT_RATINGS_API_VERSION,
      appSecret: config.appSecret,
    };
    this.settings = settings;
  }

  get ratingsApiVersion(): string {
    return this.#config.ratingsApiVersion;
  }

  /** The chain's main Page, from the connection settings. */
  parentPageId(label = 'Facebook'): string {
    const id = this.settings.pageId;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) {
      throw new PlatformError('INVALID', `Choose the chain's main Facebook Page in the ${label} connection settings, then publish again.`, { rule: `${label.toLowerCase()}.settings.pageId` });
    }
    return id;
  }

  /** One Graph request; its JSON body, or GraphHttpError. `token` defaults to the connection's. */
  async request<T>(method: Method, path: string, params: Params, signal: AbortSignal, options: { token?: string; version?: string } = {}): Promise<T> {
    const token = options.token ?? this.#token;
    const all = { ...params, ...(this.#config.appSecret ? { appsecret_proof: createHmac('sha256', this.#config.appSecret).update(token).digest('hex') } : {}) };
    const url = new URL(`${this.#config.baseUrl}/${options.version ?? this.#config.apiVersion}${path}`);
    const encoded = encode(all);
    if (method !== 'POST') for (const [k, v] of encoded) url.searchParams.set(k, v);
    // A POST's parameters are its body, with the content type fetch gives URLSearchParams.
    const form = method === 'POST' ? { body: encoded.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' } : {};
    const res = await exchangeJson({ method, url, signal, headers: { authorization: `Bearer ${token}` }, ...form });
    if (!res.ok) throw new GraphHttpError(res.status, res.body, res.headers, path);
    return res.body as T;
  }

  /** Every page of a Graph list, following `paging.cursors.after` while `paging.next` is given. */
  async *list(call: PlatformCall, path: string, params: Params, options: { token?: string; listingKey?: string } = {}): AsyncGenerator<Record<string, unknown>[]> {
    let after: string | undefined;
    do {
      const page = await call({ kind: 'read', listingKey: options.listingKey }, ({ signal }: CallSignal) =>
        this.request<unknown>('GET', path, { ...params, ...(after ? { after } : {}) }, signal, options),
      );
      const data = isObject(page) && Array.isArray(page.data) ? page.data.filter(isObject) : [];
      yield data;
      const paging = isObject(page) && isObject(page.paging) ? page.paging : undefined;
      after = paging && asString(paging.next) && isObject(paging.cursors) ? asString(paging.cursors.after) : undefined;
    } while (after);
  }

  /** The Page access token for `pageId`: the connection's for the main Page, else the one its parent gives out. */
  async pageToken(call: PlatformCall, pageId: string): Promise<string> {
    const parent = this.parentPageId();
    if (pageId === parent) return this.#token;
    const known = this.#pageTokens.get(pageId);
    if (known) return known;
    for await (const page of this.list(call, `/${parent}/locations`, { fields: 'id,access_token', limit: 100 })) {
      for (const p of page) if (typeof p.id === 'string' && typeof p.access_token === 'string') this.#pageTokens.set(p.id, p.access_token);
      if (this.#pageTokens.has(pageId)) break;
    }
    const token = this.#pageTokens.get(pageId);
    if (!token) {
      throw new PlatformError('NOT_FOUND', `Facebook Page ${pageId.slice(0, 30)} is no longer a location of the chain's main Page, or the connected token cannot manage it.`, { rule: 'facebook.page.notALocation' });
    }
    return token;
  }

  toJSON(): { platform: string } {
    return { platform: 'facebook' };
  }

  [inspect.custom](): string {
    return 'GraphSession { token: [redacted] }';
  }
}

export function parseCredentials(input: unknown): Credentials {
  return { ...parseFacebookCredentials(input) };
}

export function openGraphSession(config: FacebookConfig, baseUrl: string, input: SessionInput, label = 'Facebook'): GraphSession {
  const { pageAccessToken } = parseFacebookCredentials(input.credentials, label);
  return new GraphSession(pageAccessToken, config, baseUrl, input.settings);
}
