/**
 * Tenpo category ids → YOLP 業種コード (7 digits: 2 for the large class, 2 for the middle class,
 * 3 for the small one; the list is developer.yahoo.co.jp/webapi/map/openlocalplatform/genre.html).
 * Only 0115001 (カフェ) is confirmed by the Local Search API reference, which uses it as its `gc`
 * example; the other codes follow the list's layout (01 グルメ, 02 ショッピング, 03 レジャー, 04 暮らし,
 * 05 ビューティー, 06 病院, 07 宿泊, 08 教育) and are inferred (no public copy of the list was found
 * to check them against): check them against the genre list before going live. A Tenpo
 * subcategory without its own code falls back to its parent's.
 */
import { getCategory } from '../../src/locations/categories.ts';

const GENRES: Readonly<Record<string, string>> = {
  restaurant: '0101001',
  'restaurant.japanese': '0101001',
  'restaurant.sushi': '0101002',
  'restaurant.conveyor_belt_sushi': '0101003',
  'restaurant.soba': '0101005',
  'restaurant.udon': '0101006',
  'restaurant.tempura': '0101007',
  'restaurant.tonkatsu': '0101008',
  'restaurant.yakitori': '0101009',
  'restaurant.okonomiyaki': '0101013',
  'restaurant.gyudon': '0101016',
  'restaurant.ramen': '0107001',
  'restaurant.chinese': '0103001',
  'restaurant.korean': '0104002',
  'restaurant.yakiniku': '0105001',
  'restaurant.italian': '0102003',
  'restaurant.french': '0102002',
  'restaurant.fast_food': '0113001',
  'restaurant.hamburger': '0113002',
  'restaurant.family': '0114001',
  'restaurant.izakaya': '0110001',
  cafe: '0115001',
  bar: '0111001',
  bakery: '0116001',
  dessert_shop: '0117001',
  convenience_store: '0201001',
  supermarket: '0202001',
  drugstore: '0203001',
  department_store: '0204001',
  hair_salon: '0501001',
  barber_shop: '0501002',
  nail_salon: '0503001',
  clinic: '0601001',
  dental_clinic: '0602001',
  hotel: '0701001',
  'hotel.ryokan': '0702001',
  karaoke: '0301001',
  gym: '0305001',
  bank: '0401001',
  post_office: '0402001',
  cram_school: '0801001',
};

export function yahooGenreCode(tenpoId: string): string | undefined {
  const own = GENRES[tenpoId];
  if (own) return own;
  const parent = getCategory(tenpoId)?.parent;
  return parent ? GENRES[parent] : undefined;
}

/** The Tenpo category a genre code stands for: the first (most general) one mapped to it. */
export function tenpoCategoryForGenre(code: string): string | undefined {
  return Object.keys(GENRES).find((k) => GENRES[k] === code);
}
