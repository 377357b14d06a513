import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OrgKind, Role } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { hashToken, isApiKey } from './tokens.ts';

export type Principal =
  | { kind: 'USER'; userId: string; email: string; name: string; sessionId: string }
  | { kind: 'API_KEY'; keyId: string; orgId: string; orgKind: OrgKind; role: Role; prefix: string }
  | { kind: 'ANONYMOUS' };

/** Who a change is attributed to in the audit log. */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'SYSTEM';
  id: string | null;
  label: string;
}

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'USER':
      return { kind: 'USER', id: principal.userId, label: principal.email };
    case 'API_KEY':
      return { kind: 'API_KEY', id: principal.keyId, label: `API key ${principal.prefix}` };
    case 'ANONYMOUS':
      return { kind: 'SYSTEM', id: null, label: 'system' };
  }
}

export type AuthFailure = 'MISSING' | 'MALFORMED' | 'INVALID';

/**
 * Resolves `Authorization: Bearer <token>` to a principal: an API key (tnp_…) or a session
 * token from signIn (tns_…). Revoked keys and expired sessions are INVALID.
 */
export async function authenticate(
  db: Db,
  authorization: string | null | undefined,
  log: Logger,
): Promise<Principal | { failure: AuthFailure }> {
  if (!authorization) return { kind: 'ANONYMOUS' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return { failure: 'MALFORMED' };
  const token = match[1];
  const hash = hashToken(token);

  if (isApiKey(token)) {
    const cached = apiKeyCache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const key = await db
      .selectFrom('api_keys')
      .innerJoin('organizations', 'organizations.id', 'api_keys.org_id')
      .select(['api_keys.id', 'api_keys.org_id', 'api_keys.role', 'api_keys.prefix', 'api_keys.last_used_at', 'organizations.kind'])
      .where('api_keys.key_hash', '=', hash)
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!key) return { failure: 'INVALID' };
    touchApiKey(db, key.id, key.last_used_at, log);
    const principal: Principal = { kind: 'API_KEY', keyId: key.id, orgId: key.org_id, orgKind: key.kind, role: key.role, prefix: key.prefix };
    rememberApiKey(hash, principal);
    return principal;
  }

  const session = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'users.id as userId', 'users.email', 'users.name'])
    .where('sessions.token_hash', '=', hash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!session) return { failure: 'INVALID' };
  return { kind: 'USER', ...session };
}

const TOUCH_INTERVAL_MS = 60_000;

// last_used_at is for humans deciding which keys to revoke: minute precision is plenty, and
// it keeps a busy key from writing a row on every request.
function touchApiKey(db: Db, id: string, lastUsedAt: Date | null, log: Logger): void {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return;
  db.updateTable('api_keys')
    .set({ last_used_at: new Date() })
    .where('id', '=', id)
    .execute()
    .catch((err: unknown) => log.warn({ err, keyId: id }, 'could not record API key use'));
}

/**
 * Machine clients send the same key on every request, so a resolved key is kept for a few
 * seconds instead of costing a database round trip each time. Revoking a key forgets it here
 * at once; other processes stop accepting it within API_KEY_CACHE_MS.
 */
export const API_KEY_CACHE_MS = 10_000;
const API_KEY_CACHE_MAX = 10_000;
const apiKeyCache = new Map<string, { principal: Principal; until: number }>();

function rememberApiKey(hash: string, principal: Principal): void {
  if (apiKeyCache.size >= API_KEY_CACHE_MAX) apiKeyCache.delete(apiKeyCache.keys().next().value!);
  apiKeyCache.set(hash, { principal, until: Date.now() + API_KEY_CACHE_MS });
}

export function forgetApiKey(hash: string): void {
  apiKeyCache.delete(hash);
}

/**
 * Whether a principal resolved earlier still holds: the session not ended or expired, the key
 * not revoked. Long-lived requests (subscriptions) ask again now and then.
 */
export async function stillValid(db: Db, principal: Principal): Promise<boolean> {
  if (principal.kind === 'ANONYMOUS') return true;
  if (principal.kind === 'API_KEY') {
    const key = await db.selectFrom('api_keys').select('id').where('id', '=', principal.keyId).where('revoked_at', 'is', null).executeTakeFirst();
    return key !== undefined;
  }
  const session = await db.selectFrom('sessions').select('id').where('id', '=', principal.sessionId).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst();
  return session !== undefined;
}
