/**
 * The fake's Yahoo!プレイス records and its partner-API validation (the inferred contract the
 * connector is written against: see connectors/yahoo-place-jp/session.ts), plus the public view
 * YOLP Local Search returns for a published place.
 */
import { randomBytes } from 'node:crypto';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type Obj = { [k: string]: Json };

export const FIELD_KEYS = ['name', 'address', 'latlng', 'tel', 'genre', 'businessHours', 'holidayHours', 'status', 'description', 'website'];
const STATUS_CODES = ['OPEN', 'TEMPORARILY_CLOSED', 'OPENING_SOON', 'CLOSED'];

export interface Place extends Obj {
  placeId: string;
  storeCode: string;
  uid: string | null;
  reviewStatus: 'IN_REVIEW' | 'PUBLISHED' | 'REJECTED';
}

export interface PublicFeature {
  Uid: string;
  Name: string;
  Tel1: string;
  Address: string;
  Genre: { Code: string; Name: string }[];
}

export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const newId = (bytes = 10): string => randomBytes(bytes).toString('hex');

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates partner-API fields; `null` clears a field on PATCH. */
export function validateFields(body: Obj, creating: boolean): void {
  for (const k of Object.keys(body)) if (!FIELD_KEYS.includes(k) && !(creating && k === 'storeCode')) throw new FieldError(k, `Unknown field: ${k}`);
  if (creating && (typeof body.name !== 'string' || body.name === '')) throw new FieldError('name', 'name is required');
  if (typeof body.name === 'string' && [...body.name].length > 50) throw new FieldError('name', 'name must be 50 characters or fewer');
  if (typeof body.description === 'string' && [...body.description].length > 500) throw new FieldError('description', 'description must be 500 characters or fewer');
  if (body.tel !== undefined && body.tel !== null && (typeof body.tel !== 'string' || !/^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(body.tel))) throw new FieldError('tel', 'tel must be a Japanese phone number like 03-1234-5678');
  if (creating || body.address !== undefined) {
    const a = body.address;
    if (!isObj(a) || typeof a.prefecture !== 'string' || typeof a.city !== 'string') throw new FieldError('address', 'address.prefecture and address.city are required');
    if (a.postalCode !== undefined && (typeof a.postalCode !== 'string' || !/^\d{3}-\d{4}$/.test(a.postalCode))) throw new FieldError('address.postalCode', 'postalCode must be like 107-0052');
    if (Object.values(a).some((v) => typeof v === 'string' && /[\uFF01-\uFF5E\uFF61-\uFF9F]/.test(v))) throw new FieldError('address', 'address must not contain full-width ASCII or half-width katakana');
  }
  if (body.genre !== undefined && body.genre !== null) {
    const g = body.genre;
    if (!isObj(g) || typeof g.primary !== 'string' || !/^\d{7}$/.test(g.primary)) throw new FieldError('genre', 'genre.primary must be a 7-digit genre code');
  }
  if (body.status !== undefined && (!isObj(body.status) || !STATUS_CODES.includes(String(body.status.code)))) throw new FieldError('status', `status.code must be one of ${STATUS_CODES.join(', ')}`);
}

export function applyFields(place: Place, body: Obj): void {
  for (const [k, v] of Object.entries(body)) {
    if (k === 'storeCode') continue;
    if (v === null) delete place[k];
    else place[k] = v;
  }
}

export function publicFeatureOf(place: Place): PublicFeature {
  const a = (isObj(place.address) ? place.address : {}) as Record<string, Json>;
  const address = ['prefecture', 'city', 'town', 'street'].map((k) => (typeof a[k] === 'string' ? a[k] : '')).join('');
  const primary = isObj(place.genre) && typeof place.genre.primary === 'string' ? place.genre.primary : '';
  return { Uid: place.uid as string, Name: String(place.name ?? ''), Tel1: String(place.tel ?? ''), Address: address, Genre: primary ? [{ Code: primary, Name: `業種${primary}` }] : [] };
}
