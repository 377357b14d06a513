/**
 * Config and session. The listing half is Tenpo's publisher protocol at the endpoint and with the
 * key of the partner agreement (the connection's settings and credentials, handled by the
 * runtime's standard connector); the reviews half is the Content API with Tenpo's own key.
 */
import { inspect } from 'node:util';
import type { JsonValue } from '../runtime/connector.ts';
import type { StandardSession } from '../runtime/standard/connector.ts';
import type { ContentApi } from './content.ts';

export interface TripadvisorConfig {
  /** Tenpo's Content API key. */
  contentApiKey: string;
  /** api.content.tripadvisor.com/api/v1; the fake's URL in tests. */
  baseUrl?: string;
}

export class TripadvisorSession {
  readonly listings: StandardSession;
  readonly content: ContentApi;
  /** Content API `language` (e.g. "en", "ja"): the reviews' language as Tripadvisor shows them. */
  readonly language: string;

  constructor(listings: StandardSession, content: ContentApi, language: string) {
    this.listings = listings;
    this.content = content;
    this.language = language;
  }

  toJSON(): JsonValue {
    return { platform: 'tripadvisor', language: this.language };
  }

  [inspect.custom](): string {
    return `TripadvisorSession { language: ${JSON.stringify(this.language)}, keys: [hidden] }`;
  }
}
