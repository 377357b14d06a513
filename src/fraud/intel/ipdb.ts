import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ParsedIp } from './ipaddr.ts';
import { parseV6 } from './ipaddr.ts';
import { findRange, RangeTableBuilder, type Key, type RangeTable } from './ranges.ts';

/**
 * Offline IP → country and IP → ASN tables, from three npm packages of the ip-location-db project
 * (sapics/ip-location-db), pinned to one build (2.3.2026061719) so tests can name real answers:
 *
 * - @ip-location-db/geo-whois-asn-country: country per range, merged GeoFeed > RIR whois > RIR ASN
 *   country. package.json says CC0-1.0; its README credits the NRO's RIR statistics (CC BY 4.0).
 * - @ip-location-db/asn-country (CC0-1.0): country of the AS that announces each range, from the
 *   RIRs' delegation files. Coarser (no GeoFeed), used only to correct the IPv6 defect below.
 * - @ip-location-db/asn: AS number and organisation per range (RouteViews, the five RIRs, DB-IP
 *   ASN Lite). CC BY 4.0: attribution to RouteViews, NRO and DB-IP is owed wherever results are
 *   shown ("IP Geolocation by DB-IP", https://db-ip.com).
 *
 * The READMEs warn that the npm builds carry known data bugs and that npm publishing is being
 * retired in favour of the project's GitHub releases. One bug matters to Tenpo's markets: in
 * geo-whois' IPv6 file, large APNIC blocks fall back to "AU" (APNIC's own country), e.g.
 * 2001:200::/23 with WIDE and KDDI's 2001:268::/32: probing at every asn-country range start,
 * 3,453 of 68,368 IPv6 ranges held by ID, BD, HK, IN, VN, JP, MY, SG ... networks come out AU
 * (against 277 of 141,822 for IPv4, mostly GeoFeed corrections). So for IPv6 an
 * "AU" that asn-country contradicts is replaced by asn-country's answer (a real Australian
 * GeoFeed entry on a foreign network then reads as that network's country: the lesser error).
 * IPv4 showed no such pattern and keeps geo-whois, whose GeoFeed data places Cloudflare WARP,
 * iCloud Private Relay and cloud regions where their users are. Answers stay evidence, not proof.
 *
 * Each table is kept as sorted, disjoint ranges in typed arrays and searched by binary search
 * (ranges.ts): ~1.1M ranges, no per-row objects for the garbage collector to walk.
 *
 * Load, measured 2026-11-28 on the shared 2-core dev machine (Node 20, run through tsx, other
 * jobs running: load average 4-6): 1.3-1.7 s, once per process, lazily on the first lookup or
 * at startup through preloadIpIntel(); ~29 MiB retained (heap + array buffers, after GC), RSS
 * peaking ~170 MiB while the CSV text is in memory. Afterwards lookupIp takes ~2 µs, parsing
 * included. Decoding the files as latin1 strings measured faster than scanning raw Buffers.
 */

const require = createRequire(import.meta.url);
const file = (name: string): string => require.resolve(name);

interface Database {
  /** Values: the two-letter country packed as (first char << 8) | second char. */
  country4: RangeTable;
  country6: RangeTable;
  /** asn-country's IPv6 table, same packing: the check on country6's "AU". */
  asnCountry6: RangeTable;
  /** Values: AS numbers; their organisation names are in `orgs`. */
  asn4: RangeTable;
  asn6: RangeTable;
  orgs: Map<number, string>;
  stats: IpDbStats;
}

export interface IpDbStats {
  loadMs: number;
  /** Bytes the range tables hold (the ASN names come on top). */
  tableBytes: number;
  rows: { country4: number; country6: number; asnCountry6: number; asn4: number; asn6: number };
}

export interface IpRecord {
  country: string | null;
  asn: number | null;
  org: string | null;
}

let db: Database | undefined;

/** Loads the tables once (lazily, on first use); later calls return the same statistics. */
export function loadIpDatabase(): IpDbStats {
  return database().stats;
}

export function lookupRecord(ip: ParsedIp): IpRecord {
  const d = database();
  const key: Key = ip.version === 4 ? [ip.v4] : ip.words;
  const asns = ip.version === 4 ? d.asn4 : d.asn6;
  const asn = asns.value[findRange(asns, key)];
  let packed = ip.version === 4 ? d.country4.value[findRange(d.country4, key)] : d.country6.value[findRange(d.country6, key)];
  if (ip.version === 6 && (packed === undefined || packed === PACKED_AU)) {
    packed = d.asnCountry6.value[findRange(d.asnCountry6, key)] ?? packed;
  }
  return {
    country: packed === undefined ? null : String.fromCharCode(packed >> 8, packed & 0xff),
    asn: asn ?? null,
    org: asn === undefined ? null : (d.orgs.get(asn) ?? null),
  };
}

function database(): Database {
  if (db) return db;
  const t0 = performance.now();
  const orgs = new Map<number, string>();
  const country4 = load(file('@ip-location-db/geo-whois-asn-country/geo-whois-asn-country-ipv4-num.csv'), 4, countryValue);
  const country6 = load(file('@ip-location-db/geo-whois-asn-country/geo-whois-asn-country-ipv6.csv'), 6, countryValue);
  const asnCountry6 = load(file('@ip-location-db/asn-country/asn-country-ipv6.csv'), 6, countryValue);
  const asnValue = asnRecorder(orgs);
  const asn4 = load(file('@ip-location-db/asn/asn-ipv4-num.csv'), 4, asnValue);
  const asn6 = load(file('@ip-location-db/asn/asn-ipv6.csv'), 6, asnValue);
  const stats: IpDbStats = {
    loadMs: Math.round(performance.now() - t0),
    tableBytes: [country4, country6, asnCountry6, asn4, asn6].reduce((n, t) => n + t.start.byteLength + t.end.byteLength + t.value.byteLength, 0),
    rows: {
      country4: country4.size,
      country6: country6.size,
      asnCountry6: asnCountry6.size,
      asn4: asn4.size,
      asn6: asn6.size,
    },
  };
  db = { country4, country6, asnCountry6, asn4, asn6, orgs, stats };
  return db;
}

/** Reads one row's value from `text[from, to)`: everything after the second comma. */
type ValueReader = (text: string, from: number, to: number) => number;

const PACKED_AU = ('A'.charCodeAt(0) << 8) | 'U'.charCodeAt(0);

const countryValue: ValueReader = (text, from) => (text.charCodeAt(from) << 8) | text.charCodeAt(from + 1);

/** "15169,Google LLC" or '13335,"Cloudflare, Inc."': keeps the first name seen per AS number. */
function asnRecorder(orgs: Map<number, string>): ValueReader {
  return (text, from, to) => {
    const comma = text.indexOf(',', from);
    const stop = comma === -1 || comma > to ? to : comma;
    const asn = readUint(text, from, stop);
    if (stop < to && !orgs.has(asn)) {
      let org = text.slice(stop + 1, to);
      if (org.startsWith('"')) org = org.slice(1, -1).replaceAll('""', '"');
      // The file is read as latin1 (see load); the few names with non-ASCII bytes are UTF-8.
      if (/[^\x00-\x7f]/.test(org)) org = Buffer.from(org, 'latin1').toString('utf8');
      orgs.set(asn, org);
    }
    return asn;
  };
}

function readUint(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/**
 * Streams a CSV of "start,end,value..." rows into a range table. IPv4 files are the "-num"
 * variant (decimal uint32, cheapest to read); IPv6 files are the textual variant, parsed into
 * words by parseV6, which avoids 128-bit decimal arithmetic.
 */
function load(path: string, version: 4 | 6, readValue: ValueReader): RangeTable {
  // latin1, not utf8: byte-for-byte and several times faster to decode; all but ~80 organisation
  // names are ASCII, and asnRecorder re-decodes those.
  const text = readFileSync(path, 'latin1');
  let rows = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  const builder = new RangeTableBuilder(version === 4 ? 1 : 4, rows, path);
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const lineEnd = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const c1 = text.indexOf(',', pos);
    const c2 = c1 === -1 ? -1 : text.indexOf(',', c1 + 1);
    if (c1 !== -1 && c2 !== -1 && c2 < lineEnd) {
      const start = version === 4 ? [readUint(text, pos, c1)] : parseV6(text.slice(pos, c1));
      const end = version === 4 ? [readUint(text, c1 + 1, c2)] : parseV6(text.slice(c1 + 1, c2));
      builder.add(start, end, readValue(text, c2 + 1, lineEnd));
    }
    pos = eol + 1;
  }
  return builder.finish();
}
