/**
 * Google's validation of Location writes (Business Information API v1), as documented on the
 * Location resource and its message types:
 * - `updateMask` is required and names real, writable fields;
 * - PhoneNumbers and Categories: "During updates, both fields must be set. Clients may not update
 *   just the primary or additional ... using the update mask"; primaryPhone / primaryCategory are
 *   required; at most two additional phones;
 * - specialHours "cannot be set without regular hours";
 * - storefrontAddress: "a maximum of five address_lines"; PostalAddress.regionCode is required;
 * - labels: 1-255 characters each (at most 10 labels);
 * - title: required (at most 100 characters); profile.description at most 750 characters;
 * - category ids look like `categories/gcid:...`.
 */
import type { Violation } from './errors.ts';
import { LOCATION_FIELDS, NOT_UPDATABLE, isKnownLocationPath } from './fieldMask.ts';
import type { Location } from './state.ts';

export const LIMITS = {
  titleMaxChars: 100,
  descriptionMaxChars: 750,
  addressLinesMax: 5,
  labelsMax: 10,
  labelMaxChars: 255,
  additionalPhonesMax: 2,
};

const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
const OPEN_STATUSES = new Set(['OPEN', 'CLOSED_PERMANENTLY', 'CLOSED_TEMPORARILY']);
const CATEGORY_NAME = /^categories\/gcid:[a-z0-9_]+$/;

/** The mask itself: present, only real fields, only writable ones, whole PhoneNumbers/Categories. */
export function checkUpdateMask(paths: readonly string[]): Violation[] {
  if (paths.length === 0) {
    return [{ field: 'updateMask', description: 'updateMask is required and must name at least one field.', code: 'MISSING_VALUE' }];
  }
  const out: Violation[] = [];
  for (const path of paths) {
    const top = path.split('.')[0] as string;
    if (!isKnownLocationPath(path)) {
      out.push({ field: 'updateMask', description: `Unknown field in update mask: "${path}".`, code: 'INVALID_VALUE', value: path });
    } else if (NOT_UPDATABLE.has(top)) {
      out.push({ field: 'updateMask', description: `Field "${path}" cannot be updated.`, code: 'INVALID_VALUE', value: path });
    }
  }
  for (const [top, a, b] of [
    ['phoneNumbers', 'primaryPhone', 'additionalPhones'],
    ['categories', 'primaryCategory', 'additionalCategories'],
  ] as const) {
    if (paths.includes(top)) continue;
    const hasA = paths.includes(`${top}.${a}`);
    const hasB = paths.includes(`${top}.${b}`);
    if (hasA !== hasB) {
      out.push({
        field: top,
        description: `${top}.${a} and ${top}.${b} must be updated together: put "${top}" in the update mask and send both.`,
        code: 'INVALID_VALUE',
        value: hasA ? `${top}.${a}` : `${top}.${b}`,
      });
    }
  }
  return out;
}

/** Top-level keys Google's JSON parser would not recognise (it rejects the whole request). */
export function unknownFields(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => !(k in LOCATION_FIELDS));
}

/**
 * Content rules for the location as it would be after the write. Only the top-level fields in
 * `touched` are checked (a seed may hold data Google would refuse today), plus the cross-field
 * rule between regularHours and specialHours whenever either is touched.
 */
export function checkLocation(loc: Location, touched: ReadonlySet<string>): Violation[] {
  const out: Violation[] = [];
  const t = (f: string) => touched.has(f);

  if (t('title')) {
    const title = loc.title ?? '';
    if (title.trim() === '') out.push({ field: 'title', description: 'Title is required.', code: 'MISSING_VALUE' });
    else if ([...title].length > LIMITS.titleMaxChars) {
      out.push(tooLong('title', LIMITS.titleMaxChars, title));
    }
  }

  if (t('phoneNumbers') && loc.phoneNumbers) {
    const p = loc.phoneNumbers;
    if (!p.primaryPhone || p.primaryPhone.trim() === '') {
      out.push({ field: 'phoneNumbers.primaryPhone', description: 'primaryPhone is required when phoneNumbers is set.', code: 'MISSING_VALUE' });
    }
    if ((p.additionalPhones ?? []).length > LIMITS.additionalPhonesMax) {
      out.push(tooMany('phoneNumbers.additionalPhones', LIMITS.additionalPhonesMax));
    }
  }

  if (t('categories') && loc.categories) {
    const c = loc.categories;
    if (!c.primaryCategory) {
      out.push({ field: 'categories.primaryCategory', description: 'primaryCategory is required when categories is set.', code: 'MISSING_VALUE' });
    } else if (!CATEGORY_NAME.test(c.primaryCategory.name ?? '')) {
      out.push(badCategory('categories.primaryCategory.name', c.primaryCategory.name));
    }
    (c.additionalCategories ?? []).forEach((cat, i) => {
      if (!CATEGORY_NAME.test(cat.name ?? '')) out.push({ ...badCategory('categories.additionalCategories.name', cat.name), fieldIndex: i });
    });
  }

  if (t('storefrontAddress') && loc.storefrontAddress) {
    const a = loc.storefrontAddress;
    if (!a.regionCode) out.push({ field: 'storefrontAddress.regionCode', description: 'regionCode is required.', code: 'MISSING_VALUE' });
    if ((a.addressLines ?? []).length > LIMITS.addressLinesMax) {
      out.push(tooMany('storefrontAddress.addressLines', LIMITS.addressLinesMax));
    }
  }

  if (t('websiteUri') && loc.websiteUri) {
    if (!isHttpUrl(loc.websiteUri)) {
      out.push({ field: 'websiteUri', description: 'websiteUri is not a valid http(s) URL.', code: 'INVALID_VALUE', value: loc.websiteUri });
    }
  }

  if (t('regularHours') && loc.regularHours) {
    (loc.regularHours.periods ?? []).forEach((p, i) => {
      for (const [key, day] of [['openDay', p.openDay], ['closeDay', p.closeDay]] as const) {
        if (!day || !DAYS.has(day)) out.push({ field: `regularHours.periods.${key}`, description: `${key} must be a day of the week.`, code: 'INVALID_VALUE', value: String(day), fieldIndex: i });
      }
      for (const [key, time] of [['openTime', p.openTime], ['closeTime', p.closeTime]] as const) {
        if (!validTime(time)) out.push({ field: `regularHours.periods.${key}`, description: `${key} must be a time between 00:00 and 24:00.`, code: 'INVALID_VALUE', fieldIndex: i });
      }
    });
  }

  if (t('specialHours') || t('regularHours')) {
    const special = loc.specialHours?.specialHourPeriods ?? [];
    const regular = loc.regularHours?.periods ?? [];
    if (special.length > 0 && regular.length === 0) {
      out.push({ field: 'specialHours', description: 'Special hours cannot be set without regular hours.', code: 'INVALID_VALUE' });
    }
  }

  if (t('specialHours')) {
    (loc.specialHours?.specialHourPeriods ?? []).forEach((p, i) => {
      if (!p.startDate || !p.startDate.year || !p.startDate.month || !p.startDate.day) {
        out.push({ field: 'specialHours.specialHourPeriods.startDate', description: 'startDate is required.', code: 'MISSING_VALUE', fieldIndex: i });
      }
      if (p.closed !== true) {
        for (const [key, time] of [['openTime', p.openTime], ['closeTime', p.closeTime]] as const) {
          if (time === undefined || !validTime(time)) {
            out.push({ field: `specialHours.specialHourPeriods.${key}`, description: `${key} is required unless closed is true.`, code: 'MISSING_VALUE', fieldIndex: i });
          }
        }
      }
    });
  }

  if (t('labels')) {
    const labels = loc.labels ?? [];
    if (labels.length > LIMITS.labelsMax) out.push(tooMany('labels', LIMITS.labelsMax));
    labels.forEach((label, i) => {
      const n = [...label].length;
      if (n < 1 || n > LIMITS.labelMaxChars) {
        out.push({ field: 'labels', description: `Each label must be between 1-${LIMITS.labelMaxChars} characters.`, code: 'INVALID_VALUE', value: label, fieldIndex: i });
      }
    });
  }

  if (t('profile') && loc.profile?.description !== undefined && loc.profile.description !== null) {
    if ([...loc.profile.description].length > LIMITS.descriptionMaxChars) {
      out.push(tooLong('profile.description', LIMITS.descriptionMaxChars, loc.profile.description));
    }
  }

  if (t('openInfo') && loc.openInfo?.status && !OPEN_STATUSES.has(loc.openInfo.status)) {
    out.push({ field: 'openInfo.status', description: 'openInfo.status is not a valid OpenForBusiness value.', code: 'INVALID_VALUE', value: loc.openInfo.status });
  }

  if (t('latlng') && loc.latlng) {
    const { latitude = 0, longitude = 0 } = loc.latlng;
    if (Math.abs(latitude ?? 0) > 90 || Math.abs(longitude ?? 0) > 180) {
      out.push({ field: 'latlng', description: 'latlng is out of range.', code: 'INVALID_VALUE' });
    }
  }

  return out;
}

function tooLong(field: string, max: number, value: string): Violation {
  return { field, description: `${field} must be at most ${max} characters.`, code: 'INVALID_VALUE', value: value.slice(0, 64) };
}

function tooMany(field: string, max: number): Violation {
  return { field, description: `${field} may hold at most ${max} items.`, code: 'TOO_MANY_ITEMS' };
}

function badCategory(field: string, name: string | null | undefined): Violation {
  return { field, description: 'Category names must look like "categories/gcid:<id>".', code: 'INVALID_VALUE', value: String(name) };
}

function validTime(t: { hours?: number | null; minutes?: number | null; seconds?: number | null; nanos?: number | null } | undefined): boolean {
  if (t === undefined) return false;
  const h = t.hours ?? 0;
  const m = t.minutes ?? 0;
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0 || m > 59) return false;
  return h < 24 || (h === 24 && m === 0);
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
