/**
 * The Tenpo patch that makes the location show what Bing holds for one projection key: the
 * inverse of project() key by key, or null when Tenpo's model cannot say it (an unmapped
 * category, an address whose first line Tenpo cannot split).
 */
import type { JsonValue } from '../runtime/connector.ts';
import type { LocationData, SocialProfile } from '../../src/locations/model.ts';
import { tenpoCategoryFor } from './categories.ts';
import { regularHoursFromBing, specialHoursFromBing } from './hours.ts';
import { isProjectionKey, type JsonObject, type ProjectionKey } from './keys.ts';
import { addressLine1 } from './project.ts';

type Patch = Partial<LocationData> | null;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function social(network: SocialProfile['network'], v: unknown, current: LocationData): Patch {
  const others = current.socialProfiles.filter((p) => p.network !== network);
  const url = str(v);
  return { socialProfiles: url ? [...others, { network, url }] : others };
}

function address(v: unknown, current: LocationData): Patch {
  if (!isObject(v) || !str(v.Country)) return null;
  // AddressLine1 is district + street lines: kept as Tenpo has them when unchanged, else one line.
  const line1 = str(v.AddressLine1) ?? '';
  const same = line1 === addressLine1(current);
  return {
    address: {
      country: v.Country as string,
      postalCode: str(v.ZipCode),
      region: str(v.StateOrProvince),
      city: str(v.City),
      district: same ? current.address.district : null,
      lines: same ? current.address.lines : line1 === '' ? [] : [line1],
      building: str(v.AddressLine2),
    },
  };
}

function reversers(current: LocationData, settings: Readonly<Record<string, JsonValue>>): Record<ProjectionKey, (v: unknown) => Patch> {
  return {
    BusinessName: (v) => (str(v) ? { name: v as string } : null),
    Address: (v) => address(v, current),
    Coordinates: (v) => {
      if (v === undefined) return { latitude: null, longitude: null };
      const lat = isObject(v) ? Number(v.Latitude) : NaN;
      const lng = isObject(v) ? Number(v.Longitude) : NaN;
      return Number.isFinite(lat) && Number.isFinite(lng) ? { latitude: lat, longitude: lng } : null;
    },
    PhoneNumber: (v) => ({ primaryPhone: str(v) }),
    Categories: (v) => {
      const list = isObject(v) && Array.isArray(v.BusinessCategories) ? v.BusinessCategories.filter(isObject) : [];
      const ids = list.map((c) => tenpoCategoryFor(Number(c.BPCategoryId), settings));
      if (ids.length === 0 || ids.some((id) => id === undefined)) return null;
      const [primary, ...rest] = ids as string[];
      return { primaryCategory: primary as string, additionalCategories: rest.filter((id) => id !== primary) };
    },
    MainWebSite: (v) => ({ website: str(v) }),
    FacebookAddress: (v) => social('FACEBOOK', v, current),
    TwitterAddress: (v) => social('X', v, current),
    Photos: (v) => {
      const urls = Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string' && u !== '') : [];
      const known = new Map(current.photos.map((p) => [p.url, p]));
      return { photos: urls.map((url) => known.get(url) ?? { url, kind: 'OTHER', caption: null }) };
    },
    OperatingHours: (v) => {
      const days = regularHoursFromBing(v);
      return days ? { regularHours: days } : null;
    },
    HolidayHours: (v) => {
      const entries = specialHoursFromBing(v);
      return entries ? { specialHours: entries } : null;
    },
    IsClosed: (v) => (v === true ? { status: 'CLOSED_PERMANENTLY', statusDate: null } : current.status === 'CLOSED_PERMANENTLY' ? { status: 'OPEN', statusDate: null } : null),
  };
}

export function toLocationPatch(key: string, value: JsonValue | undefined, current: LocationData): Partial<LocationData> | null {
  if (!isProjectionKey(key)) return null;
  // Categories added through the connection setting cannot be read back without it; the built-in ones can.
  return reversers(current, {})[key](value ?? undefined);
}
