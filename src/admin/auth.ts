import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ADMIN_USER = 'admin';
export const ADMIN_REALM = 'Tenpo admin';
/** Long enough that guessing over HTTP is hopeless; shorter tokens are refused at start-up. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** Throws when a configured admin token is too weak to put operator tools behind. */
export function assertAdminToken(token: string): void {
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(`The admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long.`);
  }
}

/**
 * Compares digests rather than the strings, so neither the content nor the length of the token
 * shows in the time taken (timingSafeEqual itself needs equal lengths).
 */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** `Authorization: Bearer <token>` (scrapers, scripts) or Basic `admin:<token>` (a browser's prompt). */
export function isAdmin(req: IncomingMessage, token: string): boolean {
  const match = /^(\S+) +(\S+)$/.exec(req.headers.authorization?.trim() ?? '');
  if (!match) return false;
  const scheme = match[1]!.toLowerCase();
  const credentials = match[2]!;
  if (scheme === 'bearer') return sameSecret(credentials, token);
  if (scheme !== 'basic') return false;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const passwordMatches = sameSecret(decoded.slice(colon + 1), token);
  return decoded.slice(0, colon) === ADMIN_USER && passwordMatches;
}

/** 401 with a Basic challenge, so a browser asks for the credentials instead of showing an error. */
export function askForAdminCredentials(res: ServerResponse): void {
  const body = JSON.stringify({ error: 'admin credentials required' });
  res.writeHead(401, {
    'www-authenticate': `Basic realm="${ADMIN_REALM}"`,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
