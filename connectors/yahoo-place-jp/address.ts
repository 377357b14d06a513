/**
 * Tenpo's address as a Yahoo!プレイス address: 郵便番号 "107-0052", 都道府県 (Tenpo's region),
 * 市区町村 (city), 町域・丁目 (district), 番地・号 (the street lines), and the building, each
 * width-normalised (width.ts). Yahoo! shows Japanese addresses in this order; YOLP's own read
 * answers them joined ("東京都港区赤坂4丁目3-2"), which is why read-back uses the partner record.
 */
import type { Address } from '../../src/locations/model.ts';
import type { JsonObject } from './keys.ts';
import { asString, isObject } from './keys.ts';
import { toAsciiNumber, toYahooWidth } from './width.ts';

/** "1070052", "107-0052", "１０７ー００５２" → "107-0052"; null when it is not seven digits. */
export function postalCodeOf(raw: string | null): string | null {
  if (raw === null) return null;
  const digits = toAsciiNumber(raw).replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

export function projectAddress(address: Address): JsonObject {
  const out: JsonObject = {};
  const postal = postalCodeOf(address.postalCode);
  if (postal) out.postalCode = postal;
  if (address.region) out.prefecture = toYahooWidth(address.region);
  if (address.city) out.city = toYahooWidth(address.city);
  if (address.district) out.town = toYahooWidth(address.district);
  const street = address.lines.map(toAsciiNumber).filter((l) => l !== '').join(' ');
  if (street) out.street = street;
  if (address.building) out.building = toYahooWidth(address.building);
  return out;
}

/** The address in one line, as Yahoo! shows it: 〒 and prefecture through building. */
export function addressLine(value: unknown): string {
  if (!isObject(value)) return '';
  const parts = ['prefecture', 'city', 'town', 'street'].map((k) => asString(value[k]) ?? '').join('');
  const building = asString(value.building);
  return building ? `${parts} ${building}` : parts;
}

/** Tenpo's address for a Yahoo! one; null without the prefecture and city every Japanese address has. */
export function addressFromYahoo(value: unknown): Address | null {
  if (!isObject(value) || !asString(value.prefecture) || !asString(value.city)) return null;
  const street = asString(value.street);
  return {
    country: 'JP',
    postalCode: asString(value.postalCode) ?? null,
    region: value.prefecture as string,
    city: value.city as string,
    district: asString(value.town) ?? null,
    lines: street ? [street] : [],
    building: asString(value.building) ?? null,
  };
}
