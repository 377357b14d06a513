/**
 * The Tenpo patch that makes a location show a value Yelp shows: the inverse of project() key by
 * key, or null where Tenpo's model cannot say it (an alias with no Tenpo category, an address
 * whose lines cannot be told apart into street, district and building).
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { tenpoCategoryFor } from './categories.ts';
import { regularHoursFromYelp, specialHoursFromYelp } from './hours.ts';
import { isProjectionKey, type ProjectionKey } from './keys.ts';

type Patch = Partial<LocationData> | null;

function categories(value: JsonValue | undefined): Patch {
  if (!Array.isArray(value) || value.length === 0) return null;
  const ids = value.map((a) => (typeof a === 'string' ? tenpoCategoryFor(a) : null));
  if (ids.some((id) => id === null)) return null;
  const [primary, ...rest] = [...new Set(ids as string[])];
  return primary ? { primaryCategory: primary, additionalCategories: rest } : null;
}

const REVERSERS: Record<ProjectionKey, (value: JsonValue | undefined, current: LocationData) => Patch> = {
  name: (v) => (typeof v === 'string' && v.trim() !== '' ? { name: v } : null),
  // Yelp's three lines do not say which part is the district or the building.
  location: () => null,
  phone: (v) => (v === undefined || v === null ? { primaryPhone: null } : typeof v === 'string' ? { primaryPhone: v } : null),
  url: (v) => (v === undefined || v === null || v === '' ? { website: null } : typeof v === 'string' ? { website: v } : null),
  categories,
  hours: (v) => {
    const days = v === undefined || v === null ? [] : regularHoursFromYelp(v);
    return days ? { regularHours: days } : null;
  },
  special_hours: (v) => {
    const entries = v === undefined || v === null ? [] : specialHoursFromYelp(v);
    return entries ? { specialHours: entries } : null;
  },
  specialties: (v) => (v === undefined || v === null || v === '' ? { description: null } : typeof v === 'string' ? { description: v } : null),
  is_closed: (v, current) => {
    if (v === true) return { status: 'CLOSED_PERMANENTLY', statusDate: null };
    return current.status === 'CLOSED_PERMANENTLY' ? { status: 'OPEN', statusDate: null } : {};
  },
  temporarily_closed: (v, current) => {
    if (v === true) return current.status === 'CLOSED_TEMPORARILY' ? {} : { status: 'CLOSED_TEMPORARILY', statusDate: null };
    return current.status === 'CLOSED_TEMPORARILY' ? { status: 'OPEN', statusDate: null } : {};
  },
};

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  return isProjectionKey(key) ? REVERSERS[key](value, current) : null;
}
