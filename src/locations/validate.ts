/**
 * The one validator every write path (GraphQL, bulk API, CSV import) runs before storing a
 * location. Each field is shape-checked with zod on its own, so one malformed field does not
 * hide the domain errors of the others; a field whose shape is wrong gets only its shape errors.
 */
import { z } from 'zod';
import { LOCATION_FIELDS, LOCATION_STATUSES, PHOTO_KINDS, SOCIAL_NETWORKS } from './model.ts';
import type { FieldError, LocalizedName, LocationData, LocationField, LocationStatus, Photo, Result, SocialProfile } from './model.ts';
import { addressLimits, addressSchema, checkAddress, checkCoordinates, isCountryCode } from './address.ts';
import { attributesSchema, checkAttributes } from './attributes.ts';
import { categoryLimits, checkCategories } from './categories.ts';
import { checkRegularHours, checkSpecialHours, hoursLimits, parseIsoDate, regularHoursSchema, specialHoursSchema } from './hours.ts';
import { checkPhones, phoneLimits } from './phones.ts';
import { checkHttpUrl, checkText, fieldError, parseShape, textLimits } from './text.ts';

export const validationLimits = {
  storeCodeMaxLength: 64,
  nameMaxLength: 200,
  localizedNamesMax: 20,
  descriptionMaxLength: 5000,
  labelsMax: 10,
  labelMaxLength: 255,
  photosMax: 100,
  captionMaxLength: 500,
  ...textLimits,
  ...addressLimits,
  ...phoneLimits,
  ...categoryLimits,
  ...hoursLimits,
} as const;

const L = validationLimits;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

const SHAPES = {
  storeCode: z.string(),
  name: z.string(),
  localizedNames: list(z.strictObject({ locale: z.string(), name: z.string() })),
  status: z
    .enum(LOCATION_STATUSES)
    .nullish()
    .transform((v) => v ?? 'OPEN'),
  statusDate: nullable(z.string()),
  address: addressSchema,
  latitude: nullable(z.number()),
  longitude: nullable(z.number()),
  primaryPhone: nullable(z.string()),
  additionalPhones: list(z.string()),
  website: nullable(z.string()),
  socialProfiles: list(z.strictObject({ network: z.enum(SOCIAL_NETWORKS), url: z.string() })),
  primaryCategory: z.string(),
  additionalCategories: list(z.string()),
  description: nullable(z.string()),
  labels: list(z.string()),
  regularHours: regularHoursSchema,
  specialHours: specialHoursSchema,
  attributes: attributesSchema,
  photos: list(z.strictObject({ url: z.string(), kind: z.enum(PHOTO_KINDS), caption: nullable(z.string()) })),
} satisfies Record<LocationField, z.ZodType>;

type Shapes = { [K in LocationField]: z.output<(typeof SHAPES)[K]> };
type Parsed = { [K in LocationField]: Shapes[K] | undefined };
type Draft = { [K in LocationField]: LocationData[K] | undefined };

function tooMany(path: string, count: number, max: number, what: string, errors: FieldError[]): void {
  if (count > max) errors.push(fieldError('INVALID_INPUT', [path], `At most ${max} ${what} are allowed (got ${count})`));
}

const STORE_CODE = new RegExp(`^[A-Za-z0-9._-]{1,${L.storeCodeMaxLength}}$`);

function checkStoreCode(raw: string, errors: FieldError[]): string {
  const code = raw.trim();
  if (!STORE_CODE.test(code)) {
    errors.push(fieldError('INVALID_INPUT', ['storeCode'], `Store code must be 1 to ${L.storeCodeMaxLength} characters of letters A-Z, digits, ".", "_" or "-"`));
  }
  return code;
}

/** Trimmed text that must not be empty. */
function requiredText(raw: string, path: string[], label: string, max: number, errors: FieldError[]): string {
  const text = checkText(raw, path, errors, { label, max });
  if (text === '') errors.push(fieldError('INVALID_INPUT', path, `${label} is required`));
  return text;
}

function checkLocalizedNames(raws: LocalizedName[], errors: FieldError[]): LocalizedName[] {
  tooMany('localizedNames', raws.length, L.localizedNamesMax, 'localized names', errors);
  const seen = new Set<string>();
  const names = raws.map((raw, i): LocalizedName => {
    const path = ['localizedNames', String(i)];
    const name = requiredText(raw.name, [...path, 'name'], 'Name', L.nameMaxLength, errors);
    let locale = raw.locale.trim();
    try {
      // Throws RangeError for anything that is not a well-formed BCP 47 tag (e.g. "en_US").
      locale = Intl.getCanonicalLocales(locale)[0] ?? '';
    } catch {
      errors.push(fieldError('INVALID_INPUT', [...path, 'locale'], `"${locale.slice(0, 35)}" is not a BCP 47 language tag such as ja, en or zh-Hant`));
      return { locale, name };
    }
    if (locale === '') errors.push(fieldError('INVALID_INPUT', [...path, 'locale'], 'Locale is required'));
    else if (seen.has(locale)) errors.push(fieldError('INVALID_INPUT', [...path, 'locale'], `Locale ${locale} is listed twice`));
    seen.add(locale);
    return { locale, name };
  });
  return names.sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
}

function checkStatusDate(raw: string | null, status: LocationStatus | undefined, errors: FieldError[]): string | null {
  const date = raw?.trim() || null;
  if (date !== null && parseIsoDate(date) === null) {
    errors.push(fieldError('INVALID_INPUT', ['statusDate'], `"${date.slice(0, 20)}" is not an existing date in YYYY-MM-DD form`));
  }
  if (status === 'OPENING_SOON' && date === null) {
    errors.push(fieldError('INVALID_INPUT', ['statusDate'], 'Opening date is required when the status is OPENING_SOON'));
  }
  if ((status === 'OPEN' || status === 'CLOSED_PERMANENTLY') && date !== null) {
    errors.push(fieldError('INVALID_INPUT', ['statusDate'], `A status date only applies to OPENING_SOON and CLOSED_TEMPORARILY; remove it for ${status}`));
  }
  return date;
}

function checkWebsite(raw: string | null, errors: FieldError[]): string | null {
  if (raw === null || raw.trim() === '') return null;
  return checkHttpUrl(raw, ['website'], errors, 'Website');
}

function checkSocialProfiles(raws: SocialProfile[], errors: FieldError[]): SocialProfile[] {
  const seen = new Set<string>();
  const profiles = raws.map((raw, i) => {
    const path = ['socialProfiles', String(i)];
    if (seen.has(raw.network)) errors.push(fieldError('INVALID_INPUT', [...path, 'network'], `Only one ${raw.network} profile is allowed`));
    seen.add(raw.network);
    return { network: raw.network, url: checkHttpUrl(raw.url, [...path, 'url'], errors, 'Profile URL') };
  });
  return profiles.sort((a, b) => SOCIAL_NETWORKS.indexOf(a.network) - SOCIAL_NETWORKS.indexOf(b.network));
}

function checkDescription(raw: string | null, errors: FieldError[]): string | null {
  if (raw === null) return null;
  const text = checkText(raw, ['description'], errors, { label: 'Description', max: L.descriptionMaxLength, multiline: true });
  return text === '' ? null : text;
}

function checkLabels(raws: string[], errors: FieldError[]): string[] {
  tooMany('labels', raws.length, L.labelsMax, 'labels', errors);
  const seen = new Set<string>();
  return raws.map((raw, i) => {
    const path = ['labels', String(i)];
    const label = requiredText(raw, path, 'Label', L.labelMaxLength, errors);
    if (label !== '' && seen.has(label)) errors.push(fieldError('INVALID_INPUT', path, `Label "${label.slice(0, 60)}" is listed twice`));
    seen.add(label);
    return label;
  });
}

function checkPhotos(raws: Photo[], errors: FieldError[]): Photo[] {
  tooMany('photos', raws.length, L.photosMax, 'photos', errors);
  const urls = new Set<string>();
  const singleKinds = new Set<string>();
  return raws.map((raw, i) => {
    const path = ['photos', String(i)];
    const url = checkHttpUrl(raw.url, [...path, 'url'], errors, 'Photo URL');
    if (urls.has(url)) errors.push(fieldError('INVALID_INPUT', [...path, 'url'], 'This photo is listed twice'));
    urls.add(url);
    if (raw.kind === 'LOGO' || raw.kind === 'COVER') {
      if (singleKinds.has(raw.kind)) errors.push(fieldError('INVALID_INPUT', [...path, 'kind'], `Only one ${raw.kind} photo is allowed`));
      singleKinds.add(raw.kind);
    }
    const caption = raw.caption === null ? '' : checkText(raw.caption, [...path, 'caption'], errors, { label: 'Caption', max: L.captionMaxLength });
    return { url, kind: raw.kind, caption: caption === '' ? null : caption };
  });
}

function readFields(input: object, errors: FieldError[]): Parsed {
  const parsed: Partial<Record<LocationField, unknown>> = {};
  for (const field of LOCATION_FIELDS) {
    const value: unknown = Object.hasOwn(input, field) ? Reflect.get(input, field) : undefined;
    parsed[field] = parseShape<unknown>(SHAPES[field], value, [field], errors);
  }
  // Each entry is the output of SHAPES[field] (or undefined), which is exactly Parsed.
  return parsed as Parsed;
}

function checkFields(p: Parsed, errors: FieldError[]): Draft {
  const ifParsed = <T, R>(value: T | undefined, check: (v: T) => R): R | undefined => (value === undefined ? undefined : check(value));
  const address = ifParsed(p.address, (a) => checkAddress(a, errors));
  const country = address && isCountryCode(address.country) ? address.country : null;
  // A pair is checked even when one half failed its shape check, so the other half's errors
  // are not hidden; the failed half contributes nothing (null / empty).
  const phones = checkPhones(p.primaryPhone ?? null, p.additionalPhones ?? [], country, errors);
  const categories = checkCategories(p.primaryCategory ?? null, p.additionalCategories ?? [], errors);
  const coordinates = checkCoordinates(p.latitude, p.longitude, errors);
  return {
    storeCode: ifParsed(p.storeCode, (s) => checkStoreCode(s, errors)),
    name: ifParsed(p.name, (s) => requiredText(s, ['name'], 'Name', L.nameMaxLength, errors)),
    localizedNames: ifParsed(p.localizedNames, (v) => checkLocalizedNames(v, errors)),
    status: p.status,
    statusDate: ifParsed(p.statusDate, (v) => checkStatusDate(v, p.status, errors)),
    address,
    latitude: p.latitude === undefined ? undefined : coordinates.latitude,
    longitude: p.longitude === undefined ? undefined : coordinates.longitude,
    primaryPhone: p.primaryPhone === undefined ? undefined : phones.primaryPhone,
    additionalPhones: p.additionalPhones === undefined ? undefined : phones.additionalPhones,
    website: ifParsed(p.website, (v) => checkWebsite(v, errors)),
    socialProfiles: ifParsed(p.socialProfiles, (v) => checkSocialProfiles(v, errors)),
    primaryCategory: categories.primaryCategory ?? undefined,
    additionalCategories: p.additionalCategories === undefined ? undefined : categories.additionalCategories,
    description: ifParsed(p.description, (v) => checkDescription(v, errors)),
    labels: ifParsed(p.labels, (v) => checkLabels(v, errors)),
    regularHours: ifParsed(p.regularHours, (v) => checkRegularHours(v, errors)),
    specialHours: ifParsed(p.specialHours, (v) => checkSpecialHours(v, errors)),
    attributes: ifParsed(p.attributes, (v) => checkAttributes(v, errors)),
    photos: ifParsed(p.photos, (v) => checkPhotos(v, errors)),
  };
}

const FIELD_RANK: ReadonlyMap<string, number> = new Map(LOCATION_FIELDS.map((field, i) => [field, i]));

function validateRecord(input: unknown): Result<LocationData> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [fieldError('INVALID_INPUT', [], 'A location must be an object')] };
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELD_RANK.has(key)) errors.push(fieldError('INVALID_INPUT', [key], `Unknown field "${key.slice(0, 60)}"`));
  }
  const draft = checkFields(readFields(input, errors), errors);
  // Cross-field checks run out of field order; report in field order so forms list them top-down.
  const rank = (e: FieldError): number => FIELD_RANK.get(e.path[0] ?? '') ?? -1;
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => rank(a) - rank(b)) };
  // A field is left undefined only when its shape check failed, which recorded an error.
  return { ok: true, value: draft as LocationData };
}

/**
 * Validates and normalizes a location. Never throws: any input, however malformed, yields
 * either the normalized location or every error found, each with a code, path and message.
 */
export function validateLocation(input: unknown): Result<LocationData> {
  try {
    return validateRecord(input);
  } catch {
    // Only exotic inputs get here (a getter or Proxy that throws while being read); callers
    // are promised a Result, never an exception.
    return { ok: false, errors: [fieldError('INVALID_INPUT', [], 'The location could not be read as plain data')] };
  }
}
