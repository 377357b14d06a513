/**
 * The Tenpo patch that accepts a value Google shows (a platform-side edit): the inverse of
 * project() key by key. `undefined` or null means Google removed the value. Returns null when
 * Tenpo's model cannot say it (an unmapped category, a period longer than a day, ...), so the
 * edit is shown but cannot be accepted as is. The caller validates the patched location.
 */
import type { JsonValue } from '../runtime/connector.ts';
import { LOCATION_STATUSES } from '../../src/locations/model.ts';
import type { LocationData, LocationStatus } from '../../src/locations/model.ts';
import { addressFromGoogle } from './address.ts';
import { tenpoCategoryFor } from './categories.ts';
import { regularHoursFromGoogle, specialHoursFromGoogle } from './hours.ts';
import { isProjectionKey } from './keys.ts';
import type { ProjectionKey } from './keys.ts';
import { asNumber, asString, canonical, isObject } from './json.ts';
import { normalizePhones } from './phones.ts';

type Patch = Partial<LocationData> | null;

function isoDate(value: unknown): string | null {
  if (!isObject(value)) return null;
  const [y, m, d] = [asNumber(value.year), asNumber(value.month), asNumber(value.day)];
  if (!y || !m || !d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function phones(value: unknown, current: LocationData): Patch {
  if (value === undefined) return { primaryPhone: null, additionalPhones: [] };
  const p = normalizePhones(value, current.address.country);
  if (!p) return { primaryPhone: null, additionalPhones: [] };
  const primary = asString(p.primaryPhone);
  const additional = Array.isArray(p.additionalPhones) ? p.additionalPhones.filter((x): x is string => typeof x === 'string') : [];
  return primary ? { primaryPhone: primary, additionalPhones: additional } : null;
}

function categories(value: unknown): Patch {
  if (!isObject(value) || !isObject(value.primaryCategory)) return null;
  const primary = tenpoCategoryFor(asString(value.primaryCategory.name) ?? '');
  const additional: string[] = [];
  for (const c of Array.isArray(value.additionalCategories) ? value.additionalCategories : []) {
    const id = isObject(c) ? tenpoCategoryFor(asString(c.name) ?? '') : undefined;
    if (!id) return null;
    if (id !== primary && !additional.includes(id)) additional.push(id);
  }
  return primary ? { primaryCategory: primary, additionalCategories: additional } : null;
}

function openInfo(value: unknown, current: LocationData): Patch {
  if (!isObject(value)) return null;
  const status = asString(value.status);
  if (!status || !(LOCATION_STATUSES as readonly string[]).includes(status) || status === 'OPENING_SOON') return null;
  const openingDate = isoDate(value.openingDate);
  if (openingDate !== null) {
    // Tenpo keeps an opening date only for a store that is not open yet; an open store's
    // opening date has no place, unless it is the date of a store Tenpo has as opening soon.
    return status === 'OPEN' && current.status === 'OPENING_SOON' ? { status: 'OPENING_SOON', statusDate: openingDate } : null;
  }
  // Google has no reopening date: a temporary closure Tenpo already knows keeps its date.
  const keepDate = status === 'CLOSED_TEMPORARILY' && current.status === 'CLOSED_TEMPORARILY';
  return { status: status as LocationStatus, statusDate: keepDate ? current.statusDate : null };
}

const REVERSERS: Record<ProjectionKey, (value: unknown, current: LocationData) => Patch> = {
  title: (v) => (asString(v) ? { name: v as string } : null),
  storeCode: (v) => (asString(v) ? { storeCode: v as string } : null),
  phoneNumbers: phones,
  categories: (v) => categories(v),
  storefrontAddress: (v, current) => {
    const address = addressFromGoogle(v, current.address);
    return address ? { address } : null;
  },
  websiteUri: (v) => (v === undefined ? { website: null } : asString(v) ? { website: v as string } : null),
  regularHours: (v) => {
    const days = v === undefined ? [] : regularHoursFromGoogle(v);
    return days ? { regularHours: days } : null;
  },
  specialHours: (v) => {
    const entries = v === undefined ? [] : specialHoursFromGoogle(v);
    return entries ? { specialHours: entries } : null;
  },
  'profile.description': (v) => (v === undefined ? { description: null } : asString(v) ? { description: v as string } : null),
  labels: (v) => (v === undefined ? { labels: [] } : Array.isArray(v) && v.every((l) => typeof l === 'string') ? { labels: v as string[] } : null),
  latlng: (v) => {
    if (v === undefined) return { latitude: null, longitude: null };
    return isObject(v) ? { latitude: asNumber(v.latitude), longitude: asNumber(v.longitude) } : null;
  },
  openInfo,
};

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  if (!isProjectionKey(key)) return null;
  // null and absent both mean "Google shows nothing here"; canonical() makes them one case.
  return REVERSERS[key](canonical(value), current);
}
