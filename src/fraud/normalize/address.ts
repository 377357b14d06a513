import { kanji2number } from '@geolonia/japanese-numeral';

// A lexical normalizer: no address data, so it always works offline and never waits. It cannot
// know that 赤坂 is a town of 港区 or restore an omitted county; geolonia.ts does that when a data
// source is configured, and feeds its result back through this module so the keys agree.

export type NormalizedAddress = {
  /** Filled in when only the city was written, if the city implies it (港区, 横浜市…). */
  prefecture: string | null;
  /** Municipality with its ward for designated cities (横浜市中区); the county (郡) is dropped. */
  city: string | null;
  /** 町・字 without 大字/字 and, in Kyoto, without the street directions; chome is in `block`. */
  town: string;
  /** chome-ban-go (or 番地-枝番) as arabic numbers joined by '-': `4-3-2`. */
  block: string | null;
  building: string | null;
  /** Room number, or `12f` / `b1f` when only the floor is given. */
  room: string | null;
  /** Identity of the unit: premisesKey plus the room. Opaque: compare it, never show it. */
  key: string;
  /** Identity of the lot, whatever the unit; building names are left out of both keys because
   *  people spell them inconsistently (赤坂ビル, 赤坂ﾋﾞﾙ, ＡＫＡＳＡＫＡビル). */
  premisesKey: string;
};

const PREFECTURES = (
  '北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 ' +
  '新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 ' +
  '奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 ' +
  '熊本県 大分県 宮崎県 鹿児島県 沖縄県'
).split(' ');

// 政令指定都市: their addresses go on with a ward, and each name exists in one prefecture only,
// so an address that starts with one can be given its prefecture.
const DESIGNATED_CITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    札幌市: '北海道', 仙台市: '宮城県', さいたま市: '埼玉県', 千葉市: '千葉県', 横浜市: '神奈川県',
    川崎市: '神奈川県', 相模原市: '神奈川県', 新潟市: '新潟県', 静岡市: '静岡県', 浜松市: '静岡県',
    名古屋市: '愛知県', 京都市: '京都府', 大阪市: '大阪府', 堺市: '大阪府', 神戸市: '兵庫県',
    岡山市: '岡山県', 広島市: '広島県', 北九州市: '福岡県', 福岡市: '福岡県', 熊本市: '熊本県',
  }),
);

// A bare ward name at the start of an address is one of Tokyo's: the wards of designated cities
// (名古屋市港区, 大阪市北区) are written after their city. So `港区赤坂…` means 東京都.
const TOKYO_WARDS = new Set(
  ('千代田区 中央区 港区 新宿区 文京区 台東区 墨田区 江東区 品川区 目黒区 大田区 世田谷区 渋谷区 中野区 ' +
    '杉並区 豊島区 北区 荒川区 板橋区 練馬区 足立区 葛飾区 江戸川区').split(' '),
);

// Municipalities that the shortest-match rule below would cut short (四日市市 → 四日市, 大町市 →
// 大町) and those with 郡 in their name, which the county rule would take for a county (蒲郡市).
// Complete for all 1,747 municipalities: the test runs every one of them through the splitter.
const IRREGULAR_MUNICIPALITIES = [
  '四日市市', '廿日市市', '野々市市', '十日町市', '大町市', '東村山市', '武蔵村山市', '羽村市', '大村市',
  '田村市', '蒲郡市', '大和郡山市', '小郡市', '余市町', '上市町', '下市町', '大町町', '玉村町', '上郡町',
];
// County names hold no 市区町村 except these five (北海道余市郡, 奈良県高市郡, 山形県の三つの村山郡).
const COUNTY = /^(?:余市|高市|[北西東]村山|[^市区町村郡\d]{1,5})郡/;

const KANJI = '〇一二三四五六七八九十百千';
// Kanji numerals are converted only where they count something (before 丁目/番/号/条, or beside
// another number across a dash or の): 六本木, 九段, 一番町, 四日市 and 三条市 are names.
const KANJI_NUMBER = new RegExp(
  `[${KANJI}]+(?=丁目|番地|番(?![町丁])|号|条(?![市区町村])|地割|\\s*[-の]\\s*[\\d${KANJI}])` +
    `|(?<=[\\d${KANJI}](?:丁目|番地の?|番の?|-|の))[${KANJI}]+`,
  'g',
);
// What NFKC leaves of the dash zoo (‐ ‑ ‒ – — ― ⁃ − ─ ━ ﹘); －﹣ already became '-'. The long vowel
// mark ー (and ｰ, which NFKC turns into it) is a dash only between numbers: タワー keeps its own.
const DASHES = /[\u2010-\u2015\u2043\u2212\u2500\u2501\ufe58]/g;
const LONG_VOWEL_AS_DASH = new RegExp(`(?<=[\\d${KANJI}])\\s*ー\\s*(?=[\\d${KANJI}])`, 'g');
const POSTAL_CODE = /^〒?\s*\d{3}-\d{4}\s*|〒\s*\d{3}-?\d{4}\s*/g;

// The first run of numbers that is not part of a town name (札幌's 北1条, 岩手's 第1地割, 千代田区's
// 2番町). 号 ends it: a number after 号 is the room (2号 101).
const BLOCK = new RegExp(
  '(\\d+)(?!\\d|\\s*(?:条|線|軒|地割|番[町丁]))(?:\\s*(?:(?:丁目|番地|番)の?|の|-)\\s*\\d+)*(?:\\s*(?:丁目|番地|番|号))?',
);
const ROOM_SUFFIX = /[\s#-]*([a-z]?\d+[a-z]?)\s*号?室\s*$/;
const ROOM_NUMBER_TAIL = /(?:^|(?<=\D))[\s#-]*([a-z]?\d+[a-z]?)号$|(?:^|(?<=\D))[\s#-]*(\d{3,5}[a-z]?)$/;
const FLOOR_TAIL = /[\s-]*(?:地下\s*(\d+)\s*階|(b?\d+)\s*(?:f|階))$/;
// Kyoto locates by streets: 寺町通御池上る上本能寺前町 is 上本能寺前町 reached from a crossing.
// The directions are dropped when a town follows, as the data source does, so both spellings of
// one place match; an address that is only streets keeps them, as they are all it has.
const KYOTO_STREETS = /^(?:.*?通.*?(?:[上下]が?[るル]|[東西]入[るル]?|入[るル]))+/;

function toArabic(kanji: string): string {
  try {
    return String(kanji2number(kanji));
  } catch {
    return kanji; // not a well-formed numeral (十十): leave the text as written
  }
}

function prepare(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(LONG_VOWEL_AS_DASH, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(POSTAL_CODE, '')
    .replace(KANJI_NUMBER, toArabic);
}

type Municipality = { city: string; rest: string };

function takeMunicipality(text: string, suffixes: string): Municipality | null {
  const irregular = IRREGULAR_MUNICIPALITIES.find((name) => text.startsWith(name));
  const name = irregular ?? new RegExp(`^[^\\d]+?[${suffixes}]`).exec(text)?.[0];
  return name === undefined ? null : { city: name, rest: text.slice(name.length) };
}

/** Splits `[郡]市区町村[区]` off the front; the county is dropped, it only repeats the town. */
function splitCity(text: string): Municipality | null {
  const county = COUNTY.exec(text);
  if (county && !IRREGULAR_MUNICIPALITIES.some((name) => text.startsWith(name))) {
    return takeMunicipality(text.slice(county[0].length), '町村');
  }
  const found = takeMunicipality(text, '市区町村');
  if (found === null || !DESIGNATED_CITIES.has(found.city)) return found;
  const ward = /^[^\d]{1,4}?区/.exec(found.rest)?.[0];
  return ward === undefined ? found : { city: found.city + ward, rest: found.rest.slice(ward.length) };
}

function inferPrefecture(city: string): string | null {
  if (TOKYO_WARDS.has(city)) return '東京都';
  const designated = [...DESIGNATED_CITIES.keys()].find((name) => city.startsWith(name));
  return designated === undefined ? null : (DESIGNATED_CITIES.get(designated) ?? null);
}

function canonicalTown(text: string, city: string | null): string {
  const town = text.replace(/大?字/g, '');
  if (!city?.startsWith('京都市')) return town;
  const withoutStreets = town.replace(KYOTO_STREETS, '');
  return withoutStreets === '' ? town : withoutStreets;
}

/** Room (or floor) written at the end of the building part: `赤坂ビル101`, `タワー12f`, `#305`. */
function splitRoom(text: string): { building: string; room: string | null } {
  const number = ROOM_NUMBER_TAIL.exec(text);
  if (number) {
    const building = text.slice(0, number.index).replace(FLOOR_TAIL, '');
    return { building, room: number[1] ?? number[2] ?? null };
  }
  const floor = FLOOR_TAIL.exec(text);
  if (floor === null) return { building: text, room: null };
  const room = floor[1] === undefined ? `${floor[2]}f` : `b${floor[1]}f`;
  return { building: text.slice(0, floor.index), room };
}

// Same place, same spelling: 霞ヶ関/霞ケ関/霞が関 and 三ノ輪/三の輪 are written every way.
const foldKana = (s: string): string => s.replace(/[ヶケが]/g, 'ケ').replace(/[之ノ]/g, 'の');

export type AddressParts = Omit<NormalizedAddress, 'key' | 'premisesKey'>;

/** The address with its match keys, for parts that came from elsewhere (geolonia.ts). */
export function withKeys(parts: AddressParts): NormalizedAddress {
  const { prefecture, city, town, block, room } = parts;
  const premisesKey = foldKana([prefecture ?? '', city ?? '', town, block ?? ''].join('|'));
  return { ...parts, key: room === null ? premisesKey : `${premisesKey}|${room}`, premisesKey };
}

/**
 * Splits a Japanese address into its parts and derives match keys that ignore how it was
 * written: width, kanji or arabic numerals, 丁目/番地/号 or dashes, spaces, postal code.
 * `東京都港区赤坂４丁目３番地２号`, `港区赤坂四丁目3-2` and `東京都港区赤坂4ー3ー2` share one key.
 * Blank or unparseable text still gives an address (town = the text); callers decide
 * whether an address with no city or block is worth counting.
 */
export function normalizeJapaneseAddress(raw: string): NormalizedAddress {
  let text = prepare(raw);
  const roomSuffix = ROOM_SUFFIX.exec(text);
  if (roomSuffix) text = text.slice(0, roomSuffix.index);

  const block = BLOCK.exec(text);
  // Without numbers the locality ends at the first space, which is where people put the building.
  const localityEnd = block?.index ?? (text.includes(' ') ? text.indexOf(' ') : text.length);
  const locality = text.slice(0, localityEnd).replace(/\s/g, '');
  const after = text.slice(block ? block.index + block[0].length : localityEnd);

  const writtenPrefecture = PREFECTURES.find((p) => locality.startsWith(p)) ?? null;
  const afterPrefecture = locality.slice(writtenPrefecture?.length ?? 0);
  const municipality = splitCity(afterPrefecture);
  const city = municipality?.city ?? null;

  // chome-ban-go is at most three numbers; a fourth (赤坂4-3-2-101) is the room.
  const numbers = (block?.[0].match(/\d+/g) ?? []).map((n) => String(Number(n)));
  const tail = splitRoom(after.replace(/^[\s,、-]+/, '').trim());
  const building = tail.building.replace(/[\s,、-]+$/, '').trim();
  return withKeys({
    prefecture: writtenPrefecture ?? (city === null ? null : inferPrefecture(city)),
    city,
    town: canonicalTown(municipality?.rest ?? afterPrefecture, city),
    block: numbers.length > 0 ? numbers.slice(0, 3).join('-') : null,
    building: building === '' ? null : building,
    room: roomSuffix?.[1] ?? (numbers.length > 3 ? numbers.slice(3).join('-') : tail.room),
  });
}
