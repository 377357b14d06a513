/**
 * LocationData → Yelp Data Ingestion attributes, keyed as in keys.ts. Pure. Values are in the
 * shape business details return them, so the read-back compares key by key without translation.
 */
import type { JsonValue, ListingProblem, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectLocation } from './address.ts';
import { yelpAlias } from './categories.ts';
import { projectRegularHours, projectSpecialHours } from './hours.ts';
import type { ProjectionKey } from './keys.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

function categories(loc: LocationData): string[] {
  // Two Tenpo categories can share an alias (a parent fallback); Yelp takes each alias once.
  return [...new Set([loc.primaryCategory, ...loc.additionalCategories].map(yelpAlias).filter((a): a is string => a !== null))];
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  // Business details show whether a business is temporarily closed, never until when.
  if (loc.status === 'CLOSED_TEMPORARILY' && loc.statusDate !== null) out.push('statusDate');
  // Yelp places the pin from the address; Data Ingestion takes no coordinates to show.
  if (loc.latitude !== null) out.push('latitude', 'longitude');
  if (loc.additionalPhones.length > 0) out.push('additionalPhones');
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.labels.length > 0) out.push('labels');
  // Yelp's amenities and photos are separate Data Ingestion resources this connector does not write.
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  out.push(...unmappedAdditional(loc, yelpAlias));
  return out;
}

const openingSoon: ListingProblem = {
  kind: 'ACTION_REQUIRED',
  field: 'status',
  rule: 'yelp.status.openingSoon',
  message: 'Yelp has no "opening soon" state and would show the store as open; Tenpo publishes it on Yelp once its status is set to open.',
};

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (loc.status === 'OPENING_SOON' && !problems.some((p) => p.kind === 'NOT_ELIGIBLE')) problems.push(openingSoon);
  if (problems.length > 0) return { ok: false, problems };

  const values: Record<ProjectionKey, JsonValue | undefined> = {
    name: loc.name.trim(),
    location: projectLocation(loc.address),
    phone: loc.primaryPhone ?? undefined,
    url: loc.website ?? undefined,
    categories: categories(loc),
    hours: projectRegularHours(loc.regularHours),
    special_hours: projectSpecialHours(loc.specialHours),
    specialties: loc.description ?? undefined,
    is_closed: loc.status === 'CLOSED_PERMANENTLY',
    temporarily_closed: loc.status === 'CLOSED_TEMPORARILY' ? true : undefined,
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc) };
}
