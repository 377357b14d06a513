/**
 * The projection keys: the members of a Bing Places `BusinessListing` (the trusted-partner API's
 * business record), the address and the coordinates each kept as one key because Bing geocodes
 * them as a whole. Bing's UpdateBusinesses takes the whole listing, so keys are the unit Tenpo
 * diffs and reports on, not separate requests (deliver.ts). Also which Tenpo fields make each key.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = [
  'BusinessName',
  'Address',
  'Coordinates',
  'PhoneNumber',
  'Categories',
  'MainWebSite',
  'FacebookAddress',
  'TwitterAddress',
  'Photos',
  'OperatingHours',
  'HolidayHours',
  'IsClosed',
] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  BusinessName: ['name'],
  Address: ['address'],
  Coordinates: ['latitude', 'longitude'],
  PhoneNumber: ['primaryPhone'],
  Categories: ['primaryCategory', 'additionalCategories'],
  MainWebSite: ['website'],
  FacebookAddress: ['socialProfiles'],
  TwitterAddress: ['socialProfiles'],
  Photos: ['photos'],
  OperatingHours: ['regularHours'],
  HolidayHours: ['specialHours'],
  IsClosed: ['status'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

/** The Tenpo field a Bing column name (as in BusinessErrors[].ColumnName, e.g. "Country Code") is about, or null. */
export function tenpoFieldForColumn(column: string): LocationField | null {
  const c = column.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (/^(address|city|state|zip|country|postal)/.test(c)) return 'address';
  if (c.startsWith('businessname') || c === 'name') return 'name';
  if (c.startsWith('phone')) return 'primaryPhone';
  if (c.includes('categor')) return 'primaryCategory';
  if (c.includes('website') || c.includes('mainweb')) return 'website';
  if (c.includes('holiday')) return 'specialHours';
  if (c.includes('operatinghours') || c === 'hours') return 'regularHours';
  if (c.startsWith('lat') || c.startsWith('long')) return 'latitude';
  if (c.includes('photo')) return 'photos';
  if (c.includes('facebook') || c.includes('twitter')) return 'socialProfiles';
  return null;
}
