/**
 * The address as a Graph API Location object (Location reference: street, city, state, zip,
 * country, latitude, longitude). Facebook has one street line, so the Tenpo district, street lines
 * and building go into it in the order a Japanese address is written (町域, 番地, 建物): 赤坂四丁目
 * ３番２号 赤坂ビル５F, with the prefecture as `state` and the 市区町村 as `city`. Facebook names
 * the country ("Japan") and also answers `country_code`; Tenpo sends the English name and reads
 * either back.
 */
import type { Address, LocationData } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';
import { asString, isObject } from './keys.ts';

const NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  return NAMES.of(code) ?? code;
}

let byName: Map<string, string> | null = null;

/** ISO code for an English country name or a code; undefined when unknown. */
export function countryCode(value: string): string | undefined {
  if (/^[A-Z]{2}$/.test(value)) return value;
  if (!byName) {
    byName = new Map();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = NAMES.of(code);
        if (name && name !== code) byName.set(name.toLowerCase(), code);
      }
    }
  }
  return byName.get(value.trim().toLowerCase());
}

export function streetOf(address: Address): string {
  return [address.district, ...address.lines, address.building]
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join(' ');
}

export function projectLocation(loc: LocationData): JsonObject {
  const a = loc.address;
  const out: JsonObject = { street: streetOf(a), country: countryName(a.country) };
  if (a.city) out.city = a.city;
  if (a.region) out.state = a.region;
  if (a.postalCode) out.zip = a.postalCode;
  if (loc.latitude !== null && loc.longitude !== null) {
    out.latitude = loc.latitude;
    out.longitude = loc.longitude;
  }
  return out;
}

/** A Location as Facebook answers it, in the projection's shape (country as its English name). */
export function normalizeLocation(value: unknown): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const code = asString(value.country_code) ?? (asString(value.country) ? countryCode(value.country as string) : undefined);
  const out: JsonObject = { street: asString(value.street) ?? '', country: code ? countryName(code) : (asString(value.country) ?? '') };
  for (const k of ['city', 'state', 'zip'] as const) {
    const v = asString(value[k]);
    if (v) out[k] = v;
  }
  if (typeof value.latitude === 'number' && typeof value.longitude === 'number') {
    out.latitude = value.latitude;
    out.longitude = value.longitude;
  }
  return out;
}

/** Tenpo's address for a Location; the single street line stays one line (it cannot be split back). */
export function addressFromFacebook(value: unknown): { address: Address; latitude: number | null; longitude: number | null } | null {
  const l = normalizeLocation(value);
  const country = l ? countryCode(String(l.country)) : undefined;
  if (!l || !country) return null;
  const street = asString(l.street);
  return {
    address: {
      country,
      postalCode: asString(l.zip) ?? null,
      region: asString(l.state) ?? null,
      city: asString(l.city) ?? null,
      district: null,
      lines: street ? [street] : [],
      building: null,
    },
    latitude: typeof l.latitude === 'number' ? l.latitude : null,
    longitude: typeof l.longitude === 'number' ? l.longitude : null,
  };
}
