import type { LocationData } from '../../src/locations/model.ts';

const JP_CITIES = [
  { region: '東京都', city: '港区', district: '赤坂四丁目', postal: '107-0052', area: '03' },
  { region: '東京都', city: '渋谷区', district: '道玄坂二丁目', postal: '150-0043', area: '03' },
  { region: '大阪府', city: '大阪市北区', district: '梅田一丁目', postal: '530-0001', area: '06' },
  { region: '愛知県', city: '名古屋市中村区', district: '名駅一丁目', postal: '450-0002', area: '052' },
  { region: '福岡県', city: '福岡市博多区', district: '博多駅前二丁目', postal: '812-0011', area: '092' },
  { region: '北海道', city: '札幌市中央区', district: '大通西四丁目', postal: '060-0042', area: '011' },
];

const OTHERS = [
  { country: 'US', region: 'NY', city: 'New York', postal: '10003', phone: (i: number) => `(212) 555-${String(100 + (i % 99)).padStart(4, '0')}` },
  { country: 'GB', region: 'England', city: 'London', postal: 'W1D 4PY', phone: (i: number) => `020 7946 ${String(i % 1000).padStart(4, '0')}` },
  { country: 'SG', region: null, city: 'Singapore', postal: '088542', phone: (i: number) => `6123 ${String(i % 10000).padStart(4, '0')}` },
];

const CATEGORIES = ['restaurant.ramen', 'cafe', 'convenience_store', 'bakery', 'drugstore'];

function jpPhone(area: string, i: number): string {
  const local = String(i % 10000).padStart(4, '0');
  return area.length === 2 ? `${area}-5${String(i % 1000).padStart(3, '0')}-${local}` : `${area}-5${String(i % 100).padStart(2, '0')}-${local}`;
}

/** A deterministic, varied, valid location: Japanese stores mostly, some abroad. */
export function generatedLocation(i: number, prefix = 'GEN'): LocationData {
  const storeCode = `${prefix}-${String(i).padStart(6, '0')}`;
  const abroad = i % 5 === 4 ? OTHERS[i % OTHERS.length]! : null;
  const jp = JP_CITIES[i % JP_CITIES.length]!;
  const weekday = { open: i % 2 ? '10:00' : '09:00', close: i % 3 ? '21:00' : '02:00' };
  return {
    storeCode,
    name: abroad ? `Tenpo ${abroad.city} #${i}` : `てんぽ ${jp.city}${i}号店`,
    localizedNames: abroad ? [] : [{ locale: 'en', name: `Tenpo ${i}` }],
    status: 'OPEN',
    statusDate: null,
    address: abroad
      ? { country: abroad.country, postalCode: abroad.postal, region: abroad.region, city: abroad.city, district: null, lines: [`${i} Main Street`], building: null }
      : { country: 'JP', postalCode: jp.postal, region: jp.region, city: jp.city, district: jp.district, lines: [`${(i % 20) + 1}番${(i % 9) + 1}号`], building: i % 4 === 0 ? `てんぽビル${(i % 8) + 1}F` : null },
    latitude: null,
    longitude: null,
    primaryPhone: abroad ? abroad.phone(i) : jpPhone(jp.area, i),
    additionalPhones: [],
    website: `https://tenpo.example/stores/${storeCode.toLowerCase()}`,
    socialProfiles: [],
    primaryCategory: CATEGORIES[i % CATEGORIES.length]!,
    additionalCategories: [],
    description: i % 3 === 0 ? `店舗${i}の説明, "人気店"` : null,
    labels: i % 2 === 0 ? ['chain', `wave-${i % 7}`] : [],
    regularHours: [
      { day: 'MONDAY', intervals: [weekday] },
      { day: 'TUESDAY', intervals: [weekday] },
      { day: 'WEDNESDAY', intervals: [weekday] },
      { day: 'FRIDAY', intervals: [weekday] },
      { day: 'SATURDAY', intervals: [{ open: '11:00', close: '15:00' }, { open: '17:00', close: '23:00' }] },
    ],
    specialHours: i % 10 === 0 ? [{ startDate: '2026-12-31', endDate: '2027-01-02', closed: true, intervals: [] }] : [],
    attributes: i % 2 ? [{ key: 'takeout', value: true }] : [],
    photos: [],
  };
}
