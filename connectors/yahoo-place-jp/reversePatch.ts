/**
 * The Tenpo patch that makes a location show what Yahoo!プレイス shows for one projection key (the
 * inverse of project()), or null when Tenpo's model cannot say it (hours text someone wrote by
 * hand, an unknown genre, …). `undefined` means Yahoo! shows nothing there.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData, LocationStatus } from '../../src/locations/model.ts';
import { addressFromYahoo } from './address.ts';
import { tenpoCategoryForGenre } from './genres.ts';
import { regularHoursFromText } from './hours.ts';
import { asString, isObject, isProjectionKey } from './keys.ts';
import type { ProjectionKey } from './keys.ts';
import { e164OfJapanese } from './phones.ts';

type Patch = Partial<LocationData> | null;

const STATUS: Readonly<Record<string, LocationStatus>> = { OPEN: 'OPEN', TEMPORARILY_CLOSED: 'CLOSED_TEMPORARILY', OPENING_SOON: 'OPENING_SOON', CLOSED: 'CLOSED_PERMANENTLY' };

function genre(value: unknown): Patch {
  if (!isObject(value)) return null;
  const primary = tenpoCategoryForGenre(asString(value.primary) ?? '');
  const additional: string[] = [];
  for (const code of Array.isArray(value.additional) ? value.additional : []) {
    const id = typeof code === 'string' ? tenpoCategoryForGenre(code) : undefined;
    if (!id) return null;
    if (id !== primary && !additional.includes(id)) additional.push(id);
  }
  return primary ? { primaryCategory: primary, additionalCategories: additional } : null;
}

function status(value: unknown): Patch {
  if (!isObject(value)) return null;
  const s = STATUS[asString(value.code) ?? ''];
  if (!s) return null;
  const date = asString(value.date) ?? null;
  return { status: s, statusDate: s === 'CLOSED_TEMPORARILY' || s === 'OPENING_SOON' ? date : null };
}

const REVERSERS: Record<ProjectionKey, (value: unknown) => Patch> = {
  name: (v) => (asString(v) ? { name: v as string } : null),
  address: (v) => {
    const address = addressFromYahoo(v);
    return address ? { address } : null;
  },
  latlng: (v) => (v === undefined ? { latitude: null, longitude: null } : isObject(v) && typeof v.lat === 'number' && typeof v.lon === 'number' ? { latitude: v.lat, longitude: v.lon } : null),
  tel: (v) => {
    if (v === undefined) return { primaryPhone: null };
    const e164 = typeof v === 'string' ? e164OfJapanese(v) : null;
    return e164 ? { primaryPhone: e164 } : null;
  },
  genre,
  businessHours: (v) => {
    const days = v === undefined ? [] : typeof v === 'string' ? regularHoursFromText(v) : null;
    return days ? { regularHours: days } : null;
  },
  // Dated hours read back only as "none"; text for dates cannot be told from a note someone typed.
  holidayHours: (v) => (v === undefined ? { specialHours: [] } : null),
  status,
  description: (v) => (v === undefined ? { description: null } : asString(v) ? { description: v as string } : null),
  website: (v) => (v === undefined ? { website: null } : asString(v) ? { website: v as string } : null),
};

export function toLocationPatch(key: string, value: JsonValue | undefined, _current: LocationData): Partial<LocationData> | null {
  if (!isProjectionKey(key)) return null;
  return REVERSERS[key](value === null ? undefined : value);
}
