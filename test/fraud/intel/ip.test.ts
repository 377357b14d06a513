import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostingProvider, lookupIp, preloadIpIntel, replaceTorExits, type IpIntelStats } from '../../../src/fraud/intel/ip.ts';

// Real answers from the pinned ip-location-db build (2.3.2026061719) and the committed data
// files: a data upgrade that changes one of them should be looked at, not waved through.

let stats: IpIntelStats;
beforeAll(() => {
  stats = preloadIpIntel();
});

describe('lookupIp', () => {
  it('loads the tables once and reports what it loaded', () => {
    expect(stats.rows.country4).toBeGreaterThan(300_000);
    expect(stats.rows.country6).toBeGreaterThan(200_000);
    expect(stats.rows.asn4).toBeGreaterThan(400_000);
    expect(stats.torExits).toBeGreaterThan(2000);
    expect(stats.hostingAsns).toBeGreaterThan(25);
    expect(preloadIpIntel().loadMs).toBe(stats.loadMs); // lazy-once: the second call loads nothing
    expect(stats.tableBytes).toBeGreaterThan(10 * 2 ** 20);
  });

  it('knows Google public DNS as a US data-centre address', () => {
    expect(lookupIp('8.8.8.8')).toEqual({
      valid: true,
      version: 4,
      country: 'US',
      asn: 15169,
      org: 'Google LLC',
      datacenter: true,
      tor: false,
      private: false,
    });
  });

  it('answers 1.1.1.1 with Cloudflare, not counted as a data centre (iCloud Private Relay and WARP users)', () => {
    // AU is the registry's answer for APNIC's research prefix, which Cloudflare operates.
    expect(lookupIp('1.1.1.1')).toMatchObject({ country: 'AU', asn: 13335, org: 'Cloudflare, Inc.', datacenter: false });
  });

  it('tells Japanese hosting from Japanese consumer ISPs', () => {
    expect(lookupIp('133.242.1.1')).toMatchObject({ country: 'JP', asn: 7684, org: 'SAKURA Internet Inc.', datacenter: true });
    expect(lookupIp('106.154.1.1')).toMatchObject({ country: 'JP', asn: 2516, org: 'KDDI CORPORATION', datacenter: false });
    expect(lookupIp('126.1.1.1')).toMatchObject({ country: 'JP', asn: 17676, org: 'SoftBank Corp.', datacenter: false });
    expect(lookupIp('13.112.1.1')).toMatchObject({ country: 'JP', asn: 16509, datacenter: true }); // AWS Tokyo, by GeoFeed
  });

  it('looks up IPv6 in any spelling', () => {
    const google = { valid: true, version: 6, country: 'US', asn: 15169, org: 'Google LLC', datacenter: true };
    expect(lookupIp('2001:4860:4860::8888')).toMatchObject(google);
    expect(lookupIp('2001:4860:4860:0000:0000:0000:0000:8888')).toMatchObject(google);
    expect(lookupIp('2001:4860:4860::8888'.toUpperCase())).toMatchObject(google);
    expect(lookupIp('2a01:4f8::1')).toMatchObject({ country: 'DE', asn: 24940, datacenter: true });
    expect(lookupIp('2400:4050::1')).toMatchObject({ country: 'JP', asn: 4713, datacenter: false });
  });

  it('corrects the IPv6 "AU" that the country file gives to Japanese networks', () => {
    // geo-whois-asn-country says AU for all of 2001:200::/23; asn-country knows better.
    expect(lookupIp('2001:268::1')).toMatchObject({ country: 'JP', asn: 2516, org: 'KDDI CORPORATION' });
    expect(lookupIp('2001:200::1')).toMatchObject({ country: 'JP', asn: 2500, org: 'WIDE Project' });
  });

  it('treats IPv4-mapped IPv6 (how Node reports IPv4 clients on dual-stack sockets) as IPv4', () => {
    expect(lookupIp('::ffff:8.8.8.8')).toEqual(lookupIp('8.8.8.8'));
    expect(lookupIp('::ffff:127.0.0.1')).toMatchObject({ version: 4, private: true });
  });

  it.each([
    '10.1.2.3', '172.16.5.4', '172.31.255.255', '192.168.0.10', '127.0.0.1', '100.64.0.1', '169.254.1.1',
    '0.0.0.0', '192.0.2.1', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1%eth0', '2001:db8::1',
  ])('marks reserved %s as private, with no country or network', (ip) => {
    expect(lookupIp(ip)).toMatchObject({ valid: true, private: true, country: null, asn: null, datacenter: false, tor: false });
  });

  it('does not stretch private ranges past their edges', () => {
    expect(lookupIp('172.32.0.1').private).toBe(false);
    expect(lookupIp('11.0.0.1').private).toBe(false);
    expect(lookupIp('100.128.0.1').private).toBe(false);
  });

  it('finds Tor exits from the committed snapshot, IPv4 and IPv6', () => {
    expect(lookupIp('185.220.101.1')).toMatchObject({ tor: true, country: 'DE' });
    expect(lookupIp('2a0b:f4c2::1').tor).toBe(true);
    expect(lookupIp('2a0b:f4c2:0:0:0:0:0:1').tor).toBe(true);
    expect(lookupIp('8.8.8.8').tor).toBe(false);
  });

  it.each(['', ' ', 'abc', '256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', '::g', '1.2.3.4, 5.6.7.8', '1.2.3.4:80', '[::1]'])(
    'answers malformed %j with valid: false',
    (ip) => {
      expect(lookupIp(ip)).toEqual({
        valid: false, version: null, country: null, asn: null, org: null, datacenter: false, tor: false, private: false,
      });
    },
  );

  it('names the provider of a data-centre AS', () => {
    expect(hostingProvider(16509)).toBe('Amazon Web Services');
    expect(hostingProvider(2516)).toBeNull();
  });
});

describe('replaceTorExits', () => {
  const committed = readFileSync(new URL('../../../src/fraud/data/tor-exits.txt', import.meta.url), 'utf8');

  it('refuses a download with no address and keeps the current list', () => {
    expect(replaceTorExits('<html>503 Service Unavailable</html>\n')).toEqual({ ok: false, reason: 'NO_ADDRESSES' });
    expect(lookupIp('185.220.101.1').tor).toBe(true);
  });

  it('swaps in a fresh list, skipping lines that are not addresses', () => {
    try {
      expect(replaceTorExits('# fresh\n8.8.4.4\nnot an address\n')).toEqual({ ok: true, addresses: 1, rejectedLines: 1 });
      expect(lookupIp('8.8.4.4').tor).toBe(true);
      expect(lookupIp('185.220.101.1').tor).toBe(false);
    } finally {
      replaceTorExits(committed);
    }
  });

  it('ships a snapshot that says where and when it came from', () => {
    const header = committed.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).toMatch(/Source: GitHub doodad-labs\/tor-nodes/);
    expect(header).toMatch(/2025-12-25/);
  });
});
