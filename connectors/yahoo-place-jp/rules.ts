/**
 * Yahoo!プレイス's rules, checked before any request. Yahoo!プレイス lists businesses in Japan only
 * (Yahoo! JAPAN's local search covers "全国の店舗", platforms.csv countries JP). Limits on the name
 * and description are not published for partners: 50 and 500 characters are our inferred limits,
 * marked so in the manifest. A Japanese address needs its
 * prefecture and municipality, and a valid seven-digit postal code when one is given.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { postalCodeOf } from './address.ts';
import { yahooGenreCode } from './genres.ts';
import { toYahooWidth } from './width.ts';

export const LIMITS = { nameMax: 50, descriptionMax: 500 } as const;

const PREFIX = 'yahoo-place-jp';

function need(field: LocationField | null, rule: string, message: string): ListingProblem {
  return { kind: 'ACTION_REQUIRED', field, rule: `${PREFIX}.${rule}`, message };
}

function eligibility(loc: LocationData, out: ListingProblem[]): void {
  if (loc.address.country !== 'JP') {
    out.push({ kind: 'NOT_ELIGIBLE', field: 'address', rule: `${PREFIX}.country.notServed`, message: `Yahoo!プレイス lists businesses in Japan only; this store is in ${loc.address.country}.` });
  }
}

function name(loc: LocationData, out: ListingProblem[]): void {
  const length = codePointLength(toYahooWidth(loc.name));
  if (length === 0) out.push(need('name', 'name.required', 'Yahoo!プレイス needs a business name (店舗名).'));
  else if (length > LIMITS.nameMax) out.push(need('name', 'name.maxLength', `Yahoo!プレイス takes names of at most ${LIMITS.nameMax} characters (this one has ${length}); shorten the name.`));
}

function description(loc: LocationData, out: ListingProblem[]): void {
  if (loc.description === null) return;
  const length = codePointLength(loc.description.trim());
  if (length > LIMITS.descriptionMax) {
    out.push(need('description', 'description.maxLength', `Yahoo!プレイス takes descriptions (紹介文) of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
  }
}

function address(loc: LocationData, out: ListingProblem[]): void {
  if (loc.address.country !== 'JP') return;
  if (!loc.address.region || !loc.address.city) out.push(need('address', 'address.prefectureCity', 'A Yahoo!プレイス address needs its prefecture (都道府県) and municipality (市区町村).'));
  if (loc.address.postalCode !== null && postalCodeOf(loc.address.postalCode) === null) {
    out.push(need('address', 'address.postalCode', `"${loc.address.postalCode}" is not a Japanese postal code; write it as seven digits, e.g. 107-0052.`));
  }
}

function genres(loc: LocationData, out: ListingProblem[]): void {
  if (!yahooGenreCode(loc.primaryCategory)) out.push(need('primaryCategory', 'genre.unmapped', `Category "${loc.primaryCategory}" has no Yahoo! genre (業種) yet; choose another primary category.`));
}

function website(loc: LocationData, out: ListingProblem[]): void {
  if (loc.website === null) return;
  let ok: boolean;
  try {
    ok = ['http:', 'https:'].includes(new URL(loc.website).protocol);
  } catch {
    ok = false;
  }
  if (!ok) out.push(need('website', 'website.httpUrl', 'Yahoo!プレイス takes only web addresses starting with http:// or https://.'));
}

export function listingProblems(loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  for (const check of [eligibility, name, description, address, genres, website]) check(loc, out);
  return out;
}
