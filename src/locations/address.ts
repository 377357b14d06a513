/**
 * Address and coordinate rules. Text is kept exactly as entered apart from trimming: Japanese
 * addresses mix kanji, kana and full-width digits on purpose, and the platforms match them
 * against their own records character for character. Only the postal code is rewritten into
 * its canonical form, because platforms and geocoders expect that form.
 */
import { getCountries } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { Address, FieldError } from './model.ts';
import { plainRecord, readNullableString, readString, readStringList, shapeKeys } from './plain.ts';
import { checkText, fieldError } from './text.ts';

export const addressLimits = {
  addressFieldMaxLength: 200,
  addressLinesMax: 5,
  postalCodeMaxLength: 20,
} as const;

const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

export const addressSchema = z.strictObject({
  country: z.string(),
  postalCode: optionalText,
  region: optionalText,
  city: optionalText,
  district: optionalText,
  lines: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  building: optionalText,
});

type RawAddress = z.output<typeof addressSchema>;

const ADDRESS_KEYS = shapeKeys(addressSchema.shape);

/** addressSchema for plain data, or undefined when not sure (see plain.ts). */
export function readAddress(value: unknown): RawAddress | undefined {
  const raw = plainRecord(value, ADDRESS_KEYS);
  if (raw === undefined) return undefined;
  const country = readString(raw.country);
  const postalCode = readNullableString(raw.postalCode);
  const region = readNullableString(raw.region);
  const city = readNullableString(raw.city);
  const district = readNullableString(raw.district);
  const lines = readStringList(raw.lines);
  const building = readNullableString(raw.building);
  if (country === undefined || postalCode === undefined || region === undefined || city === undefined) return undefined;
  if (district === undefined || lines === undefined || building === undefined) return undefined;
  return { country, postalCode, region, city, district, lines, building };
}

// libphonenumber's list is ISO 3166-1 alpha-2 for every territory with a telephone plan,
// plus AC, TA and XK; uninhabited codes (AQ, BV, HM, ...) are absent, which suits store data.
const COUNTRY_CODES: ReadonlySet<string> = new Set(getCountries());

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

interface PostalRule {
  pattern: RegExp;
  format: (m: RegExpExecArray) => string;
  example: string;
}

const whole = (m: RegExpExecArray): string => m[0];
const spaced = (m: RegExpExecArray): string => `${m[1]} ${m[2]}`;

const POSTAL_RULES: Readonly<Record<string, PostalRule>> = {
  // 〒 and the dashes Japanese input methods produce (ー, −, ‐ ...) are all common in store lists.
  JP: { pattern: /^〒?\s*(\d{3})[-‐‑‒–—―−ー]?(\d{4})$/, format: (m) => `${m[1]}-${m[2]}`, example: '107-0052' },
  US: { pattern: /^(\d{5})(?:[- ]?(\d{4}))?$/, format: (m) => (m[2] ? `${m[1]}-${m[2]}` : `${m[1]}`), example: '94103 or 94103-1234' },
  CA: { pattern: /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$/, format: spaced, example: 'K1A 0B1' },
  GB: { pattern: /^([A-Z]{1,2}\d[A-Z\d]?|GIR) ?(\d[A-Z]{2})$/, format: spaced, example: 'SW1A 1AA' },
  DE: { pattern: /^\d{5}$/, format: whole, example: '10115' },
  FR: { pattern: /^\d{5}$/, format: whole, example: '75001' },
  KR: { pattern: /^\d{5}$/, format: whole, example: '03187' },
  TW: { pattern: /^\d{3}(?:\d{2}|\d{3})?$/, format: whole, example: '100 or 100012' },
  SG: { pattern: /^\d{6}$/, format: whole, example: '018956' },
  AU: { pattern: /^\d{4}$/, format: whole, example: '2000' },
};

/** Canonical postal code for countries with a known pattern; other countries only get trimmed. */
export function normalizePostalCode(raw: string, country: string): { ok: true; value: string } | { ok: false; message: string } {
  const rule = POSTAL_RULES[country];
  const text = raw.trim();
  if (!rule) return { ok: true, value: text };
  // NFKC turns full-width digits and letters (１０７, ＳＷ１) into ASCII.
  const folded = text.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ');
  const m = rule.pattern.exec(folded);
  if (m) return { ok: true, value: rule.format(m) };
  return { ok: false, message: `Postal code "${text.slice(0, 20)}" is not a valid ${country} postal code (expected e.g. ${rule.example})` };
}

const FIELDS = [
  ['region', 'Region'],
  ['city', 'City'],
  ['district', 'District'],
  ['building', 'Building'],
] as const;

// Module-level rather than a closure made per call: addresses are checked for every imported row.
function optionalAddressText(value: string | null, field: string, label: string, errors: FieldError[]): string | null {
  if (value === null) return null;
  const t = checkText(value, ['address', field], errors, { label, max: addressLimits.addressFieldMaxLength, code: 'INVALID_ADDRESS' });
  return t === '' ? null : t;
}

/** Validates and normalizes an address; errors use paths under ["address"]. */
export function checkAddress(raw: RawAddress, errors: FieldError[]): Address {
  const country = raw.country.trim().toUpperCase();
  if (!isCountryCode(country)) {
    errors.push(fieldError('INVALID_ADDRESS', ['address', 'country'], `Country "${raw.country.slice(0, 20)}" is not an ISO 3166-1 alpha-2 code such as JP or US`));
  }
  const address: Address = {
    country,
    postalCode: null,
    region: null,
    city: null,
    district: null,
    lines: [],
    building: null,
  };
  for (const [field, label] of FIELDS) address[field] = optionalAddressText(raw[field], field, label, errors);

  const postal = raw.postalCode === null ? null : checkText(raw.postalCode, ['address', 'postalCode'], errors, { label: 'Postal code', max: addressLimits.postalCodeMaxLength, code: 'INVALID_ADDRESS' });
  if (postal) {
    const normalized = normalizePostalCode(postal, country);
    if (normalized.ok) address.postalCode = normalized.value;
    else errors.push(fieldError('INVALID_ADDRESS', ['address', 'postalCode'], normalized.message));
  }

  if (raw.lines.length > addressLimits.addressLinesMax) {
    errors.push(fieldError('INVALID_ADDRESS', ['address', 'lines'], `At most ${addressLimits.addressLinesMax} street lines are allowed (got ${raw.lines.length})`));
  }
  raw.lines.forEach((line, i) => {
    const path = ['address', 'lines', String(i)];
    const t = checkText(line, path, errors, { label: 'Street line', max: addressLimits.addressFieldMaxLength, code: 'INVALID_ADDRESS' });
    if (t === '') errors.push(fieldError('INVALID_ADDRESS', path, 'Street line is empty; remove it'));
    else address.lines.push(t);
  });
  return address;
}

/**
 * Range-checks coordinates and requires both or neither. `undefined` means the value already
 * failed its shape check, so the pairing rule is not applied to it again.
 */
export function checkCoordinates(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  errors: FieldError[],
): { latitude: number | null; longitude: number | null } {
  if (typeof latitude === 'number' && (latitude < -90 || latitude > 90)) {
    errors.push(fieldError('INVALID_INPUT', ['latitude'], `Latitude must be between -90 and 90 (got ${latitude})`));
  }
  if (typeof longitude === 'number' && (longitude < -180 || longitude > 180)) {
    errors.push(fieldError('INVALID_INPUT', ['longitude'], `Longitude must be between -180 and 180 (got ${longitude})`));
  }
  if (latitude === null && typeof longitude === 'number') {
    errors.push(fieldError('INVALID_INPUT', ['latitude'], 'Latitude is required when longitude is set'));
  }
  if (longitude === null && typeof latitude === 'number') {
    errors.push(fieldError('INVALID_INPUT', ['longitude'], 'Longitude is required when latitude is set'));
  }
  return { latitude: latitude ?? null, longitude: longitude ?? null };
}
