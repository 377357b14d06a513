/**
 * Tenpo's address as Yelp's `location` (address1-3, city, state, postal_code, country), the shape
 * Data Ingestion matches on and business details return (there as `zip_code`). Yelp has no
 * district or building field: in Japan the district (町域・丁目) leads the street, as written on an
 * envelope ("赤坂四丁目3番2号"), and the building takes the next line; elsewhere the district
 * follows the street lines.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';

/** Yelp: at most 64 characters per line; digits, letters, spaces and _-’/#&,.': only. */
export const ADDRESS_LINE_MAX = 64;
export const ADDRESS_LINES_MAX = 3;
const ALLOWED = /^[\p{L}\p{M}\p{N} _\-’/#&,.':]*$/u;

export function addressLines(a: Address): string[] {
  if (a.country === 'JP') {
    const [first = '', ...rest] = a.lines;
    const street = `${a.district ?? ''}${first}`;
    return [street, ...rest, ...(a.building ? [a.building] : [])].filter((l) => l !== '');
  }
  return [...a.lines, ...(a.district ? [a.district] : []), ...(a.building ? [a.building] : [])];
}

/** The first line that breaks Yelp's character rule, or undefined. */
export function badCharacterLine(a: Address): string | undefined {
  return addressLines(a).find((l) => !ALLOWED.test(l));
}

export function projectLocation(a: Address): JsonObject {
  const lines = addressLines(a);
  return {
    address1: lines[0] ?? null,
    address2: lines[1] ?? null,
    address3: lines[2] ?? null,
    city: a.city,
    state: a.region,
    postal_code: a.postalCode,
    country: a.country,
  };
}

/** Business details' `location` in the projection's shape (display_address and cross streets dropped). */
export function locationFromDetails(value: unknown): JsonObject | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const l = value as Record<string, unknown>;
  const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
  return { address1: s(l.address1), address2: s(l.address2), address3: s(l.address3), city: s(l.city), state: s(l.state), postal_code: s(l.zip_code), country: s(l.country) };
}
