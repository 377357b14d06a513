/**
 * TomTom's rules for a feature of the POI feed, checked before the file is written. The limits
 * are the feed's validation as Tenpo understands it (manifest.ts lists them as inferred);
 * TomTom rejects a feature rather than shortening a value, so Tenpo does not shorten either.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { overtureCategory } from './categories.ts';

export const LIMITS = { nameMax: 100, descriptionMax: 1000, alternateCategoriesMax: 4 } as const;

/** TomTom does not provide its services in comprehensively embargoed territories. */
export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY']);

const need = (field: LocationField, rule: string, message: string): ListingProblem => ({ kind: 'ACTION_REQUIRED', field, rule: `tomtom.${rule}`, message });

export function listingProblems(loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  if (COUNTRIES_NOT_SERVED.has(loc.address.country)) {
    out.push({ kind: 'NOT_ELIGIBLE', field: 'address', rule: 'tomtom.country.notServed', message: `TomTom does not take places in ${loc.address.country}; this store cannot be published on TomTom.` });
  }
  const name = codePointLength(loc.name.trim());
  if (name === 0) out.push(need('name', 'name.required', 'TomTom requires a place name.'));
  if (name > LIMITS.nameMax) out.push(need('name', 'name.maxLength', `TomTom takes place names of at most ${LIMITS.nameMax} characters (this one has ${name}); shorten the name.`));
  if (loc.description !== null) {
    const length = codePointLength(loc.description);
    if (length > LIMITS.descriptionMax) out.push(need('description', 'description.maxLength', `TomTom takes descriptions of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
  }
  // A GeoJSON feature has a geometry: TomTom places the POI by it, not by geocoding the address.
  if (loc.latitude === null || loc.longitude === null) out.push(need('latitude', 'geometry.required', 'TomTom needs the store’s map position; set its latitude and longitude.'));
  const primary = overtureCategory(loc.primaryCategory);
  if (!primary) out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no TomTom equivalent; choose another primary category.`));
  const alternate = new Set(loc.additionalCategories.map(overtureCategory).filter((c) => c && c !== primary));
  if (alternate.size > LIMITS.alternateCategoriesMax) {
    out.push(need('additionalCategories', 'categories.maxAlternate', `TomTom takes at most ${LIMITS.alternateCategoriesMax} additional categories (this store has ${alternate.size} with a TomTom equivalent).`));
  }
  return out;
}
