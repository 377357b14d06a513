import { domainToASCII } from 'node:url';
// The community-reviewed list (disposable-email-domains/disposable-email-domains, ~9k domains, the
// one PyPI uses), shipped as JSON inside the package and read from disk, so it works offline.
// Chosen over ivolo's `disposable-email-domains` (~120k domains, merged without false-positive
// review): `disposable` raises the risk of real customers, so precision matters more than reach.
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';

export type NormalizedEmail = {
  /** The address every alias of one mailbox maps to; the identity to count and list. */
  canonical: string;
  /** Punycode, after aliasing (googlemail.com → gmail.com). */
  domain: string;
  disposable: boolean;
  freeMail: boolean;
};

export type NormalizeEmailResult =
  | { ok: true; value: NormalizedEmail }
  | { ok: false; reason: 'MALFORMED' };

const DISPOSABLE = disposableEmailBlocklistSet();

// Domains that share one mailbox namespace: the same local part is the same person. Apple keeps
// one namespace for @icloud.com, @me.com and @mac.com, and Google for @googlemail.com. Outlook's
// domains are NOT merged: foo@hotmail.com and foo@outlook.com can be two different people.
const DOMAIN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['googlemail.com', 'gmail.com'],
  ['me.com', 'icloud.com'],
  ['mac.com', 'icloud.com'],
]);

// Providers that deliver local+anything to local. Elsewhere '+' may be a real character of the
// mailbox name, and stripping it would merge two people.
const PLUS_ADDRESSING = new Set([
  'gmail.com',
  'outlook.com', 'outlook.jp', 'hotmail.com', 'hotmail.co.jp', 'hotmail.co.uk', 'live.com', 'live.jp', 'msn.com',
  'icloud.com',
  'fastmail.com', 'fastmail.fm',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me',
]);

// Gmail ignores dots in the local part; no other big provider does.
const DOTS_IGNORED = new Set(['gmail.com']);

// Yahoo (yahoo.com, Yahoo! JAPAN's セーフティーアドレス, regional yahoo.*, ymail, rocketmail) has
// no '+' sub-addressing; its disposable addresses are `basename-keyword`, and ordinary Yahoo IDs
// take no '-'. Stripping `-keyword` collapses all of an account's disposable addresses onto its base
// name, which Yahoo registers to that one account; it does not reveal the primary address, which
// is unrelated to the base name. '+' is left alone: Yahoo would not deliver such an address.
function isYahoo(domain: string): boolean {
  return domain === 'ymail.com' || domain === 'rocketmail.com' || domain.split('.')[0] === 'yahoo';
}

// Big free providers: anyone can open an account in a minute. Japanese carrier domains are here
// too (docomo, au, SoftBank, Y!mobile, Rakuten, legacy Vodafone/Willcom): free with a phone line.
// Yahoo's many domains are recognised by isYahoo instead. Parent domains match (t.vodafone.ne.jp).
const FREE_MAIL = new Set([
  'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'icloud.com', 'aol.com',
  'protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me', 'tutanota.com', 'tuta.io', 'zoho.com',
  'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru', 'yandex.com', 'mail.ru',
  'qq.com', '163.com', '126.com', 'naver.com', 'daum.net', 'hanmail.net',
  'outlook.jp', 'hotmail.co.jp', 'hotmail.co.uk', 'live.jp',
  'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'vodafone.ne.jp',
  'disney.ne.jp', 'ymobile.ne.jp', 'y-mobile.ne.jp', 'willcom.com', 'pdx.ne.jp', 'emobile.ne.jp',
  'rakumail.jp', 'uqmobile.jp',
]);

// RFC 5322 atext plus dots, with no rule on where the dots go: docomo and au long issued
// addresses such as `taro..yamada.@docomo.ne.jp`, which are live mailboxes of real customers.
const LOCAL_PART = /^[a-z0-9!#$%&'*+\-/=?^_`{|}~.]{1,64}$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const MALFORMED = { ok: false, reason: 'MALFORMED' } as const;

/** `domain` or one of its parent domains is in `set` (so `x.mailinator.com` is disposable). */
function inSetWithParents(set: ReadonlySet<string>, domain: string): boolean {
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (set.has(labels.slice(i).join('.'))) return true;
  }
  return false;
}

function asciiDomain(raw: string): string | null {
  // domainToASCII applies IDNA (so 例え.jp and xn--r8jz45g.jp agree) and answers '' when invalid.
  const domain = domainToASCII(raw.replace(/\.$/, ''));
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const valid =
    domain.length <= 253 && labels.length >= 2 && labels.every((l) => DNS_LABEL.test(l)) && !/^\d+$/.test(tld);
  return valid ? domain : null;
}

function canonicalLocal(local: string, domain: string): string {
  let out = local;
  const tag = PLUS_ADDRESSING.has(domain) ? '+' : isYahoo(domain) ? '-' : null;
  if (tag !== null && out.includes(tag)) out = out.slice(0, out.indexOf(tag));
  if (DOTS_IGNORED.has(domain)) out = out.replaceAll('.', '');
  return out;
}

/**
 * The mailbox behind an address as typed: trimmed, NFKC (full-width ＠ and letters), lowercased,
 * with the provider's aliasing undone. Not a deliverability check: a well-formed address at a
 * domain without mail servers is still `ok`.
 */
export function normalizeEmail(raw: string): NormalizeEmailResult {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || text.length > 254) return MALFORMED;
  const local = text.slice(0, at);
  const ascii = asciiDomain(text.slice(at + 1));
  if (!LOCAL_PART.test(local) || ascii === null) return MALFORMED;

  const domain = DOMAIN_ALIASES.get(ascii) ?? ascii;
  const mailbox = canonicalLocal(local, domain);
  // `+tag@gmail.com` or `.@gmail.com` names no mailbox once the aliasing is undone.
  if (mailbox === '') return MALFORMED;

  return {
    ok: true,
    value: {
      canonical: `${mailbox}@${domain}`,
      domain,
      disposable: inSetWithParents(DISPOSABLE, domain),
      freeMail: isYahoo(domain) || inSetWithParents(FREE_MAIL, domain),
    },
  };
}
