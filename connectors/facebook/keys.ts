/**
 * The projection keys of a Facebook location Page, one per group of Graph API parameters that are
 * written together, and which request writes each one. A location Page's name, address and store
 * code belong to its parent Page's `/{parent-id}/locations` edge ("To manage a child Page's
 * location use the /{page-id}/locations endpoint", Page reference); the rest are parameters of the
 * Page itself (`POST /{page-id}`, the Page reference's "Updating" section). The Page update has no
 * `name` parameter, so the name goes through the edge as `store_name`.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const EDGE_KEYS = ['name', 'location', 'store_code'] as const;
export const PAGE_KEYS = ['phone', 'website', 'hours', 'about', 'category_list', 'status'] as const;
export const PROJECTION_KEYS = [...EDGE_KEYS, ...PAGE_KEYS] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];
export type EdgeKey = (typeof EDGE_KEYS)[number];
export type PageKey = (typeof PAGE_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  location: ['address', 'latitude', 'longitude'],
  store_code: ['storeCode'],
  phone: ['primaryPhone'],
  website: ['website'],
  hours: ['regularHours'],
  about: ['description'],
  category_list: ['primaryCategory', 'additionalCategories'],
  status: ['status'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

export function isEdgeKey(key: string): key is EdgeKey {
  return (EDGE_KEYS as readonly string[]).includes(key);
}

/** The Tenpo field a Graph API parameter is about, for refusals that name one. */
export function tenpoFieldForParameter(parameter: string): LocationField | null {
  const p = parameter.trim().toLowerCase();
  if (['location', 'street', 'city', 'state', 'zip', 'country', 'city_id'].includes(p)) return 'address';
  if (p === 'latitude') return 'latitude';
  if (p === 'longitude') return 'longitude';
  if (p === 'store_name' || p === 'name') return 'name';
  if (p === 'store_code') return 'storeCode';
  if (p === 'phone') return 'primaryPhone';
  if (p === 'website') return 'website';
  if (p === 'hours') return 'regularHours';
  if (p === 'about') return 'description';
  if (p === 'category_list' || p === 'place_topics') return 'primaryCategory';
  if (p === 'temporary_status' || p === 'is_permanently_closed' || p === 'permanently_closed') return 'status';
  return null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
