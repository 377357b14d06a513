/**
 * Google's rules, checked before any request so a person learns what to fix without a failed
 * write. Each rule is one Google documents:
 * - Location reference (developers.google.com/my-business/reference/businessinformation/rest/v1/
 *   accounts.locations): PhoneNumbers and Categories are set whole, primaryPhone / primaryCategory
 *   required, at most two additional phones, specialHours "cannot be set without regular hours",
 *   at most five addressLines, labels 1-255 characters, profile.description at most 750 characters;
 * - one primary and at most nine additional categories (Business Profile help on categories);
 * - business names (support.google.com/business/answer/3038177, "Name"): no phone numbers, no
 *   website URLs;
 * - title at most 100 characters and at most 10 labels: refused by the API (and by the fake that
 *   reproduces it, test/fakes/google/rules.ts) though the reference does not state them.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { ADDRESS_LINES_MAX, addressLines } from './address.ts';
import { EXCLUDED_CATEGORIES, googleCategoryName } from './categories.ts';
import { ADDITIONAL_PHONES_MAX } from './phones.ts';

export const LIMITS = {
  titleMax: 100,
  descriptionMax: 750,
  labelsMax: 10,
  labelMax: 255,
  additionalCategoriesMax: 9,
} as const;

/**
 * Google must follow US OFAC sanctions and offers no Business Profile service there; Google lists
 * the embargoed territories in support.google.com/google-ads/answer/6163740 (Cuba, Iran, North
 * Korea, Syria, plus Crimea and the so-called DNR/LNR, which are regions of UA and cannot be told
 * from a country code).
 */
export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY']);

// Seven or more digits in one run, separators allowed: a phone number, not "7-Eleven" or "24/7".
const PHONE_IN_TEXT = /(?:\+?\d[\s().\-‐–]*){7,}/;
const URL_IN_TEXT = /(?:https?:\/\/|\bwww\.)\S/i;

function problem(kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): ListingProblem {
  return { kind, field, rule: `google.${rule}`, message };
}

const need = (field: LocationField | null, rule: string, message: string) => problem('ACTION_REQUIRED', field, rule, message);

function eligibility(loc: LocationData, out: ListingProblem[]): void {
  if (COUNTRIES_NOT_SERVED.has(loc.address.country)) {
    out.push(problem('NOT_ELIGIBLE', 'address', 'country.notServed', `Google Business Profile is not offered in ${loc.address.country} (US sanctions); this store cannot be published on Google.`));
  }
  if (EXCLUDED_CATEGORIES.has(loc.primaryCategory)) {
    out.push(problem('NOT_ELIGIBLE', 'primaryCategory', 'category.notEligible', `Google does not list businesses of category "${loc.primaryCategory}".`));
  }
}

function title(loc: LocationData, out: ListingProblem[]): void {
  const name = loc.name.trim();
  if (name === '') {
    out.push(need('name', 'title.required', 'Google requires a business name.'));
    return;
  }
  const length = codePointLength(name);
  if (length > LIMITS.titleMax) {
    out.push(need('name', 'title.maxLength', `Google takes business names of at most ${LIMITS.titleMax} characters (this one has ${length}); shorten the name.`));
  }
  if (URL_IN_TEXT.test(name)) {
    out.push(need('name', 'title.noUrl', 'Google does not allow a website address in the business name; remove it (the website has its own field).'));
  }
  if (PHONE_IN_TEXT.test(name.normalize('NFKC'))) {
    out.push(need('name', 'title.noPhoneNumber', 'Google does not allow a phone number in the business name; remove it (phone numbers have their own fields).'));
  }
}

function categories(loc: LocationData, out: ListingProblem[]): void {
  if (!googleCategoryName(loc.primaryCategory)) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Google equivalent yet; choose another primary category.`));
  }
  const excluded = loc.additionalCategories.filter((c) => EXCLUDED_CATEGORIES.has(c));
  if (excluded.length > 0) {
    out.push(need('additionalCategories', 'category.notEligible', `Google does not list businesses of category ${excluded.join(', ')}; remove them from the additional categories.`));
  }
  if (loc.additionalCategories.length > LIMITS.additionalCategoriesMax) {
    out.push(need('additionalCategories', 'categories.maxAdditional', `Google takes at most ${LIMITS.additionalCategoriesMax} additional categories (this store has ${loc.additionalCategories.length}).`));
  }
}

function phones(loc: LocationData, out: ListingProblem[]): void {
  if (loc.primaryPhone === null && loc.additionalPhones.length > 0) {
    out.push(need('primaryPhone', 'phone.primaryRequired', 'Google needs a primary phone number when additional numbers are given; set the primary phone.'));
  }
  if (loc.additionalPhones.length > ADDITIONAL_PHONES_MAX) {
    out.push(need('additionalPhones', 'phone.maxAdditional', `Google takes at most ${ADDITIONAL_PHONES_MAX} additional phone numbers (this store has ${loc.additionalPhones.length}); remove some.`));
  }
}

function address(loc: LocationData, out: ListingProblem[]): void {
  const lines = addressLines(loc.address).length;
  if (lines > ADDRESS_LINES_MAX) {
    out.push(need('address', 'address.maxLines', `Google takes at most ${ADDRESS_LINES_MAX} address lines and the building counts as one (this address has ${lines}); merge some street lines.`));
  }
}

function website(loc: LocationData, out: ListingProblem[]): void {
  if (loc.website === null) return;
  let ok = false;
  try {
    const url = new URL(loc.website);
    ok = url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) out.push(need('website', 'website.httpUrl', 'Google takes only web addresses starting with http:// or https://.'));
}

function hours(loc: LocationData, out: ListingProblem[]): void {
  const hasRegular = loc.regularHours.some((d) => d.intervals.length > 0);
  if (loc.specialHours.length > 0 && !hasRegular) {
    out.push(need('specialHours', 'specialHours.needsRegularHours', 'Google shows special hours only for a store with regular opening hours; add regular hours or remove the special hours.'));
  }
}

function text(loc: LocationData, out: ListingProblem[]): void {
  if (loc.description !== null) {
    const length = codePointLength(loc.description);
    if (length > LIMITS.descriptionMax) {
      out.push(need('description', 'description.maxLength', `Google takes descriptions of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
    }
  }
  if (loc.labels.length > LIMITS.labelsMax) {
    out.push(need('labels', 'labels.maxCount', `Google takes at most ${LIMITS.labelsMax} labels (this store has ${loc.labels.length}).`));
  }
  const bad = loc.labels.filter((l) => { const n = codePointLength(l); return n < 1 || n > LIMITS.labelMax; });
  if (bad.length > 0) {
    out.push(need('labels', 'labels.length', `Each Google label must be 1 to ${LIMITS.labelMax} characters long.`));
  }
}

function status(loc: LocationData, out: ListingProblem[]): void {
  if (loc.status === 'OPENING_SOON' && loc.statusDate === null) {
    out.push(need('statusDate', 'openInfo.openingDateRequired', 'Google shows a store as opening soon only with its opening date; set the opening date.'));
  }
}

/** Every Google rule the location breaks; empty when it can be published as it is. */
export function listingProblems(loc: LocationData): ListingProblem[] {
  const out: ListingProblem[] = [];
  for (const check of [eligibility, title, categories, phones, address, website, hours, text, status]) check(loc, out);
  return out;
}
