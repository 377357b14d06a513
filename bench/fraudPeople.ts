/**
 * The raw material of the fraud evaluation's synthetic people (bench/fraudData.ts): a seeded
 * random source, Japanese names, addresses written the many ways people write them, phone
 * numbers, email addresses, devices, the networks they connect from and how they fill a form.
 * Written from how customers and fraudsters behave, not from the engine's rules.
 */
import type { BehaviorSummary } from '../src/fraud/intel/behavior.ts';
import { seededRandom } from './random.ts';

// ---- randomness --------------------------------------------------------------------------------

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  normal(): number;
  logNormal(median: number, sigma: number): number;
  poisson(mean: number): number;
  hex(length: number): string;
}

/** mulberry32, as in bench/dataset.ts: small, fast and the same on every machine. */
export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of pairs) if ((r -= w) < 0) return item;
      return pairs[pairs.length - 1]![0];
    },
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    poisson: (mean) => {
      // Knuth for small means; a rounded normal beyond, where the two agree closely.
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    hex: (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
  return rng;
}

// ---- names -------------------------------------------------------------------------------------

type Reading = readonly [kanji: string, kana: string, romaji: string];

const FAMILY: readonly Reading[] = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'], ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'],
  ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'], ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'],
  ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'], ['松本', 'マツモト', 'matsumoto'], ['井上', 'イノウエ', 'inoue'],
  ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'], ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'],
  ['山崎', 'ヤマザキ', 'yamazaki'], ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'],
  ['阿部', 'アベ', 'abe'], ['石川', 'イシカワ', 'ishikawa'], ['山下', 'ヤマシタ', 'yamashita'], ['中島', 'ナカジマ', 'nakajima'],
  ['石井', 'イシイ', 'ishii'], ['小川', 'オガワ', 'ogawa'], ['前田', 'マエダ', 'maeda'], ['岡田', 'オカダ', 'okada'],
  ['長谷川', 'ハセガワ', 'hasegawa'], ['藤田', 'フジタ', 'fujita'], ['後藤', 'ゴトウ', 'goto'], ['近藤', 'コンドウ', 'kondo'],
  ['村上', 'ムラカミ', 'murakami'], ['遠藤', 'エンドウ', 'endo'], ['青木', 'アオキ', 'aoki'], ['坂本', 'サカモト', 'sakamoto'],
  ['福田', 'フクダ', 'fukuda'], ['太田', 'オオタ', 'ota'], ['西村', 'ニシムラ', 'nishimura'], ['藤井', 'フジイ', 'fujii'],
  ['金子', 'カネコ', 'kaneko'], ['岡本', 'オカモト', 'okamoto'], ['藤原', 'フジワラ', 'fujiwara'], ['中野', 'ナカノ', 'nakano'],
  ['三浦', 'ミウラ', 'miura'], ['原田', 'ハラダ', 'harada'], ['松田', 'マツダ', 'matsuda'], ['竹内', 'タケウチ', 'takeuchi'],
  ['上田', 'ウエダ', 'ueda'], ['比嘉', 'ヒガ', 'higa'], ['菅原', 'スガワラ', 'sugawara'], ['千葉', 'チバ', 'chiba'],
];
const GIVEN: readonly Reading[] = [
  ['翔太', 'ショウタ', 'shota'], ['大輔', 'ダイスケ', 'daisuke'], ['健太', 'ケンタ', 'kenta'], ['拓也', 'タクヤ', 'takuya'],
  ['直樹', 'ナオキ', 'naoki'], ['誠', 'マコト', 'makoto'], ['浩二', 'コウジ', 'koji'], ['隆', 'タカシ', 'takashi'],
  ['蓮', 'レン', 'ren'], ['悠真', 'ユウマ', 'yuma'], ['陽翔', 'ハルト', 'haruto'], ['大樹', 'ダイキ', 'daiki'],
  ['和也', 'カズヤ', 'kazuya'], ['亮', 'リョウ', 'ryo'], ['修', 'オサム', 'osamu'], ['博', 'ヒロシ', 'hiroshi'],
  ['健一', 'ケンイチ', 'kenichi'], ['達也', 'タツヤ', 'tatsuya'], ['雄一', 'ユウイチ', 'yuichi'], ['翼', 'ツバサ', 'tsubasa'],
  ['陽子', 'ヨウコ', 'yoko'], ['美咲', 'ミサキ', 'misaki'], ['愛', 'アイ', 'ai'], ['さくら', 'サクラ', 'sakura'],
  ['由美', 'ユミ', 'yumi'], ['恵', 'メグミ', 'megumi'], ['優子', 'ユウコ', 'yuko'], ['真由美', 'マユミ', 'mayumi'],
  ['結衣', 'ユイ', 'yui'], ['陽菜', 'ヒナ', 'hina'], ['七海', 'ナナミ', 'nanami'], ['彩', 'アヤ', 'aya'],
  ['麻衣', 'マイ', 'mai'], ['直子', 'ナオコ', 'naoko'], ['久美子', 'クミコ', 'kumiko'], ['智子', 'トモコ', 'tomoko'],
  ['花子', 'ハナコ', 'hanako'], ['美穂', 'ミホ', 'miho'], ['凛', 'リン', 'rin'], ['香織', 'カオリ', 'kaori'],
];

export interface PersonName {
  family: Reading;
  given: Reading;
}

export function personName(rng: Rng, family?: Reading): PersonName {
  return { family: family ?? rng.pick(FAMILY), given: rng.pick(GIVEN) };
}

/** How a name is typed into a form: mostly kanji with some kind of space, sometimes in kana. */
export function writeName(rng: Rng, n: PersonName): string {
  const [fk, fa] = n.family;
  const [gk, ga] = n.given;
  return rng.weighted<string>([
    [`${fk} ${gk}`, 40],
    [`${fk}　${gk}`, 30],
    [`${fk}${gk}`, 20],
    [`${fa} ${ga}`, 6],
    [`${hiragana(fa)}　${hiragana(ga)}`, 4],
  ]);
}

const hiragana = (katakana: string) => katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

// ---- addresses ---------------------------------------------------------------------------------

/** A town somewhere in Japan; `chome` towns number by 丁目-番-号, the others by 番地. */
interface Place {
  pref: string;
  city: string;
  town: string;
  chome: boolean;
}

const PLACES: readonly Place[] = [
  ['東京都', '世田谷区', '三軒茶屋', true], ['東京都', '港区', '赤坂', true], ['東京都', '新宿区', '西新宿', true],
  ['東京都', '杉並区', '高円寺南', true], ['東京都', '練馬区', '石神井町', true], ['東京都', '江東区', '豊洲', true],
  ['東京都', '八王子市', '旭町', false], ['東京都', '武蔵野市', '吉祥寺本町', true], ['東京都', '足立区', '千住', true],
  ['神奈川県', '横浜市港北区', '日吉', true], ['神奈川県', '川崎市中原区', '小杉町', true], ['神奈川県', '藤沢市', '鵠沼海岸', true],
  ['埼玉県', 'さいたま市浦和区', '高砂', true], ['埼玉県', '川口市', '栄町', true], ['千葉県', '船橋市', '本町', true],
  ['千葉県', '柏市', '柏', true], ['大阪府', '大阪市北区', '梅田', true], ['大阪府', '大阪市阿倍野区', '阿倍野筋', true],
  ['大阪府', '豊中市', '服部元町', true], ['愛知県', '名古屋市千種区', '今池', true], ['兵庫県', '神戸市中央区', '三宮町', true],
  ['京都府', '京都市中京区', '河原町通三条上る下丸屋町', false], ['福岡県', '福岡市中央区', '天神', true],
  ['北海道', '札幌市中央区', '南三条西', true], ['宮城県', '仙台市青葉区', '一番町', true], ['広島県', '広島市中区', '紙屋町', true],
  ['長野県', '北安曇郡白馬村', '北城', false], ['沖縄県', '那覇市', 'おもろまち', true], ['熊本県', '熊本市中央区', '下通', true],
  ['石川県', '金沢市', '片町', true], ['岡山県', '岡山市北区', '表町', true], ['茨城県', 'つくば市', '吾妻', true],
  ['群馬県', '高崎市', '八島町', false], ['鹿児島県', '鹿児島市', '東千石町', false], ['静岡県', '静岡市葵区', '呉服町', true],
  ['新潟県', '新潟市中央区', '古町通', false], ['岐阜県', '岐阜市', '長住町', true], ['香川県', '高松市', '丸亀町', false],
].map(([pref, city, town, chome]) => ({ pref, city, town, chome }) as Place);

export interface Home {
  place: Place;
  /** 丁目-番-号, or 番地 and its branch number. */
  numbers: number[];
  building: string | null;
  room: string | null;
}

const BUILDINGS = ['コーポ', 'ハイツ', 'メゾン', 'レジデンス', 'パークハウス', 'グランドール', 'ヴィラ', 'サンハイム', 'ライオンズマンション', 'シャトー'];

export function homeAddress(rng: Rng): Home {
  const place = rng.pick(PLACES);
  const numbers = place.chome ? [rng.int(1, 6), rng.int(1, 30), rng.int(1, 24)] : [rng.int(100, 2999), rng.int(1, 12)];
  const flat = rng.chance(0.55);
  return {
    place,
    numbers,
    building: flat ? `${rng.pick(BUILDINGS)}${place.town.slice(0, 2)}${rng.chance(0.3) ? rng.pick(['II', '第二', 'A棟']) : ''}` : null,
    room: flat ? String(rng.int(1, 9) * 100 + rng.int(1, 12)) : null,
  };
}

export const ADDRESS_STYLES = ['dash', 'units', 'fullwidth', 'kanjiChome', 'noPrefecture', 'longDash', 'roomDash'] as const;
export type AddressStyle = (typeof ADDRESS_STYLES)[number];

const KANJI_DIGITS = '〇一二三四五六七八九';
function kanjiNumber(n: number): string {
  if (n < 10) return KANJI_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : KANJI_DIGITS[tens]}十${n % 10 === 0 ? '' : KANJI_DIGITS[n % 10]}`;
}
export const fullWidth = (s: string) =>
  s.replace(/[0-9A-Za-z#-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replaceAll(' ', '　');

/** One way of writing the address; a person tends to keep theirs, a fraudster varies it on purpose. */
export function writeAddress(h: Home, style: AddressStyle): string {
  const { pref, city, town, chome } = h.place;
  const [a = 1, b = 1, c] = h.numbers;
  const head = style === 'noPrefecture' ? `${city}${town}` : `${pref}${city}${town}`;
  let block: string;
  if (!chome) block = style === 'units' || style === 'kanjiChome' ? `${a}番地${b}` : `${a}-${b}`;
  else if (style === 'units') block = `${a}丁目${b}番${c}号`;
  else if (style === 'kanjiChome') block = `${kanjiNumber(a)}丁目${b}-${c}`;
  else if (style === 'longDash') block = `${a}ー${b}ー${c}`;
  else block = `${a}-${b}-${c}`;
  let unit = '';
  if (h.building && h.room) {
    if (style === 'roomDash') unit = `-${h.room}`;
    else if (style === 'units') unit = ` ${h.building} ${h.room}号室`;
    else unit = ` ${h.building}${h.room}`;
  }
  const line = `${head}${block}${unit}`;
  return style === 'fullwidth' ? fullWidth(line) : line;
}

/**
 * Somewhere near a home to collect a parcel from: a depot, a post office, a convenience store,
 * a locker. Honest customers who are out all day use them as much as fraudsters without a home do.
 */
export function pickupPoint(rng: Rng, h: Home): string {
  const { pref, city, town } = h.place;
  const street = writeAddress({ ...h, building: null, room: null }, 'dash');
  return rng.pick([
    `${street} ヤマト運輸 ${town}営業所止め`,
    `${pref}${city} 佐川急便 ${city.replace(/[市区町村]$/, '')}営業所留め`,
    `${pref}${city}${town} ${town}郵便局留め`,
    `${pref}${city}${town} ${town}駅 PUDOステーション`,
    `${street} ファミリーマート${town}店 コンビニ受取`,
    `${street} セブン-イレブン${town}${rng.int(1, 5)}丁目店 店舗受取`,
  ]);
}

// ---- phones and email --------------------------------------------------------------------------

const LANDLINE_AREAS = [['03', 4], ['06', 4], ['052', 3], ['022', 3], ['092', 3], ['045', 3], ['075', 3]] as const;

/** Digits only; `kind` follows who holds which numbers (070 and 050 are cheap data or IP lines). */
export function phoneNumber(rng: Rng, kind: '090' | '080' | '070' | '050' | 'landline'): string {
  const tail = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  if (kind !== 'landline') return `${kind}${rng.int(1, 9)}${tail(7)}`;
  const [area, local] = rng.pick(LANDLINE_AREAS);
  return `${area}${rng.int(2, 8)}${tail(local - 1)}${tail(4)}`;
}

export function honestPhone(rng: Rng): string {
  return phoneNumber(rng, rng.weighted([['090', 45], ['080', 33], ['070', 12], ['050', 3], ['landline', 7]] as const));
}

export function writePhone(rng: Rng, digits: string): string {
  const mobile = /^0[5789]0/.test(digits);
  const split = mobile ? [3, 7] : digits.startsWith('03') || digits.startsWith('06') ? [2, 6] : [3, 6];
  const parts = [digits.slice(0, split[0]), digits.slice(split[0], split[1]), digits.slice(split[1])];
  return rng.weighted<string>([
    [parts.join('-'), 50],
    [digits, 30],
    [fullWidth(parts.join('-')), 8],
    [parts.join(' '), 5],
    [`+81 ${parts[0]!.slice(1)}-${parts[1]}-${parts[2]}`, 4],
    [`(${parts[0]})${parts[1]}-${parts[2]}`, 3],
  ]);
}

const HONEST_DOMAINS = [
  ['gmail.com', 35], ['yahoo.co.jp', 22], ['icloud.com', 15], ['docomo.ne.jp', 9], ['ezweb.ne.jp', 5],
  ['outlook.jp', 4], ['softbank.ne.jp', 3], ['hotmail.co.jp', 3], ['nifty.com', 2], ['i.softbank.jp', 2],
] as const;

export function emailFor(rng: Rng, n: PersonName, domain?: string): string {
  const f = n.family[2];
  const g = n.given[2];
  const yy = String(rng.int(60, 105) % 100).padStart(2, '0');
  const local = rng.weighted<string>([
    [`${g}.${f}`, 25], [`${f}${g[0]}`, 15], [`${g}${yy}`, 15], [`${f}_${g}${rng.int(1, 999)}`, 15],
    [`${g[0]}${f}${rng.int(10, 9999)}`, 15], [`${rng.pick(['sakura', 'blue', 'happy', 'mugi', 'cafe', 'sora'])}.${g}${yy}`, 15],
  ]);
  return `${local}@${domain ?? rng.weighted(HONEST_DOMAINS)}`;
}

// ---- devices and networks ----------------------------------------------------------------------

export interface Device {
  id: string;
  userAgent: string;
  language: string;
  timezone: string;
  mobile: boolean;
}

export const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  iphoneLine: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.16.0',
  android: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  // iPadOS asks for desktop pages by default, so a tablet says it is a Mac.
  ipad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  python: 'python-requests/2.32.3',
  go: 'Go-http-client/1.1',
} as const;

export type DeviceKind = 'iphone' | 'android' | 'windows' | 'mac' | 'ipad';

export function newDevice(rng: Rng, kind: DeviceKind, locale: { language: string; timezone: string } = { language: 'ja-JP', timezone: 'Asia/Tokyo' }): Device {
  const ua =
    kind === 'iphone' ? (rng.chance(0.15) ? UA.iphoneLine : UA.iphone) : kind === 'windows' ? (rng.chance(0.3) ? UA.edge : UA.windows) : UA[kind];
  return { id: `fp_${rng.hex(20)}`, userAgent: ua, language: rng.chance(0.9) ? locale.language : locale.language.slice(0, 2), timezone: locale.timezone, mobile: kind === 'iphone' || kind === 'android' || kind === 'ipad' };
}

/** /16 prefixes checked against the shipped IP database (lookupIp) when this file was written. */
export const NETWORKS = {
  jpHome: ['126.10', '126.33', '126.77', '126.200', '60.64', '60.70', '114.150', '114.160', '114.180', '153.150', '153.200', '180.0', '180.50', '106.150', '14.8', '14.10', '36.11', '111.239', '182.250', '119.240', '118.0'],
  jpMobile: ['1.72', '27.80', '27.85', '27.90', '106.128', '106.180', '60.80', '126.200'],
  // Offices reach the web through a cloud proxy or VPN gateway.
  jpCloud: ['13.230', '54.64', '34.84', '160.16'],
  US: ['73.1', '24.1', '68.1', '98.1', '99.1'],
  GB: ['86.1', '86.128'],
  FR: ['90.1', '86.200'],
  DE: ['91.1', '84.128', '79.200', '80.128', '93.200'],
  KR: ['121.128', '175.192'],
  TW: ['1.160', '36.224', '114.32'],
  TH: ['110.168'],
  VN: ['113.160', '14.160', '27.64', '1.52'],
  CN: ['36.96', '183.0'],
  cloudAbroad: ['45.77', '104.131', '5.9', '95.216', '51.15', '47.74', '119.28'],
  tor: ['185.220.101.1', '185.220.101.50', '109.70.100.1', '109.70.100.2', '109.70.100.10', '109.70.100.11'],
} as const;

export function ipIn(rng: Rng, prefixes: readonly string[]): string {
  const p = rng.pick(prefixes);
  return p.split('.').length === 4 ? p : `${p}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

// Mobile carriers put many subscribers behind a few hundred CGNAT addresses.
const cgnat = new Map<string, string[]>();
export function mobileIp(rng: Rng): string {
  const prefix = rng.pick(NETWORKS.jpMobile);
  let pool = cgnat.get(prefix);
  if (!pool) cgnat.set(prefix, (pool = Array.from({ length: 150 }, () => `${prefix}.${rng.int(0, 255)}.${rng.int(1, 254)}`)));
  return rng.pick(pool);
}

// ---- how a form is filled ----------------------------------------------------------------------

/** A person at a keyboard or a phone: uneven keys, curved or tapping pointer, time to read. */
export function humanBehavior(rng: Rng, form: 'signup' | 'login', mobile: boolean, autofill: boolean): BehaviorSummary {
  const keys = autofill ? (form === 'signup' ? rng.int(0, 12) : 0) : form === 'signup' ? rng.int(60, 160) : rng.int(14, 32);
  const intervals = Math.max(0, keys - 1 - rng.int(0, 5));
  const moves = mobile ? rng.int(0, 8) : rng.int(25, 500);
  const elapsed = autofill
    ? rng.logNormal(form === 'signup' ? 14_000 : 2_500, 0.45)
    : rng.logNormal(form === 'signup' ? 80_000 : 9_000, 0.5);
  return {
    v: 1,
    keystrokes: keys,
    keyIntervals: Math.max(0, intervals),
    keyIntervalMeanMs: intervals >= 2 ? Math.round(rng.logNormal(mobile ? 230 : 170, 0.25)) : null,
    keyIntervalStdMs: intervals >= 2 ? Math.round(rng.logNormal(mobile ? 110 : 80, 0.3)) : null,
    pointerMoves: moves,
    pointerDowns: mobile ? rng.int(form === 'signup' ? 8 : 2, form === 'signup' ? 22 : 6) : rng.int(1, form === 'signup' ? 12 : 3),
    pointerStraightness: moves >= 10 ? Math.min(0.985, Math.round(rng.logNormal(0.9, 0.04) * 1000) / 1000) : null,
    pasteCount: rng.chance(autofill ? 0.1 : 0.2) ? rng.int(1, 2) : 0,
    fieldFocusCount: form === 'signup' ? rng.int(5, 10) : rng.int(1, 3),
    elapsedMs: Math.round(elapsed),
    webdriver: false,
    headlessHints: [],
  };
}

/**
 * A program filling the form. `naive`: Puppeteer or Selenium as shipped (keys fired back to back
 * or at a fixed delay, one synthetic click, webdriver set). `stealth`: a patched browser with
 * randomised key delays and Bezier mouse paths, which is what paid bot kits sell.
 */
export function botBehavior(rng: Rng, form: 'signup' | 'login', kind: 'naive' | 'stealth', ua: string): BehaviorSummary {
  const keys = form === 'signup' ? rng.int(50, 120) : rng.int(14, 30);
  if (kind === 'stealth') {
    const moves = rng.int(30, 160);
    return {
      v: 1, keystrokes: keys, keyIntervals: keys - 1,
      keyIntervalMeanMs: rng.int(90, 190), keyIntervalStdMs: rng.int(22, 60),
      pointerMoves: moves, pointerDowns: rng.int(3, 10), pointerStraightness: Math.round((0.93 + rng.next() * 0.06) * 1000) / 1000,
      pasteCount: 0, fieldFocusCount: form === 'signup' ? rng.int(5, 9) : 2,
      elapsedMs: rng.int(form === 'signup' ? 9_000 : 3_000, form === 'signup' ? 30_000 : 9_000), webdriver: false, headlessHints: [],
    };
  }
  const fixedDelay = rng.chance(0.5);
  return {
    v: 1, keystrokes: keys, keyIntervals: keys - 1,
    keyIntervalMeanMs: fixedDelay ? rng.pick([50, 80, 100]) + rng.int(0, 3) : rng.int(1, 6),
    keyIntervalStdMs: rng.int(0, 4),
    pointerMoves: rng.int(0, 2), pointerDowns: rng.int(0, 2), pointerStraightness: null,
    pasteCount: 0, fieldFocusCount: form === 'signup' ? rng.int(4, 8) : 2,
    elapsedMs: fixedDelay ? keys * 80 + rng.int(300, 1500) : rng.int(350, 1800),
    webdriver: rng.chance(0.85),
    headlessHints: ua.includes('HeadlessChrome') ? ['headless-ua'] : rng.chance(0.4) ? ['no-plugins', 'zero-outer-size'] : [],
  };
}
