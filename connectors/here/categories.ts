/**
 * Tenpo category ids → HERE Places category ids ("100-1000-0000": level 1-level 2-level 3), the
 * ids HERE Geocoding & Search returns in `categories[].id` and takes in `categories=` filters.
 * HERE's system has no cuisine level (cuisines are separate "food types"), so a restaurant
 * subcategory without its own line falls back to its parent, restaurant. A Tenpo id with no HERE
 * equivalent here is refused before delivery (rules.ts) rather than filed under a wrong category.
 */
import { getCategory } from '../../src/locations/categories.ts';

const HERE_CATEGORIES: Readonly<Record<string, string>> = {
  restaurant: '100-1000-0000',
  'restaurant.fast_food': '100-1000-0009',
  'restaurant.hamburger': '100-1000-0009',
  'restaurant.family': '100-1000-0050',
  cafe: '100-1100-0010',
  bar: '200-2000-0011',
  'bar.pub': '200-2000-0011',
  bakery: '600-6300-0244',
  dessert_shop: '600-6300-0245',
  liquor_store: '600-6300-0068',
  convenience_store: '600-6000-0061',
  supermarket: '600-6300-0066',
  grocery_store: '600-6300-0066',
  department_store: '600-6200-0063',
  shopping_mall: '600-6100-0062',
  discount_store: '600-6900-0100',
  hundred_yen_store: '600-6900-0102',
  drugstore: '600-6400-0069',
  pharmacy: '600-6400-0070',
  cosmetics_store: '600-6950-0000',
  clothing_store: '600-6800-0000',
  'clothing_store.mens': '600-6800-0089',
  'clothing_store.womens': '600-6800-0090',
  'clothing_store.childrens': '600-6800-0091',
  shoe_store: '600-6800-0092',
  jewelry_store: '600-6900-0356',
  optician: '800-8000-0161',
  electronics_store: '600-6500-0072',
  mobile_phone_store: '600-6500-0073',
  furniture_store: '600-6600-0080',
  home_goods_store: '600-6600-0078',
  home_improvement_store: '600-6600-0077',
  book_store: '600-6700-0087',
  stationery_store: '600-6900-0095',
  toy_store: '600-6900-0358',
  sporting_goods_store: '600-6900-0094',
  bicycle_store: '600-6900-0246',
  florist: '600-6900-0355',
  pet_store: '600-6900-0097',
  souvenir_store: '600-6900-0103',
  second_hand_store: '600-6900-0251',
  hair_salon: '600-6950-0401',
  barber_shop: '600-6950-0399',
  beauty_salon: '600-6950-0000',
  nail_salon: '600-6950-0400',
  eyelash_salon: '600-6950-0000',
  massage: '700-7400-0292',
  dry_cleaner: '700-7400-0137',
  laundromat: '700-7400-0137',
  photo_studio: '700-7400-0144',
  print_shop: '700-7200-0276',
  phone_repair_shop: '600-6500-0074',
  car_dealer: '700-7800-0118',
  car_repair: '700-7850-0122',
  car_wash: '700-7850-0121',
  car_rental: '700-7851-0117',
  tire_shop: '700-7850-0125',
  gas_station: '700-7600-0116',
  ev_charging_station: '700-7600-0322',
  parking_lot: '800-8500-0178',
  bank: '700-7000-0107',
  atm: '700-7010-0108',
  post_office: '700-7450-0114',
  insurance_agency: '700-7200-0271',
  real_estate_agency: '700-7400-0145',
  travel_agency: '700-7400-0133',
  law_firm: '700-7400-0138',
  accounting_firm: '700-7400-0150',
  clinic: '800-8000-0158',
  dental_clinic: '800-8000-0154',
  hospital: '800-8000-0159',
  veterinarian: '800-8000-0162',
  chiropractor: '800-8000-0341',
  acupuncture_clinic: '800-8000-0158',
  hotel: '500-5000-0053',
  'hotel.ryokan': '500-5100-0061',
  hostel: '500-5100-0055',
  gym: '800-8600-0191',
  yoga_studio: '800-8600-0191',
  karaoke: '200-2000-0014',
  movie_theater: '200-2100-0019',
  amusement_arcade: '200-2000-0017',
  cram_school: '800-8200-0360',
  language_school: '800-8200-0362',
  driving_school: '800-8200-0295',
  music_school: '800-8200-0361',
  nursery_school: '700-7400-0286',
  wedding_venue: '700-7400-0284',
  funeral_home: '700-7400-0142',
  // public_bath: HERE's "Hot Spring" (300-3000-0450) is a landmark, not a sentō; no equivalent.
};

/** The HERE category id for a Tenpo id, its parent's when the id has none; undefined when neither maps. */
export function hereCategoryId(tenpoId: string): string | undefined {
  const own = HERE_CATEGORIES[tenpoId];
  if (own) return own;
  const parent = getCategory(tenpoId)?.parent;
  return parent ? HERE_CATEGORIES[parent] : undefined;
}

/** The Tenpo id a HERE category stands for, when exactly one top-level Tenpo id maps to it. */
export function tenpoCategoryFor(hereId: string): string | undefined {
  const ids = Object.entries(HERE_CATEGORIES).filter(([, v]) => v === hereId).map(([k]) => k);
  const top = ids.filter((id) => !id.includes('.'));
  return top.length === 1 ? top[0] : ids.length === 1 ? ids[0] : undefined;
}
