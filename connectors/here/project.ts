/**
 * LocationData → the HERE feed row, keyed by projection key (keys.ts). Pure. A value HERE shows
 * back through Geocoding & Search (name, phones, www, categories, openingHours) is written in the
 * form HERE answers with, so that read-back compares like with like.
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectAddress } from './address.ts';
import { hereCategoryId } from './categories.ts';
import { projectOpeningHours, projectSpecialHours } from './hours.ts';
import type { ProjectionKey } from './keys.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

const STATUS: Readonly<Record<LocationData['status'], string>> = {
  OPEN: 'open',
  CLOSED_TEMPORARILY: 'temporarily_closed',
  CLOSED_PERMANENTLY: 'permanently_closed',
  OPENING_SOON: 'opening_soon',
};

function categories(loc: LocationData): JsonValue {
  const primary = hereCategoryId(loc.primaryCategory) as string;
  // Two Tenpo categories can fall back to one HERE id; HERE takes each once.
  const additional = [...new Set(loc.additionalCategories.map(hereCategoryId))].filter((c): c is string => !!c && c !== primary);
  return { primary, additional };
}

function status(loc: LocationData): JsonValue {
  // A reopening or opening date is only meaningful with its status; HERE takes it in status_date.
  const dated = (loc.status === 'CLOSED_TEMPORARILY' || loc.status === 'OPENING_SOON') && loc.statusDate !== null;
  return dated ? { status: STATUS[loc.status], date: loc.statusDate } : { status: STATUS[loc.status] };
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  if (loc.labels.length > 0) out.push('labels');
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  out.push(...unmappedAdditional(loc, hereCategoryId));
  return out;
}

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (problems.length > 0) return { ok: false, problems };
  const names = [...loc.localizedNames].sort((a, b) => a.locale.localeCompare(b.locale));
  const phones = [loc.primaryPhone, ...loc.additionalPhones].filter((p): p is string => p !== null);
  const values: Record<ProjectionKey, JsonValue | undefined> = {
    name: loc.name.trim(),
    localizedNames: names.length > 0 ? Object.fromEntries(names.map((n) => [n.locale, n.name.trim()])) : undefined,
    status: status(loc),
    address: projectAddress(loc.address),
    position: loc.latitude !== null && loc.longitude !== null ? { lat: loc.latitude, lng: loc.longitude } : undefined,
    phones: phones.length > 0 ? phones : undefined,
    www: loc.website ?? undefined,
    categories: categories(loc),
    description: loc.description ?? undefined,
    openingHours: projectOpeningHours(loc.regularHours),
    specialHours: projectSpecialHours(loc.specialHours),
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc) };
}
