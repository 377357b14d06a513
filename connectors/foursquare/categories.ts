/**
 * Tenpo category ids → Foursquare category ids (the 24-hex "BSON style" ids, which the suggest
 * endpoints accept alongside the newer integer ids). A Tenpo subcategory without its own entry
 * falls back to its parent. Ids marked "docs" appear in the Places API reference examples
 * (place-search, place-details, autocomplete responses); the others are the long-standing ids of
 * the Foursquare category taxonomy (docs.foursquare.com/data-products/docs/categories) and are
 * the first thing to re-check against the taxonomy file.
 */
import { getCategory } from '../../src/locations/categories.ts';

const MAP: Readonly<Record<string, string>> = {
  restaurant: '4d4b7105d754a06374d81259', // docs: "Restaurant"
  'restaurant.japanese': '4bf58dd8d48988d111941735', // docs: "Japanese Restaurant"
  'restaurant.sushi': '4bf58dd8d48988d1d2941735', // docs: "Sushi Restaurant"
  'restaurant.conveyor_belt_sushi': '4bf58dd8d48988d1d2941735',
  'restaurant.ramen': '55a59bace4b013909087cb24',
  'restaurant.chinese': '4bf58dd8d48988d145941735', // docs: "Chinese Restaurant"
  'restaurant.italian': '4bf58dd8d48988d110941735', // docs: "Italian Restaurant"
  'restaurant.american': '4bf58dd8d48988d14e941735', // docs: "American Restaurant"
  'restaurant.pizza': '4bf58dd8d48988d1ca941735', // docs: "Pizzeria"
  'restaurant.fast_food': '4bf58dd8d48988d16e941735', // docs: "Fast Food Restaurant"
  'restaurant.hamburger': '4bf58dd8d48988d16e941735',
  cafe: '4bf58dd8d48988d1e0931735', // docs: "Coffee Shop"
  bakery: '4bf58dd8d48988d16a941735', // docs: "Bakery"
  post_office: '4bf58dd8d48988d172941735', // docs: "Post Office"
  bar: '4bf58dd8d48988d116941735',
  convenience_store: '4d954b0ea243a5684a65b473',
  supermarket: '52f2ab2ebcbc57f1066b8b46',
  pharmacy: '4bf58dd8d48988d10f951735',
  drugstore: '4bf58dd8d48988d10f951735',
  hair_salon: '4bf58dd8d48988d110951735',
  barber_shop: '4bf58dd8d48988d110951735',
  bank: '4bf58dd8d48988d10a951735',
  hotel: '4bf58dd8d48988d1fa931735',
  gym: '4bf58dd8d48988d175941735',
  clinic: '4bf58dd8d48988d177941735',
  dental_clinic: '4bf58dd8d48988d178941735',
  movie_theater: '4bf58dd8d48988d17f941735',
  gas_station: '4bf58dd8d48988d113951735',
  parking_lot: '4c38df4de52ce0d596b336e1',
  karaoke: '4bf58dd8d48988d120941735',
};

/** The Foursquare category id for a Tenpo category (or its parent), or undefined when there is none. */
export function foursquareCategoryId(tenpoId: string): string | undefined {
  const own = MAP[tenpoId];
  if (own) return own;
  const parent = getCategory(tenpoId)?.parent;
  return parent ? MAP[parent] : undefined;
}

/** The Tenpo category for a Foursquare id: the first (most general) Tenpo id mapped to it. */
export function tenpoCategoryFor(foursquareId: string): string | undefined {
  return Object.keys(MAP).find((k) => MAP[k] === foursquareId);
}
