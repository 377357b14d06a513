/**
 * Tenpo category → Facebook Page category id (the ids `category_list` takes and answers as
 * `{ id, name }`). Meta publishes no list of Page category ids (the `fb_page_categories` search is
 * gone), so Tenpo ships only ids seen on real Pages and lets a connection name the rest in its
 * settings (`categoryIds: { "<tenpo id>": "<facebook id>" }`, picked in Facebook's own category
 * chooser). A subcategory without an id falls back to its parent's.
 */
import { getCategory } from '../../src/locations/categories.ts';
import type { ProjectContext } from '../runtime/connector.ts';
import { isObject } from './keys.ts';

/** Ids observed on live Pages (Graph API `category_list`), with the Facebook name. */
export const FACEBOOK_CATEGORY_IDS: Readonly<Record<string, string>> = {
  // "Ramen Restaurant", as answered for Thai ramen shops' Pages.
  'restaurant.ramen': '218838724804749',
};

/** At most three categories per Page (Facebook Pages help: "You can add up to 3 categories"). */
export const CATEGORIES_MAX = 3;

function settingsMap(settings: ProjectContext['settings']): Readonly<Record<string, string>> {
  const raw = settings.categoryIds;
  if (!isObject(raw)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && /^\d+$/.test(v)) out[k] = v;
  return out;
}

/** The Facebook category id for a Tenpo category (its own, else its parent's), or undefined. */
export function facebookCategoryId(id: string, settings: ProjectContext['settings']): string | undefined {
  const map = { ...FACEBOOK_CATEGORY_IDS, ...settingsMap(settings) };
  const own = map[id];
  if (own) return own;
  const parent = getCategory(id)?.parent;
  return parent ? map[parent] : undefined;
}

/** The Tenpo category for a Facebook id, for accepting an edit; the most specific match wins. */
export function tenpoCategoryFor(facebookId: string, settings: ProjectContext['settings']): string | undefined {
  const map = { ...FACEBOOK_CATEGORY_IDS, ...settingsMap(settings) };
  const matches = Object.entries(map).filter(([, v]) => v === facebookId).map(([k]) => k);
  return matches.sort((a, b) => b.split('.').length - a.split('.').length)[0];
}
