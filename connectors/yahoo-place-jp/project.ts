/**
 * LocationData → a Yahoo!プレイス place, keyed as in keys.ts. Pure. Text is width-normalised,
 * the phone is national, hours are the Japanese text Yahoo! shows, and the status carries the
 * note Yahoo! displays with it ("臨時休業中（2030年5月1日より営業再開予定）").
 */
import type { JsonValue, ProjectContext, ProjectResult, Projection } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { projectAddress } from './address.ts';
import { yahooGenreCode } from './genres.ts';
import { businessHoursText, dateJa, holidayHoursText } from './hours.ts';
import type { JsonObject, ProjectionKey } from './keys.ts';
import { japaneseTel } from './phones.ts';
import { listingProblems } from './rules.ts';
import { toYahooWidth } from './width.ts';
import { unmappedAdditional } from '../runtime/categories.ts';

function genre(loc: LocationData): JsonObject {
  const primary = yahooGenreCode(loc.primaryCategory) as string;
  const additional: string[] = [];
  for (const id of loc.additionalCategories) {
    const code = yahooGenreCode(id);
    if (code && code !== primary && !additional.includes(code)) additional.push(code);
  }
  return additional.length > 0 ? { primary, additional } : { primary };
}

/** Yahoo!プレイス status codes (inferred partner vocabulary) with the note shown to users. */
export function statusOf(loc: LocationData): JsonObject {
  switch (loc.status) {
    case 'CLOSED_TEMPORARILY':
      return loc.statusDate
        ? { code: 'TEMPORARILY_CLOSED', date: loc.statusDate, note: `臨時休業中（${dateJa(loc.statusDate)}より営業再開予定）` }
        : { code: 'TEMPORARILY_CLOSED', note: '臨時休業中' };
    case 'OPENING_SOON':
      return loc.statusDate ? { code: 'OPENING_SOON', date: loc.statusDate, note: `${dateJa(loc.statusDate)}オープン予定` } : { code: 'OPENING_SOON', note: 'オープン準備中' };
    case 'CLOSED_PERMANENTLY':
      return { code: 'CLOSED', note: '閉業' };
    default:
      return { code: 'OPEN' };
  }
}

function notSupported(loc: LocationData): LocationField[] {
  const out: LocationField[] = [];
  if (loc.localizedNames.length > 0) out.push('localizedNames');
  if (loc.additionalPhones.length > 0) out.push('additionalPhones');
  if (loc.socialProfiles.length > 0) out.push('socialProfiles');
  if (loc.labels.length > 0) out.push('labels');
  if (loc.attributes.length > 0) out.push('attributes');
  if (loc.photos.length > 0) out.push('photos');
  out.push(...unmappedAdditional(loc, yahooGenreCode));
  return out;
}

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const problems = listingProblems(loc);
  if (problems.length > 0) return { ok: false, problems };
  const tel = loc.primaryPhone === null ? null : japaneseTel(loc.primaryPhone);
  const values: Record<ProjectionKey, JsonValue | undefined> = {
    name: toYahooWidth(loc.name),
    address: projectAddress(loc.address),
    latlng: loc.latitude !== null && loc.longitude !== null ? { lat: loc.latitude, lon: loc.longitude } : undefined,
    tel: tel ?? undefined,
    genre: genre(loc),
    businessHours: businessHoursText(loc.regularHours),
    holidayHours: holidayHoursText(loc.specialHours),
    status: statusOf(loc),
    description: loc.description === null ? undefined : loc.description.trim() || undefined,
    website: loc.website ?? undefined,
  };
  const projection: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) projection[key] = value;
  const unsupported = notSupported(loc);
  // A number outside Japan (say an overseas head office) has no place on a Japanese listing.
  if (loc.primaryPhone !== null && tel === null) unsupported.push('primaryPhone');
  return { ok: true, projection: projection as Projection, notSupported: unsupported };
}
