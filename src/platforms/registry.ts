import type { Connector } from '../../connectors/runtime/connector.ts';
import type { Quotas } from '../../connectors/runtime/call.ts';
import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { catalogManifests } from '../../connectors/catalog/index.ts';
import { createManifestConnector } from '../../connectors/runtime/standard/connector.ts';
import { deepConnectors, deepManifests } from './deep.ts';
import type { Env } from '../env.ts';

/** One platform of the network as this deployment knows it. */
export interface CatalogEntry {
  manifest: ConnectorManifest;
  /** Null when the platform can be connected here; else why not, for the user. */
  unavailable: string | null;
  /** True for platforms with a connector of their own (connectors/<id>/), false for manifest-run ones. */
  deep: boolean;
}

/** The connectors this deployment can use, the whole catalog, and the quotas it holds each platform to. */
export interface ConnectorRegistry {
  get(platform: string): Connector | undefined;
  /** Why a platform cannot be used here, for the user (unknown id, or not configured). */
  unavailable(platform: string): string | null;
  quotas(platform: string): Quotas;
  ids(): string[];
  /** Every platform in the catalog, available here or not, by id. */
  catalog(): readonly CatalogEntry[];
  manifest(platform: string): ConnectorManifest | undefined;
  /** Platforms that take their data from `platform` (delivery kind "aggregator", via it). */
  fedBy(platform: string): string[];
}

export function createRegistry(
  connectors: readonly Connector[],
  options: { overrides?: Env['TENPO_PLATFORM_QUOTAS']; missing?: Readonly<Record<string, string>>; catalog?: readonly ConnectorManifest[] } = {},
): ConnectorRegistry {
  const byId = new Map(connectors.map((c) => [c.manifest.id, c]));
  const manifests = new Map<string, ConnectorManifest>((options.catalog ?? []).map((m) => [m.id, m]));
  for (const c of connectors) manifests.set(c.manifest.id, c.manifest);
  const overrides = options.overrides ?? {};
  const longTail = new Set(catalogManifests().map((m) => m.id));
  const unavailable = (platform: string): string | null => {
    if (byId.has(platform)) return null;
    return options.missing?.[platform] ?? `Tenpo has no connector for "${platform}".`;
  };
  const entries = [...manifests.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((manifest) => ({ manifest, unavailable: unavailable(manifest.id), deep: !longTail.has(manifest.id) }));
  const fedBy = new Map<string, string[]>();
  for (const m of manifests.values()) {
    if (m.delivery.kind === 'aggregator') fedBy.set(m.delivery.via, [...(fedBy.get(m.delivery.via) ?? []), m.id]);
  }
  return {
    get: (platform) => byId.get(platform),
    unavailable,
    quotas(platform) {
      const base = byId.get(platform)?.manifest.quotas ?? {};
      const raise = overrides[platform] ?? {};
      return { ...base, ...raise, perListing: base.perListing || raise.perListing ? { ...base.perListing, ...raise.perListing } : undefined };
    },
    ids: () => [...byId.keys()],
    catalog: () => entries,
    manifest: (platform) => manifests.get(platform),
    fedBy: (platform) => fedBy.get(platform) ?? [],
  };
}

/** Every platform run from its manifest: these need no deployment configuration. */
export function manifestConnectors(): Connector[] {
  return catalogManifests().map((m) => createManifestConnector(m) as Connector);
}

/** The whole catalog, with the deep connectors this deployment was configured for. */
export function registryFromEnv(env: Env): ConnectorRegistry {
  const deep = deepConnectors(env);
  return createRegistry([...manifestConnectors(), ...deep.connectors], { overrides: env.TENPO_PLATFORM_QUOTAS, missing: deep.missing, catalog: [...catalogManifests(), ...deepManifests()] });
}
