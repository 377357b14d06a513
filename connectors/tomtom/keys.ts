/**
 * The projection keys of the TomTom feed and the Tenpo fields each is made from. The feed is a
 * full snapshot of GeoJSON features; a key is the unit Tenpo reports status and read-back drift
 * on. Name and translations, primary and additional phones are separate keys although each pair
 * fills one Overture property, because TomTom shows back the name and the main phone alone.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = [
  'name',
  'localizedNames',
  'operatingStatus',
  'address',
  'geometry',
  'phone',
  'additionalPhones',
  'website',
  'socials',
  'categories',
  'description',
  'openingHours',
] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  localizedNames: ['localizedNames'],
  operatingStatus: ['status', 'statusDate'],
  address: ['address'],
  geometry: ['latitude', 'longitude'],
  phone: ['primaryPhone'],
  additionalPhones: ['additionalPhones'],
  website: ['website'],
  socials: ['socialProfiles'],
  categories: ['primaryCategory', 'additionalCategories'],
  description: ['description'],
  openingHours: ['regularHours', 'specialHours'],
};

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
