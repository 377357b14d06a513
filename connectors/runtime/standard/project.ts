import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { LocationData, LocationField } from '../../../src/locations/model.ts';
import type { JsonValue, ProjectResult, Projection } from '../connector.ts';
import type { ConnectorManifest } from '../manifest.ts';
import { formatAddress, streetOf } from './address.ts';
import { platformCategory } from './categories.ts';
import { osmRegularHours, osmSpecialHours } from './hours.ts';
import { isEmptyField, manifestProblems } from './rules.ts';
import { STANDARD_FIELDS, type StandardKey } from './values.ts';
import { unmappedAdditional } from '../categories.ts';

/** The standard keys a manifest's platform takes: those made from a field it shows. */
export function standardFields(manifest: ConnectorManifest): Partial<Record<StandardKey, readonly LocationField[]>> {
  const shown = new Set<LocationField>(manifest.listing?.fields ?? []);
  const out: Partial<Record<StandardKey, readonly LocationField[]>> = {};
  for (const [key, fields] of Object.entries(STANDARD_FIELDS) as [StandardKey, readonly LocationField[]][]) {
    // A key travels whole: a platform showing the status also gets its date, latitude brings longitude.
    if (fields.some((f) => shown.has(f))) out[key] = fields;
  }
  return out;
}

const national = (e164: string): string => parsePhoneNumberFromString(e164)?.formatNational() ?? e164;

function values(manifest: ConnectorManifest, loc: LocationData): Record<StandardKey, JsonValue | undefined> {
  const a = loc.address;
  const additional = loc.additionalCategories.map((c) => platformCategory(manifest, c));
  const primary = platformCategory(manifest, loc.primaryCategory);
  const mapped = [...new Set(additional.filter((c): c is string => c !== null && c !== primary))];
  const hours = osmRegularHours(loc.regularHours);
  return {
    name: loc.name.trim(),
    localizedNames: loc.localizedNames.length > 0 ? Object.fromEntries(loc.localizedNames.map((n) => [n.locale, n.name])) : undefined,
    status: loc.statusDate ? { status: loc.status, date: loc.statusDate } : { status: loc.status },
    address: {
      country: a.country,
      postalCode: a.postalCode,
      region: a.region,
      city: a.city,
      district: a.district,
      lines: a.lines,
      building: a.building,
      street: streetOf(a),
      formatted: formatAddress(a),
    },
    coordinates: loc.latitude !== null && loc.longitude !== null ? { latitude: loc.latitude, longitude: loc.longitude } : undefined,
    phone: loc.primaryPhone ? { e164: loc.primaryPhone, national: national(loc.primaryPhone) } : undefined,
    additionalPhones: loc.additionalPhones.length > 0 ? loc.additionalPhones : undefined,
    website: loc.website ?? undefined,
    socialProfiles: loc.socialProfiles.length > 0 ? loc.socialProfiles.map((s) => ({ network: s.network, url: s.url })) : undefined,
    categories: primary === null ? undefined : { primary, additional: mapped },
    description: loc.description ?? undefined,
    labels: loc.labels.length > 0 ? loc.labels : undefined,
    hours: hours === '' ? undefined : { days: loc.regularHours.map((d) => ({ day: d.day, intervals: d.intervals.map((i) => ({ ...i })) })), osm: hours },
    specialHours:
      loc.specialHours.length > 0
        ? { entries: loc.specialHours.map((s) => ({ startDate: s.startDate, endDate: s.endDate, closed: s.closed, intervals: s.intervals.map((i) => ({ ...i })) })), osm: osmSpecialHours(loc.specialHours) }
        : undefined,
    attributes: loc.attributes.length > 0 ? loc.attributes.map((x) => ({ key: x.key, value: x.value })) : undefined,
    photos: loc.photos.length > 0 ? loc.photos.map((p) => ({ url: p.url, kind: p.kind, caption: p.caption })) : undefined,
  };
}

/**
 * Pure: the location in the standard shape, limited to what the platform shows, or the rules it
 * breaks. A Tenpo field holding a value the platform has no place for is NOT_SUPPORTED, as is a
 * list of additional categories of which some have no equivalent there.
 */
export function projectStandard(manifest: ConnectorManifest, loc: LocationData): ProjectResult {
  const problems = manifestProblems(manifest, loc);
  if (problems.length > 0) return { ok: false, problems };
  const keys = standardFields(manifest);
  const all = values(manifest, loc);
  const projection: Record<string, JsonValue> = {};
  for (const key of Object.keys(keys) as StandardKey[]) {
    const value = all[key];
    if (value !== undefined) projection[key] = value;
  }
  const shown = new Set<LocationField>(Object.values(keys).flat());
  const notSupported = (Object.keys(STANDARD_FIELDS) as StandardKey[])
    .flatMap((k) => STANDARD_FIELDS[k] as readonly LocationField[])
    .filter((f) => !shown.has(f) && !isEmptyField(loc, f) && !(f === 'status' && loc.status === 'OPEN'));
  if (shown.has('additionalCategories')) notSupported.push(...unmappedAdditional(loc, (c) => platformCategory(manifest, c)));
  return { ok: true, projection: projection as Projection, notSupported };
}
