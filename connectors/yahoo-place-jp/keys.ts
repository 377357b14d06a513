/**
 * The projection keys: one per field of a Yahoo!プレイス place in the partner API (inferred; see
 * manifest.ts). The address is one key because 都道府県, 市区町村, 町域, 番地 and building describe
 * one place and must not be half-updated; genres are one key because the primary genre and the
 * others are set together.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = ['name', 'address', 'latlng', 'tel', 'genre', 'businessHours', 'holidayHours', 'status', 'description', 'website'] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  address: ['address'],
  latlng: ['latitude', 'longitude'],
  tel: ['primaryPhone'],
  genre: ['primaryCategory', 'additionalCategories'],
  businessHours: ['regularHours'],
  holidayHours: ['specialHours'],
  status: ['status', 'statusDate'],
  description: ['description'],
  website: ['website'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
