/**
 * The Tenpo patch that makes the location show what Apple shows for one projection key (accepting
 * drift or an Apple override): the inverse of project() key by key. null when Tenpo's model
 * cannot say it (an unmapped category, different times per weekday in one special period).
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocalizedName, LocationData } from '../../src/locations/model.ts';
import { addressFromApple } from './address.ts';
import { tenpoCategoryFor } from './categories.ts';
import { regularHoursFromApple, specialHoursFromApple } from './hours.ts';
import { isProjectionKey, type ProjectionKey } from './keys.ts';
import { asString, canonical, isObject } from './json.ts';

type Patch = Partial<LocationData> | null;

function displayNames(v: unknown): Patch {
  if (!Array.isArray(v)) return null;
  const names = v.filter(isObject);
  const primary = names.find((n) => n.primary === true);
  const name = asString(primary?.name);
  if (!name) return null;
  const localizedNames: LocalizedName[] = names.filter((n) => n !== primary).flatMap((n) => (asString(n.name) && asString(n.locale) ? [{ locale: n.locale as string, name: n.name as string }] : []));
  return { name, localizedNames };
}

function phones(v: unknown): Patch {
  if (v === undefined) return { primaryPhone: null, additionalPhones: [] };
  if (!Array.isArray(v)) return null;
  const entries = v.filter(isObject);
  const primary = entries.find((p) => p.primary === true) ?? entries[0];
  const number = asString(primary?.phoneNumber);
  if (!number) return null;
  return { primaryPhone: number, additionalPhones: entries.filter((p) => p !== primary).flatMap((p) => (asString(p.phoneNumber) ? [p.phoneNumber as string] : [])) };
}

function categories(v: unknown): Patch {
  if (!Array.isArray(v) || v.length === 0) return null;
  const ids = v.map((c) => (typeof c === 'string' ? tenpoCategoryFor(c) : undefined));
  if (ids.some((id) => id === undefined)) return null;
  const [primary, ...rest] = ids as string[];
  return { primaryCategory: primary as string, additionalCategories: [...new Set(rest.filter((id) => id !== primary))] };
}

function status(v: unknown): Patch {
  if (!isObject(v)) return null;
  switch (v.status) {
    case 'OPEN':
      return { status: 'OPEN', statusDate: null };
    case 'CLOSED':
      return { status: 'CLOSED_PERMANENTLY', statusDate: null };
    case 'TEMPORARILY_CLOSED':
      return { status: 'CLOSED_TEMPORARILY', statusDate: asString(v.reopenDate) ?? null };
    case 'OPENING_SOON':
      return asString(v.openingDate) ? { status: 'OPENING_SOON', statusDate: v.openingDate as string } : null;
    default:
      return null;
  }
}

const REVERSERS: Record<ProjectionKey, (value: unknown, current: LocationData) => Patch> = {
  displayNames,
  storeCode: (v) => (asString(v) ? { storeCode: v as string } : null),
  mainAddress: (v, current) => {
    const address = addressFromApple(v, current.address);
    return address ? { address } : null;
  },
  displayPoint: (v) => {
    if (v === undefined) return { latitude: null, longitude: null };
    const c = isObject(v) && isObject(v.coordinates) ? v.coordinates : null;
    const lat = Number(c?.latitude);
    const lng = Number(c?.longitude);
    return c && Number.isFinite(lat) && Number.isFinite(lng) ? { latitude: lat, longitude: lng } : null;
  },
  phoneNumbers: phones,
  urls: (v) => {
    if (v === undefined) return { website: null };
    const home = Array.isArray(v) ? v.filter(isObject).find((u) => u.type === 'HOMEPAGE') : undefined;
    return asString(home?.url) ? { website: home?.url as string } : null;
  },
  locationDescriptions: (v) => {
    if (v === undefined) return { description: null };
    const about = Array.isArray(v) ? v.filter(isObject).find((d) => d.type === 'ABOUT') : undefined;
    const first = about && Array.isArray(about.descriptions) ? about.descriptions.find(isObject) : undefined;
    return asString(first?.text) ? { description: first?.text as string } : null;
  },
  openingHoursByDay: (v) => {
    const days = regularHoursFromApple(v);
    return days ? { regularHours: days } : null;
  },
  specialHours: (v) => {
    const entries = specialHoursFromApple(v);
    return entries ? { specialHours: entries } : null;
  },
  categories,
  locationStatus: status,
};

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  if (!isProjectionKey(key)) return null;
  return REVERSERS[key](canonical(value), current);
}
