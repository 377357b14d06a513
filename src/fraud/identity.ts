import { createHmac } from 'node:crypto';
import type { AddressInput, PartyInput, ScreeningInput } from './inputs.ts';
import type { Entity, EntityKind } from './model.ts';
import { normalizeJapaneseAddress, type NormalizedAddress } from './normalize/address.ts';
import { normalizeEmail, type NormalizedEmail, type NormalizeEmailResult } from './normalize/email.ts';
import { normalizeName } from './normalize/name.ts';
import { normalizePhone, type NormalizedPhone } from './normalize/phone.ts';

/**
 * Identifiers are kept only as keyed hashes (HMAC-SHA256 with the deployment's
 * TENPO_FRAUD_HASH_KEY), so the shared tables let organisations match each other's confirmed
 * fraud without either side holding the other's customers' data. Organisation-scoped kinds
 * (the merchant's account ids, a platform's reviewer ids) mix in the organisation, so the same
 * account number at two shops is two identities.
 */
export type Hasher = (kind: EntityKind, value: string, scope?: string) => string;

export function createHasher(key: string): Hasher {
  return (kind, value, scope = '') => createHmac('sha256', key).update(`${kind}\u0000${scope}\u0000${value}`).digest('base64url').slice(0, 22);
}

/** What the normalizers learned about the identities, for the features to use. */
export interface Identities {
  entities: Entity[];
  emails: { role: string; email: NormalizedEmail | null }[];
  phones: { role: string; phone: NormalizedPhone }[];
  addresses: { role: string; address: NormalizedAddress }[];
  /** The entity in a role, e.g. entity("billing.email"). */
  entity(role: string): Entity | undefined;
}

type IdentityValue = { value: string; display: string } | null;

// From a normalizer's answer to the value hashed and its masked display: shared by list entries
// (identityValue) and screenings (extractIdentities), which also keep the normalized forms.
const fromEmail = (r: NormalizeEmailResult): IdentityValue => (r.ok ? { value: r.value.canonical, display: maskEmail(r.value.canonical) } : null);
const fromPhone = (p: NormalizedPhone): IdentityValue => (p.e164 ? { value: p.e164, display: `***${p.e164.slice(-4)}` } : null);
const fromName = (value: string): IdentityValue => (value ? { value, display: `${[...value][0] ?? ''}**` } : null);
function fromAddress(a: NormalizedAddress, country: string): IdentityValue {
  // Without a city or a block number it is no place in particular: every such address would share one key.
  if (!a.city && !a.block) return null;
  return { value: `${country}|${a.key}`, display: [a.prefecture, a.city, a.town].filter(Boolean).join('') || '…' };
}
function fromRaw(kind: 'DEVICE' | 'IP' | 'ACCOUNT' | 'REVIEWER', raw: string): IdentityValue {
  const value = kind === 'IP' ? raw.trim().toLowerCase() : raw.trim();
  if (!value) return null;
  const display = kind === 'DEVICE' ? (value.length > 8 ? `${value.slice(0, 8)}…` : value) : kind === 'IP' ? maskIp(value) : value;
  return { value, display };
}

/**
 * The normalized value an identity is hashed from, and how to show it masked. The one place
 * that decides it, so a list entry typed by a person matches what screenings extract.
 */
export function identityValue(kind: EntityKind, raw: string, country = 'JP', address: (line: string) => NormalizedAddress = normalizeJapaneseAddress): IdentityValue {
  switch (kind) {
    case 'EMAIL':
      return fromEmail(normalizeEmail(raw));
    case 'PHONE':
      return fromPhone(normalizePhone(raw));
    case 'NAME':
      return fromName(normalizeName(raw));
    case 'ADDRESS':
      return fromAddress(address(raw), country);
    default:
      return fromRaw(kind, raw);
  }
}

/** Kinds whose ids are the organisation's own (hashed with the organisation mixed in). */
export function scopeOf(kind: EntityKind, orgId: string): string {
  return kind === 'ACCOUNT' || kind === 'REVIEWER' ? orgId : '';
}

/**
 * The identities of a screening, each value normalized once. `address` is the normalizer to use
 * (the registry's answers, looked up beforehand; the lexical reading by default).
 */
export function extractIdentities(hash: Hasher, orgId: string, screening: ScreeningInput, address: (line: string) => NormalizedAddress = normalizeJapaneseAddress): Identities {
  const entities: Entity[] = [];
  const emails: Identities['emails'] = [];
  const phones: Identities['phones'] = [];
  const addresses: Identities['addresses'] = [];
  const byHash = new Map<string, Entity>();
  const byRole = new Map<string, Entity>();

  const add = (kind: EntityKind, role: string, id: IdentityValue) => {
    if (!id) return;
    const h = hash(kind, id.value, scopeOf(kind, orgId));
    // A value in two roles (billing and shipping alike) is one identity, listed under its first
    // role and found under both.
    let entity = byHash.get(h);
    if (!entity) {
      entity = { kind, hash: h, role, display: id.display };
      byHash.set(h, entity);
      entities.push(entity);
    }
    byRole.set(role, entity);
  };
  const raw = (kind: 'DEVICE' | 'IP' | 'ACCOUNT' | 'REVIEWER', role: string, value: string | undefined) => {
    if (value) add(kind, role, fromRaw(kind, value));
  };
  const email = (role: string, value: string | undefined) => {
    if (!value) return;
    const result = normalizeEmail(value);
    emails.push({ role, email: result.ok ? result.value : null });
    add('EMAIL', role, fromEmail(result));
  };
  const phone = (role: string, value: string | undefined) => {
    if (!value) return;
    const result = normalizePhone(value);
    phones.push({ role, phone: result });
    add('PHONE', role, fromPhone(result));
  };
  const name = (role: string, value: string | undefined) => {
    if (value) add('NAME', role, fromName(normalizeName(value)));
  };
  const addAddress = (role: string, value: AddressInput | undefined) => {
    if (!value) return;
    const normalized = address(value.line);
    addresses.push({ role, address: normalized });
    add('ADDRESS', role, fromAddress(normalized, value.country));
  };
  const party = (role: string, p: PartyInput | undefined) => {
    if (!p) return;
    email(`${role}.email`, p.email);
    phone(`${role}.phone`, p.phone);
    name(`${role}.name`, p.name);
    addAddress(`${role}.address`, p.address);
  };

  switch (screening.kind) {
    case 'ORDER':
      raw('ACCOUNT', 'account', screening.input.account?.id);
      party('billing', screening.input.billing);
      party('shipping', screening.input.shipping);
      break;
    case 'SIGNUP':
      raw('ACCOUNT', 'account', screening.input.accountId);
      party('person', screening.input.person);
      break;
    case 'LOGIN':
      raw('ACCOUNT', 'account', screening.input.accountId);
      email('email', screening.input.email);
      break;
    case 'REVIEW':
      raw('REVIEWER', 'reviewer', screening.input.reviewer.id);
      email('reviewer.email', screening.input.reviewer.email);
      name('reviewer.name', screening.input.reviewer.name);
      break;
  }
  raw('DEVICE', 'device', screening.input.context.device?.id);
  raw('IP', 'ip', screening.input.context.ip);

  return { entities, emails, phones, addresses, entity: (role) => byRole.get(role) };
}

function maskEmail(canonical: string): string {
  const at = canonical.lastIndexOf('@');
  return `${canonical.slice(0, Math.min(2, at))}***${canonical.slice(at)}`;
}

function maskIp(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}:…`;
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts[0]}.${parts[1]}.x.x` : '…';
}
