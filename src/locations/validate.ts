/**
 * The one validator every write path (GraphQL, bulk API, CSV import) runs before storing a
 * location: a shape check of each field on its own (fields.ts), then the domain rules.
 */
import { LOCATION_FIELDS, SOCIAL_NETWORKS } from './model.ts';
import type { FieldError, LocalizedName, LocationData, LocationField, LocationStatus, Photo, Result, SocialProfile } from './model.ts';
import { addressLimits, checkAddress, checkCoordinates, isCountryCode } from './address.ts';
import { checkAttributes } from './attributes.ts';
import { categoryLimits, checkCategories } from './categories.ts';
import { readFields } from './fields.ts';
import type { Parsed } from './fields.ts';
import { checkRegularHours, checkSpecialHours, hoursLimits, parseIsoDate } from './hours.ts';
import { checkPhones, phoneLimits } from './phones.ts';
import { checkHttpUrl, checkText, fieldError, textLimits } from './text.ts';

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

// Canonical form of each locale tag met so far (null: not a well-formed tag). Stores use the
// same few tags over and over, and Intl.getCanonicalLocales showed in import profiles; tags are
// input, so the memo is bounded.
const canonicalLocales = new Map<string, string | null>();

function canonicalLocale(tag: string): string | null {
  let canonical = canonicalLocales.get(tag);
  if (canonical === undefined) {
    try {
      // Throws RangeError for anything that is not a well-formed BCP 47 tag (e.g. "en_US").
      canonical = Intl.getCanonicalLocales(tag)[0] ?? '';
    } catch {
      canonical = null;
    }
    if (canonicalLocales.size >= 1000) canonicalLocales.clear();
    canonicalLocales.set(tag, canonical);
  }
  return canonical;
}

function checkLocalizedNames(raws: LocalizedName[], errors: FieldError[]): LocalizedName[] {
  tooMany('localizedNames', raws.length, L.localizedNamesMax, 'localized names', errors);
  const seen = new Set<string>();
  const names = raws.map((raw, i): LocalizedName => {
    const path = ['localizedNames', String(i)];
    const name = requiredText(raw.name, [...path, 'name'], 'Name', L.nameMaxLength, errors);
    const tag = raw.locale.trim();
    const locale = canonicalLocale(tag);
    if (locale === null) {
      errors.push(fieldError('INVALID_INPUT', [...path, 'locale'], `"${tag.slice(0, 35)}" is not a BCP 47 language tag such as ja, en or zh-Hant`));
      return { locale: tag, name };
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

function checkFields(p: Parsed, errors: FieldError[]): Draft {
  // Plain conditionals rather than a helper taking a closure per field: this runs for every
  // imported row, and the closures (each wrapped by tsx's keep-names helper) showed in profiles.
  const address = p.address === undefined ? undefined : checkAddress(p.address, errors);
  const country = address && isCountryCode(address.country) ? address.country : null;
  // A pair is checked even when one half failed its shape check, so the other half's errors
  // are not hidden; the failed half contributes nothing (null / empty).
  const phones = checkPhones(p.primaryPhone ?? null, p.additionalPhones ?? [], country, errors);
  const categories = checkCategories(p.primaryCategory ?? null, p.additionalCategories ?? [], errors);
  const coordinates = checkCoordinates(p.latitude, p.longitude, errors);
  // The remaining checks run in this order; errors are sorted by field afterwards, so only the
  // order within one field matters, and each of these fields has one check.
  return {
    storeCode: p.storeCode === undefined ? undefined : checkStoreCode(p.storeCode, errors),
    name: p.name === undefined ? undefined : requiredText(p.name, ['name'], 'Name', L.nameMaxLength, errors),
    localizedNames: p.localizedNames === undefined ? undefined : checkLocalizedNames(p.localizedNames, errors),
    status: p.status,
    statusDate: p.statusDate === undefined ? undefined : checkStatusDate(p.statusDate, p.status, errors),
    address,
    latitude: p.latitude === undefined ? undefined : coordinates.latitude,
    longitude: p.longitude === undefined ? undefined : coordinates.longitude,
    primaryPhone: p.primaryPhone === undefined ? undefined : phones.primaryPhone,
    additionalPhones: p.additionalPhones === undefined ? undefined : phones.additionalPhones,
    website: p.website === undefined ? undefined : checkWebsite(p.website, errors),
    socialProfiles: p.socialProfiles === undefined ? undefined : checkSocialProfiles(p.socialProfiles, errors),
    primaryCategory: categories.primaryCategory ?? undefined,
    additionalCategories: p.additionalCategories === undefined ? undefined : categories.additionalCategories,
    description: p.description === undefined ? undefined : checkDescription(p.description, errors),
    labels: p.labels === undefined ? undefined : checkLabels(p.labels, errors),
    regularHours: p.regularHours === undefined ? undefined : checkRegularHours(p.regularHours, errors),
    specialHours: p.specialHours === undefined ? undefined : checkSpecialHours(p.specialHours, errors),
    attributes: p.attributes === undefined ? undefined : checkAttributes(p.attributes, errors),
    photos: p.photos === undefined ? undefined : checkPhotos(p.photos, errors),
  };
}

const FIELD_RANK: ReadonlyMap<string, number> = new Map(LOCATION_FIELDS.map((field, i) => [field, i]));

const rank = (e: FieldError): number => FIELD_RANK.get(e.path[0] ?? '') ?? -1;
const byFieldRank = (a: FieldError, b: FieldError): number => rank(a) - rank(b);

function validateRecord(input: unknown, plain: boolean): Result<LocationData> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [fieldError('INVALID_INPUT', [], 'A location must be an object')] };
  }
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!FIELD_RANK.has(key)) errors.push(fieldError('INVALID_INPUT', [key], `Unknown field "${key.slice(0, 60)}"`));
  }
  const draft = checkFields(readFields(input, errors, plain), errors);
  // Cross-field checks run out of field order; report in field order so forms list them top-down.
  if (errors.length > 0) return { ok: false, errors: errors.sort(byFieldRank) };
  // A field is left undefined only when its shape check failed, which recorded an error.
  return { ok: true, value: draft as LocationData };
}

/**
 * Validates and normalizes a location. Never throws: any input, however malformed, yields
 * either the normalized location or every error found, each with a code, path and message.
 */
export function validateLocation(input: unknown): Result<LocationData> {
  return validate(input, true);
}

/**
 * validateLocation with every field shape-checked by zod, skipping the plain readers. Only for
 * tests, which check that both give the same result.
 * @internal
 */
export function validateLocationByZod(input: unknown): Result<LocationData> {
  return validate(input, false);
}

function validate(input: unknown, plain: boolean): Result<LocationData> {
  try {
    return validateRecord(input, plain);
  } catch {
    // Only exotic inputs get here (a getter or Proxy that throws while being read); callers
    // are promised a Result, never an exception.
    return { ok: false, errors: [fieldError('INVALID_INPUT', [], 'The location could not be read as plain data')] };
  }
}
