import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeJapaneseAddress } from '../../../src/fraud/normalize/address.ts';
import { createGeoloniaNormalizer, type GeoloniaNormalized } from '../../../src/fraud/normalize/geolonia.ts';

// A japanese-addresses-v2 build cut down to three cities (fixtures/README.md), read over file://
// as the library does in Node. No network is involved.
const SOURCE = new URL('fixtures/geolonia/api/ja', import.meta.url).href;
const normalize = createGeoloniaNormalizer(SOURCE);

function viaGeolonia(result: GeoloniaNormalized): GeoloniaNormalized & { source: 'geolonia' } {
  if (result.source !== 'geolonia') throw new Error(`fell back: ${result.reason}`);
  return result;
}

describe('geolonia fixtures are in the real format', () => {
  // csv_ranges in {city}.json point into {city}-住居表示.txt / -地番.txt, whose header is padded to
  // 50,000 bytes; a hand edit that shifts a byte would make geolonia read garbage silently.
  it.each([
    ['東京都', '港区', '住居表示'],
    ['長野県', '北安曇郡白馬村', '地番'],
  ] as const)('%s%s: every csv_range starts at its 町字 section', (pref, city, kind) => {
    const dir = fileURLToPath(`${SOURCE}/${pref}/`);
    const towns = JSON.parse(readFileSync(`${dir}${city}.json`, 'utf8')) as {
      data: { oaza_cho?: string; chome?: string; csv_ranges?: Record<string, { start: number; length: number }> }[];
    };
    const txt = readFileSync(`${dir}${city}-${kind}.txt`);
    expect(txt.indexOf('=END=\n')).toBeLessThan(50_000);
    const ranged = towns.data.filter((t) => t.csv_ranges?.[kind]);
    expect(ranged.length).toBeGreaterThan(0);
    for (const town of ranged) {
      const range = town.csv_ranges?.[kind] ?? { start: 0, length: 0 };
      const section = txt.subarray(range.start, range.start + range.length).toString('utf8');
      expect(section.startsWith(`${kind},${town.oaza_cho ?? ''}${town.chome ?? ''}\n`)).toBe(true);
      expect(section.endsWith('\n')).toBe(true);
    }
  });
});

describe('createGeoloniaNormalizer: keys agree with the lexical normalizer', () => {
  it.each([
    // [typed address, level geolonia reached, key]
    ['東京都港区赤坂４丁目３番地２号', 8, '東京都|港区|赤坂|4-3-2'],
    ['東京都港区赤坂四丁目三番二号', 8, '東京都|港区|赤坂|4-3-2'],
    ['東京都港区赤坂４ー３－２', 8, '東京都|港区|赤坂|4-3-2'],
    ['港区赤坂4丁目3番2号', 8, '東京都|港区|赤坂|4-3-2'],
    ['〒107-0052 東京都港区赤坂4-3-2', 8, '東京都|港区|赤坂|4-3-2'],
    ['東京都港区赤坂4-3-9', 3, '東京都|港区|赤坂|4-3-9'], // a block the registry does not list
    ['長野県北安曇郡白馬村大字北城3020番地の1', 8, '長野県|白馬村|北城|3020-1'], // 地番
    ['京都府京都市中京区寺町通御池上る上本能寺前町488', 3, '京都府|京都市中京区|上本能寺前町|488'],
  ] as const)('%s → level %i, %s', async (raw, level, key) => {
    const result = viaGeolonia(await normalize(raw));
    expect(result.level).toBe(level);
    expect(result.address.key).toBe(key);
    expect(result.address.key).toBe(normalizeJapaneseAddress(raw).key);
  });

  it('restores what the registry knows and the text omitted: the prefecture of 白馬村', async () => {
    const raw = '白馬村大字北城3020-1';
    expect(normalizeJapaneseAddress(raw).prefecture).toBeNull();
    const result = viaGeolonia(await normalize(raw));
    expect(result.address).toMatchObject({ prefecture: '長野県', city: '白馬村', town: '北城', block: '3020-1' });
    expect(result.address.key).toBe(normalizeJapaneseAddress('長野県白馬村北城3020-1').key);
  });

  it('keeps the building and room as typed, which geolonia would rewrite (タワー12F → タワ-12F)', async () => {
    const result = viaGeolonia(await normalize('東京都港区赤坂4丁目3-2 赤坂タワー12F'));
    expect(result.address).toMatchObject({ building: '赤坂タワー', room: '12f', key: '東京都|港区|赤坂|4-3-2|12f' });
    expect(result.address.premisesKey).toBe('東京都|港区|赤坂|4-3-2');
  });

  it('keys the unit by room: 4-3-2-101 and 4-3-2 赤坂ビル 101号室 agree', async () => {
    const a = viaGeolonia(await normalize('東京都港区赤坂4-3-2-101'));
    const b = viaGeolonia(await normalize('東京都港区赤坂4-3-2 赤坂ビル 101号室'));
    expect(a.address.key).toBe('東京都|港区|赤坂|4-3-2|101');
    expect(b.address.key).toBe(a.address.key);
    expect(b.address.building).toBe('赤坂ビル');
  });
});

describe('createGeoloniaNormalizer: falls back to the lexical reading', () => {
  it('when geolonia knows no 町字 for the address (level below town)', async () => {
    const raw = '東京都港区存在しない町1-2-3';
    expect(await normalize(raw)).toEqual({
      source: 'lexical',
      level: 2,
      reason: 'BELOW_TOWN',
      address: normalizeJapaneseAddress(raw),
    });
  });

  it('when the source fails, handing the error to the caller to log', async () => {
    // ja.json lists 千代田区, but the fixture has no 千代田区.json: geolonia's read fails.
    const raw = '東京都千代田区一番町5';
    const result = await normalize(raw);
    expect(result).toMatchObject({ source: 'lexical', level: null, reason: 'ERROR', address: normalizeJapaneseAddress(raw) });
    expect(result.source === 'lexical' && result.reason === 'ERROR' && result.error).toMatchObject({ code: 'ENOENT' });
  });
});

describe('createGeoloniaNormalizer: configuration', () => {
  it('accepts the same source again (with or without a trailing slash)', () => {
    expect(() => createGeoloniaNormalizer(`${SOURCE}/`)).not.toThrow();
  });

  it('refuses a second source: the library caches one source per process', () => {
    expect(() => createGeoloniaNormalizer('https://addresses.example.com/api/ja')).toThrow(/one source per process/);
  });

  it('refuses what is not an http(s) or file URL', () => {
    expect(() => createGeoloniaNormalizer('ftp://example.com/api/ja')).toThrow(/http\(s\):\/\/ or file:\/\//);
    expect(() => createGeoloniaNormalizer('api/ja')).toThrow(TypeError);
  });
});
