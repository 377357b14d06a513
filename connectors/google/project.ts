/**
 * LocationData → Google Location fields, keyed by updateMask path (see keys.ts). Pure. Every value
 * goes through the same canonical form as read-back (json.ts), so "same content" is "same JSON".
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectAddress } from './address.ts';
import { googleCategoryName } from './categories.ts';
import { googleDateOf, projectRegularHours, projectSpecialHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { canonical, isObject } from './json.ts';
import { projectPhones } from './phones.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

/**
 * Google applies a user-provided latlng only when a location is created (and ignores it if the
 * address geocodes), or for unverified listings; afterwards "this field can only be updated by
 * approved clients" (Location.latlng in the Business Information reference). Sending it to a
 * verified listing fails the whole patch, so it is opt-in per connection.
 */
export function sendsLatlng(settings: ProjectContext['settings']): boolean {
  return settings.sendLatlng === true;
}

function categories(loc: LocationData): JsonObject {
  const primary = googleCategoryName(loc.primaryCategory) as string;
  // Two Tenpo categories can share a Google one (a parent fallback); Google takes each once.
  const seen = new Set([primary]);
  const additional: JsonObject[] = [];
  for (const id of loc.additionalCategories) {
    const name = googleCategoryName(id);
    if (name && !seen.has(name)) additional.push({ name });
    if (name) seen.add(name);
  }
  return { primaryCategory: { name: primary }, additionalCategories: additional };
}

function openInfo(loc: LocationData): JsonObject {
  // Google has no "opening soon" status: an OPEN listing with a future openingDate is shown so.
  if (loc.status === 'OPENING_SOON') return { status: 'OPEN', openingDate: googleDateOf(loc.statusDate ?? '') ?? null };
  return { status: loc.status };
}

function notSupported(loc: LocationData, latlng: boolean): LocationField[] {
  const out: LocationField[] = [];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  // Google has no reopening date; the status alone is sent.
  if (loc.status === 'CLOSED_TEMPORARILY' && loc.statusDate !== null) out.push('statusDate');
  if (!latlng && loc.latitude !== null) out.push('latitude', 'longitude');
  // Social links and attributes go through the attributes endpoint, photos through the v4 media
  // API: neither is part of the Location resource this connector writes.
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  out.push(...unmappedAdditional(loc, googleCategoryName));
  return out;
}

export function project(loc: LocationData, { settings }: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (problems.length > 0) return { ok: false, problems };

  const latlng = sendsLatlng(settings) && loc.latitude !== null && loc.longitude !== null;
  const values: Record<ProjectionKey, unknown> = {
    title: loc.name.trim(),
    storeCode: loc.storeCode,
    phoneNumbers: projectPhones(loc.primaryPhone, loc.additionalPhones),
    categories: categories(loc),
    storefrontAddress: projectAddress(loc.address),
    websiteUri: loc.website,
    regularHours: projectRegularHours(loc.regularHours),
    specialHours: projectSpecialHours(loc.specialHours),
    'profile.description': loc.description,
    labels: loc.labels,
    latlng: latlng ? { latitude: loc.latitude, longitude: loc.longitude } : undefined,
    openInfo: openInfo(loc),
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const c = canonical(value);
    // An absent key means "not set on Google"; so does an empty message.
    if (c !== undefined && !(isObject(c) && Object.keys(c).length === 0)) projection[key] = c;
  }
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc, latlng) };
}
