/**
 * Tenpo category → Google Business Profile category (gcid). Ids were checked against a dump of
 * Google's `categories.list` (regionCode GB, English names: the Google names differ by region,
 * the ids do not); the few not in that dump are marked, with what they were checked against.
 * Google sends and takes the resource name `categories/gcid:...`.
 */
import { CATEGORIES, getCategory } from '../../src/locations/categories.ts';

export const GCID_BY_CATEGORY: Readonly<Record<string, string>> = {
  restaurant: 'gcid:restaurant',
  'restaurant.japanese': 'gcid:japanese_restaurant',
  'restaurant.sushi': 'gcid:sushi_restaurant',
  // Google's id for "Conveyor belt sushi restaurant" (回転寿司) is casual_sushi_restaurant.
  'restaurant.conveyor_belt_sushi': 'gcid:casual_sushi_restaurant',
  'restaurant.ramen': 'gcid:ramen_restaurant',
  'restaurant.udon': 'gcid:udon_noodle_shop',
  'restaurant.soba': 'gcid:soba_noodle_shop',
  'restaurant.izakaya': 'gcid:japanese_izakaya_restaurant',
  'restaurant.yakiniku': 'gcid:yakiniku_restaurant',
  'restaurant.yakitori': 'gcid:yakitori_restaurant',
  'restaurant.tonkatsu': 'gcid:tonkatsu_restaurant',
  'restaurant.tempura': 'gcid:tempura_dish_restaurant',
  'restaurant.okonomiyaki': 'gcid:okonomiyaki_restaurant',
  // "Gyudon restaurant" in Google's names.
  'restaurant.gyudon': 'gcid:beef_rice_bowl_restaurant',
  'restaurant.shabu_shabu': 'gcid:shabu_shabu_restaurant',
  'restaurant.japanese_curry': 'gcid:japanese_curry_restaurant',
  'restaurant.chinese': 'gcid:chinese_restaurant',
  'restaurant.korean': 'gcid:korean_restaurant',
  'restaurant.italian': 'gcid:italian_restaurant',
  'restaurant.french': 'gcid:french_restaurant',
  'restaurant.indian': 'gcid:indian_restaurant',
  'restaurant.thai': 'gcid:thai_restaurant',
  'restaurant.vietnamese': 'gcid:vietnamese_restaurant',
  'restaurant.american': 'gcid:american_restaurant',
  'restaurant.pizza': 'gcid:pizza_restaurant',
  'restaurant.hamburger': 'gcid:hamburger_restaurant',
  'restaurant.fast_food': 'gcid:fast_food_restaurant',
  'restaurant.family': 'gcid:family_restaurant',
  'restaurant.steak': 'gcid:steak_house',
  'restaurant.seafood': 'gcid:seafood_restaurant',
  'restaurant.vegetarian': 'gcid:vegetarian_restaurant',
  'restaurant.buffet': 'gcid:buffet_restaurant',
  cafe: 'gcid:cafe',
  bar: 'gcid:bar',
  'bar.wine_bar': 'gcid:wine_bar',
  'bar.pub': 'gcid:pub',
  bakery: 'gcid:bakery',
  dessert_shop: 'gcid:dessert_shop',
  'dessert_shop.cake_shop': 'gcid:cake_shop',
  'dessert_shop.wagashi': 'gcid:japanese_confectionery_shop',
  'dessert_shop.ice_cream': 'gcid:ice_cream_shop',
  liquor_store: 'gcid:liquor_store',
  convenience_store: 'gcid:convenience_store',
  supermarket: 'gcid:supermarket',
  // Not in the GB dump; used as gcid:grocery_store by several published GBP integrations.
  grocery_store: 'gcid:grocery_store',
  department_store: 'gcid:department_store',
  // Google's "Shopping mall" (US name) / "Shopping Centre" (GB name).
  shopping_mall: 'gcid:shopping_center',
  discount_store: 'gcid:discount_store',
  // The single-price store ("Dollar store" US, "Pound shop" GB); Japan's 100円ショップ is its local form.
  hundred_yen_store: 'gcid:dollar_store',
  drugstore: 'gcid:drugstore',
  pharmacy: 'gcid:pharmacy',
  cosmetics_store: 'gcid:cosmetics_store',
  clothing_store: 'gcid:clothing_store',
  'clothing_store.mens': 'gcid:mens_clothing_store',
  'clothing_store.womens': 'gcid:womens_clothing_store',
  'clothing_store.childrens': 'gcid:childrens_clothing_store',
  'clothing_store.kimono': 'gcid:kimono_store',
  shoe_store: 'gcid:shoe_store',
  jewelry_store: 'gcid:jewelry_store',
  optician: 'gcid:optician',
  electronics_store: 'gcid:electronics_store',
  mobile_phone_store: 'gcid:cell_phone_store',
  furniture_store: 'gcid:furniture_store',
  home_goods_store: 'gcid:home_goods_store',
  home_improvement_store: 'gcid:home_improvement_store',
  book_store: 'gcid:book_store',
  stationery_store: 'gcid:stationery_store',
  toy_store: 'gcid:toy_store',
  sporting_goods_store: 'gcid:sporting_goods_store',
  bicycle_store: 'gcid:bicycle_store',
  florist: 'gcid:florist',
  pet_store: 'gcid:pet_store',
  souvenir_store: 'gcid:souvenir_store',
  second_hand_store: 'gcid:second_hand_shop',
  hair_salon: 'gcid:hair_salon',
  barber_shop: 'gcid:barber_shop',
  // エステサロン: Google's generic beauty salon; gcid:facial_spa is the narrower alternative.
  beauty_salon: 'gcid:beauty_salon',
  nail_salon: 'gcid:nail_salon',
  eyelash_salon: 'gcid:eyelash_salon',
  massage: 'gcid:massage_spa',
  dry_cleaner: 'gcid:dry_cleaner',
  laundromat: 'gcid:laundromat',
  photo_studio: 'gcid:photography_studio',
  print_shop: 'gcid:print_shop',
  phone_repair_shop: 'gcid:mobile_phone_repair_shop',
  car_dealer: 'gcid:car_dealer',
  car_repair: 'gcid:auto_repair_shop',
  car_wash: 'gcid:car_wash',
  car_rental: 'gcid:car_rental_agency',
  tire_shop: 'gcid:tire_shop',
  gas_station: 'gcid:gas_station',
  ev_charging_station: 'gcid:electric_vehicle_charging_station',
  parking_lot: 'gcid:parking_lot',
  bank: 'gcid:bank',
  atm: 'gcid:atm',
  post_office: 'gcid:post_office',
  insurance_agency: 'gcid:insurance_agency',
  real_estate_agency: 'gcid:real_estate_agency',
  travel_agency: 'gcid:travel_agency',
  law_firm: 'gcid:law_firm',
  accounting_firm: 'gcid:accounting_firm',
  clinic: 'gcid:medical_clinic',
  'clinic.internal_medicine': 'gcid:internist',
  'clinic.pediatrics': 'gcid:pediatric_clinic',
  'clinic.dermatology': 'gcid:dermatologist',
  'clinic.ophthalmology': 'gcid:ophthalmology_clinic',
  'clinic.orthopedics': 'gcid:orthopedic_clinic',
  dental_clinic: 'gcid:dental_clinic',
  hospital: 'gcid:hospital',
  veterinarian: 'gcid:veterinarian',
  chiropractor: 'gcid:chiropractor',
  acupuncture_clinic: 'gcid:acupuncture_clinic',
  hotel: 'gcid:hotel',
  // No verified business-hotel id: falls back to the parent, as categories.ts prescribes.
  'hotel.business': 'gcid:hotel',
  // Not in the GB dump; `japanese_inn` is the Places API type Google derives from this category.
  'hotel.ryokan': 'gcid:japanese_inn',
  'hotel.capsule': 'gcid:capsule_hotel',
  hostel: 'gcid:hostel',
  gym: 'gcid:gym',
  yoga_studio: 'gcid:yoga_studio',
  public_bath: 'gcid:public_bath',
  // Not in the GB dump; `karaoke` is the Places API type for karaoke boxes (カラオケ).
  karaoke: 'gcid:karaoke',
  movie_theater: 'gcid:movie_theater',
  amusement_arcade: 'gcid:video_arcade',
  cram_school: 'gcid:cramming_school',
  language_school: 'gcid:language_school',
  driving_school: 'gcid:driving_school',
  music_school: 'gcid:music_school',
  nursery_school: 'gcid:nursery_school',
  wedding_venue: 'gcid:wedding_venue',
  funeral_home: 'gcid:funeral_home',
};

/**
 * Tenpo categories Google does not list. Empty on purpose: Google's eligibility guidelines
 * (support.google.com/business/answer/13763036) exclude business *situations* (rentals, lead
 * generation, online-only), not categories, and name ATMs as an explicit exception that is allowed.
 */
export const EXCLUDED_CATEGORIES: ReadonlySet<string> = new Set<string>();

const CATEGORY_PREFIX = 'categories/';

/** `categories/gcid:...` for a Tenpo category (or its parent's), or undefined when unmapped. */
export function googleCategoryName(categoryId: string): string | undefined {
  const own = GCID_BY_CATEGORY[categoryId];
  if (own) return CATEGORY_PREFIX + own;
  const parent = getCategory(categoryId)?.parent;
  const inherited = parent ? GCID_BY_CATEGORY[parent] : undefined;
  return inherited ? CATEGORY_PREFIX + inherited : undefined;
}

// Several Tenpo ids can share a gcid (a fallback to the parent); the first in vocabulary order,
// which lists parents before their children, is the one a Google category comes back as.
const CATEGORY_BY_GCID: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const { id } of CATEGORIES) {
    const gcid = GCID_BY_CATEGORY[id];
    if (gcid && !map.has(gcid)) map.set(gcid, id);
  }
  return map;
})();

/** The Tenpo category for a Google category name (`categories/gcid:...` or `gcid:...`). */
export function tenpoCategoryFor(googleName: string): string | undefined {
  const gcid = googleName.startsWith(CATEGORY_PREFIX) ? googleName.slice(CATEGORY_PREFIX.length) : googleName;
  return CATEGORY_BY_GCID.get(gcid);
}
