/**
 * LocationData → one TomTom feed feature, keyed by projection key (keys.ts). Pure. Values are in
 * the shape the feature's properties take (geojson.ts puts them together).
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectAddress } from './address.ts';
import { overtureCategory } from './categories.ts';
import { osmOpeningHours } from './hours.ts';
import type { ProjectionKey } from './keys.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

function operatingStatus(loc: LocationData): JsonValue {
  switch (loc.status) {
    case 'OPEN':
      return { operating_status: 'open' };
    case 'CLOSED_PERMANENTLY':
      return { operating_status: 'permanently_closed' };
    case 'CLOSED_TEMPORARILY':
      return { operating_status: 'temporarily_closed' };
    case 'OPENING_SOON':
      // Overture has no "opening soon": the store is closed until OSM's opening_date.
      return { operating_status: 'temporarily_closed', opening_date: loc.statusDate };
  }
}

function categories(loc: LocationData): JsonValue {
  const primary = overtureCategory(loc.primaryCategory) as string;
  const alternate = [...new Set(loc.additionalCategories.map(overtureCategory))].filter((c): c is string => !!c && c !== primary);
  return alternate.length > 0 ? { primary, alternate } : { primary };
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  // Overture and OSM have no reopening date for a temporary closure.
  if (loc.status === 'CLOSED_TEMPORARILY' && loc.statusDate !== null) out.push('statusDate');
  if (loc.labels.length > 0) out.push('labels');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  out.push(...unmappedAdditional(loc, overtureCategory));
  return out;
}

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (problems.length > 0) return { ok: false, problems };
  const names = [...loc.localizedNames].sort((a, b) => a.locale.localeCompare(b.locale));
  const values: Record<ProjectionKey, JsonValue | undefined> = {
    name: loc.name.trim(),
    localizedNames: names.length > 0 ? Object.fromEntries(names.map((n) => [n.locale, n.name.trim()])) : undefined,
    operatingStatus: operatingStatus(loc),
    address: projectAddress(loc.address),
    geometry: { type: 'Point', coordinates: [loc.longitude as number, loc.latitude as number] },
    phone: loc.primaryPhone ?? undefined,
    additionalPhones: loc.additionalPhones.length > 0 ? loc.additionalPhones : undefined,
    website: loc.website ?? undefined,
    socials: loc.socialProfiles.length > 0 ? loc.socialProfiles.map((s) => s.url) : undefined,
    categories: categories(loc),
    description: loc.description ?? undefined,
    openingHours: osmOpeningHours(loc.regularHours, loc.specialHours),
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc) };
}
