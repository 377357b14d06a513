import { isIPv4, isIPv6 } from 'node:net';

/**
 * IP address parsing for the intel modules: one numeric form for both versions so the range
 * tables (ipdb.ts), the Tor set and the reserved-range checks compare numbers, never strings
 * (the same IPv6 address has many spellings: "2001:db8::1", "2001:0db8:0:0::1", ...).
 *
 * IPv4 is one uint32. IPv6 is four uint32 words, most significant first: plain numbers compare
 * faster than BigInt and allocate nothing, which matters on the per-request lookup path.
 */

export type ParsedIp = { version: 4; v4: number } | { version: 6; words: [number, number, number, number] };

/**
 * Parses an IPv4 or IPv6 address; null when it is not one. IPv4-mapped IPv6 ("::ffff:1.2.3.4",
 * which Node reports as the remote address of IPv4 clients on dual-stack sockets) becomes the
 * IPv4 address it carries, so the same client gets the same answer on either socket kind.
 * A zone id ("fe80::1%eth0") is dropped: it names a local interface, not part of the address.
 */
export function parseIp(input: string): ParsedIp | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 64) return null;
  if (isIPv4(text)) return { version: 4, v4: parseV4(text) };
  const percent = text.indexOf('%');
  const bare = percent === -1 ? text : text.slice(0, percent);
  if (!isIPv6(bare)) return null;
  const words = parseV6(bare);
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) return { version: 4, v4: words[3] };
  return { version: 6, words };
}

/** Dotted quad to uint32. Only called on strings isIPv4 accepted (no leading zeros, 0-255). */
export function parseV4(text: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      value = value * 256 + octet;
      octet = 0;
    } else {
      octet = octet * 10 + (c - 48);
    }
  }
  return value * 256 + octet;
}

/**
 * IPv6 text (validated by isIPv6, or from the trusted data files; no zone) to four uint32 words.
 * One pass over the characters: the loader calls this ~800k times, and a split-based parser
 * made it the largest part of the load time.
 */
export function parseV6(text: string): [number, number, number, number] {
  if (text.includes('.')) return parseV6Dotted(text);
  const groups = [0, 0, 0, 0, 0, 0, 0, 0];
  let count = 0;
  let value = 0;
  let digits = 0;
  let gap = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      if (digits > 0) {
        groups[count++] = value;
        value = 0;
        digits = 0;
      } else if (i > 0) {
        gap = count; // the second colon of "::"
      }
      continue;
    }
    value = value * 16 + (c <= 57 ? c - 48 : (c | 32) - 87);
    digits++;
  }
  if (digits > 0) groups[count++] = value;
  if (gap !== -1 && count < 8) {
    const moved = groups.slice(gap, count);
    groups.fill(0, gap);
    for (let i = 0; i < moved.length; i++) groups[8 - moved.length + i] = moved[i] ?? 0;
  }
  return toWords(groups);
}

/** The rare form with a dotted quad at the end ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4"). */
function parseV6Dotted(text: string): [number, number, number, number] {
  const cut = text.lastIndexOf(':');
  const v4 = parseV4(text.slice(cut + 1));
  return parseV6(`${text.slice(0, cut + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`);
}

function toWords(g: readonly number[]): [number, number, number, number] {
  return [
    (g[0] ?? 0) * 65536 + (g[1] ?? 0),
    (g[2] ?? 0) * 65536 + (g[3] ?? 0),
    (g[4] ?? 0) * 65536 + (g[5] ?? 0),
    (g[6] ?? 0) * 65536 + (g[7] ?? 0),
  ];
}

/** A stable key for set membership (Tor exits), equal for every spelling of one address. */
export function ipKey(ip: ParsedIp): string {
  return ip.version === 4 ? `4:${ip.v4}` : `6:${ip.words.join('.')}`;
}

// Address blocks that never belong to a member of the public (RFC 6890 special-purpose
// registries, IANA). A request "from" one of them came through our own network or a proxy we
// failed to unwrap, so country, ASN and data-centre answers would be meaningless.
const V4_RESERVED: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918 private
  ['100.64.0.0', 10], // RFC 6598 carrier-grade NAT, shared address space
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // RFC 1918 private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1 documentation
  ['192.168.0.0', 16], // RFC 1918 private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2 documentation
  ['203.0.113.0', 24], // TEST-NET-3 documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
];

const V6_RESERVED: readonly (readonly [string, number])[] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (RFC 4193)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

const v4Blocks = V4_RESERVED.map(([base, bits]) => {
  const size = 2 ** (32 - bits);
  const start = parseV4(base);
  return { start, end: start + size - 1 };
});

const v6Blocks = V6_RESERVED.map(([base, bits]) => ({ words: parseV6(base), bits }));

/** True for loopback, private, link-local, CGNAT, documentation, multicast and other reserved space. */
export function isReserved(ip: ParsedIp): boolean {
  if (ip.version === 4) return v4Blocks.some((b) => ip.v4 >= b.start && ip.v4 <= b.end);
  return v6Blocks.some((b) => prefixMatches(ip.words, b.words, b.bits));
}

function prefixMatches(a: readonly number[], b: readonly number[], bits: number): boolean {
  let left = bits;
  for (let i = 0; i < 4 && left > 0; i++) {
    const take = Math.min(32, left);
    // >>> 0 keeps the mask unsigned; a 32-bit shift is a no-op in JS, hence the special case.
    const mask = take === 32 ? 0xffffffff : (0xffffffff << (32 - take)) >>> 0;
    if ((((a[i] ?? 0) & mask) >>> 0) !== (((b[i] ?? 0) & mask) >>> 0)) return false;
    left -= take;
  }
  return true;
}
