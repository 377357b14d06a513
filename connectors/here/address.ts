/**
 * Tenpo's address as the feed's address columns, named after HERE Geocoding & Search's address
 * fields (countryCode, state, city, district, street, postalCode). Tenpo keeps street lines as
 * entered (a Japanese 番地 such as "３番２号" is not a HERE houseNumber), so they go into `street`
 * joined by a space, in the order written; the building is its own column, because HERE's
 * addresses have no building and it must not be taken for part of the street.
 */
import type { Address } from '../../src/locations/model.ts';
import { alpha3 } from './countries.ts';
import type { JsonObject } from './keys.ts';

export function projectAddress(address: Address): JsonObject {
  const out: JsonObject = { countryCode: alpha3(address.country) ?? address.country };
  const put = (key: string, value: string | null) => {
    if (value !== null && value.trim() !== '') out[key] = value.trim();
  };
  put('state', address.region);
  put('city', address.city);
  put('district', address.district);
  put('street', address.lines.map((l) => l.trim()).filter((l) => l !== '').join(' ') || null);
  put('building', address.building);
  put('postalCode', address.postalCode);
  return out;
}
