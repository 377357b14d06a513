/**
 * A value Facebook shows for a projection key → the Tenpo patch that makes the store show it
 * (accepting a platform-side edit or drift). Null when Tenpo cannot say it: a category whose
 * Facebook id Tenpo does not know (connection-level category choices are not visible here),
 * or a malformed value.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { addressFromFacebook } from './address.ts';
import { tenpoCategoryFor } from './categories.ts';
import { hoursFromFacebook } from './hours.ts';
import { isObject } from './keys.ts';

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  switch (key) {
    case 'name':
      return text ? { name: text } : null;
    case 'phone':
      return { primaryPhone: text };
    case 'website':
      return { website: text };
    case 'about':
      return { description: text };
    case 'hours': {
      if (value === undefined || value === null) return { regularHours: [] };
      const hours = hoursFromFacebook(value);
      return hours ? { regularHours: hours } : null;
    }
    case 'location': {
      const found = addressFromFacebook(value);
      return found ? { address: found.address, latitude: found.latitude, longitude: found.longitude } : null;
    }
    case 'category_list': {
      if (!Array.isArray(value) || value.length === 0) return null;
      const ids = value.map((id) => (typeof id === 'string' ? tenpoCategoryFor(id, {}) : undefined));
      if (ids.some((c) => c === undefined)) return null;
      const [primary, ...rest] = ids as string[];
      return { primaryCategory: primary as string, additionalCategories: rest.filter((c) => c !== primary) };
    }
    case 'status': {
      if (!isObject(value)) return null;
      if (value.is_permanently_closed === true) return { status: 'CLOSED_PERMANENTLY', statusDate: null };
      if (value.temporary_status === 'temporarily_closed') {
        // Tenpo's own "opening soon" is shown as temporarily closed; it is not a change.
        return current.status === 'OPENING_SOON' ? {} : { status: 'CLOSED_TEMPORARILY' };
      }
      return value.temporary_status === 'operating_as_usual' ? { status: 'OPEN', statusDate: null } : null;
    }
    default:
      return null;
  }
}
