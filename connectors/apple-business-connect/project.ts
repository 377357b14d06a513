/**
 * LocationData → Apple `locationDetails` members, keyed as keys.ts says. Pure. Every value goes
 * through the canonical JSON form (json.ts) that read-back uses too.
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectAddress } from './address.ts';
import { appleCategory } from './categories.ts';
import { projectOpeningHours, projectSpecialHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { canonical } from './json.ts';
import { listingProblems } from './rules.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

/** The locale of the store's own name: Japanese for JP stores, else the connection's `locale` setting (default "en"). */
export function primaryLocale(country: string, settings: ProjectContext['settings']): string {
  if (country === 'JP') return 'ja-JP';
  return typeof settings.locale === 'string' && settings.locale !== '' ? settings.locale : 'en';
}

function displayNames(loc: LocationData, locale: string): JsonObject[] {
  return [{ name: loc.name.trim(), locale, primary: true }, ...loc.localizedNames.map((n) => ({ name: n.name, locale: n.locale, primary: false }))];
}

function phoneNumbers(loc: LocationData): JsonObject[] | undefined {
  if (loc.primaryPhone === null) return undefined;
  // VOICE rather than LANDLINE: Apple keeps LANDLINE/MOBILE only for partners coming from bulk files.
  return [loc.primaryPhone, ...loc.additionalPhones].map((phoneNumber, i) => ({ phoneNumber, type: 'VOICE', primary: i === 0 }));
}

function categories(loc: LocationData): string[] {
  const out: string[] = [];
  for (const id of [loc.primaryCategory, ...loc.additionalCategories]) {
    const apple = appleCategory(id);
    if (apple && !out.includes(apple)) out.push(apple);
  }
  return out;
}

/** Apple wants coordinates as strings with at least five decimals (WGS-84). */
function coordinate(value: number): string {
  const text = String(value);
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  return decimals >= 5 ? text : value.toFixed(5);
}

function locationStatus(loc: LocationData): JsonObject {
  switch (loc.status) {
    case 'CLOSED_PERMANENTLY':
      return { status: 'CLOSED' };
    case 'CLOSED_TEMPORARILY':
      return { status: 'TEMPORARILY_CLOSED', reopenDate: loc.statusDate as string };
    case 'OPENING_SOON':
      return { status: 'OPENING_SOON', openingDate: loc.statusDate as string };
    default:
      return { status: 'OPEN' };
  }
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  // Social links, photos (the Media and Location Asset APIs), attributes and labels are not part
  // of the location resource this connector writes.
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  if (loc.labels.length > 0) out.push('labels');
  out.push(...unmappedAdditional(loc, appleCategory));
  return out;
}

export function project(loc: LocationData, { settings }: ProjectContext): ProjectResult {
  const locale = primaryLocale(loc.address.country, settings);
  const problems = listingProblems(loc, locale);
  if (problems.length > 0) return { ok: false, problems };
  const values: Record<ProjectionKey, unknown> = {
    displayNames: displayNames(loc, locale),
    storeCode: loc.storeCode,
    mainAddress: projectAddress(loc.address, locale),
    displayPoint: loc.latitude !== null && loc.longitude !== null ? { coordinates: { latitude: coordinate(loc.latitude), longitude: coordinate(loc.longitude) }, source: 'MANUALLY_PLACED' } : undefined,
    phoneNumbers: phoneNumbers(loc),
    urls: loc.website ? [{ url: loc.website, type: 'HOMEPAGE' }] : undefined,
    locationDescriptions: loc.description ? [{ type: 'ABOUT', descriptions: [{ text: loc.description, locale }] }] : undefined,
    openingHoursByDay: projectOpeningHours(loc.regularHours),
    specialHours: projectSpecialHours(loc.specialHours),
    categories: categories(loc),
    locationStatus: locationStatus(loc),
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const c = canonical(value);
    if (c !== undefined) projection[key] = c;
  }
  return { ok: true, projection: projection as Projection, notSupported: notSupported(loc) };
}
