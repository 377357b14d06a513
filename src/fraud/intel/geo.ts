import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Geographic facts the rules compare with an IP's country: a device's time zone and language,
 * and how far apart two countries are (impossible travel). Every function answers "unknown"
 * (null, or true for the matches) when it lacks data, so no rule accuses on a gap in a table.
 */

// ---- time zones ------------------------------------------------------------------------------

/**
 * Node's ICU knows which IANA zones each region uses (CLDR data): `new Intl.Locale('und-JP')`
 * lists ["Asia/Tokyo"]. Node 20 exposes it as the `timeZones` getter, later runtimes as
 * `getTimeZones()`; neither is in TypeScript's ES2023 lib, hence this narrow view.
 */
interface LocaleWithZones {
  timeZones?: string[];
  getTimeZones?: () => string[];
}

function intlZones(country: string): string[] | null {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & LocaleWithZones;
    return locale.getTimeZones?.() ?? locale.timeZones ?? null;
  } catch {
    return null;
  }
}

// Used only when the runtime has no zone data (a small-icu build): the common zones of the
// countries Tenpo serves, under both their current and their older (ICU-canonical) names.
const FALLBACK_ZONES: Record<string, string> = {
  'Asia/Tokyo': 'JP', 'Asia/Seoul': 'KR', 'Asia/Shanghai': 'CN', 'Asia/Urumqi': 'CN',
  'Asia/Taipei': 'TW', 'Asia/Hong_Kong': 'HK', 'Asia/Macau': 'MO', 'Asia/Singapore': 'SG',
  'Asia/Bangkok': 'TH', 'Asia/Ho_Chi_Minh': 'VN', 'Asia/Saigon': 'VN', 'Asia/Jakarta': 'ID',
  'Asia/Makassar': 'ID', 'Asia/Jayapura': 'ID', 'Asia/Pontianak': 'ID', 'Asia/Kuala_Lumpur': 'MY',
  'Asia/Kuching': 'MY', 'Asia/Manila': 'PH', 'Asia/Kolkata': 'IN', 'Asia/Calcutta': 'IN',
  'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU', 'Australia/Brisbane': 'AU',
  'Australia/Perth': 'AU', 'Australia/Adelaide': 'AU', 'Pacific/Auckland': 'NZ',
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Phoenix': 'US',
  'America/Los_Angeles': 'US', 'America/Anchorage': 'US', 'Pacific/Honolulu': 'US',
  'America/Toronto': 'CA', 'America/Vancouver': 'CA', 'America/Edmonton': 'CA', 'America/Winnipeg': 'CA',
  'America/Halifax': 'CA', 'America/Sao_Paulo': 'BR', 'America/Mexico_City': 'MX',
  'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Berlin': 'DE', 'Europe/Paris': 'FR',
  'Europe/Madrid': 'ES', 'Atlantic/Canary': 'ES', 'Europe/Rome': 'IT', 'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE', 'Europe/Zurich': 'CH', 'Europe/Vienna': 'AT', 'Europe/Lisbon': 'PT',
};

let zoneIndex: Map<string, string> | undefined;

/** Zone → country for every region ICU knows (676 two-letter probes, ~0.15 s once), else the fallback. */
function isCurrentRegion(code: string): boolean {
  try {
    return new Intl.Locale(`und-${code}`).maximize().region === code;
  } catch {
    return false;
  }
}

function zonesToCountries(): Map<string, string> {
  if (zoneIndex) return zoneIndex;
  const index = new Map<string, string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const country = String.fromCharCode(a, b);
      // Withdrawn codes (DD, NT, BU, YU…) still list their old zones and come first in the
      // alphabet; ICU maps each to its successor, so only a code that is its own region counts.
      if (!isCurrentRegion(country)) continue;
      for (const zone of intlZones(country) ?? []) if (!index.has(zone)) index.set(zone, country);
    }
  }
  for (const [zone, country] of Object.entries(FALLBACK_ZONES)) if (!index.has(zone)) index.set(zone, country);
  zoneIndex = index;
  return index;
}

/** ICU's canonical spelling of a zone ("Asia/Kolkata" → "Asia/Calcutta" on Node 20), or null if unknown. */
function canonicalZone(tz: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The IANA zones a country uses, as ICU names them; [] when unknown. */
export function countryTimezones(country: string): string[] {
  const cc = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc)) return [];
  const zones = intlZones(cc);
  if (zones && zones.length > 0) return zones;
  return Object.entries(FALLBACK_ZONES).filter(([, c]) => c === cc).map(([zone]) => zone);
}

/**
 * The country an IANA zone belongs to: Asia/Tokyo → JP, America/New_York → US, an alias such as
 * Asia/Kolkata → IN. Null for zones with no country (UTC, Etc/GMT+9) and for unknown strings.
 */
export function timezoneCountry(tz: string): string | null {
  const trimmed = tz.trim();
  if (trimmed === '' || trimmed.length > 64) return null;
  const index = zonesToCountries();
  const direct = index.get(trimmed);
  if (direct) return direct;
  const canonical = canonicalZone(trimmed);
  return canonical ? (index.get(canonical) ?? null) : null;
}

/** Whether a device's zone fits a country; true when either is unknown (no data, no accusation). */
export function timezoneMatchesCountry(tz: string, country: string): boolean {
  const zoneCountry = timezoneCountry(tz);
  return zoneCountry === null || zoneCountry === country.toUpperCase();
}

// ---- languages -------------------------------------------------------------------------------

/**
 * Languages people in each country commonly set their browser to (ISO 639 base subtags), for
 * the countries Tenpo serves and their neighbours. English is listed only where it is an
 * everyday language: an English browser in Japan or Germany is common among residents from
 * abroad, so rules should weigh an "en" mismatch lightly. Countries absent here match anything.
 */
const COUNTRY_LANGUAGES: Record<string, readonly string[]> = {
  JP: ['ja'], KR: ['ko'], CN: ['zh'], TW: ['zh'], HK: ['zh', 'yue', 'en'], MO: ['zh', 'yue', 'pt'],
  SG: ['en', 'zh', 'ms', 'ta'], MY: ['ms', 'en', 'zh', 'ta'], ID: ['id', 'jv', 'su'], TH: ['th'],
  VN: ['vi'], PH: ['fil', 'tl', 'en', 'ceb'], KH: ['km'], LA: ['lo'], MM: ['my'], MN: ['mn'],
  IN: ['hi', 'en', 'bn', 'te', 'mr', 'ta', 'ur', 'gu', 'kn', 'ml', 'pa', 'or', 'as'], BD: ['bn'],
  PK: ['ur', 'en', 'pa'], LK: ['si', 'ta', 'en'], NP: ['ne'], AU: ['en'], NZ: ['en', 'mi'],
  US: ['en', 'es'], CA: ['en', 'fr'], MX: ['es'], BR: ['pt'], AR: ['es'], CL: ['es'], CO: ['es'],
  PE: ['es', 'qu'], GB: ['en', 'cy', 'gd'], IE: ['en', 'ga'], DE: ['de'], AT: ['de'],
  CH: ['de', 'fr', 'it', 'rm', 'gsw'], FR: ['fr', 'br', 'oc'], BE: ['nl', 'fr', 'de'], NL: ['nl', 'fy'],
  ES: ['es', 'ca', 'gl', 'eu'], PT: ['pt'], IT: ['it'], SE: ['sv'], NO: ['nb', 'nn', 'no'], DK: ['da'],
  FI: ['fi', 'sv'], PL: ['pl'], CZ: ['cs'], HU: ['hu'], RO: ['ro'], GR: ['el'], TR: ['tr', 'ku'],
  RU: ['ru'], UA: ['uk', 'ru'], IL: ['he', 'ar'], AE: ['ar', 'en'], SA: ['ar'], QA: ['ar', 'en'],
  EG: ['ar'], MA: ['ar', 'fr', 'zgh', 'ber'], IR: ['fa'], KZ: ['kk', 'ru'],
  ZA: ['en', 'af', 'zu', 'xh', 'st', 'tn'], NG: ['en', 'ha', 'yo', 'ig'], KE: ['en', 'sw'],
};

/** The base language of a BCP 47 tag or the first entry of an Accept-Language list; null if unreadable. */
export function baseLanguage(lang: string): string | null {
  const first = lang.split(',')[0]?.split(';')[0]?.trim().replaceAll('_', '-') ?? '';
  if (first === '' || first === '*' || first.length > 35) return null;
  // ICU canonicalization costs ~80 µs a call, and browsers send a handful of distinct tags:
  // remembered, it is a map lookup on the screening path.
  const known = languageCache.get(first);
  if (known !== undefined) return known;
  let base: string | null;
  try {
    // Canonicalizes case and deprecated codes ("in" → "id", "iw" → "he").
    const canonical = Intl.getCanonicalLocales(first)[0];
    base = canonical ? new Intl.Locale(canonical).language : null;
  } catch {
    base = null;
  }
  if (languageCache.size >= LANGUAGE_CACHE_MAX) languageCache.clear();
  languageCache.set(first, base);
  return base;
}

const LANGUAGE_CACHE_MAX = 2000;
const languageCache = new Map<string, string | null>();

/** Whether a device language (e.g. "ja-JP") is one commonly used in the country; true when unknown. */
export function languageMatchesCountry(lang: string, country: string): boolean {
  const languages = COUNTRY_LANGUAGES[country.toUpperCase()];
  const base = baseLanguage(lang);
  if (!languages || base === null) return true;
  return languages.includes(base);
}

// ---- distances -------------------------------------------------------------------------------

const area = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), reachKm: z.number().min(0) });
const pointsSchema = z.object({
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), area.extend({ areas: z.array(area).min(2).optional() })),
});
type CountryPoint = z.infer<typeof pointsSchema>['countries'][string];

let points: Record<string, CountryPoint> | undefined;

function countryPoint(country: string): CountryPoint | null {
  points ??= pointsSchema.parse(
    JSON.parse(readFileSync(new URL('../data/country-points.json', import.meta.url), 'utf8')),
  ).countries;
  return points[country.toUpperCase()] ?? null;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * A representative point of the country: its capital's approximate coordinates (see
 * src/fraud/data/country-points.json), not a geographic centroid. Null for countries not listed.
 */
export function countryCentroid(country: string): LatLng | null {
  const point = countryPoint(country);
  return point ? { lat: point.lat, lng: point.lng } : null;
}

const EARTH_RADIUS_KM = 6371.0088; // mean radius (IUGG)

/** Great-circle distance (haversine); within ~0.5% of the ellipsoidal distance, plenty for fraud. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The least distance between anywhere in one country and anywhere in the other, from the
 * countries' points and generous reach: what an impossible-travel rule may safely divide by the
 * elapsed time (capital to capital would overstate it for neighbours and large countries).
 * 0 for the same country; null when either country is not listed.
 */
export function minDistanceKm(countryA: string, countryB: string): number | null {
  if (countryA.toUpperCase() === countryB.toUpperCase()) return 0;
  const a = countryPoint(countryA);
  const b = countryPoint(countryB);
  if (!a || !b) return null;
  // A large country is covered by several areas; the closest pair bounds the distance.
  let least = Infinity;
  for (const x of a.areas ?? [a]) for (const y of b.areas ?? [b]) least = Math.min(least, distanceKm(x, y) - x.reachKm - y.reachKm);
  return Math.max(0, least);
}
