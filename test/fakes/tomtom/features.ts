/**
 * How the fake TomTom validates one feed feature: the GeoJSON, the Overture Places properties
 * and the OSM `opening_hours` value, every problem with its property path, a code and a message.
 */
export interface Issue {
  property: string;
  code: string;
  message: string;
}

/** Overture Places categories the fake knows (a subset of the Overture taxonomy). */
export const OVERTURE_CATEGORIES = new Set([
  'restaurant', 'japanese_restaurant', 'sushi_restaurant', 'noodles_restaurant', 'chinese_restaurant', 'korean_restaurant',
  'italian_restaurant', 'french_restaurant', 'indian_restaurant', 'thai_restaurant', 'vietnamese_restaurant', 'american_restaurant', 'pizza_restaurant',
  'burger_restaurant', 'fast_food_restaurant', 'steakhouse', 'seafood_restaurant', 'vegetarian_restaurant', 'buffet_restaurant', 'cafe', 'bar', 'wine_bar',
  'pub', 'bakery', 'desserts', 'patisserie_cake_shop', 'japanese_confectionery_shop', 'ice_cream_shop', 'liquor_store', 'convenience_store', 'supermarket',
  'grocery_store', 'department_store', 'shopping_center', 'discount_store', 'drugstore', 'pharmacy', 'cosmetic_and_beauty_supplies', 'clothing_store',
  "men's_clothing_store", "women's_clothing_store", "children's_clothing_store", 'shoe_store', 'jewelry_store', 'eyewear_and_optician', 'electronics',
  'mobile_phone_store', 'furniture_store', 'home_goods_store', 'home_improvement_store', 'hardware_store', 'bookstore', 'cards_and_stationery_store',
  'toy_store', 'sporting_goods', 'bicycle_shop', 'florist', 'pet_store', 'souvenir_shop', 'thrift_store', 'hair_salon', 'barber', 'beauty_salon',
  'nail_salon', 'eyelash_service', 'massage', 'dry_cleaning', 'laundromat', 'printing_services', 'mobile_phone_repair', 'car_dealer', 'automotive_repair',
  'car_wash', 'car_rental_agency', 'tire_shop', 'gas_station', 'ev_charging_station', 'parking', 'bank_credit_union', 'atms', 'post_office',
  'insurance_agency', 'real_estate_agent', 'travel_agents', 'lawyer', 'accountant', 'doctor', 'internal_medicine', 'pediatrician', 'dermatologist',
  'ophthalmologist', 'orthopedist', 'dentist', 'hospital', 'veterinarian', 'chiropractor', 'acupuncture', 'hotel', 'ryokan', 'hostel', 'gym', 'yoga_studio',
  'public_bath_houses', 'karaoke', 'cinema', 'arcade', 'tutoring_center', 'language_school', 'driving_school', 'music_school', 'preschool',
  'funeral_services_and_cemeteries',
]);

const STATUSES = new Set(['open', 'temporarily_closed', 'permanently_closed']);
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d|24:00';
const RANGES = `(?:${TIME})-(?:${TIME})(?:,(?:${TIME})-(?:${TIME}))*`;
const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAYS = `${DAY}(?:-${DAY})?(?:,${DAY}(?:-${DAY})?)*`;
const DATE = '\\d{4} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{2}';
const RULE = new RegExp(`^(?:${DAYS} ${RANGES}|${DATE}(?:-${DATE})? (?:${RANGES}|off))$`);

type J = Record<string, unknown>;
const obj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
const chars = (s: string) => [...s].length;

export function featureIssues(f: unknown): Issue[] {
  const out: Issue[] = [];
  const bad = (property: string, code: string, message: string) => out.push({ property, code, message });
  if (!obj(f) || f.type !== 'Feature') return [{ property: '', code: 'NOT_A_FEATURE', message: 'not a GeoJSON Feature' }];
  if (typeof f.id !== 'string' || f.id === '') bad('id', 'MISSING_VALUE', 'id (the source record id) is required');
  const g = f.geometry;
  const c = obj(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
  if (!c || c.length !== 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
    bad('geometry', 'INVALID_GEOMETRY', 'geometry must be a Point [longitude, latitude]');
  }
  const p = obj(f.properties) ? f.properties : {};
  const names = obj(p.names) ? p.names : {};
  if (typeof names.primary !== 'string' || names.primary.trim() === '') bad('properties.names.primary', 'MISSING_VALUE', 'names.primary is required');
  else if (chars(names.primary) > 100) bad('properties.names.primary', 'VALUE_TOO_LONG', 'names.primary is longer than 100 characters');
  if (names.common !== undefined && !(obj(names.common) && Object.values(names.common).every((n) => typeof n === 'string'))) bad('properties.names.common', 'INVALID_VALUE', 'names.common maps languages to names');
  const cat = obj(p.categories) ? p.categories : {};
  if (typeof cat.primary !== 'string' || !OVERTURE_CATEGORIES.has(cat.primary)) bad('properties.categories.primary', 'UNKNOWN_CATEGORY', `unknown category ${String(cat.primary)}`);
  if (cat.alternate !== undefined && !(Array.isArray(cat.alternate) && cat.alternate.length <= 4 && cat.alternate.every((a) => typeof a === 'string' && OVERTURE_CATEGORIES.has(a)))) {
    bad('properties.categories.alternate', 'UNKNOWN_CATEGORY', 'alternate categories must be at most 4 known categories');
  }
  if (typeof p.operating_status !== 'string' || !STATUSES.has(p.operating_status)) bad('properties.operating_status', 'INVALID_VALUE', 'operating_status must be open, temporarily_closed or permanently_closed');
  if (p.opening_date !== undefined && !(typeof p.opening_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.opening_date))) bad('properties.opening_date', 'INVALID_VALUE', 'opening_date must be YYYY-MM-DD');
  const addresses = Array.isArray(p.addresses) ? p.addresses : [];
  const a = obj(addresses[0]) ? addresses[0] : {};
  if (typeof a.country !== 'string' || !/^[A-Z]{2}$/.test(a.country)) bad('properties.addresses[0].country', 'INVALID_VALUE', 'country must be ISO 3166-1 alpha-2');
  if (a.region !== undefined && !(typeof a.region === 'string' && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(a.region))) bad('properties.addresses[0].region', 'INVALID_VALUE', 'region must be an ISO 3166-2 code');
  const phones = Array.isArray(p.phones) ? p.phones : [];
  phones.forEach((ph, i) => {
    if (typeof ph !== 'string' || !/^\+[1-9]\d{6,14}$/.test(ph)) bad(`properties.phones[${i}]`, 'INVALID_PHONE', 'phones must be E.164');
  });
  for (const [key, list] of [['websites', p.websites], ['socials', p.socials]] as const) {
    (Array.isArray(list) ? list : []).forEach((u, i) => {
      if (typeof u !== 'string' || !/^https?:\/\/\S+$/i.test(u)) bad(`properties.${key}[${i}]`, 'INVALID_URL', `${key} must be http(s) URLs`);
    });
  }
  if (typeof p.description === 'string' && chars(p.description) > 1000) bad('properties.description', 'VALUE_TOO_LONG', 'description is longer than 1000 characters');
  if (p.opening_hours !== undefined && !(typeof p.opening_hours === 'string' && p.opening_hours.split('; ').every((r) => RULE.test(r)))) {
    bad('properties.opening_hours', 'INVALID_OPENING_HOURS', 'opening_hours is not valid OSM opening_hours syntax');
  }
  return out;
}
