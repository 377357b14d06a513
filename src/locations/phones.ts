/**
 * Phone rules. Numbers are stored in E.164 so that every platform gets the same value and
 * duplicates are caught whatever the input spelling. Validity uses the full ("max") metadata,
 * which knows the real number ranges, not just plausible lengths.
 */
import { isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import type { FieldError } from './model.ts';
import { fieldError } from './text.ts';

export const phoneLimits = {
  additionalPhonesMax: 10,
  phoneMaxLength: 64,
} as const;

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

const LENGTH_PROBLEMS: Readonly<Record<string, string>> = {
  TOO_SHORT: 'has too few digits',
  TOO_LONG: 'has too many digits',
  INVALID_LENGTH: 'has the wrong number of digits',
};

/**
 * Reads a number written in the national format of `defaultCountry` (e.g. "03-1234-5678" for
 * JP), in international format ("+81 3-1234-5678", any country), with full-width digits or
 * the dashes Japanese input methods produce.
 */
export function normalizePhone(raw: string, defaultCountry: string | null): PhoneResult {
  if (raw.trim().length > phoneLimits.phoneMaxLength) {
    return { ok: false, message: `Phone number must be at most ${phoneLimits.phoneMaxLength} characters` };
  }
  // NFKC folds full-width digits and the full-width plus (＋８１...) that libphonenumber misses.
  const text = raw.trim().normalize('NFKC');
  const country: CountryCode | undefined = defaultCountry !== null && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  // extract: false so that "03-1234-5678 (reservations)" is rejected instead of silently trimmed.
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
  if (parsed && parsed.ext === undefined && parsed.isValid()) return { ok: true, e164: parsed.number };
  // Only failures get here; their message parts are built only for them.
  const shown = `"${text.slice(0, 30)}"`;
  const where = country ? `for ${country}` : '(use international format, e.g. +81 3-1234-5678)';
  if (!parsed) {
    const problem = LENGTH_PROBLEMS[validatePhoneNumberLength(text, { defaultCountry: country }) ?? ''];
    return { ok: false, message: `${shown} ${problem ? `${problem} to be a phone number` : 'is not a phone number'} ${where}` };
  }
  if (parsed.ext !== undefined) {
    return { ok: false, message: `${shown} has an extension; listings take the main number only, without "ext."` };
  }
  // Parsed, without an extension, yet not valid.
  const problem = LENGTH_PROBLEMS[validatePhoneNumberLength(text, { defaultCountry: country }) ?? ''] ?? 'does not match any number range in use';
  const international = text.startsWith('+');
  const message = international || !country
    ? `${shown} is not a valid phone number: it ${problem}`
    : `${shown} is not a valid ${country} phone number: it ${problem} (write numbers of other countries with their + prefix)`;
  return { ok: false, message };
}

/** Where each number was first listed: -1 for the primary phone, else the additional index. */
type Seen = Map<string, number>;

function describeFirst(position: number): string {
  return position < 0 ? 'primary phone' : `additional phone #${position + 1}`;
}

// A function of its own rather than a closure made per call: it runs for every imported row.
function readPhone(raw: string, path: string[], position: number, country: string | null, seen: Seen, errors: FieldError[]): string | null {
  if (raw.trim() === '') return null;
  // Without a valid country a national number cannot be read; the country error already
  // explains the problem, so repeating it on every phone would only add noise.
  if (country === null && !raw.trim().normalize('NFKC').startsWith('+')) return null;
  const result = normalizePhone(raw, country);
  if (!result.ok) {
    errors.push(fieldError('INVALID_PHONE', path, result.message));
    return null;
  }
  const first = seen.get(result.e164);
  if (first !== undefined) {
    errors.push(fieldError('INVALID_PHONE', path, `${result.e164} is already listed as the ${describeFirst(first)}`));
    return null;
  }
  seen.set(result.e164, position);
  return result.e164;
}

/**
 * Validates primary and additional phones against the address country (null when the
 * country is itself invalid: only international numbers are checked then).
 */
export function checkPhones(
  primary: string | null,
  additional: string[],
  country: string | null,
  errors: FieldError[],
): { primaryPhone: string | null; additionalPhones: string[] } {
  const seen: Seen = new Map();
  const primaryPhone = primary === null ? null : readPhone(primary, ['primaryPhone'], -1, country, seen, errors);
  if (additional.length > phoneLimits.additionalPhonesMax) {
    errors.push(fieldError('INVALID_PHONE', ['additionalPhones'], `At most ${phoneLimits.additionalPhonesMax} additional phones are allowed (got ${additional.length})`));
  }
  const additionalPhones: string[] = [];
  for (let i = 0; i < additional.length; i++) {
    const raw = additional[i] as string;
    const path = ['additionalPhones', String(i)];
    if (raw.trim() === '') {
      errors.push(fieldError('INVALID_PHONE', path, 'Phone number is empty; remove the entry'));
      continue;
    }
    const e164 = readPhone(raw, path, i, country, seen, errors);
    if (e164 !== null) additionalPhones.push(e164);
  }
  return { primaryPhone, additionalPhones };
}
