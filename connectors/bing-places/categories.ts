/**
 * Tenpo category → Bing Places category ({ CategoryName, BPCategoryId }). Bing hands its category
 * list to trusted partners with the API documentation; the only id in public material is
 * "Restaurants" 700341 (Bing's own request examples), so that is the one built in, and Tenpo's
 * restaurant subcategories fall back to it. A deployment adds the ids from Bing's list in the
 * connection setting `bingCategories`: { "<tenpo id>": { "id": 700341, "name": "Restaurants" } }.
 * A category with no entry, nor a parent with one, is a problem the user fixes (rules.ts).
 */
import { getCategory } from '../../src/locations/categories.ts';
import type { ProjectContext } from '../runtime/connector.ts';

export interface BingCategory {
  id: number;
  name: string;
}

const BUILT_IN: Readonly<Record<string, BingCategory>> = {
  restaurant: { id: 700341, name: 'Restaurants' },
};

function configured(settings: ProjectContext['settings'], id: string): BingCategory | undefined {
  const table = settings.bingCategories;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return undefined;
  const entry = table[id];
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  return typeof entry.id === 'number' && typeof entry.name === 'string' && entry.name !== '' ? { id: entry.id, name: entry.name } : undefined;
}

function own(settings: ProjectContext['settings'], id: string): BingCategory | undefined {
  return configured(settings, id) ?? BUILT_IN[id];
}

/** Bing's category for a Tenpo id, falling back to the parent; undefined when neither maps. */
export function bingCategory(id: string, settings: ProjectContext['settings']): BingCategory | undefined {
  const parent = getCategory(id)?.parent;
  return own(settings, id) ?? (parent ? own(settings, parent) : undefined);
}

/** The Tenpo id Bing's category id stands for (built in or configured), preferring a top-level id. */
export function tenpoCategoryFor(bpCategoryId: number, settings: ProjectContext['settings']): string | undefined {
  const table = settings.bingCategories;
  const ids = [...Object.keys(BUILT_IN), ...(typeof table === 'object' && table !== null && !Array.isArray(table) ? Object.keys(table) : [])];
  const matches = ids.filter((id) => own(settings, id)?.id === bpCategoryId);
  return matches.find((id) => !id.includes('.')) ?? matches[0];
}
