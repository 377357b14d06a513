/**
 * Credentials and the two HTTP clients.
 * - YOLP (documented): `GET https://map.yahooapis.jp/search/local/V1/localSearch` with the app's
 *   Client ID as `appid`, `output=json` (developer.yahoo.co.jp/webapi/map/openlocalplatform/v1/
 *   localsearch.html). It reads what the public sees on Yahoo!マップ / Yahoo!検索.
 * - The Yahoo!プレイス partner API (inferred: Yahoo! JAPAN publishes no write API; chains reach
 *   Yahoo!プレイス through partner agreements). Its base URL comes from the agreement (config
 *   `partnerBaseUrl`), and each connection holds the partner token of the chain's business
 *   account, sent as `Authorization: Bearer`. JSON bodies; `Idempotency-Key` on creates.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { exchangeJson } from '../runtime/http.ts';

export interface YahooPlaceConfig {
  /** YOLP Client ID (アプリケーションID) of Tenpo's Yahoo! JAPAN developer app. */
  appId: string;
  /** The partner API's base URL, from the Yahoo!プレイス partner agreement. */
  partnerBaseUrl: string;
  /** Overrides the manifest's YOLP base URL (the fake). */
  yolpBaseUrl?: string;
}

const credentialsSchema = z.strictObject({ partnerToken: z.string().trim().min(1) });

export function parseYahooCredentials(input: unknown): { partnerToken: string } {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Yahoo!プレイス credentials are malformed (${fields.join('; ')}): expected partnerToken, the token Yahoo! issued for the business account. Reconnect Yahoo!プレイス in Tenpo.`, { rule: 'yahoo-place-jp.credentials.shape' });
  }
  return result.data;
}

export function parseCredentials(input: unknown): Credentials {
  return { ...parseYahooCredentials(input) };
}

/** A non-2xx answer of either API, kept whole for classifyError. */
export class YahooHttpError extends Error {
  override readonly name = 'YahooHttpError';
  constructor(
    readonly api: 'partner' | 'yolp',
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(`Yahoo! ${api} API answered HTTP ${status}`);
  }
}

export class YahooPlaceSession {
  readonly #token: string;
  readonly #appId: string;
  readonly #partner: string;
  readonly #yolp: string;
  readonly settings: SessionInput['settings'];

  constructor(token: string, config: YahooPlaceConfig, yolpBaseUrl: string, settings: SessionInput['settings']) {
    this.#token = token;
    this.#appId = config.appId;
    this.#partner = config.partnerBaseUrl.replace(/\/+$/, '');
    this.#yolp = (config.yolpBaseUrl ?? yolpBaseUrl).replace(/\/+$/, '');
    this.settings = settings;
  }

  async partner<T>(method: 'GET' | 'POST' | 'PATCH', path: string, signal: AbortSignal, options: { query?: Record<string, string>; body?: JsonValue; idempotencyKey?: string } = {}): Promise<T> {
    const url = new URL(`${this.#partner}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${this.#token}` };
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const res = await exchangeJson({ method, url, signal, headers, json: options.body, contentType: 'application/json; charset=utf-8' });
    if (!res.ok) throw new YahooHttpError('partner', res.status, res.body, res.headers);
    return res.body as T;
  }

  /**
   * YOLP Local Search with `appid` and `output=json`. YOLP answers errors as XML
   * (<Error><Message>…</Message></Error>) even so; the error keeps it as text.
   */
  async localSearch<T>(query: Record<string, string>, signal: AbortSignal): Promise<T> {
    const url = new URL(`${this.#yolp}/search/local/V1/localSearch`);
    url.searchParams.set('appid', this.#appId);
    url.searchParams.set('output', 'json');
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await exchangeJson({ method: 'GET', url, signal });
    if (!res.ok) throw new YahooHttpError('yolp', res.status, res.body, res.headers);
    return res.body as T;
  }

  toJSON(): JsonValue {
    return { platform: 'yahoo-place-jp' };
  }

  [inspect.custom](): string {
    return 'YahooPlaceSession { token: [redacted] }';
  }
}

export function openSession(config: YahooPlaceConfig, yolpBaseUrl: string, input: SessionInput): YahooPlaceSession {
  const { partnerToken } = parseYahooCredentials(input.credentials);
  return new YahooPlaceSession(partnerToken, config, yolpBaseUrl, input.settings);
}
