import { getCategory } from '../../../src/locations/categories.ts';
import type { ConnectorManifest } from '../manifest.ts';

/** A Tenpo id and then its parents: a platform without the subcategory takes the parent. */
function lineage(id: string): string[] {
  const out: string[] = [];
  for (let c = getCategory(id); c; c = c.parent ? getCategory(c.parent) : undefined) out.push(c.id);
  return out.length > 0 ? out : [id];
}

/** Whether `id` is `scope` or one of its subcategories. */
export function withinCategory(id: string, scope: string): boolean {
  return lineage(id).includes(scope);
}

/** The platform's name or code for a Tenpo category, or null when it has none. */
export function platformCategory(manifest: ConnectorManifest, id: string): string | null {
  const rules = manifest.listing?.categories;
  if (rules?.map) {
    for (const candidate of lineage(id)) {
      const code = rules.map[candidate];
      if (code) return code;
    }
    return null;
  }
  const category = getCategory(id);
  if (!category) return null;
  return rules?.names === 'ja' ? category.ja : category.en;
}
