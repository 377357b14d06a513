/**
 * The Tenpo patch that makes a location show what HERE shows for a key (accepting a value HERE
 * took from elsewhere): the inverse of project() for the keys read-back compares. Keys HERE
 * never shows back, and values Tenpo cannot hold (a HERE category no Tenpo id maps to), give null.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { tenpoCategoryFor } from './categories.ts';
import { openingHoursToDays } from './hours.ts';
import { isObject } from './keys.ts';

type Patch = Partial<LocationData> | null;

function categories(value: JsonValue | undefined): Patch {
  if (!isObject(value) || typeof value.primary !== 'string') return null;
  const primary = tenpoCategoryFor(value.primary);
  const additional = Array.isArray(value.additional) ? value.additional.map((c) => (typeof c === 'string' ? tenpoCategoryFor(c) : undefined)) : [];
  if (!primary || additional.some((c) => c === undefined)) return null;
  return { primaryCategory: primary, additionalCategories: [...new Set(additional as string[])].filter((c) => c !== primary) };
}

export function toLocationPatch(key: string, value: JsonValue | undefined, _current: LocationData): Patch {
  switch (key) {
    case 'name':
      return typeof value === 'string' && value.trim() !== '' ? { name: value } : null;
    case 'www':
      return value === undefined || value === null ? { website: null } : typeof value === 'string' ? { website: value } : null;
    case 'phones': {
      if (value === undefined || value === null) return { primaryPhone: null, additionalPhones: [] };
      if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) return null;
      const [first, ...rest] = value as string[];
      return { primaryPhone: first ?? null, additionalPhones: rest };
    }
    case 'categories':
      return categories(value);
    case 'openingHours': {
      const days = value === undefined || value === null ? [] : openingHoursToDays(value);
      return days ? { regularHours: days } : null;
    }
    default:
      return null;
  }
}
