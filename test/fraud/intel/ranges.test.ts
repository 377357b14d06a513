import { describe, expect, it } from 'vitest';
import { isReserved, parseIp, parseV6 } from '../../../src/fraud/intel/ipaddr.ts';
import { findRange, RangeTableBuilder, type RangeTable } from '../../../src/fraud/intel/ranges.ts';

function table(rows: [number, number, number][]): RangeTable {
  const b = new RangeTableBuilder(1, rows.length, 'test');
  for (const [s, e, v] of rows) b.add([s], [e], v);
  return b.finish();
}
const valueAt = (t: RangeTable, ip: number): number | undefined => t.value[findRange(t, [ip])];

describe('RangeTableBuilder', () => {
  it('keeps disjoint rows as they are and finds nothing in the gaps', () => {
    const t = table([[10, 19, 1], [30, 39, 2]]);
    expect([valueAt(t, 9), valueAt(t, 10), valueAt(t, 19), valueAt(t, 25), valueAt(t, 39), valueAt(t, 40)]).toEqual([
      undefined, 1, 1, undefined, 2, undefined,
    ]);
  });

  it('lets a row nested in a wider one win for its span, and resumes the wider one after it', () => {
    // The shape of the ip-location-db rows: "GB 0-100", then "BE 0-15" inside it, "ES 4" inside that.
    const t = table([[0, 100, 1], [0, 15, 2], [4, 4, 3], [50, 60, 4]]);
    const at = (ip: number) => valueAt(t, ip);
    expect([at(0), at(3), at(4), at(5), at(15), at(16), at(49), at(50), at(60), at(61), at(100), at(101)]).toEqual([
      2, 2, 3, 2, 2, 1, 1, 4, 4, 1, 1, undefined,
    ]);
    // Disjoint and sorted afterwards, which the binary search relies on.
    for (let i = 1; i < t.size; i++) expect(t.start[i]).toBeGreaterThan(t.end[i - 1] ?? Infinity);
  });

  it('rejects rows out of order', () => {
    const b = new RangeTableBuilder(1, 2, 'test');
    b.add([10], [20], 1);
    expect(() => b.add([5], [6], 2)).toThrow(/not sorted/);
  });

  it('works on four-word IPv6 keys, including carries between words', () => {
    const b = new RangeTableBuilder(4, 2, 'test');
    b.add(parseV6('2001::'), parseV6('2001:0:ffff:ffff:ffff:ffff:ffff:ffff'), 1);
    b.add(parseV6('2001:0:1::'), parseV6('2001:0:1:0:ffff:ffff:ffff:ffff'), 2);
    const t = b.finish();
    expect(t.value[findRange(t, parseV6('2001:0:0:ffff:ffff:ffff:ffff:ffff'))]).toBe(1);
    expect(t.value[findRange(t, parseV6('2001:0:1::5'))]).toBe(2);
    expect(t.value[findRange(t, parseV6('2001:0:1:1::'))]).toBe(1);
    expect(findRange(t, parseV6('2002::'))).toBe(-1);
  });
});

describe('parseIp', () => {
  it.each([
    ['::', [0, 0, 0, 0]],
    ['::1', [0, 0, 0, 1]],
    ['1::', [0x10000, 0, 0, 0]],
    ['2001:db8::ff00:42:8329', [0x20010db8, 0, 0xff00, 0x428329]],
    ['1:2:3:4:5:6:7:8', [0x10002, 0x30004, 0x50006, 0x70008]],
    ['64:ff9b::192.0.2.33', [0x64ff9b, 0, 0, 0xc0000221]],
  ])('reads IPv6 %s', (text, words) => {
    expect(parseV6(text)).toEqual(words);
  });

  it('reads IPv4 and unwraps IPv4-mapped IPv6', () => {
    expect(parseIp('192.0.2.1')).toEqual({ version: 4, v4: 0xc0000201 });
    expect(parseIp('::ffff:192.0.2.1')).toEqual({ version: 4, v4: 0xc0000201 });
    expect(parseIp('::ffff:c000:201')).toEqual({ version: 4, v4: 0xc0000201 });
  });

  it('checks reserved prefixes bit by bit', () => {
    const reserved = (ip: string) => isReserved(parseIp(ip) ?? { version: 4, v4: 0 });
    expect(reserved('fbff:ffff::1')).toBe(false);
    expect(reserved('fc00::')).toBe(true);
    expect(reserved('fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(reserved('fe00::1')).toBe(false);
    expect(reserved('febf::1')).toBe(true);
    expect(reserved('2001:db9::1')).toBe(false);
  });
});
