/**
 * The Tenpo patch that makes a location show what Foursquare shows for one projection key (the
 * inverse of project()), or null when Tenpo's model cannot say it. `undefined` means Foursquare
 * shows nothing there. The caller validates the patched location.
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData, SocialProfile } from '../../src/locations/model.ts';
import { addressFromFoursquare } from './address.ts';
import { tenpoCategoryFor } from './categories.ts';
import { regularHoursFromFoursquare } from './hours.ts';
import { asString, isObject, isProjectionKey } from './keys.ts';
import type { ProjectionKey } from './keys.ts';
import { e164Of } from './phones.ts';

type Patch = Partial<LocationData> | null;

function categories(value: unknown): Patch {
  if (!isObject(value)) return null;
  const primary = tenpoCategoryFor(asString(value.primary) ?? '');
  const additional: string[] = [];
  for (const id of Array.isArray(value.additional) ? value.additional : []) {
    const t = typeof id === 'string' ? tenpoCategoryFor(id) : undefined;
    if (!t) return null;
    if (t !== primary && !additional.includes(t)) additional.push(t);
  }
  return primary ? { primaryCategory: primary, additionalCategories: additional } : null;
}

function social(value: unknown, current: LocationData): Patch {
  const kept = current.socialProfiles.filter((p) => p.network !== 'INSTAGRAM' && p.network !== 'X');
  const out: SocialProfile[] = [...kept];
  if (isObject(value)) {
    const instagram = asString(value.instagram);
    const twitter = asString(value.twitter);
    if (instagram) out.push({ network: 'INSTAGRAM', url: `https://www.instagram.com/${instagram}` });
    if (twitter) out.push({ network: 'X', url: `https://x.com/${twitter}` });
  }
  return { socialProfiles: out };
}

const REVERSERS: Record<ProjectionKey, (value: unknown, current: LocationData) => Patch> = {
  name: (v) => (asString(v) ? { name: v as string } : null),
  location: (v, current) => {
    const address = addressFromFoursquare(v, current.address);
    return address ? { address } : null;
  },
  latlng: (v) => (isObject(v) && typeof v.latitude === 'number' && typeof v.longitude === 'number' ? { latitude: v.latitude, longitude: v.longitude } : v === undefined ? { latitude: null, longitude: null } : null),
  tel: (v, current) => {
    if (v === undefined) return { primaryPhone: null };
    const e164 = typeof v === 'string' ? e164Of(v, current.address.country) : null;
    return e164 ? { primaryPhone: e164 } : null;
  },
  website: (v) => (v === undefined ? { website: null } : asString(v) ? { website: v as string } : null),
  categories,
  hours: (v) => {
    const days = v === undefined ? [] : typeof v === 'string' ? regularHoursFromFoursquare(v) : null;
    return days ? { regularHours: days } : null;
  },
  description: (v) => (v === undefined ? { description: null } : asString(v) ? { description: v as string } : null),
  social,
  closed: (v, current) => {
    if (v === true) return { status: 'CLOSED_PERMANENTLY', statusDate: null };
    // Foursquare shows the place open: only a permanent closure is something it would undo.
    return current.status === 'CLOSED_PERMANENTLY' ? { status: 'OPEN', statusDate: null } : {};
  },
};

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  if (!isProjectionKey(key)) return null;
  return REVERSERS[key](value === null ? undefined : value, current);
}
