/**
 * Tenpo category → Apple Business Connect location category. Apple publishes its category list
 * only to API partners; the ids below are all in the list a public client carries
 * (github.com/DeveloperMarius/apple-business-connect-api, src/models/AppleCategory.php), whose
 * recorded API answer echoes `"categories": ["food.desserts", "food.gelato", "health.dietitians"]`
 * from the same list. That list has no generic restaurant (cuisines are `restaurants.<cuisine>`),
 * so `restaurant` itself is unmapped. The Apple Ads Platform API's BusinessCategory `qualifiedId`
 * (`dining.restaurant`) is a different, newer namespace and is not what `categories` takes.
 * Apple has announced a larger taxonomy: check these ids against the partner list before going live.
 * A Tenpo subcategory without an entry falls back to its parent; a category with neither is a
 * problem the user fixes (rules.ts). Apple's first category is the primary one.
 */
import { getCategory } from '../../src/locations/categories.ts';

export const APPLE_CATEGORY_BY_TENPO: Readonly<Record<string, string>> = {
  'restaurant.japanese': 'restaurants.japanese',
  'restaurant.sushi': 'restaurants.sushi',
  'restaurant.conveyor_belt_sushi': 'restaurants.japanese.conveyorsushi',
  'restaurant.ramen': 'restaurants.japanese.ramen',
  'restaurant.udon': 'restaurants.japanese.udon',
  'restaurant.soba': 'restaurants.japanese.soba',
  'restaurant.izakaya': 'restaurants.japanese.izakaya',
  'restaurant.yakiniku': 'restaurants.japanese.yakiniku',
  'restaurant.yakitori': 'restaurants.japanese.yakitori',
  'restaurant.tonkatsu': 'restaurants.japanese.tonkatsu',
  'restaurant.tempura': 'restaurants.japanese.tempura',
  'restaurant.okonomiyaki': 'restaurants.japanese.okonomiyaki',
  'restaurant.gyudon': 'restaurants.japanese.donburi.gyudon',
  'restaurant.shabu_shabu': 'restaurants.japanese.shabushabu',
  'restaurant.japanese_curry': 'restaurants.japanese.curry',
  'restaurant.chinese': 'restaurants.chinese',
  'restaurant.korean': 'restaurants.korean',
  'restaurant.italian': 'restaurants.italian',
  'restaurant.french': 'restaurants.french',
  'restaurant.indian': 'restaurants.indian',
  'restaurant.thai': 'restaurants.thai',
  'restaurant.vietnamese': 'restaurants.vietnamese',
  'restaurant.american': 'restaurants.tradamerican',
  'restaurant.pizza': 'restaurants.pizza',
  'restaurant.hamburger': 'restaurants.burgers',
  // "Fast Food" in Apple's list, despite the id.
  'restaurant.fast_food': 'restaurants.hotdogs',
  'restaurant.family': 'restaurants.japanese.familyrestaurants',
  'restaurant.steak': 'restaurants.steak',
  'restaurant.seafood': 'restaurants.seafood',
  'restaurant.vegetarian': 'restaurants.vegetarian',
  'restaurant.buffet': 'restaurants.buffets',
  cafe: 'restaurants.cafes',
  bar: 'nightlife.bars',
  'bar.wine_bar': 'nightlife.bars.wine_bars',
  'bar.pub': 'nightlife.bars.pubs',
  bakery: 'food.bakeries',
  dessert_shop: 'food.desserts',
  'dessert_shop.cake_shop': 'food.cakeshop',
  'dessert_shop.wagashi': 'food.jpsweets',
  'dessert_shop.ice_cream': 'food.icecream',
  liquor_store: 'food.beer_and_wine',
  convenience_store: 'food.convenience',
  supermarket: 'food.grocery.supermarket',
  grocery_store: 'food.grocery',
  department_store: 'shopping.deptstores',
  shopping_mall: 'shopping.shoppingcenters',
  discount_store: 'shopping.discountstore',
  hundred_yen_store: 'shopping.discountstore.dollarstore',
  drugstore: 'shopping.drugstores',
  pharmacy: 'health.pharmacy',
  cosmetics_store: 'shopping.cosmetics',
  clothing_store: 'shopping.fashion',
  'clothing_store.mens': 'shopping.fashion.menscloth',
  'clothing_store.womens': 'shopping.fashion.womenscloth',
  'clothing_store.childrens': 'shopping.fashion.childcloth',
  'clothing_store.kimono': 'shopping.fashion.kimonos',
  shoe_store: 'shopping.fashion.shoes',
  jewelry_store: 'shopping.jewelry',
  optician: 'shopping.opticians',
  electronics_store: 'shopping.electronics',
  mobile_phone_store: 'shopping.mobilephones',
  furniture_store: 'shopping.homeandgarden.furniture',
  // "Home Goods Store" in Apple's list.
  home_goods_store: 'shopping.homeandgarden.kitchenandbath',
  home_improvement_store: 'shopping.homeandgarden.hardware',
  book_store: 'shopping.media.bookstores',
  stationery_store: 'shopping.artsandcrafts.artsandcrafts_stationery',
  toy_store: 'shopping.toys',
  sporting_goods_store: 'shopping.sportgoods',
  bicycle_store: 'shopping.sportgoods.bikes',
  florist: 'shopping.flowers.florists',
  pet_store: 'pets.petstore',
  souvenir_store: 'shopping.souvenirs',
  second_hand_store: 'shopping.thrift_stores',
  hair_salon: 'beautysvc.hair',
  barber_shop: 'beautysvc.barbers',
  beauty_salon: 'beautysvc.skincare',
  // "Nail Salon" in Apple's list.
  nail_salon: 'beautysvc.othersalons',
  eyelash_salon: 'beautysvc.eyelashservice',
  massage: 'beautysvc.massage',
  dry_cleaner: 'localservices.drycleaninglaundry.drycleaning',
  laundromat: 'localservices.drycleaninglaundry.laundromat',
  print_shop: 'localservices.copyshops',
  phone_repair_shop: 'localservices.itservices.mobilephonerepair',
  car_dealer: 'auto.car_dealers',
  car_repair: 'auto.autorepair',
  car_wash: 'auto.carwash',
  car_rental: 'hotelstravel.carrental',
  tire_shop: 'auto.tires',
  gas_station: 'auto.servicestations.gasstations',
  ev_charging_station: 'auto.evcharger',
  parking_lot: 'auto.parking',
  bank: 'financialservices.banks',
  atm: 'financialservices.atm',
  post_office: 'publicservicesgovt.postoffices',
  insurance_agency: 'financialservices.insurance',
  real_estate_agency: 'realestate.realestateagents',
  travel_agency: 'hotelstravel.travelservices.travelagents',
  law_firm: 'professional.lawyers',
  accounting_firm: 'professional.accountants',
  clinic: 'health.clinic',
  'clinic.internal_medicine': 'health.physicians.internalmed',
  'clinic.pediatrics': 'health.physicians.pediatricians',
  'clinic.dermatology': 'health.physicians.dermatology',
  'clinic.ophthalmology': 'health.physicians.opthamalogists',
  'clinic.orthopedics': 'health.physicians.orthopedists',
  dental_clinic: 'health.dentists',
  hospital: 'health.hospitals',
  veterinarian: 'pets.vet',
  chiropractor: 'health.chiropractors',
  acupuncture_clinic: 'health.acupuncture',
  hotel: 'hotelstravel.hotels',
  'hotel.business': 'hotelstravel.hotels.businesshotels',
  'hotel.ryokan': 'hotelstravel.hotels.ryokan',
  'hotel.capsule': 'hotelstravel.hotels.capsulehotel',
  hostel: 'hotelstravel.hostels',
  gym: 'active.fitness.gyms',
  yoga_studio: 'active.fitness.yoga',
  karaoke: 'nightlife.karaoke',
  movie_theater: 'arts.movietheaters',
  amusement_arcade: 'arts.arcades',
  cram_school: 'education.tutoring',
  language_school: 'education.specialtyschools.language_schools',
  driving_school: 'education.specialtyschools.driving_schools',
  nursery_school: 'education.preschools',
  wedding_venue: 'eventservices.venues',
  funeral_home: 'localservices.funeralservices',
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
