/**
 * The projection keys: one per group of Places API suggest-edit parameters that go together
 * (docs.foursquare.com/fsq-developers-places/reference/place-suggest-edit). `location` is the
 * address, locality, region, postcode and country_code parameters, which describe one address
 * and must not be half-updated; `categories` is the primary plus the added category ids.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = ['name', 'location', 'latlng', 'tel', 'website', 'categories', 'hours', 'description', 'social', 'closed'] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  location: ['address'],
  latlng: ['latitude', 'longitude'],
  tel: ['primaryPhone'],
  website: ['website'],
  categories: ['primaryCategory', 'additionalCategories'],
  hours: ['regularHours'],
  description: ['description'],
  social: ['socialProfiles'],
  closed: ['status'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

/** The Tenpo field a Places API parameter name is about, for refusals that name one. */
export function tenpoFieldForParameter(parameter: string): LocationField | null {
  const p = parameter.trim().toLowerCase();
  if (['address', 'locality', 'region', 'postcode', 'country_code', 'location'].includes(p)) return 'address';
  if (p === 'latitude') return 'latitude';
  if (p === 'longitude') return 'longitude';
  if (p === 'primary_fsq_category_id' || p === 'categories') return 'primaryCategory';
  if (p === 'add_fsq_category_ids') return 'additionalCategories';
  if (p === 'instagram' || p === 'twitter' || p === 'facebook_url') return 'socialProfiles';
  if (p === 'tel') return 'primaryPhone';
  if (p === 'hours') return 'regularHours';
  if (p === 'name' || p === 'website' || p === 'description') return p;
  return null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
