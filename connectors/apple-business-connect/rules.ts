/**
 * Apple Business rules, checked before any request so a person learns what to fix without a
 * rejected location. From Apple's guidance pages (business.apple.com/docs/api/v1/guidance/...):
 * - location status: TEMPORARILY_CLOSED needs a future reopenDate ("when uncertain, set six
 *   months ahead"), OPENING_SOON a future openingDate at most 180 days ahead;
 * - main address: a location needs an address complete enough to validate, or a display point;
 * - display names: one primary name, one name per locale.
 * The name and description limits are inferred (Apple does not publish them outside the partner
 * documentation; see the manifest's factsInferred). Whether a date is in the future depends on
 * the day of delivery, which a pure projection cannot know: Apple's own validation reports it.
 */
import type { ListingProblem } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { appleCategory } from './categories.ts';

export const ID = 'apple-business-connect';

export const LIMITS = {
  nameMax: 100,
  descriptionMax: 500,
  additionalPhonesMax: 4,
} as const;

/**
 * Apple Business is not offered to businesses in mainland China (Apple Maps there is run on
 * local data under Chinese law) nor in the territories under US embargo. Inferred from Apple's
 * availability notes, not from an API rule.
 */
export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['CN', 'CU', 'IR', 'KP', 'SY']);

const problem = (kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): ListingProblem => ({ kind, field, rule: `${ID}.${rule}`, message });
const need = (field: LocationField | null, rule: string, message: string) => problem('ACTION_REQUIRED', field, rule, message);

/** The locale's language ("ja-JP" → "ja"), to tell whether two names share a locale. */
const language = (locale: string) => locale.split('-')[0]?.toLowerCase() ?? '';

export function listingProblems(loc: LocationData, primaryLocale: string): ListingProblem[] {
  const out: ListingProblem[] = [];
  if (COUNTRIES_NOT_SERVED.has(loc.address.country)) {
    out.push(problem('NOT_ELIGIBLE', 'address', 'country.notServed', `Apple Business does not take locations in ${loc.address.country}; this store cannot be published on Apple Maps.`));
  }
  const name = loc.name.trim();
  if (name === '') out.push(need('name', 'name.required', 'Apple Maps needs a location name.'));
  const nameLength = codePointLength(name);
  if (nameLength > LIMITS.nameMax) {
    out.push(need('name', 'name.maxLength', `Apple takes location names of at most ${LIMITS.nameMax} characters (this one has ${nameLength}); shorten the name.`));
  }
  const primaryLanguage = language(primaryLocale);
  const locales = loc.localizedNames.map((n) => language(n.locale));
  if (locales.includes(primaryLanguage) || new Set(locales).size !== locales.length) {
    out.push(need('localizedNames', 'displayNames.duplicateLocale', `Apple shows one name per language and the store's name is already in "${primaryLocale}"; remove the localized names that repeat a language.`));
  }
  if (loc.description !== null) {
    const length = codePointLength(loc.description);
    if (length > LIMITS.descriptionMax) {
      out.push(need('description', 'description.maxLength', `Apple takes descriptions of at most ${LIMITS.descriptionMax} characters (this one has ${length}); shorten it.`));
    }
  }
  if (!appleCategory(loc.primaryCategory)) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Apple Business equivalent yet; choose another primary category.`));
  }
  if (loc.additionalPhones.length > LIMITS.additionalPhonesMax) {
    out.push(need('additionalPhones', 'phoneNumbers.maxAdditional', `Tenpo sends at most ${LIMITS.additionalPhonesMax} additional phone numbers to Apple (this store has ${loc.additionalPhones.length}).`));
  }
  if (loc.address.lines.length === 0 && loc.address.city === null && (loc.latitude === null || loc.longitude === null)) {
    out.push(need('address', 'mainAddress.incomplete', 'Apple needs a street address or a map position to place the location; add the street or the coordinates.'));
  }
  if (loc.status === 'CLOSED_TEMPORARILY' && loc.statusDate === null) {
    out.push(need('statusDate', 'locationStatus.reopenDateRequired', 'Apple shows a temporary closure only with a reopening date; set one (Apple suggests six months ahead when the date is uncertain).'));
  }
  return out;
}
