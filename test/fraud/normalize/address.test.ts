import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeJapaneseAddress as normalize } from '../../../src/fraud/normalize/address.ts';

const AKASAKA = '東京都|港区|赤坂|4-3-2';

describe('normalizeJapaneseAddress: one address, however it is written', () => {
  it.each([
    ['東京都港区赤坂４丁目３番地２号'],
    ['東京都港区赤坂4-3-2'],
    ['東京都港区赤坂四丁目3-2'],
    ['東京都港区赤坂四丁目三番二号'],
    ['東京都港区赤坂４ー３－２'], // katakana long vowel mark and full-width hyphen as dashes
    ['東京都港区赤坂4‐3‐2'], // U+2010
    ['東京都港区赤坂4−3−2'], // U+2212
    ['東京都港区赤坂4―3―2'], // U+2015
    ['東京都港区赤坂4—3–2'], // em and en dash
    ['東京都港区赤坂4﹣3ｰ2'], // small hyphen-minus, half-width long vowel mark
    ['東京都港区赤坂4丁目3-2'],
    ['東京都港区赤坂4丁目3番2'],
    ['東京都港区赤坂4丁目3番2号'],
    ['東京都港区赤坂四の三の二'],
    ['東京都港区赤坂4の3の2'],
    ['東京都 港区 赤坂 4 - 3 - 2'],
    ['東京都　港区　赤坂４丁目　３番　２号'],
    ['〒107-0052 東京都港区赤坂4-3-2'],
    ['〒１０７－００５２東京都港区赤坂4-3-2'],
    ['107-0052 東京都港区赤坂4-3-2'],
    ['東京都港区赤坂4-3-2 〒107-0052'],
    ['港区赤坂4丁目3番2号'], // a bare Tokyo ward implies 東京都
  ])('%s', (raw) => {
    expect(normalize(raw).key).toBe(AKASAKA);
  });

  it.each([
    // 丁目 with 番 only, written either way
    ['東京都港区赤坂四丁目3番', '東京都港区赤坂4-3', '東京都|港区|赤坂|4-3'],
    // 番地の
    ['長野県北安曇郡白馬村大字北城3020番地の1', '長野県白馬村北城3020-1', '長野県|白馬村|北城|3020-1'],
    ['長野県白馬村字北城三〇二〇番地の一', '長野県白馬村北城3020-1', '長野県|白馬村|北城|3020-1'],
    // 二十三 style numerals
    ['東京都新宿区西新宿二丁目八番一号', '東京都新宿区西新宿2-8-1', '東京都|新宿区|西新宿|2-8-1'],
    ['東京都世田谷区三軒茶屋二丁目十一番二十二号', '東京都世田谷区三軒茶屋2-11-22', '東京都|世田谷区|三軒茶屋|2-11-22'],
    ['大阪府大阪市北区梅田三丁目百番', '大阪府大阪市北区梅田3-100', '大阪府|大阪市北区|梅田|3-100'],
    // Sapporo's 条: the number belongs to the town, the block starts at 丁目
    ['北海道札幌市中央区北一条西二丁目3番4号', '札幌市中央区北1条西2-3-4', '北海道|札幌市中央区|北1条西|2-3-4'],
    // 霞ヶ関 / 霞ケ関 / 霞が関
    ['東京都千代田区霞が関1-1-1', '東京都千代田区霞ヶ関一丁目1番1号', '東京都|千代田区|霞ケ関|1-1-1'],
    // 三ノ輪 / 三の輪
    ['東京都台東区三ノ輪1-1-1', '東京都台東区三の輪一丁目1番1号', '東京都|台東区|三の輪|1-1-1'],
    // leading zeros
    ['東京都港区赤坂04-03-02', '東京都港区赤坂4-3-2', AKASAKA],
  ])('%s = %s', (a, b, key) => {
    expect(normalize(a).key).toBe(key);
    expect(normalize(b).key).toBe(key);
  });

  it('keeps numerals that are part of a name (六本木, 一番町, 九段, 二十四軒)', () => {
    expect(normalize('東京都港区六本木6丁目10番1号').town).toBe('六本木');
    expect(normalize('東京都千代田区一番町5')).toMatchObject({ town: '一番町', block: '5' });
    expect(normalize('東京都千代田区2番町5')).toMatchObject({ town: '2番町', block: '5' });
    expect(normalize('東京都千代田区九段北1-2-3').town).toBe('九段北');
    expect(normalize('北海道札幌市西区二十四軒2条2丁目3-3')).toMatchObject({ town: '二十四軒2条', block: '2-3-3' });
  });
});

describe('normalizeJapaneseAddress: different places stay apart', () => {
  it.each([
    ['東京都港区赤坂4-3-2', '東京都港区赤坂4-3-3'],
    ['東京都港区赤坂4-3-2', '東京都港区赤坂3-4-2'],
    ['東京都港区赤坂4-3-2', '東京都港区六本木4-3-2'],
    ['東京都港区赤坂4-3-2', '東京都新宿区赤坂4-3-2'],
    ['東京都港区赤坂4-3-2', '大阪府大阪市港区赤坂4-3-2'],
    ['東京都府中市宮町1-1', '広島県府中市宮町1-1'],
    ['東京都港区赤坂4-3-2', '東京都港区赤坂4-3'],
    ['東京都港区赤坂4-3-2 101号室', '東京都港区赤坂4-3-2 102号室'],
  ])('%s ≠ %s', (a, b) => {
    expect(normalize(a).key).not.toBe(normalize(b).key);
  });
});

describe('normalizeJapaneseAddress: building and room', () => {
  it.each([
    ['東京都港区赤坂4-3-2 赤坂ビル 101号室', '赤坂ビル', '101'],
    ['東京都港区赤坂4-3-2赤坂ビル101号室', '赤坂ビル', '101'],
    ['東京都港区赤坂4-3-2-101', null, '101'],
    ['東京都港区赤坂4丁目3番2号101', null, '101'],
    ['東京都港区赤坂4丁目3番2号 101号', null, '101'],
    ['東京都港区赤坂4-3-2 赤坂ビル１０１', '赤坂ビル', '101'],
    ['東京都港区赤坂4-3-2 赤坂ビル #101', '赤坂ビル', '101'],
    ['東京都港区赤坂4-3-2、赤坂ビル101号', '赤坂ビル', '101'],
    ['東京都港区赤坂4丁目3-2 赤坂タワー12F', '赤坂タワー', '12f'],
    ['東京都港区赤坂4丁目3-2 赤坂タワー 12階', '赤坂タワー', '12f'],
    ['東京都港区赤坂4丁目3-2 赤坂タワー地下1階', '赤坂タワー', 'b1f'],
    ['東京都港区赤坂4丁目3-2 赤坂タワー B1F', '赤坂タワー', 'b1f'],
    ['東京都港区赤坂4丁目3-2 赤坂タワー12階1205号室', '赤坂タワー', '1205'], // the room is more exact
    ['東京都港区赤坂4丁目3-2 赤坂タワー 12F 1205', '赤坂タワー', '1205'],
    ['東京都港区赤坂4-3-2 ｱｶｻｶﾋﾞﾙ 3F', 'アカサカビル', '3f'], // half-width katakana widened
    ['東京都港区赤坂4-3-2 ＡＫＡＳＡＫＡビル', 'akasakaビル', null],
    ['東京都港区赤坂4-3-2 パークハウス2', 'パークハウス2', null], // a short trailing number is part of the name
    ['東京都港区赤坂4-3-2', null, null],
  ])('%s → building %j, room %j', (raw, building, room) => {
    const a = normalize(raw);
    expect(a.building).toBe(building);
    expect(a.room).toBe(room);
    expect(a.premisesKey).toBe(AKASAKA);
  });

  it('keys the unit by room but never by the building name people spell at will', () => {
    const spellings = [
      '東京都港区赤坂4-3-2 赤坂ビル 101号室',
      '東京都港区赤坂4-3-2-101',
      '東京都港区赤坂4-3-2 ｱｶｻｶﾋﾞﾙ101',
      '東京都港区赤坂四丁目三番二号 ＡＫＡＳＡＫＡ ＢＬＤＧ． １０１',
    ];
    expect(new Set(spellings.map((s) => normalize(s).key))).toEqual(new Set([`${AKASAKA}|101`]));
  });

  it('keys the premises without the room, and equals key when there is no room', () => {
    const a = normalize('東京都港区赤坂4-3-2 赤坂ビル 101号室');
    const b = normalize('東京都港区赤坂4-3-2 赤坂ビル 905号室');
    expect(a.premisesKey).toBe(b.premisesKey);
    expect(a.key).not.toBe(b.key);
    expect(normalize('東京都港区赤坂4-3-2').key).toBe(AKASAKA);
  });
});

describe('normalizeJapaneseAddress: prefecture and city', () => {
  it.each([
    // [address, prefecture, city, town]
    ['東京都港区赤坂4-3-2', '東京都', '港区', '赤坂'],
    ['千葉県市川市八幡1-1-1', '千葉県', '市川市', '八幡'], // starts with 市
    ['千葉県市原市国分寺台中央1-1-1', '千葉県', '市原市', '国分寺台中央'],
    ['三重県四日市市諏訪町1-5', '三重県', '四日市市', '諏訪町'], // 市 inside the name
    ['広島県廿日市市下平良1-11-1', '広島県', '廿日市市', '下平良'],
    ['石川県野々市市三納1-1', '石川県', '野々市市', '三納'],
    ['東京都町田市森野2-2-22', '東京都', '町田市', '森野'], // starts with 町
    ['長野県大町市大町3887', '長野県', '大町市', '大町'], // 町 inside the name
    ['新潟県十日町市千歳町3-3', '新潟県', '十日町市', '千歳町'],
    ['東京都東村山市本町1-2-3', '東京都', '東村山市', '本町'], // 村 inside the name
    ['東京都武蔵村山市本町1-1-1', '東京都', '武蔵村山市', '本町'],
    ['東京都羽村市緑ヶ丘5-2-1', '東京都', '羽村市', '緑ヶ丘'],
    ['長崎県大村市玖島1-25', '長崎県', '大村市', '玖島'],
    ['福島県郡山市朝日1-23-7', '福島県', '郡山市', '朝日'], // 郡 inside the name
    ['愛知県蒲郡市旭町17-1', '愛知県', '蒲郡市', '旭町'],
    ['奈良県大和郡山市北郡山町248-4', '奈良県', '大和郡山市', '北郡山町'],
    ['福岡県小郡市小郡255-1', '福岡県', '小郡市', '小郡'],
    // 郡 … 町/村: the county is dropped, it only repeats what the town says
    ['北海道虻田郡ニセコ町字富士見47', '北海道', 'ニセコ町', '富士見'],
    ['北海道余市郡余市町朝日町4', '北海道', '余市町', '朝日町'],
    ['北海道余市郡赤井川村字赤井川74-2', '北海道', '赤井川村', '赤井川'],
    ['奈良県高市郡明日香村大字岡55', '奈良県', '明日香村', '岡'],
    ['山形県東村山郡山辺町大字山辺1', '山形県', '山辺町', '山辺'],
    ['佐賀県杵島郡大町町大字大町5017', '佐賀県', '大町町', '大町'],
    ['群馬県佐波郡玉村町大字下新田201', '群馬県', '玉村町', '下新田'],
    ['兵庫県赤穂郡上郡町大持278', '兵庫県', '上郡町', '大持'],
    ['兵庫県上郡町大持278', '兵庫県', '上郡町', '大持'],
    ['鳥取県八頭郡八頭町郡家493', '鳥取県', '八頭町', '郡家'],
    // 政令指定都市 and their wards
    ['神奈川県横浜市中区山下町1', '神奈川県', '横浜市中区', '山下町'],
    ['福岡県北九州市小倉北区城内1-1', '福岡県', '北九州市小倉北区', '城内'],
    ['神奈川県横浜市保土ケ谷区川辺町2-9', '神奈川県', '横浜市保土ケ谷区', '川辺町'],
    ['愛知県名古屋市中村区名駅1-1-4', '愛知県', '名古屋市中村区', '名駅'],
    ['埼玉県さいたま市浦和区高砂3-15-1', '埼玉県', 'さいたま市浦和区', '高砂'],
    ['静岡県浜松市中央区元城町103-2', '静岡県', '浜松市中央区', '元城町'],
  ])('%s → %s / %s / %s', (raw, prefecture, city, town) => {
    expect(normalize(raw)).toMatchObject({ prefecture, city, town });
  });

  // Every municipality of Japan (総務省's code list, see fixtures/README.md), followed by a town:
  // the splitter must stop exactly at the end of its name.
  const municipalities = readFileSync(new URL('fixtures/municipalities.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
  it(`splits every one of the ${municipalities.length} municipalities and designated-city wards`, () => {
    const wrong: string[] = [];
    for (const [prefecture = '', city = '', ...wards] of municipalities) {
      for (const name of wards.length > 0 ? wards.map((w) => city + w) : [city]) {
        const a = normalize(`${prefecture}${name}本町1-2-3`);
        if (a.prefecture !== prefecture || a.city !== name || a.town !== '本町') wrong.push(`${prefecture}${name}`);
        const withoutPrefecture = normalize(`${name}本町1-2-3`);
        if (withoutPrefecture.city !== name || withoutPrefecture.town !== '本町') wrong.push(name);
      }
    }
    expect(wrong).toEqual([]);
    expect(municipalities.length).toBeGreaterThan(1700);
  });

  it.each([
    ['港区赤坂4-3-2', '東京都', '港区'],
    ['世田谷区三軒茶屋2-11-22', '東京都', '世田谷区'],
    ['横浜市中区山下町1', '神奈川県', '横浜市中区'],
    ['京都市中京区上本能寺前町488', '京都府', '京都市中京区'],
    ['北九州市小倉北区城内1-1', '福岡県', '北九州市小倉北区'],
    ['大阪市北区梅田3-1-1', '大阪府', '大阪市北区'],
  ])('fills the prefecture the city implies: %s → %s', (raw, prefecture, city) => {
    expect(normalize(raw)).toMatchObject({ prefecture, city });
  });

  it('leaves the prefecture empty when the city alone does not say it (府中市 is in 東京都 and 広島県)', () => {
    expect(normalize('府中市宮町1-1').prefecture).toBeNull();
    expect(normalize('大町市大町3887').prefecture).toBeNull();
    // both lacking the prefecture still match each other
    expect(normalize('大町市大町３８８７').key).toBe(normalize('大町市大町3887').key);
  });
});

describe('normalizeJapaneseAddress: 大字/字 and Kyoto streets', () => {
  it('drops 大字 and 字, which people write or omit at will', () => {
    const key = '北海道|ニセコ町|富士見|47';
    expect(normalize('北海道虻田郡ニセコ町字富士見47').key).toBe(key);
    expect(normalize('北海道虻田郡ニセコ町大字富士見47番地').key).toBe(key);
    expect(normalize('北海道ニセコ町富士見47').key).toBe(key);
  });

  // Decision: the street directions (通…上ル/下ル/東入/西入) are dropped when a town name follows,
  // as geolonia's data-backed normalizer does, so both spellings of one place share a key. An
  // address made of streets only keeps them: they are all that locates it.
  it.each([
    ['京都府京都市中京区寺町通御池上る上本能寺前町488'],
    ['京都府京都市中京区寺町通御池上ル上本能寺前町488番地'],
    ['京都府京都市中京区上本能寺前町488'],
    ['京都市中京区御池通寺町東入上本能寺前町488'],
  ])('%s is 上本能寺前町 488', (raw) => {
    expect(normalize(raw)).toMatchObject({ town: '上本能寺前町', key: '京都府|京都市中京区|上本能寺前町|488' });
  });

  it('keeps a street-only Kyoto address as written', () => {
    expect(normalize('京都府京都市下京区烏丸通七条下る').town).toBe('烏丸通7条下る');
  });

  it('does not touch 通 or 入 outside Kyoto', () => {
    expect(normalize('東京都中央区日本橋通1-1').town).toBe('日本橋通');
    expect(normalize('大阪府大阪市中央区上本町西入1-1').town).toBe('上本町西入');
  });
});

describe('normalizeJapaneseAddress: never throws', () => {
  it.each([[''], ['   '], ['tokyo'], ['〒107-0052'], ['１２３'], ['十十丁目']])('%j', (raw) => {
    expect(() => normalize(raw)).not.toThrow();
  });

  it('gives blank text a blank reading, not someone else’s address', () => {
    expect(normalize('')).toMatchObject({ prefecture: null, city: null, town: '', block: null, room: null });
  });
});
