/**
 * Tenpo's address as Apple's `mainAddress` ({ structuredAddress, locale }) and back. Apple's
 * structured address has no building member (its guidance asks for "building name, floor
 * number, unit/suite" to be added to the address), so the building goes after the street lines in
 * `fullThoroughfare`, which is where a Japanese address writes it. Japanese addresses keep their
 * own order: prefecture → administrativeArea, city/ward → locality, 町域/丁目 → subLocality.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';
import { asString, canonical, isObject } from './json.ts';

/** The locale of the address's text: Japanese for JP, else the connection's default locale. */
export function addressLocale(country: string, fallback: string): string {
  return country === 'JP' ? 'ja-JP' : fallback;
}

export function thoroughfareOf(address: Address): string {
  return [...address.lines, ...(address.building ? [address.building] : [])].join(' ');
}

export function projectAddress(address: Address, fallbackLocale: string): JsonObject {
  const full = thoroughfareOf(address);
  return canonical({
    structuredAddress: {
      countryCode: address.country,
      postCode: address.postalCode,
      administrativeArea: address.region,
      locality: address.city,
      subLocality: address.district,
      fullThoroughfare: full === '' ? null : full,
    },
    locale: addressLocale(address.country, fallbackLocale),
  }) as JsonObject;
}

/**
 * Tenpo's address for Apple's, or null when it cannot be told apart (no country). The building is
 * recognised only when the thoroughfare ends with the building Tenpo already has: nothing else
 * tells a building from a street line.
 */
export function addressFromApple(value: unknown, current: Address): Address | null {
  const s = isObject(value) ? value.structuredAddress : undefined;
  if (!isObject(s)) return null;
  const country = asString(s.countryCode);
  if (!country) return null;
  let full = asString(s.fullThoroughfare) ?? '';
  let building: string | null = null;
  if (current.building && (full === current.building || full.endsWith(` ${current.building}`))) {
    building = current.building;
    full = full.slice(0, full.length - current.building.length).trimEnd();
  }
  return {
    country,
    postalCode: asString(s.postCode) ?? null,
    region: asString(s.administrativeArea) ?? null,
    city: asString(s.locality) ?? null,
    district: asString(s.subLocality) ?? null,
    lines: full === '' ? [] : [full],
    building,
  };
}
