import { createHmac, randomBytes } from 'node:crypto';
import { secret } from '../env.ts';

/**
 * API keys and session tokens are long random strings, so a keyed hash (HMAC-SHA256 with the
 * deployment secret) is enough to store them: unlike passwords they cannot be guessed, and a
 * fast hash keeps every authenticated request cheap.
 */
export function hashToken(token: string): string {
  return createHmac('sha256', secret()).update(token).digest('base64url');
}

export interface NewApiKey {
  /** Shown to the user once. */
  key: string;
  /** Stored and shown in lists, so a user can tell keys apart. */
  prefix: string;
  hash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = `tnp_${randomBytes(4).toString('hex')}`;
  const key = `${prefix}_${randomBytes(24).toString('base64url')}`;
  return { key, prefix, hash: hashToken(key) };
}

export function newSessionToken(): { token: string; hash: string } {
  const token = `tns_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function isApiKey(token: string): boolean {
  return token.startsWith('tnp_');
}
