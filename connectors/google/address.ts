/**
 * Tenpo's address as Google's PostalAddress and back. Google's address has no building field:
 * the building goes last in addressLines, which for Japanese ("ja", large-to-small envelope
 * order) is where it is written. Google counts it against its limit of five lines.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';
import { asString, canonical, isObject, pick } from './json.ts';

export const ADDRESS_LINES_MAX = 5;

/** Street lines as Google gets them: Tenpo's lines, then the building. */
export function addressLines(address: Address): string[] {
  return address.building ? [...address.lines, address.building] : [...address.lines];
}

/**
 * PostalAddress.languageCode says which way round the lines are. Tenpo keeps Japanese addresses
 * in Japanese order (prefecture → building), which Google calls "ja"; elsewhere Google asks us to
 * leave it out rather than guess.
 */
function languageFor(country: string): string | undefined {
  return country === 'JP' ? 'ja' : undefined;
}

export function projectAddress(address: Address): JsonObject {
  return canonical({
    regionCode: address.country,
    languageCode: languageFor(address.country),
    postalCode: address.postalCode,
    administrativeArea: address.region,
    locality: address.city,
    sublocality: address.district,
    addressLines: addressLines(address),
  }) as JsonObject;
}

const ADDRESS_MEMBERS = [
  'regionCode', 'languageCode', 'postalCode', 'sortingCode', 'administrativeArea',
  'locality', 'sublocality', 'addressLines', 'recipients', 'organization',
] as const;

/** Google's address as the projection holds it (output-only `revision` and defaults dropped). */
export function normalizeAddress(value: unknown): JsonObject | undefined {
  const address = pick(value, ADDRESS_MEMBERS);
  return address && Object.keys(address).length > 0 ? address : undefined;
}

/**
 * Tenpo's address for Google's, or null when Google's holds what Tenpo cannot (recipients, an
 * organisation, a sorting code) or no country. The last line is taken for the building only when
 * it is the building Tenpo already has: nothing else tells a building from a street line.
 */
export function addressFromGoogle(value: unknown, current: Address): Address | null {
  const google = normalizeAddress(value);
  if (!google || !isObject(google)) return null;
  const country = asString(google.regionCode);
  if (!country || google.recipients !== undefined || google.organization !== undefined || google.sortingCode !== undefined) return null;
  const lines = Array.isArray(google.addressLines) ? google.addressLines.filter((l): l is string => typeof l === 'string') : [];
  const last = lines.at(-1);
  const keepsBuilding = current.building !== null && last === current.building;
  return {
    country,
    postalCode: asString(google.postalCode) ?? null,
    region: asString(google.administrativeArea) ?? null,
    city: asString(google.locality) ?? null,
    district: asString(google.sublocality) ?? null,
    lines: keepsBuilding ? lines.slice(0, -1) : lines,
    building: keepsBuilding ? current.building : null,
  };
}
