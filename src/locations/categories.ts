/**
 * Tenpo's business categories. Ids are stable API values: connectors map each one to a
 * platform taxonomy (Google gcid, Apple, Yahoo! Japan, ...), so an id names one kind of
 * business that every platform has an equivalent for, never a marketing grouping. A dotted id
 * is a subcategory; platforms without the subcategory fall back to the parent.
 */
import type { FieldError } from './model.ts';
import { fieldError } from './text.ts';

export interface Category {
  id: string;
  en: string;
  ja: string;
  parent: string | null;
}

export const categoryLimits = {
  additionalCategoriesMax: 9,
} as const;

type Entry = readonly [id: string, en: string, ja: string];

const top = (entries: Entry[]): Category[] => entries.map(([id, en, ja]) => Object.freeze({ id, en, ja, parent: null }));
const under = (parent: string, entries: Entry[]): Category[] =>
  entries.map(([id, en, ja]) => Object.freeze({ id: `${parent}.${id}`, en, ja, parent }));

export const CATEGORIES: readonly Category[] = Object.freeze([
  ...top([['restaurant', 'Restaurant', 'レストラン']]),
  ...under('restaurant', [
    ['japanese', 'Japanese restaurant', '和食店'],
    ['sushi', 'Sushi restaurant', '寿司店'],
    ['conveyor_belt_sushi', 'Conveyor belt sushi restaurant', '回転寿司店'],
    ['ramen', 'Ramen restaurant', 'ラーメン店'],
    ['udon', 'Udon noodle restaurant', 'うどん店'],
    ['soba', 'Soba noodle restaurant', 'そば店'],
    ['izakaya', 'Izakaya', '居酒屋'],
    ['yakiniku', 'Yakiniku restaurant', '焼肉店'],
    ['yakitori', 'Yakitori restaurant', '焼き鳥店'],
    ['tonkatsu', 'Tonkatsu restaurant', 'とんかつ店'],
    ['tempura', 'Tempura restaurant', '天ぷら店'],
    ['okonomiyaki', 'Okonomiyaki restaurant', 'お好み焼き店'],
    ['gyudon', 'Gyudon restaurant', '牛丼店'],
    ['shabu_shabu', 'Shabu-shabu restaurant', 'しゃぶしゃぶ店'],
    ['japanese_curry', 'Japanese curry restaurant', 'カレー店'],
    ['chinese', 'Chinese restaurant', '中華料理店'],
    ['korean', 'Korean restaurant', '韓国料理店'],
    ['italian', 'Italian restaurant', 'イタリア料理店'],
    ['french', 'French restaurant', 'フランス料理店'],
    ['indian', 'Indian restaurant', 'インド料理店'],
    ['thai', 'Thai restaurant', 'タイ料理店'],
    ['vietnamese', 'Vietnamese restaurant', 'ベトナム料理店'],
    ['american', 'American restaurant', 'アメリカ料理店'],
    ['pizza', 'Pizza restaurant', 'ピザ店'],
    ['hamburger', 'Hamburger restaurant', 'ハンバーガー店'],
    ['fast_food', 'Fast food restaurant', 'ファストフード店'],
    ['family', 'Family restaurant', 'ファミリーレストラン'],
    ['steak', 'Steak house', 'ステーキハウス'],
    ['seafood', 'Seafood restaurant', '海鮮料理店'],
    ['vegetarian', 'Vegetarian restaurant', 'ベジタリアン料理店'],
    ['buffet', 'Buffet restaurant', 'ビュッフェ'],
  ]),
  ...top([
    ['cafe', 'Cafe', 'カフェ'],
    ['bar', 'Bar', 'バー'],
  ]),
  ...under('bar', [
    ['wine_bar', 'Wine bar', 'ワインバー'],
    ['pub', 'Pub', 'パブ'],
  ]),
  ...top([
    ['bakery', 'Bakery', 'パン屋'],
    ['dessert_shop', 'Dessert shop', 'スイーツ店'],
  ]),
  ...under('dessert_shop', [
    ['cake_shop', 'Cake shop', 'ケーキ店'],
    ['wagashi', 'Japanese confectionery shop', '和菓子店'],
    ['ice_cream', 'Ice cream shop', 'アイスクリーム店'],
  ]),
  ...top([
    ['liquor_store', 'Liquor store', '酒店'],
    ['convenience_store', 'Convenience store', 'コンビニエンスストア'],
    ['supermarket', 'Supermarket', 'スーパーマーケット'],
    ['grocery_store', 'Grocery store', '食料品店'],
    ['department_store', 'Department store', '百貨店'],
    ['shopping_mall', 'Shopping mall', 'ショッピングモール'],
    ['discount_store', 'Discount store', 'ディスカウントストア'],
    ['hundred_yen_store', '100 yen store', '100円ショップ'],
    ['drugstore', 'Drugstore', 'ドラッグストア'],
    ['pharmacy', 'Pharmacy', '調剤薬局'],
    ['cosmetics_store', 'Cosmetics store', '化粧品店'],
    ['clothing_store', 'Clothing store', '衣料品店'],
  ]),
  ...under('clothing_store', [
    ['mens', "Men's clothing store", '紳士服店'],
    ['womens', "Women's clothing store", '婦人服店'],
    ['childrens', "Children's clothing store", '子供服店'],
    ['kimono', 'Kimono store', '呉服店'],
  ]),
  ...top([
    ['shoe_store', 'Shoe store', '靴店'],
    ['jewelry_store', 'Jewelry store', '宝飾店'],
    ['optician', 'Optician', '眼鏡店'],
    ['electronics_store', 'Electronics store', '家電量販店'],
    ['mobile_phone_store', 'Mobile phone store', '携帯電話ショップ'],
    ['furniture_store', 'Furniture store', '家具店'],
    ['home_goods_store', 'Home goods store', '生活雑貨店'],
    ['home_improvement_store', 'Home improvement store', 'ホームセンター'],
    ['book_store', 'Book store', '書店'],
    ['stationery_store', 'Stationery store', '文房具店'],
    ['toy_store', 'Toy store', 'おもちゃ屋'],
    ['sporting_goods_store', 'Sporting goods store', 'スポーツ用品店'],
    ['bicycle_store', 'Bicycle store', '自転車店'],
    ['florist', 'Florist', '花屋'],
    ['pet_store', 'Pet store', 'ペットショップ'],
    ['souvenir_store', 'Souvenir store', 'お土産店'],
    ['second_hand_store', 'Second-hand store', 'リサイクルショップ'],
    ['hair_salon', 'Hair salon', '美容院'],
    ['barber_shop', 'Barber shop', '理容室'],
    ['beauty_salon', 'Beauty salon', 'エステサロン'],
    ['nail_salon', 'Nail salon', 'ネイルサロン'],
    ['eyelash_salon', 'Eyelash salon', 'まつげエクステサロン'],
    ['massage', 'Massage and relaxation salon', 'リラクゼーションサロン'],
    ['dry_cleaner', 'Dry cleaner', 'クリーニング店'],
    ['laundromat', 'Laundromat', 'コインランドリー'],
    ['photo_studio', 'Photo studio', '写真館'],
    ['print_shop', 'Print shop', '印刷店'],
    ['phone_repair_shop', 'Phone repair shop', 'スマートフォン修理店'],
    ['car_dealer', 'Car dealer', '自動車販売店'],
    ['car_repair', 'Car repair shop', '自動車整備工場'],
    ['car_wash', 'Car wash', '洗車場'],
    ['car_rental', 'Car rental agency', 'レンタカー'],
    ['tire_shop', 'Tire shop', 'タイヤ販売店'],
    ['gas_station', 'Gas station', 'ガソリンスタンド'],
    ['ev_charging_station', 'EV charging station', 'EV充電スタンド'],
    ['parking_lot', 'Parking lot', '駐車場'],
    ['bank', 'Bank', '銀行'],
    ['atm', 'ATM', 'ATM'],
    ['post_office', 'Post office', '郵便局'],
    ['insurance_agency', 'Insurance agency', '保険代理店'],
    ['real_estate_agency', 'Real estate agency', '不動産会社'],
    ['travel_agency', 'Travel agency', '旅行代理店'],
    ['law_firm', 'Law firm', '法律事務所'],
    ['accounting_firm', 'Accounting firm', '会計事務所'],
    ['clinic', 'Medical clinic', 'クリニック'],
  ]),
  ...under('clinic', [
    ['internal_medicine', 'Internal medicine clinic', '内科'],
    ['pediatrics', 'Pediatric clinic', '小児科'],
    ['dermatology', 'Dermatology clinic', '皮膚科'],
    ['ophthalmology', 'Eye clinic', '眼科'],
    ['orthopedics', 'Orthopedic clinic', '整形外科'],
  ]),
  ...top([
    ['dental_clinic', 'Dental clinic', '歯科医院'],
    ['hospital', 'Hospital', '病院'],
    ['veterinarian', 'Veterinarian', '動物病院'],
    ['chiropractor', 'Chiropractor', '整体院'],
    ['acupuncture_clinic', 'Acupuncture clinic', '鍼灸院'],
    ['hotel', 'Hotel', 'ホテル'],
  ]),
  ...under('hotel', [
    ['business', 'Business hotel', 'ビジネスホテル'],
    ['ryokan', 'Ryokan', '旅館'],
    ['capsule', 'Capsule hotel', 'カプセルホテル'],
  ]),
  ...top([
    ['hostel', 'Hostel', 'ホステル'],
    ['gym', 'Gym', 'フィットネスジム'],
    ['yoga_studio', 'Yoga studio', 'ヨガスタジオ'],
    ['public_bath', 'Public bath', '銭湯・温浴施設'],
    ['karaoke', 'Karaoke', 'カラオケ'],
    ['movie_theater', 'Movie theater', '映画館'],
    ['amusement_arcade', 'Amusement arcade', 'ゲームセンター'],
    ['cram_school', 'Cram school', '学習塾'],
    ['language_school', 'Language school', '語学学校'],
    ['driving_school', 'Driving school', '自動車教習所'],
    ['music_school', 'Music school', '音楽教室'],
    ['nursery_school', 'Nursery school', '保育園'],
    ['wedding_venue', 'Wedding venue', '結婚式場'],
    ['funeral_home', 'Funeral home', '葬儀場'],
  ]),
]);

const BY_ID: ReadonlyMap<string, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));

export function getCategory(id: string): Category | undefined {
  return BY_ID.get(id);
}

export function isKnownCategory(id: string): boolean {
  return BY_ID.has(id);
}

function unknownMessage(id: string): string {
  return `Unknown category "${id.slice(0, 60)}"; use an id from the category list, e.g. restaurant.ramen`;
}

/**
 * Validates the primary and additional categories (ids are trimmed, otherwise exact).
 * `primary` is null when it already failed its shape check; it is then neither checked nor
 * compared with the additional categories.
 */
export function checkCategories(
  primary: string | null,
  additional: string[],
  errors: FieldError[],
): { primaryCategory: string | null; additionalCategories: string[] } {
  const primaryCategory = primary?.trim() ?? null;
  if (primaryCategory === '') errors.push(fieldError('INVALID_INPUT', ['primaryCategory'], 'Primary category is required'));
  else if (primaryCategory !== null && !isKnownCategory(primaryCategory)) errors.push(fieldError('UNKNOWN_CATEGORY', ['primaryCategory'], unknownMessage(primaryCategory)));

  if (additional.length > categoryLimits.additionalCategoriesMax) {
    errors.push(fieldError('INVALID_INPUT', ['additionalCategories'], `At most ${categoryLimits.additionalCategoriesMax} additional categories are allowed (got ${additional.length})`));
  }
  const seen = new Set<string>();
  const additionalCategories = additional.map((raw, i) => {
    const id = raw.trim();
    const path = ['additionalCategories', String(i)];
    if (!isKnownCategory(id)) errors.push(fieldError('UNKNOWN_CATEGORY', path, unknownMessage(id)));
    else if (id === primaryCategory) errors.push(fieldError('INVALID_INPUT', path, `"${id}" is already the primary category`));
    else if (seen.has(id)) errors.push(fieldError('INVALID_INPUT', path, `"${id}" is listed twice`));
    seen.add(id);
    return id;
  });
  return { primaryCategory, additionalCategories };
}
