/**
 * Credentials and the HTTP client. The suggest (write) endpoints need a Foursquare Service
 * Account API key ("Using a Places API key to authenticate will result in an error", Places
 * Feedback overview); the same key reads place details and tips. Every request carries
 * `Authorization: Bearer <key>` and the date version header the Places API requires
 * (`X-Places-Api-Version`, migration guide). The session hides the key from JSON and inspect.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { exchangeJson } from '../runtime/http.ts';

export interface FoursquareConfig {
  /** e.g. `http://127.0.0.1:PORT` for the fake; the manifest's when absent. */
  baseUrl?: string;
  /** The X-Places-Api-Version this build was written against. */
  apiVersion?: string;
}

export const DEFAULT_API_VERSION = '2025-06-17';

const credentialsSchema = z.strictObject({ serviceApiKey: z.string().trim().min(1) });

export function parseFoursquareCredentials(input: unknown): { serviceApiKey: string } {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `Foursquare credentials are malformed (${fields.join('; ')}): expected serviceApiKey, the API key of a Foursquare Service Account. Reconnect Foursquare in Tenpo.`, { rule: 'foursquare.credentials.shape' });
  }
  return result.data;
}

export function parseCredentials(input: unknown): Credentials {
  return { ...parseFoursquareCredentials(input) };
}

/** An answer other than 2xx, kept whole for classifyError. */
export class FoursquareHttpError extends Error {
  override readonly name = 'FoursquareHttpError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
    readonly path: string,
  ) {
    super(`Foursquare answered HTTP ${status} on ${path}`);
  }
}

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export class FoursquareSession {
  readonly #key: string;
  readonly #baseUrl: string;
  readonly #version: string;
  readonly settings: SessionInput['settings'];

  constructor(key: string, baseUrl: string, version: string, settings: SessionInput['settings']) {
    this.#key = key;
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#version = version;
    this.settings = settings;
  }

  /** One request; its JSON body, or FoursquareHttpError. Suggest endpoints take query parameters only. */
  async request<T>(method: 'GET' | 'POST', path: string, query: Query, signal: AbortSignal): Promise<T> {
    const url = new URL(`${this.#baseUrl}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const res = await exchangeJson({ method, url, signal, headers: { authorization: `Bearer ${this.#key}`, 'x-places-api-version': this.#version } });
    if (!res.ok) throw new FoursquareHttpError(res.status, res.body, res.headers, path);
    return res.body as T;
  }

  toJSON(): { platform: string } {
    return { platform: 'foursquare' };
  }

  [inspect.custom](): string {
    return 'FoursquareSession { key: [redacted] }';
  }
}

export function openSession(config: FoursquareConfig, baseUrl: string, input: SessionInput): FoursquareSession {
  const { serviceApiKey } = parseFoursquareCredentials(input.credentials);
  return new FoursquareSession(serviceApiKey, config.baseUrl ?? baseUrl, config.apiVersion ?? DEFAULT_API_VERSION, input.settings);
}
