import { describe, expect, test } from 'vitest';
import { ATTRIBUTES, getAttributeDefinition } from '../../src/locations/attributes.ts';
import { CATEGORIES, getCategory, isKnownCategory } from '../../src/locations/categories.ts';

describe('categories', () => {
  test('about a hundred, unique lower_snake ids, one level of parents that exist', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(90);
    expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) {
      expect(c.id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/);
      expect(c.en.trim()).not.toBe('');
      expect(c.ja.trim()).not.toBe('');
      if (c.parent === null) {
        expect(c.id).not.toContain('.');
      } else {
        expect(c.id.startsWith(`${c.parent}.`)).toBe(true);
        expect(getCategory(c.parent)?.parent).toBeNull();
      }
    }
  });

  test.each(['restaurant', 'restaurant.ramen', 'restaurant.sushi', 'restaurant.izakaya', 'cafe', 'bakery', 'convenience_store', 'supermarket', 'drugstore', 'pharmacy', 'clothing_store', 'shoe_store', 'electronics_store', 'furniture_store', 'hair_salon', 'beauty_salon', 'nail_salon', 'hotel', 'gas_station', 'car_dealer', 'bank', 'atm', 'gym', 'dental_clinic', 'clinic', 'real_estate_agency'])(
    '%s is known',
    (id) => expect(isKnownCategory(id)).toBe(true),
  );

  test('lookups', () => {
    expect(getCategory('restaurant.ramen')).toEqual({ id: 'restaurant.ramen', en: 'Ramen restaurant', ja: 'ラーメン店', parent: 'restaurant' });
    expect(isKnownCategory('ramen')).toBe(false);
    expect(getCategory('toString')).toBeUndefined();
  });
});

describe('attributes', () => {
  test('unique keys; enum kinds have unique values, others none', () => {
    expect(ATTRIBUTES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ATTRIBUTES.map((a) => a.key)).size).toBe(ATTRIBUTES.length);
    for (const a of ATTRIBUTES) {
      expect(a.key).toMatch(/^[a-z][a-z0-9_]*$/);
      if (a.kind === 'ENUM' || a.kind === 'ENUM_LIST') {
        expect(a.values?.length).toBeGreaterThan(1);
        expect(new Set(a.values).size).toBe(a.values?.length);
      } else {
        expect(a.values).toBeUndefined();
      }
    }
  });

  test('lookups', () => {
    expect(getAttributeDefinition('payment_methods')?.values).toContain('ic_card');
    expect(getAttributeDefinition('tax_free')).toMatchObject({ kind: 'BOOLEAN', ja: '免税対応' });
    expect(getAttributeDefinition('nope')).toBeUndefined();
  });
});
