/**
 * Credentials and requests. Tenpo's TomTom API key (app-level config) authorises every request;
 * a connection holds the chain's source id, TomTom's name for the chain as a POI data source
 * under the data agreement. Nothing here logs; the session hides the key from JSON and inspect.
 */
import { inspect } from 'node:util';
import { z } from 'zod';
import type { Credentials, JsonValue, SessionInput } from '../runtime/connector.ts';
import { PlatformError } from '../runtime/errors.ts';
import { tomtomFetch, type TomTomApi } from './http.ts';

export interface TomTomConfig {
  /** Tenpo's TomTom API key, sent as the `key` query parameter. */
  apiKey: string;
  /** api.tomtom.com; the fake's URL in tests. */
  baseUrl?: string;
}

const credentialsSchema = z.strictObject({ sourceId: z.string().regex(/^[A-Za-z0-9_-]{3,64}$/) });
export type TomTomCredentials = z.output<typeof credentialsSchema>;

function parseTomTomCredentials(input: unknown): TomTomCredentials {
  const result = credentialsSchema.safeParse(input);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => (i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(root)')))];
    throw new PlatformError('INVALID', `TomTom connection settings are malformed (${fields.join('; ')}): expected sourceId, the chain's TomTom data source id (3 to 64 letters, digits, "-" or "_").`, {
      rule: 'tomtom.credentials.shape',
    });
  }
  return result.data;
}

export function parseCredentials(input: unknown): Credentials {
  return { sourceId: parseTomTomCredentials(input).sourceId };
}

export class TomTomSession {
  readonly #apiKey: string;
  readonly #base: string;
  readonly sourceId: string;

  constructor(config: TomTomConfig, input: SessionInput) {
    this.#apiKey = config.apiKey;
    this.#base = (config.baseUrl ?? 'https://api.tomtom.com').replace(/\/+$/, '');
    this.sourceId = parseTomTomCredentials(input.credentials).sourceId;
  }

  /** `path` under the base URL with `query`; the API key is added here and nowhere else. */
  request(api: TomTomApi, method: 'GET' | 'POST', path: string, query: Record<string, string>, signal: AbortSignal, body?: { contentType: string; data: Uint8Array }): Promise<unknown> {
    const url = new URL(`${this.#base}${path}`);
    for (const [k, v] of Object.entries({ ...query, key: this.#apiKey })) url.searchParams.set(k, v);
    return tomtomFetch({ api, method, url, signal, ...(body ? { body } : {}) });
  }

  /** The chain's source under the ingestion API. */
  get sourcePath(): string {
    return `/places/ingest/1/sources/${encodeURIComponent(this.sourceId)}`;
  }

  toJSON(): JsonValue {
    return { platform: 'tomtom', sourceId: this.sourceId };
  }

  [inspect.custom](): string {
    return `TomTomSession { sourceId: ${JSON.stringify(this.sourceId)}, key: [hidden] }`;
  }
}

export function openSession(config: TomTomConfig, input: SessionInput): TomTomSession {
  return new TomTomSession(config, input);
}
