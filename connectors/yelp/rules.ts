/**
 * Yelp's rules, checked before any request:
 * - countries: Yelp lists businesses only in the countries of its catalog row (platforms.csv);
 * - address: Data Ingestion's matching_criteria takes address1-3 of at most 64 characters each,
 *   digits, letters, spaces and _-’/#&,.': only, and requires the city;
 * - categories: Yelp aliases only, at most three per business (Yelp for Business lets an owner
 *   pick three); a Tenpo category with no alias is for a person to change;
 * - name and description ("specialties") lengths, never truncated;
 * - replies (reviews.ts): at most 5,000 characters, no emoji.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { ADDRESS_LINE_MAX, ADDRESS_LINES_MAX, addressLines, badCharacterLine } from './address.ts';
import { yelpAlias } from './categories.ts';

export const LIMITS = { nameMax: 64, specialtiesMax: 1500, categoriesMax: 3 } as const;

export const YELP_COUNTRIES = [
  'US', 'CA', 'GB', 'IE', 'DE', 'AT', 'CH', 'FR', 'BE', 'NL', 'IT', 'ES', 'PT', 'DK', 'SE',
  'NO', 'FI', 'PL', 'CZ', 'TR', 'AU', 'NZ', 'JP', 'SG', 'HK', 'TW', 'MX', 'AR', 'BR', 'CL',
] as const;

const problem = (kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): ListingProblem => ({ kind, field, rule: `yelp.${rule}`, message });
const need = (field: LocationField, rule: string, message: string) => problem('ACTION_REQUIRED', field, rule, message);

function name(loc: LocationData, out: ListingProblem[]): void {
  const n = loc.name.trim();
  if (n === '') out.push(need('name', 'name.required', 'Yelp requires a business name.'));
  const length = codePointLength(n);
  if (length > LIMITS.nameMax) out.push(need('name', 'name.maxLength', `Yelp takes business names of at most ${LIMITS.nameMax} characters (this one has ${length}); shorten the name.`));
}

function address(loc: LocationData, out: ListingProblem[]): void {
  const lines = addressLines(loc.address);
  if (loc.address.city === null) out.push(need('address', 'address.cityRequired', 'Yelp matches businesses by city; fill in the city.'));
  if (lines.length === 0) out.push(need('address', 'address.streetRequired', 'Yelp needs a street address; fill in the street lines.'));
  if (lines.length > ADDRESS_LINES_MAX) {
    out.push(need('address', 'address.maxLines', `Yelp takes at most ${ADDRESS_LINES_MAX} address lines, the building included (this address has ${lines.length}); merge some street lines.`));
  }
  const long = lines.find((l) => codePointLength(l) > ADDRESS_LINE_MAX);
  if (long !== undefined) out.push(need('address', 'address.lineMaxLength', `Yelp takes address lines of at most ${ADDRESS_LINE_MAX} characters; shorten "${long.slice(0, 80)}".`));
  const bad = badCharacterLine(loc.address);
  if (bad !== undefined) {
    out.push(need('address', 'address.characters', `Yelp takes only letters, digits, spaces and _-’/#&,.': in address lines; change "${bad.slice(0, 80)}".`));
  }
}

function categories(loc: LocationData, out: ListingProblem[]): void {
  if (yelpAlias(loc.primaryCategory) === null) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Yelp equivalent; choose another primary category.`));
  }
  const aliases = new Set([loc.primaryCategory, ...loc.additionalCategories].map(yelpAlias).filter((a) => a !== null));
  if (aliases.size > LIMITS.categoriesMax) {
    out.push(need('additionalCategories', 'categories.maxCount', `Yelp takes at most ${LIMITS.categoriesMax} categories, the primary one included (this store has ${aliases.size}); remove some.`));
  }
}

function description(loc: LocationData, out: ListingProblem[]): void {
  if (loc.description === null) return;
  const length = codePointLength(loc.description);
  if (length > LIMITS.specialtiesMax) {
    out.push(need('description', 'description.maxLength', `Yelp takes a description ("Specialties") of at most ${LIMITS.specialtiesMax} characters (this one has ${length}); shorten it.`));
  }
}

export function listingProblems(loc: LocationData): ListingProblem[] {
  if (!(YELP_COUNTRIES as readonly string[]).includes(loc.address.country)) {
    return [problem('NOT_ELIGIBLE', 'address', 'country.notServed', `Yelp does not list businesses in ${loc.address.country}; this store cannot be published on Yelp.`)];
  }
  const out: ListingProblem[] = [];
  name(loc, out);
  address(loc, out);
  categories(loc, out);
  description(loc, out);
  return out;
}
