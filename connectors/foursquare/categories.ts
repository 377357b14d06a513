/**
 * Tenpo category ids → Foursquare category ids (the 24-hex "BSON style" ids, which the suggest
 * endpoints accept alongside the newer integer ids). A Tenpo subcategory without its own entry
 * falls back to its parent. Ids marked "docs" appear in the Places API reference examples
 * (place-search, place-details, autocomplete responses); "list" ids, with their Foursquare names,
 * are in a public copy of the taxonomy's first two levels
 * (github.com/adviceinteractivegroup/foursquare_categories, index.js). The rest (ramen, karaoke
 * bar, gym, supermarket, doctor's and dentist's office) are deeper in the taxonomy
 * (docs.foursquare.com/data-products/docs/categories) and the first thing to re-check against it.
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
  'restaurant.french': '4bf58dd8d48988d10c941735', // list: "French Restaurant"
  'restaurant.indian': '4bf58dd8d48988d10f941735', // list: "Indian Restaurant"
  'restaurant.american': '4bf58dd8d48988d14e941735', // docs: "American Restaurant"
  'restaurant.pizza': '4bf58dd8d48988d1ca941735', // docs: "Pizzeria"
  'restaurant.fast_food': '4bf58dd8d48988d16e941735', // docs: "Fast Food Restaurant"
  'restaurant.hamburger': '4bf58dd8d48988d16c941735', // list: "Burger Joint"
  'restaurant.steak': '4bf58dd8d48988d1cc941735', // list: "Steakhouse"
  'restaurant.seafood': '4bf58dd8d48988d1ce941735', // list: "Seafood Restaurant"
  'restaurant.vegetarian': '4bf58dd8d48988d1d3941735', // list: "Vegetarian / Vegan Restaurant"
  'restaurant.buffet': '52e81612bcbc57f1066b79f4', // list: "Buffet"
  cafe: '4bf58dd8d48988d1e0931735', // docs: "Coffee Shop"
  bakery: '4bf58dd8d48988d16a941735', // docs: "Bakery"
  dessert_shop: '4bf58dd8d48988d1d0941735', // list: "Dessert Shop"
  post_office: '4bf58dd8d48988d172941735', // docs: "Post Office"
  bar: '4bf58dd8d48988d116941735', // list: "Bar"
  convenience_store: '4d954b0ea243a5684a65b473', // list: "Convenience Store"
  supermarket: '52f2ab2ebcbc57f1066b8b46',
  department_store: '4bf58dd8d48988d1f6941735', // list: "Department Store"
  shopping_mall: '4bf58dd8d48988d1fd941735', // list: "Shopping Mall"
  discount_store: '52dea92d3cf9994f4e043dbb', // list: "Discount Store"
  pharmacy: '4bf58dd8d48988d10f951735', // list: "Pharmacy"
  drugstore: '5745c2e4498e11e7bccabdbd', // list: "Drugstore"
  cosmetics_store: '4bf58dd8d48988d10c951735', // list: "Cosmetics Shop"
  clothing_store: '4bf58dd8d48988d103951735', // list: "Clothing Store"
  jewelry_store: '4bf58dd8d48988d111951735', // list: "Jewelry Store"
  optician: '4d954afda243a5684865b473', // list: "Optical Shop"
  electronics_store: '4bf58dd8d48988d122951735', // list: "Electronics Store"
  mobile_phone_store: '4f04afc02fb6e1c99f3db0bc', // list: "Mobile Phone Shop"
  furniture_store: '4bf58dd8d48988d1f8941735', // list: "Furniture / Home Store"
  home_improvement_store: '4bf58dd8d48988d112951735', // list: "Hardware Store"
  book_store: '4bf58dd8d48988d114951735', // list: "Bookstore"
  stationery_store: '52f2ab2ebcbc57f1066b8b21', // list: "Stationery Store"
  toy_store: '4bf58dd8d48988d1f3941735', // list: "Toy / Game Store"
  sporting_goods_store: '4bf58dd8d48988d1f2941735', // list: "Sporting Goods Shop"
  bicycle_store: '4bf58dd8d48988d115951735', // list: "Bike Shop"
  florist: '4bf58dd8d48988d11b951735', // list: "Flower Shop"
  pet_store: '4bf58dd8d48988d100951735', // list: "Pet Store"
  souvenir_store: '52f2ab2ebcbc57f1066b8b1b', // list: "Souvenir Shop"
  second_hand_store: '4bf58dd8d48988d101951735', // list: "Thrift / Vintage Store"
  hair_salon: '4bf58dd8d48988d110951735', // list: "Salon / Barbershop"
  barber_shop: '4bf58dd8d48988d110951735',
  nail_salon: '4f04aa0c2fb6e1c99f3db0b8', // list: "Nail Salon"
  massage: '52f2ab2ebcbc57f1066b8b3c', // list: "Massage Studio"
  dry_cleaner: '52f2ab2ebcbc57f1066b8b1d', // list: "Dry Cleaner"
  laundromat: '52f2ab2ebcbc57f1066b8b33', // list: "Laundromat"
  photo_studio: '554a5e17498efabeda6cc559', // list: "Photography Studio"
  print_shop: '52f2ab2ebcbc57f1066b8b28', // list: "Print Shop"
  car_dealer: '4eb1c1623b7b52c0e1adc2ec', // list: "Auto Dealership"
  car_wash: '4f04ae1f2fb6e1c99f3db0ba', // list: "Car Wash"
  car_rental: '4bf58dd8d48988d1ef941735', // list: "Rental Car Location"
  gas_station: '4bf58dd8d48988d113951735', // list: "Gas Station"
  ev_charging_station: '5032872391d4c4b30a586d64', // list: "EV Charging Station"
  parking_lot: '4c38df4de52ce0d596b336e1', // list: "Parking"
  bank: '4bf58dd8d48988d10a951735', // list: "Bank"
  atm: '52f2ab2ebcbc57f1066b8b56', // list: "ATM"
  insurance_agency: '58daa1558bbb0b01f18ec1f1', // list: "Insurance Office"
  real_estate_agency: '5032885091d4c4b30a586d66', // list: "Real Estate Office"
  travel_agency: '4f04b08c2fb6e1c99f3db0bd', // list: "Travel Agency"
  law_firm: '52f2ab2ebcbc57f1066b8b3f', // list: "Lawyer"
  hotel: '4bf58dd8d48988d1fa931735', // list: "Hotel"
  gym: '4bf58dd8d48988d175941735',
  clinic: '4bf58dd8d48988d177941735',
  dental_clinic: '4bf58dd8d48988d178941735',
  public_bath: '52e81612bcbc57f1066b7a27', // list: "Bath House"
  movie_theater: '4bf58dd8d48988d17f941735', // list: "Movie Theater"
  amusement_arcade: '4bf58dd8d48988d1e1931735', // list: "Arcade"
  karaoke: '4bf58dd8d48988d120941735',
  wedding_venue: '56aa371be4b08b9a8d5734c5', // list: "Wedding Hall"
  funeral_home: '4f4534884b9074f6e4fb0174', // list: "Funeral Home"
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
