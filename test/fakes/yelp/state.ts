/**
 * The fake Yelp's data and rules, apart from HTTP: businesses (what business details show),
 * ingestion jobs (queued until `processJobs`), reviews with their owner comments, owners and
 * tokens. Validation follows Yelp's documented rules; what a real Yelp would refuse but the
 * documentation leaves open is refused too and recorded in `serverErrors`.
 */
import { randomBytes } from 'node:crypto';

export type Json = Record<string, unknown>;

export interface FakeBusiness {
  id: string;
  partnerBusinessId: string | null;
  name: string;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
  phone: string | null;
  url: string | null;
  categories: string[];
  hours: Json[];
  special_hours: Json[];
  specialties: string | null;
  is_closed: boolean;
  temporarily_closed: boolean;
  /** The owner who claimed it (may reply to its reviews). */
  ownerId: string | null;
}

export interface FakeReview {
  id: string;
  businessId: string;
  rating: number;
  text: string;
  /** "YYYY-MM-DD HH:MM:SS", Pacific time, as Yelp gives it. */
  time_created: string;
  user: { id: string; name: string; image_url: string | null; profile_url: string };
  ownerComment: { text: string; at: number } | null;
}

export interface FakeJob {
  id: string;
  createdAt: number;
  processed: boolean;
  businesses: Json[];
  results: Json[];
}

/** Aliases the fake knows (a slice of Yelp's category list); others are refused like unknown ones. */
export const KNOWN_ALIASES = new Set([
  'restaurants', 'japanese', 'sushi', 'conveyorsushi', 'ramen', 'udon', 'izakaya', 'yakiniku', 'yakitori', 'tonkatsu', 'tempura',
  'okonomiyaki', 'shabushabu', 'japacurry', 'chinese', 'korean', 'italian', 'french', 'indpak', 'thai', 'vietnamese', 'tradamerican',
  'pizza', 'burgers', 'hotdogs', 'steak', 'seafood', 'vegetarian', 'buffets', 'cafes', 'bars', 'wine_bars', 'pubs', 'bakeries',
  'desserts', 'cakeshop', 'icecream', 'hair', 'barbers', 'hotels', 'gyms', 'dentists',
  'accountants', 'acupuncture', 'arcades', 'autorepair', 'banks', 'beer_and_wine', 'bikes', 'bookstores', 'car_dealers',
  'carrental', 'carwash', 'childcloth', 'chiropractors', 'convenience', 'cosmetics', 'deptstores', 'dermatology',
  'discountstore', 'driving_schools', 'drugstores', 'dryclean', 'electronics', 'evchargingstations', 'eyelashservice',
  'fashion', 'florists', 'funeralservices', 'furniture', 'grocery', 'hardware', 'homedecor', 'hospitals', 'hostels', 'insurance',
  'internalmed', 'jewelry', 'karaoke', 'language_schools', 'laundromat', 'lawyers', 'massage', 'medcenters', 'menscloth',
  'mobilephonerepair', 'mobilephones', 'movietheaters', 'opthamalogists', 'opticians', 'orthopedists', 'othersalons',
  'parking', 'pediatricians', 'petstore', 'pharmacy', 'preschools', 'copyshops', 'realestateagents', 'servicestations',
  'shoes', 'shoppingcenters', 'skincare', 'souvenirs', 'sportgoods', 'thrift_stores', 'tires', 'toys', 'travelagents',
  'tutoring', 'venues', 'vet', 'womenscloth', 'yoga', 'soba', 'gyudon', 'jpsweets', 'kimonos', 'stationery', 'ryokan',
]);

const ADDRESS_LINE = /^[\p{L}\p{M}\p{N} _\-’/#&,.':]*$/u;
const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;
export const UPDATABLE = new Set(['name', 'address1', 'address2', 'address3', 'city', 'state', 'postal_code', 'country', 'phone', 'url', 'categories', 'hours', 'special_hours', 'specialties', 'is_closed', 'temporarily_closed']);

export const newId = (): string => randomBytes(16).toString('base64url').slice(0, 22);

/** Problems with a matching_criteria object, as Yelp's 400 describes them. */
export function criteriaProblems(c: unknown): string[] {
  if (!c || typeof c !== 'object') return ['matching_criteria is required'];
  const m = c as Json;
  const out: string[] = [];
  if (typeof m.city !== 'string' || m.city === '') out.push('matching_criteria.city is required');
  if (typeof m.name !== 'string' || m.name === '') out.push('matching_criteria.name is required');
  for (const line of ['address1', 'address2', 'address3']) {
    const v = m[line];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' || [...v].length > 64) out.push(`matching_criteria.${line}: maximum length is 64`);
    else if (!ADDRESS_LINE.test(v)) out.push(`matching_criteria.${line}: only digits, letters, spaces, and _-’/#&,.': are allowed`);
  }
  return out;
}

/** Per-attribute problems with an `update`, as Yelp reports them in the job status. */
export function attributeProblem(key: string, value: unknown): string | null {
  if (!UPDATABLE.has(key)) return `unknown attribute ${key}`;
  if (value === '') return null;
  switch (key) {
    case 'name':
      return typeof value === 'string' && [...value].length <= 64 ? null : 'name must be at most 64 characters';
    case 'phone':
      return typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value) ? null : 'phone must be E.164';
    case 'categories':
      if (!Array.isArray(value)) return 'categories must be a list of aliases';
      if (value.length > 3) return 'at most 3 categories';
      return value.every((a) => typeof a === 'string' && KNOWN_ALIASES.has(a)) ? null : `unknown category alias in ${JSON.stringify(value)}`;
    case 'hours':
      return Array.isArray(value) && value.every(validOpen) ? null : 'hours entries need day 0-6, start and end "HHMM" and is_overnight';
    case 'special_hours':
      return Array.isArray(value) && value.every(validSpecial) ? null : 'special_hours entries need a date and is_closed, or start/end "HHMM"';
    case 'is_closed':
    case 'temporarily_closed':
      return typeof value === 'boolean' ? null : `${key} must be a boolean`;
    case 'specialties':
      return typeof value === 'string' && [...value].length <= 1500 ? null : 'specialties must be at most 1500 characters';
    default:
      return value === null || typeof value === 'string' ? null : `${key} must be a string`;
  }
}

function validOpen(o: unknown): boolean {
  if (!o || typeof o !== 'object') return false;
  const e = o as Json;
  if (!Number.isInteger(e.day) || (e.day as number) < 0 || (e.day as number) > 6) return false;
  if (typeof e.start !== 'string' || typeof e.end !== 'string' || !HHMM.test(e.start) || !HHMM.test(e.end)) return false;
  // Yelp's rule: overnight exactly when the end is not after the start.
  return e.is_overnight === (e.end <= e.start);
}

function validSpecial(o: unknown): boolean {
  if (!o || typeof o !== 'object') return false;
  const e = o as Json;
  if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) return false;
  if (e.is_closed === true) return e.start === undefined && e.end === undefined;
  return validOpen({ day: 0, start: e.start, end: e.end, is_overnight: e.is_overnight });
}

export function details(b: FakeBusiness): Json {
  const lines = [b.address1, b.address2, b.address3].filter((l): l is string => Boolean(l));
  return {
    id: b.id,
    alias: `${b.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${b.id.slice(0, 4).toLowerCase()}`,
    name: b.name,
    url: `https://www.yelp.com/biz/${b.id}?adjust_creative=tenpo`,
    phone: b.phone ?? '',
    display_phone: b.phone ?? '',
    is_claimed: b.ownerId !== null,
    is_closed: b.is_closed,
    categories: b.categories.map((alias) => ({ alias, title: alias })),
    location: { address1: b.address1 ?? '', address2: b.address2, address3: b.address3 ?? '', city: b.city ?? '', zip_code: b.postal_code ?? '', country: b.country ?? '', state: b.state ?? '', display_address: [...lines, b.city ?? ''] },
    hours: b.hours.length > 0 ? [{ hour_type: 'REGULAR', open: b.hours, is_open_now: false }] : [],
    // Yelp spells "not closed" as null here.
    special_hours: b.special_hours.map((s) => (s.is_closed === true ? { date: s.date, is_closed: true, start: null, end: null, is_overnight: null } : { ...s, is_closed: null })),
    attributes: { business_temp_closed: b.temporarily_closed ? true : null, menu_url: null, open24_hours: null, waitlist_reservation: null },
  };
}

export function emptyBusiness(id: string, partnerBusinessId: string | null): FakeBusiness {
  return {
    id, partnerBusinessId, name: '', address1: null, address2: null, address3: null, city: null, state: null, postal_code: null, country: null,
    phone: null, url: null, categories: [], hours: [], special_hours: [], specialties: null, is_closed: false, temporarily_closed: false, ownerId: null,
  };
}

/** Applies one attribute; "" deletes the current value (Yelp: "Value Types"). */
export function applyAttribute(b: FakeBusiness, key: string, value: unknown): void {
  const record = b as unknown as Record<string, unknown>;
  if (value === '') {
    record[key] = key === 'categories' || key === 'hours' || key === 'special_hours' ? [] : key === 'is_closed' || key === 'temporarily_closed' ? false : null;
  } else record[key] = value;
}

/** "YYYY-MM-DD HH:MM:SS" in Pacific time for an instant. */
export function pacificText(ms: number): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
