import type { JsonValue, Projection } from '../connector.ts';
import type { LocationField } from '../../../src/locations/model.ts';

/**
 * The standard projection: the shape every runtime-run platform (publisher, feed, aggregator,
 * manual) gets a store in. Keys are the units a platform takes independently; each is made from
 * the Tenpo fields listed here, which is also what per-field status reads.
 */
export const STANDARD_FIELDS = {
  name: ['name'],
  localizedNames: ['localizedNames'],
  status: ['status', 'statusDate'],
  address: ['address'],
  coordinates: ['latitude', 'longitude'],
  phone: ['primaryPhone'],
  additionalPhones: ['additionalPhones'],
  website: ['website'],
  socialProfiles: ['socialProfiles'],
  categories: ['primaryCategory', 'additionalCategories'],
  description: ['description'],
  labels: ['labels'],
  hours: ['regularHours'],
  specialHours: ['specialHours'],
  attributes: ['attributes'],
  photos: ['photos'],
} as const satisfies Record<string, readonly LocationField[]>;

export type StandardKey = keyof typeof STANDARD_FIELDS;

/** The cells a feed manifest can ask for, each a plain string taken from the standard projection. */
export const FEED_VALUES = [
  'storeCode',
  'listingId',
  'name',
  'status',
  'statusDate',
  'address.formatted',
  'address.street',
  'address.building',
  'address.district',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'latitude',
  'longitude',
  'phone.e164',
  'phone.national',
  'additionalPhones',
  'website',
  'category.primary',
  'categories.additional',
  'description',
  'hours.osm',
  'specialHours.osm',
  'photos.urls',
] as const;
export type FeedValue = (typeof FEED_VALUES)[number];

const asObject = (v: JsonValue | undefined): Record<string, JsonValue> => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const asText = (v: JsonValue | undefined): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.map((x) => asText(x)).join('|') : String(v));

/** One feed cell; an absent value is the empty cell. Lists are joined with "|". */
export function feedValue(value: FeedValue, entry: { listingId: string; storeCode: string; projection: Projection }): string {
  const p = entry.projection;
  switch (value) {
    case 'storeCode':
      return entry.storeCode;
    case 'listingId':
      return entry.listingId;
    case 'name':
    case 'website':
    case 'description':
    case 'additionalPhones':
      return asText(p[value]);
    case 'status':
      return asText(asObject(p.status).status);
    case 'statusDate':
      return asText(asObject(p.status).date);
    case 'latitude':
    case 'longitude':
      return asText(asObject(p.coordinates)[value]);
    case 'category.primary':
      return asText(asObject(p.categories).primary);
    case 'categories.additional':
      return asText(asObject(p.categories).additional);
    case 'photos.urls':
      return Array.isArray(p.photos) ? p.photos.map((x) => asText(asObject(x).url)).join('|') : '';
    default: {
      const [key, sub] = value.split('.') as [string, string];
      return asText(asObject(p[key])[sub]);
    }
  }
}
