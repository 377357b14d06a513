/**
 * The projection keys: the attributes of a Yelp Data Ingestion `update`, each one a unit Yelp
 * takes on its own (the job status reports one result per attribute). The address travels as one
 * key because Yelp matches and geocodes it as a whole. Also which Tenpo fields make each key.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = ['name', 'location', 'phone', 'url', 'categories', 'hours', 'special_hours', 'specialties', 'is_closed', 'temporarily_closed'] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  name: ['name'],
  location: ['address'],
  phone: ['primaryPhone'],
  url: ['website'],
  categories: ['primaryCategory', 'additionalCategories'],
  hours: ['regularHours'],
  special_hours: ['specialHours'],
  specialties: ['description'],
  is_closed: ['status'],
  temporarily_closed: ['status', 'statusDate'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

/** The Tenpo field a Yelp attribute name (as in a job's per-attribute results) is about, or null. */
export function tenpoFieldForAttribute(attribute: string): LocationField | null {
  if (['address1', 'address2', 'address3', 'city', 'state', 'postal_code', 'country'].includes(attribute)) return 'address';
  return isProjectionKey(attribute) ? (FIELDS[attribute][0] ?? null) : null;
}
