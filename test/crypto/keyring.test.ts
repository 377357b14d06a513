import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateKeySpec,
  KeyringError,
  needsRotation,
  open,
  parseKeyring,
  reseal,
  seal,
  SealedValueError,
} from '../../src/crypto/keyring.ts';

const OLD = generateKeySpec('k2024');
const NEW = generateKeySpec('k2025');
const ring = parseKeyring(OLD);
const ctx = 'connection:7f1c2a9e-0000-4000-8000-000000000001';

function expectSealedError(fn: () => unknown, code?: SealedValueError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(SealedValueError);
  if (code) expect((caught as SealedValueError).code).toBe(code);
}

function expectKeyringError(spec: string, code: KeyringError['code']): KeyringError {
  let caught: unknown;
  try {
    parseKeyring(spec);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(KeyringError);
  expect((caught as KeyringError).code).toBe(code);
  return caught as KeyringError;
}

describe('seal / open', () => {
  it.each([
    ['ascii', 'ya29.a0AfH6SMBx-token'],
    ['japanese', '東京都渋谷区の店舗トークン🍣'],
    ['empty', ''],
    ['long token', 'x'.repeat(64 * 1024)],
  ])('round trips %s', (_name, plaintext) => {
    const sealed = seal(ring, plaintext, ctx);
    expect(sealed).toMatch(/^v1\.k2024\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
    expect(open(ring, sealed, ctx)).toBe(plaintext);
  });

  it('round trips arbitrary unicode (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => open(ring, seal(ring, s, ctx), ctx) === s));
  });

  it('uses a fresh IV each time and never contains the plaintext', () => {
    const a = seal(ring, 'secret-token-value', ctx);
    const b = seal(ring, 'secret-token-value', ctx);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret-token-value');
    expect(a).not.toContain(Buffer.from('secret-token-value').toString('base64url'));
  });

  it('refuses a value copied to another row (wrong context)', () => {
    const sealed = seal(ring, 'token', ctx);
    expectSealedError(() => open(ring, sealed, 'connection:other'), 'auth_failed');
    expectSealedError(() => open(ring, sealed, ''), 'bad_context');
    expectSealedError(() => seal(ring, 'token', ''), 'bad_context');
  });

  it('detects tampering with every segment and every character position', () => {
    const sealed = seal(ring, 'refresh-token-1234567890', ctx);
    const parts = sealed.split('.');
    parts.forEach((part, i) => {
      for (let pos = 0; pos < part.length; pos++) {
        const ch = part[pos] === 'A' ? 'B' : 'A';
        const mutated = [...parts];
        mutated[i] = part.slice(0, pos) + ch + part.slice(pos + 1);
        expectSealedError(() => open(ring, mutated.join('.'), ctx));
      }
    });
    // Dropping or appending data is caught too.
    expectSealedError(() => open(ring, sealed.slice(0, -1), ctx));
    expectSealedError(() => open(ring, `${sealed}A`, ctx));
    expectSealedError(() => open(ring, parts.with(3, `${parts[3]}AAAA`).join('.'), ctx), 'auth_failed');
  });

  it('refuses an unknown kid, naming the kid but no key material', () => {
    const other = parseKeyring(generateKeySpec('elsewhere'));
    const sealed = seal(other, 'token', ctx);
    expectSealedError(() => open(ring, sealed, ctx), 'unknown_kid');
    expect(() => open(ring, sealed, ctx)).toThrow(/elsewhere/);
  });

  it('refuses a value whose kid was swapped to another known key', () => {
    const both = parseKeyring(`${NEW},${OLD}`);
    const sealed = seal(both, 'token', ctx).replace('.k2025.', '.k2024.');
    expectSealedError(() => open(both, sealed, ctx), 'auth_failed');
  });

  it.each(['', 'v1', 'v1.k2024', 'v2.k2024.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA', 'v1.K!.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA',
    'v1.k2024.AAAA..AAAAAAAAAAAAAAAAAAAAAA', 'v1.k2024.AAAAAAAAAAAAAAAA..AAAA', 'v1.k2024.AAAAAAAAAAAAAAAA.a+b/.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.k2024.AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA.extra'])('rejects malformed input %j', (bad) => {
    expectSealedError(() => open(ring, bad, ctx));
    expectSealedError(() => needsRotation(ring, bad));
  });

  it('open only ever throws SealedValueError on arbitrary input (property)', () => {
    const valid = seal(ring, 'token', ctx);
    const segment = fc.string({ unit: fc.constantFrom(...'AB_-az09.+/='.split('')), maxLength: 30 });
    const input = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(segment, { minLength: 5, maxLength: 5 }).map((s) => `v1.k2024.${s.join('.')}`),
      fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 3 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
    );
    fc.assert(
      fc.property(input, (s) => {
        fc.pre(s !== valid);
        try {
          open(ring, s, ctx);
          return false;
        } catch (e) {
          return e instanceof SealedValueError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rotation', () => {
  it('old values open after rotation, are flagged, and reseal to the current key', () => {
    const before = seal(ring, 'oauth-refresh', ctx);
    expect(needsRotation(ring, before)).toBe(false);
    expect(reseal(ring, before, ctx)).toBe(before);

    const rotated = parseKeyring(`${NEW},${OLD}`);
    expect(rotated.currentKid).toBe('k2025');
    expect(open(rotated, before, ctx)).toBe('oauth-refresh');
    expect(needsRotation(rotated, before)).toBe(true);

    const after = reseal(rotated, before, ctx);
    expect(after.startsWith('v1.k2025.')).toBe(true);
    expect(needsRotation(rotated, after)).toBe(false);
    expect(open(rotated, after, ctx)).toBe('oauth-refresh');

    // Once the old key is dropped, old values refuse and resealed ones still open.
    const retired = parseKeyring(NEW);
    expectSealedError(() => open(retired, before, ctx), 'unknown_kid');
    expect(open(retired, after, ctx)).toBe('oauth-refresh');
  });

  it('reseal refuses to launder a value sealed for another context', () => {
    const rotated = parseKeyring(`${NEW},${OLD}`);
    expectSealedError(() => reseal(rotated, seal(ring, 'x', ctx), 'connection:other'), 'auth_failed');
  });
});

describe('parseKeyring', () => {
  const key = (n: number) => Buffer.alloc(n, 7).toString('base64');

  it('accepts a trimmed multi-key spec and keeps order', () => {
    const kr = parseKeyring(` a:${key(32)} , b_2-x:${key(32)}\n`);
    expect(kr.currentKid).toBe('a');
    expect(kr.kids).toEqual(['a', 'b_2-x']);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [key(32), 'malformed_entry'],
    [`a:${key(32)},`, 'malformed_entry'],
    [`:${key(32)}`, 'bad_kid'],
    [`Upper:${key(32)}`, 'bad_kid'],
    [`${'k'.repeat(33)}:${key(32)}`, 'bad_kid'],
    [`a:${key(32)},a:${key(32)}`, 'duplicate_kid'],
    ['a:not base64!!', 'bad_base64'],
    [`a:${key(32).replace('=', '')}`, 'bad_base64'],
    [`a:${Buffer.alloc(32, 7).toString('base64url')}`, 'bad_base64'],
    ['a:', 'bad_base64'],
    [`a:${key(16)}`, 'bad_length'],
    [`a:${key(33)}`, 'bad_length'],
  ] as const)('rejects %j with %s', (spec, code) => {
    expectKeyringError(spec, code);
  });

  it('error messages never echo key material', () => {
    const secret = key(16);
    expect(expectKeyringError(`a:${secret}`, 'bad_length').message).not.toContain(secret);
    const raw = Buffer.alloc(32, 9).toString('base64');
    expect(expectKeyringError(raw, 'malformed_entry').message).not.toContain(raw.slice(0, 8));
    expect(expectKeyringError(`BAD:${raw}`, 'bad_kid').message).not.toContain(raw.slice(0, 8));
  });

  it('generateKeySpec output parses and validates the kid', () => {
    expect(parseKeyring(generateKeySpec('ops_1')).kids).toEqual(['ops_1']);
    expect(() => generateKeySpec('Bad Kid')).toThrow(KeyringError);
  });
});

describe('no key leakage', () => {
  it('JSON, inspect and String show kids only', () => {
    const spec = `${NEW},${OLD}`;
    const kr = parseKeyring(spec);
    const b64s = spec.split(',').map((e) => e.split(':')[1]!);
    const hexes = b64s.map((b) => Buffer.from(b, 'base64').toString('hex'));
    const outputs = [JSON.stringify(kr), JSON.stringify({ kr }), inspect(kr, { showHidden: true, depth: 10 }), String(kr), `${kr}`];
    for (const out of outputs) {
      expect(out).toContain('k2025');
      for (const s of [...b64s, ...hexes]) expect(out).not.toContain(s.slice(0, 12));
    }
    expect(JSON.parse(JSON.stringify(kr))).toEqual({ currentKid: 'k2025', kids: ['k2025', 'k2024'] });
    expect(Object.keys(kr).sort()).toEqual(['currentKid', 'kids']);
  });
});
