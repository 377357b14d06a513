// Geolonia matches an address against the Address Base Registry (町字 lists, 住居表示 and 地番),
// which the lexical normalizer cannot: it restores omitted prefectures and counties, folds old
// and variant kanji (櫻/桜, 竈/釜) to the registry's spelling and strips Kyoto's street names.
import { config, normalize } from '@geolonia/normalize-japanese-addresses';
import { normalizeJapaneseAddress, withKeys, type NormalizedAddress } from './address.ts';

/** Geolonia's level once the 町字 is known (1 prefecture, 2 city, 3 town, 8 block or lot). */
const TOWN_LEVEL = 3;

export type GeoloniaNormalized =
  | { source: 'geolonia'; level: number; address: NormalizedAddress }
  /** Geolonia knew no 町字 for it: the lexical reading, with geolonia's level for the log. */
  | { source: 'lexical'; level: number; address: NormalizedAddress; reason: 'BELOW_TOWN' }
  /** The data source failed (unreachable, missing file, bad JSON): the lexical reading. */
  | { source: 'lexical'; level: null; address: NormalizedAddress; reason: 'ERROR'; error: unknown };

// The library keeps its data URL and its caches (prefectures forever, towns per city) in module
// state, so one process can only ever read one source; a second one would silently be answered
// from the first one's cache.
let configuredSource: string | null = null;

/**
 * An address normalizer backed by geolonia's data at `source`: the URL of the `api/ja` folder
 * of a japanese-addresses-v2 build, over http(s):// or, in Node, file:// (the library reads
 * local files itself). Results go back through the lexical normalizer, so `key` and
 * `premisesKey` agree with `normalizeJapaneseAddress` for the same place.
 * Throws only on a bad URL or on a second, different source in the same process.
 */
export function createGeoloniaNormalizer(source: string): (raw: string) => Promise<GeoloniaNormalized> {
  const base = source.replace(/\/+$/, '');
  const protocol = new URL(base).protocol;
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') {
    throw new Error(`geolonia source must be an http(s):// or file:// URL, got ${protocol}`);
  }
  if (configuredSource !== null && configuredSource !== base) {
    throw new Error(`geolonia is already reading ${configuredSource}; one source per process`);
  }
  configuredSource = base;
  config.japaneseAddressesApi = base;

  return async (raw) => {
    const lexical = normalizeJapaneseAddress(raw);
    // Geolonia is given only the premises, rebuilt from the lexical reading: it anchors the
    // prefecture at the very start (a leading 〒107-0052 would hide everything) and rewrites
    // text after the block (タワー12F becomes タワ-12F), so the building and room stay lexical.
    const premises = `${lexical.prefecture ?? ''}${lexical.city ?? ''}${lexical.town}${lexical.block ?? ''}`;
    let result: Awaited<ReturnType<typeof normalize>>;
    try {
      result = await normalize(premises);
    } catch (error) {
      return { source: 'lexical', level: null, address: lexical, reason: 'ERROR', error };
    }
    if (result.level < TOWN_LEVEL) {
      return { source: 'lexical', level: result.level, address: lexical, reason: 'BELOW_TOWN' };
    }
    // The registry's spelling of prefecture, county + city, 町字 and block goes back through the
    // lexical parser, which splits and folds it exactly as it does typed addresses.
    const registry = normalizeJapaneseAddress(
      `${result.pref ?? ''}${result.city ?? ''}${result.town ?? ''}${result.addr ?? ''}${result.other}`,
    );
    const address = withKeys({ ...registry, building: lexical.building, room: lexical.room });
    return { source: 'geolonia', level: result.level, address };
  };
}
