import type { ConnectorManifest } from '../../connectors/runtime/manifest.ts';
import { STANDARD_FIELDS } from '../../connectors/runtime/standard/values.ts';
import type { LocationField } from '../locations/model.ts';
import type { ConnectorRegistry } from './registry.ts';

/**
 * The catalog as users read it (GraphQL `platforms`, `tenpo platforms --json`): plain data, the
 * same for both, so the CLI prints exactly what the API answers.
 */
export interface CatalogView {
  id: string;
  name: string;
  kind: ConnectorManifest['kind'];
  reach: ConnectorManifest['reach'];
  countries: string[];
  eligibleCategories: string[] | null;
  fields: LocationField[];
  authKind: string;
  capabilities: ConnectorManifest['capabilities'];
  delivery: { kind: string; via: string | null; submitUrl: string | null; feedFormat: string | null; feedColumns: string[] | null };
  fieldLimits: { nameMax: number | null; descriptionMax: number | null; categoriesMax: number | null; phonesMax: number | null; photosMax: number | null };
  deep: boolean;
  available: boolean;
  unavailableReason: string | null;
  factsInferred: string[];
  sources: string[];
}

/** The Tenpo fields a platform shows: its connector's field map, or its manifest's list. */
function shownFields(registry: ConnectorRegistry, m: ConnectorManifest): LocationField[] {
  const map = registry.get(m.id)?.fields;
  if (map) return [...new Set(Object.values(map).flat())].sort();
  if (m.listing) return [...m.listing.fields].sort();
  return [...new Set(Object.values(STANDARD_FIELDS).flat())].sort();
}

export function catalogView(registry: ConnectorRegistry): CatalogView[] {
  return registry.catalog().map(({ manifest: m, unavailable, deep }) => {
    const d = m.delivery;
    return {
      id: m.id,
      name: m.name,
      kind: m.kind,
      reach: m.reach,
      countries: m.countries === 'GLOBAL' ? ['GLOBAL'] : [...m.countries],
      eligibleCategories: m.eligibility.categories ? [...m.eligibility.categories] : null,
      fields: shownFields(registry, m),
      authKind: m.auth.kind,
      capabilities: { ...m.capabilities },
      delivery: {
        kind: d.kind,
        via: d.kind === 'aggregator' ? d.via : null,
        submitUrl: d.kind === 'manual' ? d.submitUrl : null,
        feedFormat: d.kind === 'feed' ? d.format : null,
        feedColumns: d.kind === 'feed' ? d.columns.map((c) => c.header) : null,
      },
      fieldLimits: {
        nameMax: m.fieldLimits.nameMax ?? null,
        descriptionMax: m.fieldLimits.descriptionMax ?? null,
        categoriesMax: m.fieldLimits.categoriesMax ?? null,
        phonesMax: m.fieldLimits.phonesMax ?? null,
        photosMax: m.fieldLimits.photosMax ?? null,
      },
      deep,
      available: unavailable === null,
      unavailableReason: unavailable,
      factsInferred: [...(m.factsInferred ?? [])],
      sources: [...m.sources],
    };
  });
}

export interface CatalogFilter {
  country: string | null;
  kinds: readonly string[] | null;
  reach: readonly string[] | null;
  available: boolean | null;
}

export function matchesCatalogFilter(p: CatalogView, f: CatalogFilter): boolean {
  if (f.country && !p.countries.includes('GLOBAL') && !p.countries.includes(f.country.toUpperCase())) return false;
  if (f.kinds && !f.kinds.includes(p.kind)) return false;
  if (f.reach && !f.reach.includes(p.reach)) return false;
  if (f.available !== null && p.available !== f.available) return false;
  return true;
}
