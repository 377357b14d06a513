/**
 * Facebook's rules for a location Page, checked before any request so a person learns what to
 * fix without a failed write:
 * - `about` (the "Description" of Edit Page Info) holds at most 100 characters (Page reference);
 * - "Each day can have 2 different hours ranges" (Page reference, `hours`);
 * - location Pages are for a "real physical address" (Page Locations guidelines): a street and
 *   a city are needed;
 * - at most three categories, and each must have a Facebook id (categories.ts);
 * - Page names: 75 characters, the limit Facebook's Page name field enforces (not in the Graph
 *   reference, hence marked inferred in the manifest);
 * - Meta offers no service in the countries under comprehensive US sanctions (CU, IR, KP, SY).
 * `prefix` lets Instagram, whose business profile is written through the same Page, report the
 * same rules under its own id.
 */
import type { ListingProblem, ProjectContext } from '../runtime/connector.ts';
import type { LocationData, LocationField } from '../../src/locations/model.ts';
import { codePointLength } from '../../src/locations/text.ts';
import { streetOf } from './address.ts';
import { CATEGORIES_MAX, facebookCategoryId } from './categories.ts';
import { INTERVALS_PER_DAY_MAX } from './hours.ts';

export const LIMITS = { nameMax: 75, aboutMax: 100 } as const;

export const COUNTRIES_NOT_SERVED: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY']);

type Check = (loc: LocationData, out: ListingProblem[], ctx: RuleContext) => void;

interface RuleContext {
  prefix: string;
  label: string;
  settings: ProjectContext['settings'];
}

function push(out: ListingProblem[], ctx: RuleContext, kind: ListingProblem['kind'], field: LocationField | null, rule: string, message: string): void {
  out.push({ kind, field, rule: `${ctx.prefix}.${rule}`, message });
}

const eligibility: Check = (loc, out, ctx) => {
  if (COUNTRIES_NOT_SERVED.has(loc.address.country)) {
    push(out, ctx, 'NOT_ELIGIBLE', 'address', 'country.notServed', `${ctx.label} is not offered in ${loc.address.country} (US sanctions); this store cannot be published there.`);
  }
};

const name: Check = (loc, out, ctx) => {
  const length = codePointLength(loc.name.trim());
  if (length === 0) push(out, ctx, 'ACTION_REQUIRED', 'name', 'name.required', `${ctx.label} needs a name for the store's Page.`);
  else if (length > LIMITS.nameMax) {
    push(out, ctx, 'ACTION_REQUIRED', 'name', 'name.maxLength', `${ctx.label} takes Page names of at most ${LIMITS.nameMax} characters (this one has ${length}); shorten the name.`);
  }
};

const description: Check = (loc, out, ctx) => {
  if (loc.description === null) return;
  const length = codePointLength(loc.description);
  if (length > LIMITS.aboutMax) {
    push(out, ctx, 'ACTION_REQUIRED', 'description', 'description.maxLength', `${ctx.label} shows a Page description of at most ${LIMITS.aboutMax} characters (this one has ${length}); shorten it.`);
  }
};

const address: Check = (loc, out, ctx) => {
  if (streetOf(loc.address) === '' || !loc.address.city) {
    push(out, ctx, 'ACTION_REQUIRED', 'address', 'address.street', `${ctx.label} location Pages need a street address and a city; complete the address.`);
  }
};

const hours: Check = (loc, out, ctx) => {
  const crowded = loc.regularHours.filter((d) => d.intervals.length > INTERVALS_PER_DAY_MAX).map((d) => d.day.toLowerCase());
  if (crowded.length > 0) {
    push(out, ctx, 'ACTION_REQUIRED', 'regularHours', 'hours.maxIntervalsPerDay', `${ctx.label} takes at most ${INTERVALS_PER_DAY_MAX} opening ranges a day (${crowded.join(', ')} have more); merge them.`);
  }
};

const categories: Check = (loc, out, ctx) => {
  if (!facebookCategoryId(loc.primaryCategory, ctx.settings)) {
    push(out, ctx, 'ACTION_REQUIRED', 'primaryCategory', 'category.unmapped', `Category "${loc.primaryCategory}" has no Facebook category yet; choose the Facebook category for it in the connection settings, or another primary category.`);
  }
  const ids = new Set([loc.primaryCategory, ...loc.additionalCategories].map((c) => facebookCategoryId(c, ctx.settings)).filter(Boolean));
  if (ids.size > CATEGORIES_MAX) {
    push(out, ctx, 'ACTION_REQUIRED', 'additionalCategories', 'categories.max', `${ctx.label} takes at most ${CATEGORIES_MAX} categories per Page (this store has ${ids.size}); remove some additional categories.`);
  }
};

const website: Check = (loc, out, ctx) => {
  if (loc.website === null) return;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(loc.website).protocol);
  } catch {
    ok = false;
  }
  if (!ok) push(out, ctx, 'ACTION_REQUIRED', 'website', 'website.httpUrl', `${ctx.label} takes only web addresses starting with http:// or https://.`);
};

export const PAGE_RULES = { eligibility, name, description, address, hours, categories, website } as const;

/** Every rule in `checks` the location breaks; empty when it can be published as it is. */
export function listingProblems(loc: LocationData, ctx: RuleContext, checks: readonly Check[] = Object.values(PAGE_RULES)): ListingProblem[] {
  const out: ListingProblem[] = [];
  for (const check of checks) check(loc, out, ctx);
  return out;
}
