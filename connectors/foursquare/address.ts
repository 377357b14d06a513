/**
 * Tenpo's address as the Places API's location parameters (address, locality, region, postcode,
 * country_code) and back. Foursquare has one street line: for Japan it is written in Japanese
 * order, district (町域・丁目) then 番地・号 then the building ("赤坂四丁目3番2号 赤坂ビル5F", with
 * locality "港区" and region "東京都"), the way Foursquare shows Japanese places. Full-width
 * digits and Latin letters are made half-width and half-width katakana full-width (NFKC), so the
 * same address always reads the same on Foursquare, whichever way it was typed into Tenpo.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';
import { asString, isObject } from './keys.ts';

/** NFKC with runs of spaces made one: Foursquare compares and shows the normalised text. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function streetLine(address: Address): string {
  const lines = address.lines.map(normalizeText).filter((l) => l !== '');
  const building = normalizeText(address.building ?? '');
  if (address.country === 'JP') {
    // 町域 runs straight into 番地・号 ("赤坂四丁目3番2号"); the building follows after a space.
    const street = normalizeText(address.district ?? '') + lines.join('');
    return [street, building].filter((p) => p !== '').join(' ');
  }
  return [...lines, building].filter((p) => p !== '').join(', ');
}

export function projectLocation(address: Address): JsonObject {
  const out: JsonObject = { country_code: address.country };
  const street = streetLine(address);
  if (street) out.address = street;
  if (address.city) out.locality = normalizeText(address.city);
  if (address.region) out.region = normalizeText(address.region);
  if (address.postalCode) out.postcode = normalizeText(address.postalCode);
  return out;
}

/** Place details `location` in the projection's shape (formatted_address and the rest dropped). */
export function locationFromFoursquare(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const out: JsonObject = {};
  const country = asString(value.country);
  if (country) out.country_code = country;
  for (const [from, to] of [['address', 'address'], ['locality', 'locality'], ['region', 'region'], ['postcode', 'postcode']] as const) {
    const v = asString(value[from]);
    if (v) out[to] = normalizeText(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Tenpo's address for the projection's `location`, or null when it cannot be told apart again
 * (Foursquare's single street line holds district, number and building). It is accepted only when
 * the street line is the one Tenpo writes for its current address, with the other parts changed.
 */
export function addressFromFoursquare(value: unknown, current: Address): Address | null {
  if (!isObject(value)) return null;
  const country = asString(value.country_code);
  if (!country || (asString(value.address) ?? '') !== streetLine(current)) return null;
  return {
    ...current,
    country,
    postalCode: asString(value.postcode) ?? null,
    region: asString(value.region) ?? null,
    city: asString(value.locality) ?? null,
  };
}
