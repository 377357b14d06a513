/**
 * Tenpo stores E.164; Foursquare shows a place's `tel` in the country's national format (the
 * Places API examples answer "(717) 733-7118"; Japanese places read "03-1234-5678"), and takes
 * the same in `tel`. Sending the national form means what we send is what Foursquare shows.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

function parse(raw: string, country: string) {
  return parsePhoneNumberFromString(raw.normalize('NFKC').trim(), { defaultCountry: isSupportedCountry(country) ? country : undefined });
}

/** The national spelling of an E.164 number; the number as given when it does not parse. */
export function nationalTel(e164: string, country: string): string {
  const parsed = parse(e164, country);
  return parsed && parsed.isValid() ? parsed.formatNational() : e164;
}

/** Foursquare's `tel` in the projection's spelling (national), so both sides compare equal. */
export function canonicalTel(raw: string, country: string): string {
  return nationalTel(raw, country);
}

/** E.164 for a number read from Foursquare, or null when it is not a valid number. */
export function e164Of(raw: string, country: string): string | null {
  const parsed = parse(raw, country);
  return parsed && parsed.isValid() ? parsed.number : null;
}
