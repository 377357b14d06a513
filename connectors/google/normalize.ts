/**
 * A Google Location (as `locations.get` or `getGoogleUpdated` answers) keyed and shaped exactly
 * like project() output: output-only members dropped, proto3 defaults removed, lists in the order
 * project() writes them, phone numbers in E.164.
 */
import type { JsonValue, Projection } from '../runtime/connector.ts';
import { normalizeAddress } from './address.ts';
import { normalizeRegularHours, normalizeSpecialHours } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { asString, canonical, getPath, isObject, pick } from './json.ts';
import { normalizePhones } from './phones.ts';

function categories(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  // displayName, serviceTypes and moreHoursTypes are output only: the name is the category.
  const name = (c: unknown): JsonObject[] => {
    const n = isObject(c) ? asString(c.name) : undefined;
    return n ? [{ name: n }] : [];
  };
  const primary = name(value.primaryCategory)[0];
  const additional = (Array.isArray(value.additionalCategories) ? value.additionalCategories : []).flatMap(name);
  const out: JsonObject = {};
  if (primary) out.primaryCategory = primary;
  if (additional.length > 0) out.additionalCategories = additional;
  return out;
}

function openInfo(value: unknown): JsonObject | undefined {
  // canReopen is output only.
  return pick(value, ['status', 'openingDate']);
}

const READERS: Record<ProjectionKey, (loc: unknown) => unknown> = {
  title: (loc) => getPath(loc, 'title'),
  storeCode: (loc) => getPath(loc, 'storeCode'),
  phoneNumbers: (loc) => normalizePhones(getPath(loc, 'phoneNumbers'), asString(getPath(loc, 'storefrontAddress.regionCode'))),
  categories: (loc) => categories(getPath(loc, 'categories')),
  storefrontAddress: (loc) => normalizeAddress(getPath(loc, 'storefrontAddress')),
  websiteUri: (loc) => getPath(loc, 'websiteUri'),
  regularHours: (loc) => normalizeRegularHours(getPath(loc, 'regularHours')),
  specialHours: (loc) => normalizeSpecialHours(getPath(loc, 'specialHours')),
  'profile.description': (loc) => getPath(loc, 'profile.description'),
  labels: (loc) => getPath(loc, 'labels'),
  latlng: (loc) => pick(getPath(loc, 'latlng'), ['latitude', 'longitude']),
  openInfo: (loc) => openInfo(getPath(loc, 'openInfo')),
};

/** The value Google holds for `key`, canonical; undefined when Google has none. */
export function valueFromGoogle(location: unknown, key: ProjectionKey): JsonValue | undefined {
  const c = canonical(READERS[key](location));
  return c === undefined || (isObject(c) && Object.keys(c).length === 0) ? undefined : c;
}

export function projectionFromGoogle(location: unknown, keys: readonly ProjectionKey[]): Projection {
  const out: Record<string, JsonValue> = {};
  for (const key of keys) {
    const value = valueFromGoogle(location, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
