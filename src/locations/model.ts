/**
 * The location as Tenpo keeps it: the one validated, normalized shape that the API returns,
 * the audit log compares, and connectors project onto each platform. Its JSON form is also
 * the shape of the write inputs, so a partial update is a merge followed by one validation.
 */

export const LOCATION_STATUSES = ['OPEN', 'CLOSED_PERMANENTLY', 'CLOSED_TEMPORARILY', 'OPENING_SOON'] as const;
export type LocationStatus = (typeof LOCATION_STATUSES)[number];

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const PHOTO_KINDS = ['LOGO', 'COVER', 'EXTERIOR', 'INTERIOR', 'PRODUCT', 'TEAM', 'MENU', 'OTHER'] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

export const SOCIAL_NETWORKS = ['FACEBOOK', 'INSTAGRAM', 'X', 'LINE', 'YOUTUBE', 'TIKTOK', 'LINKEDIN', 'PINTEREST'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface LocalizedName {
  /** BCP 47 language tag, e.g. "ja", "en", "zh-Hant". */
  locale: string;
  name: string;
}

export interface Address {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  postalCode: string | null;
  /** Prefecture (都道府県), state or province. */
  region: string | null;
  /** City, ward or town (市区町村). */
  city: string | null;
  /** District or neighbourhood (町域, 丁目). */
  district: string | null;
  /** Street lines (番地・号), kept as entered. */
  lines: string[];
  /** Building name and floor or room, kept apart from the street lines. */
  building: string | null;
}

/** "HH:MM", 00:00 to 24:00. An interval whose close is not after its open passes midnight. */
export interface TimeInterval {
  open: string;
  close: string;
}

export interface DayHours {
  day: Weekday;
  intervals: TimeInterval[];
}

export interface SpecialHours {
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  /** ISO date, inclusive; equal to startDate for one day. */
  endDate: string;
  closed: boolean;
  /** Empty when closed. */
  intervals: TimeInterval[];
}

export interface SocialProfile {
  network: SocialNetwork;
  url: string;
}

export type AttributeValue = boolean | string | string[];

export interface Attribute {
  key: string;
  value: AttributeValue;
}

export interface Photo {
  url: string;
  kind: PhotoKind;
  caption: string | null;
}

export interface LocationData {
  storeCode: string;
  name: string;
  localizedNames: LocalizedName[];
  status: LocationStatus;
  /** Reopening date when CLOSED_TEMPORARILY, opening date when OPENING_SOON, else null. */
  statusDate: string | null;
  address: Address;
  latitude: number | null;
  longitude: number | null;
  /** E.164. */
  primaryPhone: string | null;
  additionalPhones: string[];
  website: string | null;
  socialProfiles: SocialProfile[];
  primaryCategory: string;
  additionalCategories: string[];
  description: string | null;
  labels: string[];
  regularHours: DayHours[];
  specialHours: SpecialHours[];
  attributes: Attribute[];
  photos: Photo[];
}

export type LocationField = keyof LocationData;

export const LOCATION_FIELDS = [
  'storeCode',
  'name',
  'localizedNames',
  'status',
  'statusDate',
  'address',
  'latitude',
  'longitude',
  'primaryPhone',
  'additionalPhones',
  'website',
  'socialProfiles',
  'primaryCategory',
  'additionalCategories',
  'description',
  'labels',
  'regularHours',
  'specialHours',
  'attributes',
  'photos',
] as const satisfies readonly LocationField[];

/** Error codes that a caller can act on; shared by every write path (API, bulk, CSV import). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_PHONE',
  'INVALID_HOURS',
  'INVALID_ADDRESS',
  'UNKNOWN_CATEGORY',
  'UNKNOWN_ATTRIBUTE',
  'DUPLICATE_STORE_CODE',
  'VERSION_CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'PLATFORM_UNAVAILABLE',
  'INVALID_CREDENTIALS',
  'ALREADY_LINKED',
  'MODULE_DISABLED',
  'ALREADY_LABELLED',
  'REPLY_TOO_LONG',
  'REPLY_EMOJI',
  'REPLY_DAILY_LIMIT',
  'REPLY_NOT_SUPPORTED',
  'REPORT_NOT_SUPPORTED',
  'INVALID_STATE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  code: ErrorCode;
  /** Path into the input, e.g. ["regularHours", "2", "intervals", "0", "close"]. Empty for the whole input. */
  path: string[];
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldError(code: ErrorCode, path: string[], message: string): FieldError {
  return { code, path, message };
}

/** A zod failure as typed input errors, with paths under `prefix`. */
export function inputErrors(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix: string[] = []): FieldError[] {
  return error.issues.map((i) => fieldError('INVALID_INPUT', [...prefix, ...i.path.map(String)], i.message));
}

/** The one answer for an organisation that does not exist or that the caller may not see. */
export function organizationNotFound(): FieldError {
  return fieldError('NOT_FOUND', ['organizationId'], 'No such organisation.');
}
