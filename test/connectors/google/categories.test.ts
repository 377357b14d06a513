/** The Tenpo → Google category table covers the whole vocabulary and reads back. */
import { describe, expect, it } from 'vitest';
import { GCID_BY_CATEGORY, googleCategoryName, tenpoCategoryFor } from '../../../connectors/google/categories.ts';
import { CATEGORIES } from '../../../src/locations/categories.ts';

describe('Google categories', () => {
  it('maps every Tenpo category to a gcid of its own, and nothing else', () => {
    const ids = CATEGORIES.map((c) => c.id);
    expect(ids.filter((id) => !GCID_BY_CATEGORY[id])).toEqual([]);
    expect(Object.keys(GCID_BY_CATEGORY).filter((id) => !ids.includes(id))).toEqual([]);
    for (const gcid of Object.values(GCID_BY_CATEGORY)) expect(gcid).toMatch(/^gcid:[a-z0-9_]+$/);
  });

  it('writes category resource names and reads them back to the same Tenpo category', () => {
    expect(googleCategoryName('restaurant.gyudon')).toBe('categories/gcid:beef_rice_bowl_restaurant');
    expect(googleCategoryName('unknown')).toBeUndefined();
    const counts = new Map<string, number>();
    for (const gcid of Object.values(GCID_BY_CATEGORY)) counts.set(gcid, (counts.get(gcid) ?? 0) + 1);
    for (const { id } of CATEGORIES) {
      const name = googleCategoryName(id) as string;
      if (counts.get(name.slice('categories/'.length)) === 1) expect(tenpoCategoryFor(name)).toBe(id);
    }
    // A subcategory that falls back to its parent's gcid reads back as the parent.
    expect(tenpoCategoryFor('categories/gcid:hotel')).toBe('hotel');
    expect(tenpoCategoryFor('gcid:ramen_restaurant')).toBe('restaurant.ramen');
    expect(tenpoCategoryFor('categories/gcid:space_station')).toBeUndefined();
  });
});
