/**
 * Tenpo's address as an Overture Places address: `freeform` (the street address), `locality`,
 * `postcode`, `region` (an ISO 3166-2 code such as "JP-13"), `country` (alpha-2). A Japanese
 * address is written large to small without spaces: district, then the street lines, so
 * "赤坂四丁目３番２号"; the building follows after a space. A region Tenpo holds as a name that
 * is not a Japanese prefecture has no code to give and is left out: TomTom places the store by
 * its coordinates and reads the region from its own map.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';

const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県',
  '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県',
  '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県',
  '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

/** ISO 3166-2 code of the region, when Tenpo's value is one or names a Japanese prefecture. */
export function regionCode(country: string, region: string | null): string | undefined {
  const r = region?.trim() ?? '';
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(r)) return r;
  if (/^[A-Z0-9]{1,3}$/.test(r)) return `${country}-${r}`;
  const jp = country === 'JP' ? PREFECTURES.indexOf(r) : -1;
  return jp >= 0 ? `JP-${String(jp + 1).padStart(2, '0')}` : undefined;
}

export function projectAddress(address: Address): JsonObject {
  const lines = address.lines.map((l) => l.trim()).filter((l) => l !== '');
  const street = address.country === 'JP' ? [address.district ?? '', ...lines].join('') : [...lines, address.district ?? ''].filter((l) => l !== '').join(', ');
  const freeform = [street, address.building?.trim() ?? ''].filter((p) => p !== '').join(' ');
  const out: JsonObject = { country: address.country };
  if (freeform !== '') out.freeform = freeform;
  if (address.city) out.locality = address.city.trim();
  if (address.postalCode) out.postcode = address.postalCode.trim();
  const region = regionCode(address.country, address.region);
  if (region) out.region = region;
  return out;
}
