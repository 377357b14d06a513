/**
 * LocationData → the Places API's suggest parameters, keyed as in keys.ts. Pure. Values are in
 * the spelling Foursquare answers with (national phone, NFKC text, canonical hours string), so a
 * read-back of unchanged data equals the projection.
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField, SocialProfile } from '../../src/locations/model.ts';
import { normalizeText, projectLocation } from './address.ts';
import { foursquareCategoryId } from './categories.ts';
import { projectHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { nationalTel } from './phones.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

/** Foursquare takes Instagram and X (Twitter) handles; a profile URL's first path segment is the handle. */
export function handleOf(profile: SocialProfile): string | undefined {
  try {
    const segment = new URL(profile.url).pathname.split('/').find((s) => s !== '');
    return segment ? segment.replace(/^@/, '') : undefined;
  } catch {
    return undefined;
  }
}

function social(loc: LocationData): JsonObject | undefined {
  const out: JsonObject = {};
  for (const p of loc.socialProfiles) {
    const handle = handleOf(p);
    if (!handle) continue;
    if (p.network === 'INSTAGRAM') out.instagram = handle;
    if (p.network === 'X') out.twitter = handle;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function categories(loc: LocationData): JsonObject {
  const primary = foursquareCategoryId(loc.primaryCategory) as string;
  const additional: string[] = [];
  for (const id of loc.additionalCategories) {
    const fsq = foursquareCategoryId(id);
    // Two Tenpo categories can share a Foursquare one (a parent fallback); each is sent once.
    if (fsq && fsq !== primary && !additional.includes(fsq)) additional.push(fsq);
  }
  return additional.length > 0 ? { primary, additional: additional.sort() } : { primary };
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = ['storeCode'];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  if (loc.additionalPhones.length > 0) out.push('additionalPhones');
  if (loc.specialHours.length > 0) out.push('specialHours');
  if (loc.labels.length > 0) out.push('labels');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  // Foursquare has open and closed (removed as closed) only: a temporary closure and its reopening
  // date have no place, and the listing stays as it is meanwhile.
  if (loc.status === 'CLOSED_TEMPORARILY') out.push('status');
  if (loc.statusDate !== null) out.push('statusDate');
  if (loc.socialProfiles.some((p) => p.network !== 'INSTAGRAM' && p.network !== 'X')) out.push('socialProfiles');
  out.push(...unmappedAdditional(loc, foursquareCategoryId));
  return out;
}

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (problems.length > 0) return { ok: false, problems };
  const values: Record<ProjectionKey, JsonValue | undefined> = {
    name: normalizeText(loc.name),
    location: projectLocation(loc.address),
    latlng: loc.latitude !== null && loc.longitude !== null ? { latitude: loc.latitude, longitude: loc.longitude } : undefined,
    tel: loc.primaryPhone === null ? undefined : nationalTel(loc.primaryPhone, loc.address.country),
    website: loc.website ?? undefined,
    categories: categories(loc),
    hours: projectHours(loc.regularHours),
    description: loc.description === null ? undefined : loc.description.trim() || undefined,
    social: social(loc),
    closed: loc.status === 'CLOSED_PERMANENTLY' ? true : undefined,
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc) };
}
