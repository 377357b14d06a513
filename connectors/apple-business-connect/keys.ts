/**
 * The projection keys: the members of Apple's `locationDetails` that Tenpo manages. Apple replaces
 * a location whole on PUT, so a key is not a separate request; it is the unit Tenpo merges into the
 * location Apple holds (deliver.ts), leaving members Tenpo does not manage (payment methods,
 * action links set in the portal) as Apple has them. Also which Tenpo fields make each key, and
 * which Tenpo field an Apple validation code is about.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationField } from '../../src/locations/model.ts';

export type JsonObject = { [key: string]: JsonValue };

export const PROJECTION_KEYS = [
  'displayNames',
  'storeCode',
  'mainAddress',
  'displayPoint',
  'phoneNumbers',
  'urls',
  'locationDescriptions',
  'openingHoursByDay',
  'specialHours',
  'categories',
  'locationStatus',
] as const;
export type ProjectionKey = (typeof PROJECTION_KEYS)[number];

export const FIELDS: Readonly<Record<ProjectionKey, readonly LocationField[]>> = {
  displayNames: ['name', 'localizedNames'],
  storeCode: ['storeCode'],
  mainAddress: ['address'],
  displayPoint: ['latitude', 'longitude'],
  phoneNumbers: ['primaryPhone', 'additionalPhones'],
  urls: ['website'],
  locationDescriptions: ['description'],
  openingHoursByDay: ['regularHours'],
  specialHours: ['specialHours'],
  categories: ['primaryCategory', 'additionalCategories'],
  locationStatus: ['status', 'statusDate'],
};

export function isProjectionKey(key: string): key is ProjectionKey {
  return (PROJECTION_KEYS as readonly string[]).includes(key);
}

// Apple's validation codes name the feature they check (VALIDATION__DisplayNames..., the
// "Validations: Location" pages group them by feature); the first match wins, so the more
// specific names come first.
const FIELD_BY_CODE: ReadonlyArray<readonly [pattern: RegExp, field: LocationField]> = [
  [/SpecialHours/i, 'specialHours'],
  [/OpeningHours|HoursByDay/i, 'regularHours'],
  [/DisplayName|LocationName/i, 'name'],
  [/MainAddress|Address/i, 'address'],
  [/DisplayPoint|Coordinates/i, 'latitude'],
  [/PhoneNumber/i, 'primaryPhone'],
  [/Url/i, 'website'],
  [/Description/i, 'description'],
  [/Categor/i, 'primaryCategory'],
  [/OpeningDate|ReopenDate|ClosedDate/i, 'statusDate'],
  [/Status/i, 'status'],
  [/StoreCode/i, 'storeCode'],
];

/** The Tenpo field an Apple validation code (e.g. VALIDATION__LocationPrimaryCategoryIsRejected) is about, or null. */
export function tenpoFieldForCode(code: string): LocationField | null {
  return FIELD_BY_CODE.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}
