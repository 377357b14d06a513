import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ipKey, isReserved, parseIp } from './ipaddr.ts';
import { loadIpDatabase, lookupRecord, type IpDbStats } from './ipdb.ts';

/**
 * What Tenpo knows offline about the address a request came from: where it is registered,
 * which network announces it, and whether that network is a data centre or a Tor exit.
 * Answers are evidence for rules to weigh, never a verdict: databases lag reality, people use
 * VPNs for privacy, and mobile carriers send whole regions through a few gateways.
 *
 * Sources (see the data files' headers for provenance and dates):
 * - country, ASN, organisation: ip-location-db npm packages (ipdb.ts; load time and memory there)
 * - data centre: src/fraud/data/hosting-asns.json, well-known cloud and hosting ASNs
 * - Tor: src/fraud/data/tor-exits.txt, a dated snapshot
 *
 * Refreshing the Tor list. It goes stale within days, so refresh it before a release; no Tenpo
 * CLI is needed. From the repository root (the list is IPv4 only and measured: the addresses
 * exits really leave from):
 *
 *   { echo "# Tor exit addresses: https://check.torproject.org/torbulkexitlist, fetched $(date -u +%FT%TZ)"
 *     curl -fsS https://check.torproject.org/torbulkexitlist; } > /tmp/tor-exits.txt \
 *     && grep -qE '^[0-9]+\.' /tmp/tor-exits.txt && mv /tmp/tor-exits.txt src/fraud/data/tor-exits.txt
 *
 * A running process can also swap the list in place (e.g. from an hourly job that fetched the
 * same URL) with replaceTorExits(text), which rejects a list with no usable address.
 */

export interface IpInfo {
  valid: boolean;
  version: 4 | 6 | null;
  /** ISO 3166-1 alpha-2, or null when unknown (or private). */
  country: string | null;
  asn: number | null;
  org: string | null;
  datacenter: boolean;
  tor: boolean;
  /** Loopback, RFC 1918, CGNAT, link-local, ULA and other space no member of the public uses. */
  private: boolean;
}

const INVALID: IpInfo = {
  valid: false,
  version: null,
  country: null,
  asn: null,
  org: null,
  datacenter: false,
  tor: false,
  private: false,
};

export function lookupIp(ip: string): IpInfo {
  const parsed = parseIp(ip);
  if (!parsed) return INVALID;
  const base = { ...INVALID, valid: true, version: parsed.version };
  // Reserved space says nothing about a person and is absent from the databases; looking it
  // up would only waste the first call's load on, say, a health check from 127.0.0.1.
  if (isReserved(parsed)) return { ...base, private: true };
  const record = lookupRecord(parsed);
  return {
    ...base,
    country: record.country,
    asn: record.asn,
    org: record.org,
    datacenter: record.asn !== null && hostingAsns().has(record.asn),
    tor: torExits().has(ipKey(parsed)),
  };
}

export interface IpIntelStats extends IpDbStats {
  torExits: number;
  hostingAsns: number;
}

/**
 * Loads every table now rather than on the first lookup: call it at startup so no request pays
 * the one-off load (ipdb.ts measures it). Idempotent.
 */
export function preloadIpIntel(): IpIntelStats {
  return { ...loadIpDatabase(), torExits: torExits().size, hostingAsns: hostingAsns().size };
}

// ---- data centres ------------------------------------------------------------------------

const hostingFileSchema = z.object({
  asns: z.array(z.object({ asn: z.number().int().positive(), provider: z.string(), inferred: z.boolean() })).min(1),
});

let hosting: Map<number, string> | undefined;

/** AS number → provider, for every AS counted as a data centre. Read once. */
function hostingAsns(): Map<number, string> {
  hosting ??= new Map(
    hostingFileSchema
      .parse(JSON.parse(readFileSync(new URL('../data/hosting-asns.json', import.meta.url), 'utf8')))
      .asns.map((a) => [a.asn, a.provider]),
  );
  return hosting;
}

/** The data-centre provider an AS belongs to ("Amazon Web Services"), for reasons shown to people. */
export function hostingProvider(asn: number): string | null {
  return hostingAsns().get(asn) ?? null;
}

// ---- Tor ---------------------------------------------------------------------------------

let tor: Set<string> | undefined;

function torExits(): Set<string> {
  if (!tor) {
    const parsed = parseTorList(readFileSync(new URL('../data/tor-exits.txt', import.meta.url), 'utf8'));
    // The committed file is ours: a bad line there is a broken commit, not a condition to serve.
    if (parsed.rejected.length > 0) throw new Error(`tor-exits.txt: not addresses: ${parsed.rejected.slice(0, 3).join(', ')}`);
    tor = parsed.keys;
  }
  return tor;
}

export type ReplaceTorExitsResult =
  | { ok: true; addresses: number; rejectedLines: number }
  | { ok: false; reason: 'NO_ADDRESSES' };

/**
 * Replaces the in-memory exit list with `text` (one address a line, '#' comments), e.g. a fresh
 * torbulkexitlist download. Lines that are not addresses are skipped and counted; a text with no
 * address at all (an error page, an empty body) is refused and the current list kept.
 */
export function replaceTorExits(text: string): ReplaceTorExitsResult {
  const parsed = parseTorList(text);
  if (parsed.keys.size === 0) return { ok: false, reason: 'NO_ADDRESSES' };
  tor = parsed.keys;
  return { ok: true, addresses: parsed.keys.size, rejectedLines: parsed.rejected.length };
}

function parseTorList(text: string): { keys: Set<string>; rejected: string[] } {
  const keys = new Set<string>();
  const rejected: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const ip = parseIp(line);
    if (ip) keys.add(ipKey(ip));
    else rejected.push(line.slice(0, 60));
  }
  return { keys, rejected };
}
