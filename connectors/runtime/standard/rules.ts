import type { LocationData, LocationField } from '../../../src/locations/model.ts';
import { codePointLength } from '../../../src/locations/text.ts';
import type { ListingProblem } from '../connector.ts';
import type { ConnectorManifest } from '../manifest.ts';
import { platformCategory, withinCategory } from './categories.ts';

/**
 * The rules a manifest states, checked before anything is prepared or sent: the countries and
 * categories the platform takes (NOT_ELIGIBLE), the fields it requires and its field limits
 * (ACTION_REQUIRED on the Tenpo field to change). Nothing over a limit is ever truncated: a
 * person decides what the platform should show.
 */

const EMPTY: Readonly<Record<LocationField, (l: LocationData) => boolean>> = {
  storeCode: (l) => l.storeCode === '',
  name: (l) => l.name.trim() === '',
  localizedNames: (l) => l.localizedNames.length === 0,
  status: () => false,
  statusDate: (l) => l.statusDate === null,
  address: (l) => l.address.lines.length === 0 && l.address.city === null,
  latitude: (l) => l.latitude === null,
  longitude: (l) => l.longitude === null,
  primaryPhone: (l) => l.primaryPhone === null,
  additionalPhones: (l) => l.additionalPhones.length === 0,
  website: (l) => l.website === null,
  socialProfiles: (l) => l.socialProfiles.length === 0,
  primaryCategory: (l) => l.primaryCategory === '',
  additionalCategories: (l) => l.additionalCategories.length === 0,
  description: (l) => l.description === null || l.description.trim() === '',
  labels: (l) => l.labels.length === 0,
  regularHours: (l) => !l.regularHours.some((d) => d.intervals.length > 0),
  specialHours: (l) => l.specialHours.length === 0,
  attributes: (l) => l.attributes.length === 0,
  photos: (l) => l.photos.length === 0,
};

/** Whether the location holds nothing in `field`, for required fields and completeness. */
export function isEmptyField(location: LocationData, field: LocationField): boolean {
  return EMPTY[field](location);
}

export function manifestProblems(manifest: ConnectorManifest, loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  const name = manifest.name;
  const problem = (kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string) =>
    out.push({ kind, field, rule: `${manifest.id}.${rule}`, message });

  const countries = manifest.eligibility.countries ?? (manifest.countries === 'GLOBAL' ? null : manifest.countries);
  if (countries && !countries.includes(loc.address.country)) {
    problem('NOT_ELIGIBLE', 'address', 'country.notServed', `${name} lists businesses in ${countries.join(', ')} only; this store is in ${loc.address.country}.`);
  }
  const scopes = manifest.eligibility.categories;
  if (scopes && !scopes.some((s) => withinCategory(loc.primaryCategory, s))) {
    problem('NOT_ELIGIBLE', 'primaryCategory', 'category.notEligible', `${name} lists only ${scopes.join(', ')} businesses; this store is "${loc.primaryCategory}".`);
  }
  const excluded = manifest.eligibility.categoriesExcluded?.find((s) => withinCategory(loc.primaryCategory, s));
  if (excluded) problem('NOT_ELIGIBLE', 'primaryCategory', 'category.excluded', `${name} does not list "${excluded}" businesses.`);
  if (out.length > 0) return out;

  const listing = manifest.listing;
  const shows = (f: LocationField) => listing?.fields.includes(f) ?? true;
  for (const field of listing?.required ?? []) {
    if (isEmptyField(loc, field)) problem('ACTION_REQUIRED', field, `${field}.required`, `${name} requires ${field}; fill it in to publish this store there.`);
  }
  if (listing?.fields.includes('primaryCategory') && platformCategory(manifest, loc.primaryCategory) === null) {
    problem('ACTION_REQUIRED', 'primaryCategory', 'category.unmapped', `${name} has no category matching "${loc.primaryCategory}"; choose another primary category.`);
  }

  const limits = manifest.fieldLimits;
  const tooLong = (field: LocationField, rule: string, value: string | null, max: number | undefined, what: string) => {
    if (value === null || max === undefined || !shows(field)) return;
    const length = codePointLength(value);
    if (length > max) problem('ACTION_REQUIRED', field, rule, `${name} takes ${what} of at most ${max} characters (this one has ${length}); shorten it.`);
  };
  const tooMany = (field: LocationField, rule: string, count: number, max: number | undefined, what: string) => {
    if (max === undefined || !shows(field) || count <= max) return;
    problem('ACTION_REQUIRED', field, rule, `${name} takes at most ${max} ${what} (this store has ${count}); remove some.`);
  };
  tooLong('name', 'name.maxLength', loc.name.trim(), limits.nameMax, 'business names');
  tooLong('description', 'description.maxLength', loc.description, limits.descriptionMax, 'descriptions');
  tooLong('website', 'website.maxLength', loc.website, limits.websiteUrlMax, 'web addresses');
  tooMany('additionalCategories', 'categories.maxCount', 1 + loc.additionalCategories.length, limits.categoriesMax, 'categories, the primary one included');
  tooMany('additionalPhones', 'phones.maxCount', (loc.primaryPhone ? 1 : 0) + loc.additionalPhones.length, limits.phonesMax, 'phone numbers');
  tooMany('photos', 'photos.maxCount', loc.photos.length, limits.photosMax, 'photos');
  tooMany('labels', 'labels.maxCount', loc.labels.length, limits.labelsMax, 'labels');
  tooMany('address', 'address.maxLines', loc.address.lines.length + (loc.address.building ? 1 : 0), limits.addressLinesMax, 'address lines (the building counts as one)');
  const longLabel = limits.labelMax === undefined ? undefined : loc.labels.find((l) => codePointLength(l) > limits.labelMax!);
  if (longLabel !== undefined && shows('labels')) problem('ACTION_REQUIRED', 'labels', 'labels.maxLength', `${name} takes labels of at most ${limits.labelMax} characters; shorten "${longLabel}".`);
  return out;
}
