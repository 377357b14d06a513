/**
 * LocationData → Bing Places BusinessListing members, keyed as keys.ts says. Pure. A Japanese
 * address keeps its order: prefecture → StateOrProvince, city/ward → City, district and street
 * lines → AddressLine1, building → AddressLine2, postal code as written (107-0052).
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { bingCategory } from './categories.ts';
import { projectHolidayHours, projectOperatingHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

export function addressLine1(loc: LocationData): string {
  const separator = loc.address.country === 'JP' ? '' : ' ';
  return [loc.address.district, ...loc.address.lines].filter((x): x is string => !!x).join(separator);
}

function categories(loc: LocationData, settings: ProjectContext['settings']): JsonObject {
  const seen = new Set<number>();
  const list: JsonObject[] = [];
  for (const id of [loc.primaryCategory, ...loc.additionalCategories]) {
    const c = bingCategory(id, settings);
    if (c && !seen.has(c.id)) list.push({ CategoryName: c.name, BPCategoryId: c.id });
    if (c) seen.add(c.id);
  }
  return { BusinessCategories: list, PrimaryCategory: list[0] as JsonObject };
}

const social = (loc: LocationData, network: 'FACEBOOK' | 'X') => loc.socialProfiles.find((p) => p.network === network)?.url;

function notSupported(loc: LocationData, settings: ProjectContext['settings']): LocationField[] {
  const out: LocationField[] = [];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  if (loc.additionalPhones.length > 0) out.push('additionalPhones');
  if (loc.description !== null) out.push('description');
  if (loc.labels.length > 0) out.push('labels');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.socialProfiles.some((p) => p.network !== 'FACEBOOK' && p.network !== 'X')) out.push('socialProfiles');
  out.push(...unmappedAdditional(loc, (c) => bingCategory(c, settings)));
  return out;
}

export function project(loc: LocationData, { settings }: ProjectContext): ProjectResult {
  const problems = listingProblems(loc, settings);
  if (problems.length > 0) return { ok: false, problems };
  const values: Record<ProjectionKey, JsonValue | undefined> = {
    BusinessName: loc.name.trim(),
    Address: {
      AddressLine1: addressLine1(loc),
      AddressLine2: loc.address.building ?? '',
      City: loc.address.city as string,
      StateOrProvince: loc.address.region as string,
      ZipCode: loc.address.postalCode as string,
      Country: loc.address.country,
    },
    Coordinates: loc.latitude !== null && loc.longitude !== null ? { Latitude: String(loc.latitude), Longitude: String(loc.longitude) } : undefined,
    PhoneNumber: loc.primaryPhone ?? undefined,
    Categories: categories(loc, settings),
    MainWebSite: loc.website ?? undefined,
    FacebookAddress: social(loc, 'FACEBOOK'),
    TwitterAddress: social(loc, 'X'),
    Photos: loc.photos.length > 0 ? loc.photos.map((p) => p.url) : undefined,
    OperatingHours: projectOperatingHours(loc.regularHours),
    HolidayHours: projectHolidayHours(loc.specialHours),
    IsClosed: loc.status === 'CLOSED_PERMANENTLY',
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc, settings) };
}
