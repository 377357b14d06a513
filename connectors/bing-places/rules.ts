/**
 * Bing Places rules, checked before any request. From the trusted-partner API's business record
 * and Bing's own examples: StoreId, BusinessName, AddressLine1, City, StateOrProvince, ZipCode,
 * Country and Categories are required; Bing refuses unsupported countries ("GH is not a supported
 * country/region"); a business is open (`IsClosed: false`) or closed for good (`IsClosed: true`),
 * with no temporary closure nor opening date; holiday hours take one interval per date. Bing
 * states no name or description limit for partners, so there is no length rule (Tenpo's own 200
 * character name limit applies). The countries beyond Bing's example are inferred (manifest
 * factsInferred).
 */
import type { ListingProblem, ProjectContext } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { bingCategory } from './categories.ts';

export const ID = 'bing-places';

/** GH from Bing's own refusal example; the rest are the territories under US embargo, where Microsoft offers no service. */
export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['GH', 'CU', 'IR', 'KP', 'SY']);

const problem = (kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): ListingProblem => ({ kind, field, rule: `${ID}.${rule}`, message });
const need = (field: LocationField | null, rule: string, message: string) => problem('ACTION_REQUIRED', field, rule, message);

export function listingProblems(loc: LocationData, settings: ProjectContext['settings']): ListingProblem[] {
  const out: ListingProblem[] = [];
  if (COUNTRIES_NOT_SERVED.has(loc.address.country)) {
    out.push(problem('NOT_ELIGIBLE', 'address', 'country.notServed', `Bing Places does not take businesses in ${loc.address.country}; this store cannot be published on Bing.`));
  }
  const name = loc.name.trim();
  if (name === '') out.push(need('name', 'name.required', 'Bing Places needs a business name.'));
  const a = loc.address;
  const missing = [a.lines.length === 0 ? 'street' : null, a.city ? null : 'city', a.region ? null : 'state or prefecture', a.postalCode ? null : 'postal code'].filter((x) => x !== null);
  if (missing.length > 0) out.push(need('address', 'address.incomplete', `Bing Places needs a full address; add the ${missing.join(', ')}.`));
  if (!bingCategory(loc.primaryCategory, settings)) {
    out.push(need('primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Bing Places category configured; choose another primary category, or ask the Tenpo operator to add its Bing id to the connection.`));
  }
  if (loc.status === 'CLOSED_TEMPORARILY') {
    out.push(need('status', 'status.temporarilyClosed', 'Bing Places has no temporary closure: it would show the store as open. Enter the closed days as closed special hours and set the status to open, or wait until the store reopens.'));
  }
  if (loc.status === 'OPENING_SOON') {
    out.push(need('status', 'status.openingSoon', 'Bing Places lists only open or closed businesses; the store is published once its status is open.'));
  }
  if (loc.specialHours.some((s) => !s.closed && s.intervals.length > 1)) {
    out.push(need('specialHours', 'specialHours.oneInterval', 'Bing takes one opening interval per special day; merge the intervals of each special day into one.'));
  }
  return out;
}
