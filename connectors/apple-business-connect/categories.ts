/**
 * Tenpo category → Apple Business category. Apple's location categories are dotted lower-case
 * ids (`food.desserts`, `food.gelato`, `health.dietitians` in Apple's own create-location
 * examples); Apple publishes the full taxonomy only to approved API partners, so every id below
 * follows that pattern but is inferred, not checked against the list (see the manifest's
 * factsInferred). A Tenpo subcategory without an entry falls back to its parent; a category with
 * neither is a problem the user fixes (rules.ts). Apple's first category is the primary one.
 */
import { getCategory } from '../../src/locations/categories.ts';

export const APPLE_CATEGORY_BY_TENPO: Readonly<Record<string, string>> = {
  restaurant: 'food.restaurants',
  'restaurant.japanese': 'food.japanese',
  'restaurant.sushi': 'food.sushi',
  'restaurant.ramen': 'food.ramen',
  'restaurant.chinese': 'food.chinese',
  'restaurant.korean': 'food.korean',
  'restaurant.italian': 'food.italian',
  'restaurant.french': 'food.french',
  'restaurant.indian': 'food.indian',
  'restaurant.thai': 'food.thai',
  'restaurant.vietnamese': 'food.vietnamese',
  'restaurant.pizza': 'food.pizza',
  'restaurant.hamburger': 'food.burgers',
  'restaurant.fast_food': 'food.fast_food',
  'restaurant.steak': 'food.steakhouses',
  'restaurant.seafood': 'food.seafood',
  'restaurant.vegetarian': 'food.vegetarian',
  cafe: 'food.cafes',
  bar: 'nightlife.bars',
  bakery: 'food.bakeries',
  dessert_shop: 'food.desserts',
  'dessert_shop.ice_cream': 'food.ice_cream',
  convenience_store: 'shopping.convenience_stores',
  supermarket: 'shopping.grocery_stores',
  grocery_store: 'shopping.grocery_stores',
  department_store: 'shopping.department_stores',
  drugstore: 'shopping.drugstores',
  pharmacy: 'health.pharmacies',
  clothing_store: 'shopping.clothing',
  shoe_store: 'shopping.shoes',
  electronics_store: 'shopping.electronics',
  book_store: 'shopping.bookstores',
  florist: 'shopping.florists',
  hair_salon: 'beauty.hair_salons',
  barber_shop: 'beauty.barbers',
  nail_salon: 'beauty.nail_salons',
  gym: 'fitness.gyms',
  hotel: 'travel.hotels',
  bank: 'finance.banks',
  clinic: 'health.medical_centers',
  dental_clinic: 'health.dentists',
  hospital: 'health.hospitals',
  veterinarian: 'pets.veterinarians',
  gas_station: 'automotive.gas_stations',
  parking_lot: 'automotive.parking',
  car_repair: 'automotive.auto_repair',
};

/** Apple's category for a Tenpo id, falling back to the parent; undefined when neither maps. */
export function appleCategory(id: string): string | undefined {
  const own = APPLE_CATEGORY_BY_TENPO[id];
  if (own) return own;
  const parent = getCategory(id)?.parent;
  return parent ? APPLE_CATEGORY_BY_TENPO[parent] : undefined;
}

/** The Tenpo id for an Apple category (the most general one when several map to it), or undefined. */
export function tenpoCategoryFor(apple: string): string | undefined {
  const ids = Object.keys(APPLE_CATEGORY_BY_TENPO).filter((id) => APPLE_CATEGORY_BY_TENPO[id] === apple);
  return ids.find((id) => !id.includes('.')) ?? ids[0];
}
