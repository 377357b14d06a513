/**
 * The projection keys: Google `updateMask` paths, each the smallest unit Google lets us write on
 * its own (PhoneNumbers and Categories must be sent whole, so each is one key). Also which Tenpo
 * fields make each key, and how Google's field paths (diffMask, error field paths) map back.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = [
  'title',
  'storeCode',
  'phoneNumbers',
  'categories',
  'storefrontAddress',
  'websiteUri',
  'regularHours',
  'specialHours',
  'profile.description',
  'labels',
  'latlng',
  'openInfo',
] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  title: ['name'],
  storeCode: ['storeCode'],
  phoneNumbers: ['primaryPhone', 'additionalPhones'],
  categories: ['primaryCategory', 'additionalCategories'],
  storefrontAddress: ['address'],
  websiteUri: ['website'],
  regularHours: ['regularHours'],
  specialHours: ['specialHours'],
  'profile.description': ['description'],
  labels: ['labels'],
  latlng: ['latitude', 'longitude'],
  openInfo: ['status', 'statusDate'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

/** Google's REST front end takes snake_case paths too; normalise before comparing. */
function camelPath(path: string): string {
  return path.trim().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The projection key a Google field path belongs to: `storefrontAddress.postalCode` →
 * `storefrontAddress`, `profile` → `profile.description`; undefined for fields we do not project.
 */
export function keyForGooglePath(path: string): ProjectionKey | undefined {
  const p = camelPath(path);
  return PROJECTION_KEYS.find((k) => p === k || p.startsWith(`${k}.`) || k.startsWith(`${p}.`));
}

// Finer than FIELDS where one key is made of several Tenpo fields, so a refusal names the field
// a person has to change.
const FIELD_BY_PATH: ReadonlyArray<readonly [prefix: string, field: LocationField]> = [
  ['phoneNumbers.additionalPhones', 'additionalPhones'],
  ['categories.additionalCategories', 'additionalCategories'],
  ['openInfo.openingDate', 'statusDate'],
  ['latlng.longitude', 'longitude'],
];

/** The Tenpo field a Google field path (e.g. from a field violation) is about, or null. */
export function tenpoFieldForGooglePath(path: string): LocationField | null {
  const p = camelPath(path);
  const fine = FIELD_BY_PATH.find(([prefix]) => p === prefix || p.startsWith(`${prefix}.`));
  if (fine) return fine[1];
  const key = keyForGooglePath(p);
  return key ? (FIELDS[key][0] ?? null) : null;
}
