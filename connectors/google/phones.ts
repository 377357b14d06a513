/**
 * Tenpo stores E.164. Google may answer in another spelling of the same number (it documents
 * "+1 415 555 0132" as its preferred form), so numbers read back are brought to E.164 before they
 * are compared with what was sent.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { JsonObject } from './keys.ts';
import { asString, isObject } from './json.ts';

export const ADDITIONAL_PHONES_MAX = 2;

export function toE164(raw: string, country: string | undefined): string {
  const text = raw.trim().normalize('NFKC');
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: country && isSupportedCountry(country) ? country : undefined, extract: false });
  return parsed && parsed.isValid() ? parsed.number : raw.trim();
}

export function projectPhones(primary: string | null, additional: readonly string[]): JsonObject | undefined {
  if (primary === null) return undefined;
  return additional.length > 0 ? { primaryPhone: primary, additionalPhones: [...additional] } : { primaryPhone: primary };
}

export function normalizePhones(value: unknown, country: string | undefined): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const primary = asString(value.primaryPhone);
  const additional = (Array.isArray(value.additionalPhones) ? value.additionalPhones : []).flatMap((p) => (typeof p === 'string' && p.trim() !== '' ? [toE164(p, country)] : []));
  if (primary === undefined && additional.length === 0) return undefined;
  const out: JsonObject = {};
  if (primary !== undefined) out.primaryPhone = toE164(primary, country);
  if (additional.length > 0) out.additionalPhones = additional;
  return out;
}
