// Encryption at rest for platform credentials (OAuth tokens, API keys).
// AES-256-GCM; keys come from an env value `kid1:BASE64KEY,kid2:BASE64KEY` where the first key
// encrypts and the rest only decrypt, so operators rotate by prepending a new key, running a
// reseal pass, then dropping the old one.
// Nothing here ever puts key bytes, plaintext or the offending input into an error message: these
// errors end up in logs and job failure records.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { inspect } from 'node:util';

const VERSION = 'v1';
const IV_BYTES = 12; // the GCM standard nonce size; random per seal (2^-32 collision bound is fine at our volume)
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KID_RE = /^[a-z0-9_-]{1,32}$/;
const B64_RE = /^[A-Za-z0-9+/]+={0,2}$/;
const B64URL_RE = /^[A-Za-z0-9_-]*$/;

export type KeyringErrorCode = 'empty' | 'malformed_entry' | 'bad_kid' | 'duplicate_kid' | 'bad_base64' | 'bad_length';
export type SealedValueErrorCode = 'malformed' | 'unsupported_version' | 'unknown_kid' | 'auth_failed' | 'bad_context';

export class KeyringError extends Error {
  override readonly name = 'KeyringError';
  constructor(readonly code: KeyringErrorCode, message: string) {
    super(message);
  }
}

export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
  constructor(readonly code: SealedValueErrorCode, message: string) {
    super(message);
  }
}

// Key material lives in this module-private map rather than on the object, so no enumeration,
// serialisation or reflection on a Keyring can reach it. KeyObject also keeps the bytes out of
// the JS heap and prints as an opaque handle.
const secrets = new WeakMap<Keyring, ReadonlyMap<string, KeyObject>>();
// Only parseKeyring holds this, so every Keyring has passed validation.
const CONSTRUCT = Symbol('Keyring.construct');

export class Keyring {
  readonly currentKid: string;
  readonly kids: readonly string[];

  constructor(token: typeof CONSTRUCT, keys: Map<string, KeyObject>, currentKid: string) {
    if (token !== CONSTRUCT) throw new TypeError('use parseKeyring to build a Keyring');
    this.currentKid = currentKid;
    this.kids = Object.freeze([...keys.keys()]);
    secrets.set(this, keys);
    Object.freeze(this);
  }

  toJSON(): { currentKid: string; kids: readonly string[] } {
    return { currentKid: this.currentKid, kids: this.kids };
  }

  toString(): string {
    return `Keyring(current=${this.currentKid}, kids=${this.kids.join(',')})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

function keyFor(keyring: Keyring, kid: string): KeyObject | undefined {
  return secrets.get(keyring)?.get(kid);
}

/** Parses `kid1:BASE64,kid2:BASE64`; the first entry is the current (encrypting) key. */
export function parseKeyring(spec: string): Keyring {
  // Messages name the entry by position, never by content: a mangled entry may be a raw key.
  if (typeof spec !== 'string' || spec.trim() === '') throw new KeyringError('empty', 'keyring spec is empty');
  const keys = new Map<string, KeyObject>();
  const entries = spec.trim().split(',');
  entries.forEach((raw, i) => {
    const where = `keyring entry ${i + 1}`;
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    if (colon < 0) throw new KeyringError('malformed_entry', `${where}: expected "kid:base64key"`);
    const kid = entry.slice(0, colon);
    const b64 = entry.slice(colon + 1);
    if (!KID_RE.test(kid)) throw new KeyringError('bad_kid', `${where}: kid must match [a-z0-9_-]{1,32}`);
    if (keys.has(kid)) throw new KeyringError('duplicate_kid', `${where}: duplicate kid "${kid}"`);
    // Buffer.from(…, 'base64') silently skips junk, so insist on the canonical encoding.
    const bytes = B64_RE.test(b64) && b64.length % 4 === 0 ? Buffer.from(b64, 'base64') : undefined;
    if (!bytes || bytes.toString('base64') !== b64) {
      throw new KeyringError('bad_base64', `${where} (kid "${kid}"): key is not valid base64`);
    }
    if (bytes.length !== KEY_BYTES) {
      bytes.fill(0);
      throw new KeyringError('bad_length', `${where} (kid "${kid}"): key must decode to ${KEY_BYTES} bytes, got ${bytes.length}`);
    }
    keys.set(kid, createSecretKey(bytes)); // copies, so scrub our transient buffer
    bytes.fill(0);
  });
  return new Keyring(CONSTRUCT, keys, keys.keys().next().value as string);
}

/** `kid:base64` of 32 fresh random bytes, ready to prepend to the keyring env value. */
export function generateKeySpec(kid: string): string {
  if (!KID_RE.test(kid)) throw new KeyringError('bad_kid', 'kid must match [a-z0-9_-]{1,32}');
  return `${kid}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

// The AAD binds the header as well as the caller's context, so the kid and version segments are
// authenticated too. Kids cannot contain NUL, so the encoding is unambiguous.
function aad(kid: string, context: string): Buffer {
  return Buffer.from(`tenpo:${VERSION}\0${kid}\0${context}`, 'utf8');
}

function checkContext(context: string): void {
  // An empty context would silently drop the row binding the whole scheme relies on.
  if (typeof context !== 'string' || context === '') throw new SealedValueError('bad_context', 'context must be a non-empty string');
}

export function seal(keyring: Keyring, plaintext: string, context: string): string {
  if (typeof plaintext !== 'string') throw new TypeError('plaintext must be a string');
  checkContext(context);
  const kid = keyring.currentKid;
  const key = keyFor(keyring, kid);
  if (!key) throw new TypeError('not a Keyring from parseKeyring');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(kid, context));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return [VERSION, kid, b(iv), b(ct), b(cipher.getAuthTag())].join('.');
}

interface Parsed { kid: string; iv: Buffer; ct: Buffer; tag: Buffer }

function b64url(segment: string, what: string): Buffer {
  // Canonical check: otherwise a flipped padding bit in the last char would decode to the same
  // bytes, and "tampered" values would still open.
  const buf = B64URL_RE.test(segment) ? Buffer.from(segment, 'base64url') : undefined;
  if (!buf || buf.toString('base64url') !== segment) throw new SealedValueError('malformed', `sealed value: ${what} is not base64url`);
  return buf;
}

function parse(sealed: string): Parsed {
  if (typeof sealed !== 'string') throw new SealedValueError('malformed', 'sealed value must be a string');
  const parts = sealed.split('.');
  if (parts.length !== 5) throw new SealedValueError('malformed', 'sealed value must have 5 dot-separated segments');
  const [version, kid, ivS, ctS, tagS] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw new SealedValueError('unsupported_version', 'sealed value has an unsupported version');
  if (!KID_RE.test(kid)) throw new SealedValueError('malformed', 'sealed value has an invalid kid');
  const iv = b64url(ivS, 'iv');
  const ct = b64url(ctS, 'ciphertext');
  const tag = b64url(tagS, 'tag');
  if (iv.length !== IV_BYTES) throw new SealedValueError('malformed', `sealed value: iv must be ${IV_BYTES} bytes`);
  if (tag.length !== TAG_BYTES) throw new SealedValueError('malformed', `sealed value: tag must be ${TAG_BYTES} bytes`);
  return { kid, iv, ct, tag };
}

export function open(keyring: Keyring, sealed: string, context: string): string {
  checkContext(context);
  const { kid, iv, ct, tag } = parse(sealed);
  const key = keyFor(keyring, kid);
  // The kid is an operator-chosen label, not secret, and it is what the operator needs to act.
  if (!key) throw new SealedValueError('unknown_kid', `sealed value uses kid "${kid}", which is not in the keyring`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(kid, context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  } catch {
    // GCM cannot tell these apart, and saying which would help nobody but an attacker.
    throw new SealedValueError('auth_failed', 'sealed value failed authentication (tampered, wrong key or wrong context)');
  }
}

/** True when the value was sealed with a key other than the current one. Throws on malformed input. */
export function needsRotation(keyring: Keyring, sealed: string): boolean {
  return parse(sealed).kid !== keyring.currentKid;
}

/**
 * Re-encrypts under the current key. Always authenticates first (a rotation job must not
 * launder garbage into a fresh valid value); returns the input unchanged when already current,
 * so callers can skip the write when `result === sealed`.
 */
export function reseal(keyring: Keyring, sealed: string, context: string): string {
  const plaintext = open(keyring, sealed, context);
  return needsRotation(keyring, sealed) ? seal(keyring, plaintext, context) : sealed;
}
