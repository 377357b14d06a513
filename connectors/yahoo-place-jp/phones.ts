/**
 * Phone numbers in Japanese national format ("03-1234-5678", "090-1234-5678", "0120-123-456"),
 * the way Yahoo! JAPAN shows them (YOLP `Tel1`). Tenpo keeps E.164.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { toAsciiNumber } from './width.ts';

export function japaneseTel(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(toAsciiNumber(raw), { defaultCountry: 'JP' });
  return parsed && parsed.isValid() && parsed.country === 'JP' ? parsed.formatNational() : null;
}

export function e164OfJapanese(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(toAsciiNumber(raw), { defaultCountry: 'JP' });
  return parsed && parsed.isValid() ? parsed.number : null;
}
