/**
 * HERE's rules for a row of the POI feed, checked before the file is written so a person learns
 * what to fix without waiting for HERE's processing report. The limits are HERE's feed
 * validation as Tenpo understands it (manifest.ts lists them as inferred): HERE rejects a row
 * rather than shortening a value, so Tenpo must not shorten either.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { hereCategoryId } from './categories.ts';
import { alpha3 } from './countries.ts';

export const LIMITS = {
  nameMax: 100,
  descriptionMax: 500,
  additionalCategoriesMax: 4,
  phonesMax: 5,
} as const;

/**
 * HERE Technologies does not provide its services in comprehensively embargoed territories
 * (its Service Terms' export-control clause); a place there cannot be supplied.
 */
export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY']);

function problem(kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): ListingProblem {
  return { kind, field, rule: `here.${rule}`, message };
}
const need = (field: LocationField, rule: string, message: string) => problem('ACTION_REQUIRED', field, rule, message);

function eligibility(loc: LocationData, out: ListingProblem[]): void {
  if (COUNTRIES_NOT_SERVED.has(loc.address.country) || alpha3(loc.address.country) === undefined) {
    out.push(problem('NOT_ELIGIBLE', 'address', 'country.notServed', `HERE does not take places in ${loc.address.country}; this store cannot be published on HERE.`));
  }
}

function name(loc: LocationData, out: ListingProblem[]): void {
  const length = codePointLength(loc.name.trim());
  if (length === 0) out.push(need('name', 'name.required', 'HERE requires a place name.'));
  if (length > LIMITS.nameMax) out.push(need('name', 'name.maxLength', `HERE takes place names of at most ${LIMITS.nameMax} characters (this one has ${length}); shorten the name.`));
  for (const n of loc.localizedNames) {
    const l = codePointLength(n.name.trim());
    if (l > LIMITS.nameMax) out.push(need('localizedNames', 'name.maxLength', `HERE takes names of at most ${LIMITS.nameMax} characters (the ${n.locale} name has ${l}); shorten it.`));
  }
}

function text(loc: LocationData, out: ListingProblem[]): void {
  if (loc.description === null) return;
  const length = codePointLength(loc.description);
  if (length > LIMITS.descriptionMax) {
    out.push(need('description', 'description.maxLength', `HERE takes descriptions of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
  }
}

function categories(loc: LocationData, out: ListingProblem[]): void {
  const primary = hereCategoryId(loc.primaryCategory);
  if (!primary) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no HERE equivalent; choose another primary category.`));
  }
  const additional = new Set(loc.additionalCategories.map(hereCategoryId).filter((c) => c && c !== primary));
  if (additional.size > LIMITS.additionalCategoriesMax) {
    out.push(need('additionalCategories', 'categories.maxAdditional', `HERE takes at most ${LIMITS.additionalCategoriesMax} additional categories (this store has ${additional.size} with a HERE equivalent).`));
  }
}

function address(loc: LocationData, out: ListingProblem[]): void {
  // A navigation POI must be routable: HERE places it by street and city.
  if (!loc.address.lines.some((l) => l.trim() !== '') || !loc.address.city) {
    out.push(need('address', 'address.streetRequired', 'HERE needs the street address and the city to place a store on the map; complete the address.'));
  }
}

function contacts(loc: LocationData, out: ListingProblem[]): void {
  const phones = (loc.primaryPhone ? 1 : 0) + loc.additionalPhones.length;
  if (phones > LIMITS.phonesMax) out.push(need('additionalPhones', 'phones.maxCount', `HERE takes at most ${LIMITS.phonesMax} phone numbers per place (this store has ${phones}).`));
  if (loc.primaryPhone === null && loc.additionalPhones.length > 0) out.push(need('primaryPhone', 'phones.primaryRequired', 'Set the primary phone: HERE shows the first number as the main one.'));
}

/** Every HERE rule the location breaks; empty when it can go into the feed as it is. */
export function listingProblems(loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  for (const check of [eligibility, name, text, categories, address, contacts]) check(loc, out);
  return out;
}
