import type { Connector } from '../../connectors/runtime/connector.ts';
import type { Quotas } from '../../connectors/runtime/call.ts';
import { createGoogleConnector } from '../../connectors/google/index.ts';
import type { Env } from '../env.ts';

/** The connectors this deployment can use, and the quotas it holds each platform to. */
export interface ConnectorRegistry {
  get(platform: string): Connector | undefined;
  /** Why a platform cannot be used here, for the user (unknown id, or not configured). */
  unavailable(platform: string): string | null;
  quotas(platform: string): Quotas;
  ids(): string[];
}

export function createRegistry(
  connectors: readonly Connector[],
  options: { overrides?: Env['TENPO_PLATFORM_QUOTAS']; missing?: Readonly<Record<string, string>> } = {},
): ConnectorRegistry {
  const byId = new Map(connectors.map((c) => [c.manifest.id, c]));
  const overrides = options.overrides ?? {};
  return {
    get: (platform) => byId.get(platform),
    unavailable(platform) {
      if (byId.has(platform)) return null;
      return options.missing?.[platform] ?? `Tenpo has no connector for "${platform}".`;
    },
    quotas(platform) {
      const base = byId.get(platform)?.manifest.quotas ?? {};
      const raise = overrides[platform] ?? {};
      return { ...base, ...raise, perListing: base.perListing || raise.perListing ? { ...base.perListing, ...raise.perListing } : undefined };
    },
    ids: () => [...byId.keys()],
  };
}

/** Connectors whose platform credentials this deployment was given. */
export function registryFromEnv(env: Env): ConnectorRegistry {
  const connectors: Connector[] = [];
  const missing: Record<string, string> = {};
  if (env.GOOGLE_OAUTH_CLIENT_ID && env.GOOGLE_OAUTH_CLIENT_SECRET) {
    connectors.push(
      createGoogleConnector({
        clientId: env.GOOGLE_OAUTH_CLIENT_ID,
        clientSecret: env.GOOGLE_OAUTH_CLIENT_SECRET,
        rootUrl: env.GOOGLE_API_ROOT_URL,
        tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL,
      }) as Connector,
    );
  } else {
    missing.google = 'Google Business Profile is not configured on this Tenpo deployment: set GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET.';
  }
  return createRegistry(connectors, { overrides: env.TENPO_PLATFORM_QUOTAS, missing });
}
