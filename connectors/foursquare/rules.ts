/**
 * Foursquare's rules, checked before any request so a person learns what to fix without a
 * refused suggestion:
 * - description "up to 300 characters" (place-suggest-edit, `description`);
 * - a name is the one parameter a new place needs (places-suggest-place, `name` required); its
 *   maximum length is not documented, 100 characters is our inferred limit;
 * - categories are Foursquare category ids (Category Taxonomy), so every Tenpo category must map;
 * - website is a URL; Foursquare shows it as a link, so only http(s);
 * - Foursquare has no "opening soon" state: a place suggested now is shown as open.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { foursquareCategoryId } from './categories.ts';

export const LIMITS = { nameMax: 100, descriptionMax: 300 } as const;

function need(field: LocationField | null, rule: string, message: string): ListingProblem {
  return { kind: 'ACTION_REQUIRED', field, rule: `foursquare.${rule}`, message };
}

function name(loc: LocationData, out: ListingProblem[]): void {
  const length = codePointLength(loc.name.trim());
  if (length === 0) out.push(need('name', 'name.required', 'Foursquare needs a place name.'));
  else if (length > LIMITS.nameMax) {
    out.push(need('name', 'name.maxLength', `Foursquare takes names of at most ${LIMITS.nameMax} characters (this one has ${length}); shorten the name.`));
  }
}

function description(loc: LocationData, out: ListingProblem[]): void {
  if (loc.description === null) return;
  const length = codePointLength(loc.description);
  if (length > LIMITS.descriptionMax) {
    out.push(need('description', 'description.maxLength', `Foursquare takes descriptions of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
  }
}

function categories(loc: LocationData, out: ListingProblem[]): void {
  if (!foursquareCategoryId(loc.primaryCategory)) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Foursquare equivalent yet; choose another primary category.`));
  }
}

function website(loc: LocationData, out: ListingProblem[]): void {
  if (loc.website === null) return;
  let ok: boolean;
  try {
    ok = ['http:', 'https:'].includes(new URL(loc.website).protocol);
  } catch {
    ok = false;
  }
  if (!ok) out.push(need('website', 'website.httpUrl', 'Foursquare takes only web addresses starting with http:// or https://.'));
}

function status(loc: LocationData, out: ListingProblem[]): void {
  if (loc.status === 'OPENING_SOON') {
    out.push(need('status', 'status.openingSoon', 'Foursquare has no "opening soon" state: a place suggested now would show as open. Set the status to open on the opening day to publish it.'));
  }
}

/** Every Foursquare rule the location breaks; empty when it can be published as it is. */
export function listingProblems(loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  for (const check of [name, description, categories, website, status]) check(loc, out);
  return out;
}
