/**
 * Store attributes (amenities, payment, accessibility...). Like categories, keys and values
 * are stable API ids that connectors translate per platform, so a value names a fact a
 * customer can rely on, and the vocabulary order is the order shown to people.
 */
import { z } from 'zod';
import type { Attribute, AttributeValue, FieldError } from './model.ts';
import { plainRecord, readArray, readList, readString, shapeKeys } from './plain.ts';
import { checkHttpUrl, fieldError } from './text.ts';

export type AttributeKind = 'BOOLEAN' | 'ENUM' | 'ENUM_LIST' | 'URL';

export interface AttributeDefinition {
  key: string;
  kind: AttributeKind;
  /** Allowed values for ENUM and ENUM_LIST, in display order. */
  values?: readonly string[];
  en: string;
  ja: string;
}

/** In an ENUM_LIST this value excludes every other one (e.g. parking: none). */
const EXCLUSIVE_VALUE = 'none';

const bool = (key: string, en: string, ja: string): AttributeDefinition => ({ key, kind: 'BOOLEAN', en, ja });
const url = (key: string, en: string, ja: string): AttributeDefinition => ({ key, kind: 'URL', en, ja });

const DEFINITIONS: AttributeDefinition[] = [
  bool('wheelchair_accessible_entrance', 'Wheelchair-accessible entrance', '車椅子対応の入口'),
  bool('wheelchair_accessible_restroom', 'Wheelchair-accessible restroom', '車椅子対応のトイレ'),
  bool('wheelchair_accessible_parking', 'Wheelchair-accessible parking', '車椅子対応の駐車場'),
  {
    key: 'parking',
    kind: 'ENUM_LIST',
    values: ['free_lot', 'paid_lot', 'street', 'valet', EXCLUSIVE_VALUE],
    en: 'Parking',
    ja: '駐車場',
  },
  {
    key: 'payment_methods',
    kind: 'ENUM_LIST',
    // LINE Pay is absent on purpose: its Japanese service ended in April 2025.
    values: [
      'cash',
      'credit_card',
      'debit_card',
      'ic_card', // 交通系IC (Suica, PASMO, ICOCA...)
      'e_money', // iD, QUICPay, 楽天Edy, nanaco, WAON
      'qr_paypay',
      'qr_rakuten_pay',
      'qr_d_barai',
      'qr_au_pay',
      'qr_merpay',
      'qr_alipay',
      'qr_wechat_pay',
      'apple_pay',
      'google_pay',
    ],
    en: 'Payment methods',
    ja: '支払い方法',
  },
  { key: 'wifi', kind: 'ENUM', values: ['free', 'paid', 'none'], en: 'Wi-Fi', ja: 'Wi-Fi' },
  { key: 'smoking', kind: 'ENUM', values: ['no_smoking', 'separated', 'allowed'], en: 'Smoking', ja: '喫煙' },
  bool('dine_in', 'Dine-in', '店内飲食'),
  bool('takeout', 'Takeout', 'テイクアウト'),
  bool('delivery', 'Delivery', 'デリバリー'),
  bool('drive_through', 'Drive-through', 'ドライブスルー'),
  bool('reservations', 'Takes reservations', '予約可'),
  url('reservation_url', 'Reservation link', '予約ページ'),
  url('menu_url', 'Menu link', 'メニューページ'),
  url('order_url', 'Online order link', 'オンライン注文ページ'),
  bool('tax_free', 'Tax-free shopping', '免税対応'),
  bool('kids_friendly', 'Good for kids', '子供連れ歓迎'),
  bool('pets_allowed', 'Pets allowed', 'ペット可'),
  bool('outdoor_seating', 'Outdoor seating', 'テラス席'),
  bool('private_rooms', 'Private rooms', '個室あり'),
  {
    key: 'languages_spoken',
    kind: 'ENUM_LIST',
    values: ['ja', 'en', 'zh', 'ko', 'es', 'fr', 'de', 'it', 'pt', 'ru', 'th', 'vi', 'id', 'fil', 'ne'],
    en: 'Languages spoken',
    ja: '対応言語',
  },
];

export const ATTRIBUTES: readonly AttributeDefinition[] = Object.freeze(DEFINITIONS.map((d) => Object.freeze(d)));

const BY_KEY: ReadonlyMap<string, AttributeDefinition> = new Map(ATTRIBUTES.map((d) => [d.key, d]));

export function getAttributeDefinition(key: string): AttributeDefinition | undefined {
  return BY_KEY.get(key);
}

const attributeSchema = z.strictObject({
  key: z.string(),
  value: z.union([z.boolean(), z.string(), z.array(z.string())], {
    error: 'Must be true or false, a text value, or a list of text values',
  }),
});

export const attributesSchema = z
  .array(attributeSchema)
  .nullish()
  .transform((v) => v ?? []);

type RawAttribute = z.output<typeof attributeSchema>;

const ATTRIBUTE_KEYS = shapeKeys(attributeSchema.shape);

function readAttribute(value: unknown): RawAttribute | undefined {
  const raw = plainRecord(value, ATTRIBUTE_KEYS);
  if (raw === undefined || typeof raw.key !== 'string') return undefined;
  const v = raw.value;
  // The union's members in its order; zod copies a list, so this does too.
  if (typeof v === 'boolean' || typeof v === 'string') return { key: raw.key, value: v };
  const list = readArray(v, readString);
  return list === undefined ? undefined : { key: raw.key, value: list };
}

/** attributesSchema for plain data, or undefined when not sure (see plain.ts). */
export function readAttributes(value: unknown): RawAttribute[] | undefined {
  return readList(value, readAttribute);
}

function oneOf(values: readonly string[]): string {
  return values.join(', ');
}

function failValue(def: AttributeDefinition, path: string[], errors: FieldError[], message: string): null {
  errors.push(fieldError('INVALID_INPUT', path, `${def.key}: ${message}`));
  return null;
}

/** Checks `value` against the definition's kind; returns the normalized value or null after recording an error. */
function checkValue(def: AttributeDefinition, value: AttributeValue, path: string[], errors: FieldError[]): AttributeValue | null {
  const allowed = def.values ?? [];
  switch (def.kind) {
    case 'BOOLEAN':
      return typeof value === 'boolean' ? value : failValue(def, path, errors, 'must be true or false');
    case 'URL': {
      if (typeof value !== 'string') return failValue(def, path, errors, 'must be a web address');
      const before = errors.length;
      const text = checkHttpUrl(value, path, errors, `${def.key}:`);
      return errors.length > before ? null : text;
    }
    case 'ENUM': {
      const text = typeof value === 'string' ? value.trim() : null;
      return text !== null && allowed.includes(text) ? text : failValue(def, path, errors, `must be one of: ${oneOf(allowed)}`);
    }
    case 'ENUM_LIST': {
      if (!Array.isArray(value)) return failValue(def, path, errors, `must be a list of: ${oneOf(allowed)}`);
      const items = value.map((v) => v.trim());
      if (items.length === 0) return failValue(def, path, errors, 'must list at least one value; remove the attribute when unknown');
      const unknown = items.filter((v) => !allowed.includes(v));
      if (unknown.length > 0) return failValue(def, path, errors, `unknown value "${(unknown[0] ?? '').slice(0, 40)}"; allowed: ${oneOf(allowed)}`);
      if (new Set(items).size !== items.length) return failValue(def, path, errors, 'lists the same value twice');
      if (items.includes(EXCLUSIVE_VALUE) && items.length > 1) return failValue(def, path, errors, `"${EXCLUSIVE_VALUE}" cannot be combined with other values`);
      return allowed.filter((v) => items.includes(v));
    }
  }
}

// Keys are unique by the time this sorts, so no two compare equal.
const byKey = (a: Attribute, b: Attribute): number => (a.key < b.key ? -1 : 1);

/** Validates attributes; the result is sorted by key. Errors use paths under ["attributes"]. */
export function checkAttributes(raws: RawAttribute[], errors: FieldError[]): Attribute[] {
  const seen = new Set<string>();
  const out: Attribute[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as RawAttribute;
    const path = ['attributes', String(i)];
    const key = raw.key.trim();
    const def = getAttributeDefinition(key);
    if (!def) {
      errors.push(fieldError('UNKNOWN_ATTRIBUTE', [...path, 'key'], `Unknown attribute "${key.slice(0, 60)}"`));
      continue;
    }
    if (seen.has(key)) {
      errors.push(fieldError('INVALID_INPUT', [...path, 'key'], `Attribute "${key}" is listed twice`));
      continue;
    }
    seen.add(key);
    const value = checkValue(def, raw.value, [...path, 'value'], errors);
    if (value !== null) out.push({ key, value });
  }
  return out.sort(byKey);
}
