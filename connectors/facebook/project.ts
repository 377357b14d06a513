/**
 * LocationData → a Facebook location Page, keyed as in keys.ts. Pure. Values are in the shape
 * read-back normalizes Facebook's answers to, so "same content" is "same JSON".
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectLocation } from './address.ts';
import { facebookCategoryId } from './categories.ts';
import { projectHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

/**
 * Facebook's statuses: `is_permanently_closed`, and `temporary_status` (differently_open,
 * temporarily_closed, operating_as_usual, no_data). It has no "opening soon": a store that has
 * not opened yet is shown as temporarily closed, which is what a visitor needs to know.
 */
export function projectStatus(loc: LocationData): JsonObject {
  return {
    temporary_status: loc.status === 'CLOSED_TEMPORARILY' || loc.status === 'OPENING_SOON' ? 'temporarily_closed' : 'operating_as_usual',
    is_permanently_closed: loc.status === 'CLOSED_PERMANENTLY',
  };
}

export function categoryIds(loc: LocationData, settings: ProjectContext['settings']): string[] {
  const ids: string[] = [];
  for (const c of [loc.primaryCategory, ...loc.additionalCategories]) {
    const id = facebookCategoryId(c, settings);
    // A parent fallback can give two Tenpo categories the same Facebook one; Facebook takes it once.
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Tenpo fields with a value a location Page has no place for. */
export function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  // Neither a reopening nor an opening date exists on a Page.
  if (loc.statusDate !== null) out.push('statusDate');
  if (loc.additionalPhones.length > 0) out.push('additionalPhones');
  // The Page is the Facebook presence itself; other networks have no Page field.
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.labels.length > 0) out.push('labels');
  // The Page API has no special hours (holiday hours are set in the Page's own settings).
  if (loc.specialHours.length > 0) out.push('specialHours');
  if (loc.attributes.length > 0) out.push('attributes');
  // Photos are Page posts and profile/cover pictures, not listing data.
  if (loc.photos.length > 0) out.push('photos');
  return out;
}

export function compact(values: Partial<Record<ProjectionKey, JsonValue | undefined>>): Projection {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) out[key] = value;
  return out;
}

export function project(loc: LocationData, { settings }: ProjectContext): ProjectResult {
  const problems = listingProblems(loc, { prefix: 'facebook', label: 'Facebook', settings });
  if (problems.length > 0) return { ok: false, problems };
  const projection = compact({
    name: loc.name.trim(),
    location: projectLocation(loc),
    store_code: loc.storeCode,
    phone: loc.primaryPhone ?? undefined,
    website: loc.website ?? undefined,
    hours: projectHours(loc.regularHours),
    about: loc.description ?? undefined,
    category_list: categoryIds(loc, settings),
    status: projectStatus(loc),
  });
  return { ok: true, projection, notSupported: [...notSupported(loc), ...unmappedAdditional(loc, (c) => facebookCategoryId(c, settings))] };
}
