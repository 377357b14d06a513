/**
 * Deterministic, varied store data for the benchmark: Japanese chains across prefectures plus
 * international branches, with phones that are real number ranges for their country, hours,
 * labels, attributes, photos and localized names. Row i is always the same row, so the seed,
 * the CSV and a re-run of the benchmark all see the same data.
 */
import type { Attribute, DayHours, LocationData, LocationStatus, SpecialHours, Weekday } from '../src/locations/model.ts';
import { seededRandom } from './random.ts';

/** The name_<locale> columns the CSV needs besides ja and en (see writeLocationCsv options.locales). */
export const EXTRA_LOCALES = ['zh-Hant', 'ko'] as const;

type Rng = () => number;


const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const some = <T>(rng: Rng, items: readonly T[], max: number): T[] => items.filter(() => rng() < max / items.length);

interface Area {
  country: string;
  code: string;
  region: string | null;
  city: string;
  districts: readonly string[];
  postal: (rng: Rng) => string;
  /** Written as typed in store lists: national format in Japan, E.164 elsewhere. */
  phone: (rng: Rng) => string;
  lat: number;
  lng: number;
  group: string;
}

// Subscriber ranges were checked against libphonenumber's full metadata (all valid).
const jp = (region: string, city: string, code: string, districts: string[], zip: string, phone: (rng: Rng) => string, lat: number, lng: number, group: string): Area => ({
  country: 'JP', code, region, city, districts, postal: (rng) => `${zip}-${digits(rng, 4)}`, phone, lat, lng, group,
});
const tokyo = (rng: Rng) => `03-${pick(rng, ['3', '5', '6'])}${digits(rng, 3)}-${digits(rng, 4)}`;
const area3 = (prefix: string) => (rng: Rng) => `${prefix}-${digits(rng, 3)}-${digits(rng, 4)}`;

const AREAS: readonly Area[] = [
  jp('東京都', '港区', 'TKY', ['赤坂四丁目', '六本木六丁目', '新橋二丁目'], '107', tokyo, 35.6727, 139.7365, '関東'),
  jp('東京都', '新宿区', 'SJK', ['西新宿一丁目', '歌舞伎町一丁目', '高田馬場三丁目'], '160', tokyo, 35.6896, 139.7006, '関東'),
  jp('東京都', '渋谷区', 'SBY', ['道玄坂二丁目', '神宮前四丁目', '恵比寿南一丁目'], '150', tokyo, 35.658, 139.7016, '関東'),
  jp('神奈川県', '横浜市西区', 'YOK', ['みなとみらい二丁目', '南幸一丁目'], '220', (rng) => `045-2${digits(rng, 2)}-${digits(rng, 4)}`, 35.4658, 139.6223, '関東'),
  jp('大阪府', '大阪市北区', 'OSA', ['梅田一丁目', '曽根崎二丁目'], '530', (rng) => `06-6${digits(rng, 3)}-${digits(rng, 4)}`, 34.7025, 135.4959, '関西'),
  jp('大阪府', '大阪市中央区', 'NMB', ['難波三丁目', '心斎橋筋二丁目'], '542', (rng) => `06-6${digits(rng, 3)}-${digits(rng, 4)}`, 34.6687, 135.5013, '関西'),
  jp('京都府', '京都市下京区', 'KYT', ['四条通', '烏丸通'], '600', area3('075'), 35.0036, 135.7594, '関西'),
  jp('兵庫県', '神戸市中央区', 'KOB', ['三宮町一丁目', '元町通二丁目'], '650', (rng) => `078-3${digits(rng, 2)}-${digits(rng, 4)}`, 34.6913, 135.1955, '関西'),
  jp('愛知県', '名古屋市中村区', 'NGY', ['名駅一丁目', '椿町'], '450', (rng) => `052-2${digits(rng, 2)}-${digits(rng, 4)}`, 35.1709, 136.8815, '中部'),
  jp('北海道', '札幌市中央区', 'SPK', ['大通西四丁目', '北五条西二丁目'], '060', (rng) => `011-2${digits(rng, 2)}-${digits(rng, 4)}`, 43.0621, 141.3544, '北海道'),
  jp('宮城県', '仙台市青葉区', 'SND', ['中央一丁目', '一番町三丁目'], '980', (rng) => `022-2${digits(rng, 2)}-${digits(rng, 4)}`, 38.2601, 140.8824, '東北'),
  jp('広島県', '広島市中区', 'HIJ', ['紙屋町一丁目', '八丁堀'], '730', (rng) => `082-2${digits(rng, 2)}-${digits(rng, 4)}`, 34.3955, 132.4596, '中国'),
  jp('福岡県', '福岡市博多区', 'FUK', ['博多駅前二丁目', '中洲三丁目'], '812', (rng) => `092-7${digits(rng, 2)}-${digits(rng, 4)}`, 33.5902, 130.4207, '九州'),
  jp('沖縄県', '那覇市', 'OKA', ['久茂地三丁目', '牧志一丁目'], '900', (rng) => `098-8${digits(rng, 2)}-${digits(rng, 4)}`, 26.2124, 127.6809, '沖縄'),
];

const intl = (country: string, code: string, region: string | null, city: string, districts: string[], postal: (rng: Rng) => string, phone: (rng: Rng) => string, lat: number, lng: number): Area => ({
  country, code, region, city, districts, postal, phone, lat, lng, group: 'International',
});
const nanp = (areaCode: string) => (rng: Rng) => `+1${areaCode}${2 + Math.floor(rng() * 8)}${digits(rng, 6)}`;

const INTERNATIONAL: readonly Area[] = [
  intl('US', 'NYC', 'NY', 'New York', ['East Village', 'Midtown'], (rng) => `100${digits(rng, 2)}`, nanp('212'), 40.7265, -73.9815),
  intl('US', 'SFO', 'CA', 'San Francisco', ['Japantown', 'SoMa'], (rng) => `941${digits(rng, 2)}`, nanp('415'), 37.7851, -122.4294),
  intl('CA', 'YTO', 'ON', 'Toronto', ['Downtown'], (rng) => pick(rng, ['M5V 2T6', 'M5B 2H1', 'M4W 1A8']), nanp('416'), 43.6532, -79.3832),
  intl('GB', 'LON', 'England', 'London', ['Soho', 'Shoreditch'], (rng) => pick(rng, ['W1D 4PY', 'EC2A 4NE', 'SW1A 1AA']), (rng) => `+44207946${digits(rng, 4)}`, 51.5136, -0.1319),
  intl('SG', 'SIN', null, 'Singapore', ['Tanjong Pagar', 'Orchard'], (rng) => `0${digits(rng, 5)}`, (rng) => `+656${pick(rng, [1, 2, 3, 4, 5, 7, 8])}${digits(rng, 6)}`, 1.2765, 103.8458),
  intl('TW', 'TPE', '臺北市', '大安區', ['忠孝東路四段'], (rng) => pick(rng, ['106', '10617']), (rng) => `+88622${digits(rng, 7)}`, 25.0418, 121.5440),
  intl('KR', 'SEL', '서울특별시', '강남구', ['역삼동'], (rng) => `06${digits(rng, 3)}`, (rng) => `+8222${digits(rng, 7)}`, 37.4979, 127.0276),
  intl('FR', 'PAR', 'Île-de-France', 'Paris', ['1er arrondissement'], () => '75001', (rng) => `+3314${digits(rng, 7)}`, 48.8606, 2.3376),
  intl('DE', 'BER', 'Berlin', 'Berlin', ['Mitte'], () => '10115', (rng) => `+49302${digits(rng, 6)}`, 52.532, 13.3849),
  intl('AU', 'SYD', 'NSW', 'Sydney', ['CBD'], () => '2000', (rng) => `+6129${digits(rng, 7)}`, -33.8688, 151.2093),
];

interface Brand {
  ja: string;
  en: string;
  zh: string;
  ko: string;
  category: string;
  extra: readonly string[];
  hours: readonly HoursProfile[];
}

type HoursProfile = 'standard' | 'lunchDinner' | 'lateNight' | 'allDay' | 'office' | 'none';

const BRANDS: readonly Brand[] = [
  { ja: '麺処てんぽ', en: 'Menya Tenpo', zh: '天保拉麵', ko: '멘야 텐포', category: 'restaurant.ramen', extra: ['restaurant.japanese'], hours: ['lunchDinner', 'lateNight'] },
  { ja: 'てんぽ珈琲', en: 'Tenpo Coffee', zh: '天保咖啡', ko: '텐포 커피', category: 'cafe', extra: ['bakery', 'dessert_shop.cake_shop'], hours: ['standard'] },
  { ja: 'ドラッグてんぽ', en: 'Drug Tenpo', zh: '天保藥妝', ko: '드러그 텐포', category: 'drugstore', extra: ['pharmacy', 'cosmetics_store'], hours: ['standard', 'allDay'] },
  { ja: '焼肉てんぽ', en: 'Yakiniku Tenpo', zh: '天保燒肉', ko: '야키니쿠 텐포', category: 'restaurant.yakiniku', extra: ['restaurant.korean'], hours: ['lunchDinner', 'lateNight'] },
  { ja: 'てんぽ眼鏡', en: 'Tenpo Optical', zh: '天保眼鏡', ko: '텐포 안경', category: 'optician', extra: [], hours: ['standard', 'office'] },
  { ja: 'ホテルてんぽ', en: 'Hotel Tenpo', zh: '天保酒店', ko: '호텔 텐포', category: 'hotel.business', extra: ['restaurant'], hours: ['allDay', 'none'] },
];

const EVERY_DAY: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const WEEKDAYS = EVERY_DAY.slice(0, 5);
const days = (list: readonly Weekday[], intervals: [string, string][]): DayHours[] =>
  list.map((day) => ({ day, intervals: intervals.map(([open, close]) => ({ open, close })) }));

function regularHours(profile: HoursProfile): DayHours[] {
  switch (profile) {
    case 'standard':
      return days(EVERY_DAY, [['10:00', '21:00']]);
    case 'lunchDinner':
      return [...days(WEEKDAYS, [['11:00', '15:00'], ['17:00', '23:00']]), ...days(['SATURDAY'], [['11:00', '23:00']])];
    case 'lateNight': // closes past midnight: exercises the overnight interval rules
      return days(EVERY_DAY, [['17:00', '02:00']]);
    case 'allDay':
      return days(EVERY_DAY, [['00:00', '24:00']]);
    case 'office':
      return days(WEEKDAYS, [['09:00', '18:00']]);
    case 'none':
      return [];
  }
}

const NEW_YEAR: SpecialHours = { startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] };
const OBON: SpecialHours = { startDate: '2026-08-15', endDate: '2026-08-15', closed: false, intervals: [{ open: '12:00', close: '18:00' }] };

const JP_LABELS = ['駅近', '深夜営業', '駐車場あり', '免税店', '新店舗', 'フランチャイズ'] as const;
const INTL_LABELS = ['downtown', 'airport', 'franchise', 'new-opening'] as const;
const JP_PAYMENTS = ['cash', 'credit_card', 'ic_card', 'e_money', 'qr_paypay', 'qr_rakuten_pay'] as const;
const INTL_PAYMENTS = ['cash', 'credit_card', 'debit_card', 'apple_pay', 'google_pay'] as const;
const DESCRIPTIONS = [
  '駅から徒歩3分。深夜2時まで営業しています。',
  '季節限定メニューあり、テイクアウト可。\nご予約はお電話で承ります。',
  'Free Wi-Fi, power outlets at every seat. "Quiet hours" after 20:00.',
  null,
] as const;

function attributes(rng: Rng, japan: boolean, brand: Brand, website: string): Attribute[] {
  const payments = some(rng, japan ? JP_PAYMENTS : INTL_PAYMENTS, 3);
  const list: Attribute[] = [
    { key: 'payment_methods', value: payments.length > 0 ? payments : ['cash'] },
    { key: 'wifi', value: pick(rng, ['free', 'none']) },
    { key: 'takeout', value: rng() < 0.6 },
  ];
  if (japan && rng() < 0.5) list.push({ key: 'languages_spoken', value: rng() < 0.5 ? ['ja', 'en'] : ['ja', 'en', 'zh', 'ko'] });
  if (brand.category.startsWith('restaurant')) list.push({ key: 'reservation_url', value: `${website}/reserve` });
  return list;
}

/** Row i of the data set: a complete location and its groups. */
export function benchLocation(i: number): { data: LocationData; groups: string[] } {
  const rng = seededRandom(i * 2654435761 + 1);
  const japan = rng() < 0.85;
  const area = pick(rng, japan ? AREAS : INTERNATIONAL);
  const brand = pick(rng, BRANDS);
  const district = pick(rng, area.districts);
  const storeCode = `${area.country}-${area.code}-${String(i).padStart(7, '0')}`;
  const website = `https://tenpo.example/stores/${storeCode.toLowerCase()}`;
  const statusRoll = rng();
  const status: LocationStatus =
    statusRoll < 0.9 ? 'OPEN' : statusRoll < 0.94 ? 'CLOSED_TEMPORARILY' : statusRoll < 0.97 ? 'OPENING_SOON' : 'CLOSED_PERMANENTLY';
  const localizedNames = [{ locale: japan ? 'en' : 'ja', name: japan ? `${brand.en} ${area.code} ${i}` : `${brand.ja} ${area.city}店` }];
  if (rng() < 0.2) localizedNames.push({ locale: 'zh-Hant', name: `${brand.zh} ${district}` }, { locale: 'ko', name: `${brand.ko} ${i}` });
  const description = pick(rng, DESCRIPTIONS);
  const data: LocationData = {
    storeCode,
    name: japan ? `${brand.ja} ${district.replace(/[一二三四五六]丁目$/u, '')}店` : `${brand.en} ${district} ${i}`,
    localizedNames,
    status,
    statusDate: status === 'CLOSED_TEMPORARILY' ? '2027-03-01' : status === 'OPENING_SOON' ? '2027-04-15' : null,
    address: {
      country: area.country,
      postalCode: area.postal(rng),
      region: area.region,
      city: area.city,
      district,
      lines: japan ? [`${1 + Math.floor(rng() * 30)}番${1 + Math.floor(rng() * 20)}号`] : [`${1 + Math.floor(rng() * 400)} Main Street`],
      building: rng() < 0.4 ? (japan ? `てんぽビル${1 + Math.floor(rng() * 9)}F` : `Suite ${100 + Math.floor(rng() * 900)}`) : null,
    },
    latitude: Number((area.lat + (rng() - 0.5) * 0.05).toFixed(6)),
    longitude: Number((area.lng + (rng() - 0.5) * 0.05).toFixed(6)),
    primaryPhone: area.phone(rng),
    additionalPhones: japan && rng() < 0.3 ? [`0120-${digits(rng, 3)}-${digits(rng, 3)}`] : [],
    website,
    socialProfiles: rng() < 0.5 ? [{ network: 'INSTAGRAM', url: `https://www.instagram.com/tenpo_${i}` }, ...(japan ? [{ network: 'LINE' as const, url: `https://lin.ee/tenpo${i}` }] : [])] : [],
    primaryCategory: brand.category,
    additionalCategories: some(rng, brand.extra, 1),
    description,
    labels: some(rng, japan ? JP_LABELS : INTL_LABELS, 2),
    regularHours: regularHours(pick(rng, brand.hours)),
    specialHours: japan && rng() < 0.5 ? [NEW_YEAR, ...(rng() < 0.3 ? [OBON] : [])] : [],
    attributes: attributes(rng, japan, brand, website),
    photos: rng() < 0.5 ? [{ url: `https://cdn.tenpo.example/${storeCode}/front.jpg`, kind: 'EXTERIOR', caption: japan ? '外観' : 'Storefront' }] : [],
  };
  return { data, groups: [area.group, ...(rng() < 0.1 ? ['旗艦店'] : [])] };
}

export function* benchLocations(count: number, from = 0): Generator<{ data: LocationData; groups: string[] }> {
  for (let i = from; i < from + count; i++) yield benchLocation(i);
}
