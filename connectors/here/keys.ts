/**
 * The projection keys of the HERE feed and the Tenpo fields each is made from. A feed is a full
 * snapshot, so a key is not a unit HERE writes on its own; it is the unit Tenpo reports status
 * and read-back drift on, and one key fills one or a few neighbouring CSV columns (csv.ts).
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = [
  'name',
  'localizedNames',
  'status',
  'address',
  'position',
  'phones',
  'www',
  'categories',
  'description',
  'openingHours',
  'specialHours',
] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  localizedNames: ['localizedNames'],
  status: ['status', 'statusDate'],
  address: ['address'],
  position: ['latitude', 'longitude'],
  phones: ['primaryPhone', 'additionalPhones'],
  www: ['website'],
  categories: ['primaryCategory', 'additionalCategories'],
  description: ['description'],
  openingHours: ['regularHours'],
  specialHours: ['specialHours'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
