import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { ApiKeyRow, Role, UserRow } from '../db/schema.ts';
import { env } from '../env.ts';
import { organizationNotFound, type FieldError } from '../locations/model.ts';
import type { Access } from './access.ts';
import { forgetApiKey } from './principal.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { newApiKey, newSessionToken } from './tokens.ts';

export type AuthResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const badCredentials: FieldError = {
  code: 'FORBIDDEN',
  path: [],
  message: 'Wrong email or password.',
};

export async function signIn(
  db: Db,
  args: { email: string; password: string },
): Promise<AuthResult<{ token: string; expiresAt: Date; user: UserRow }>> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', args.email.trim().toLowerCase())
    .executeTakeFirst();
  // Verify against a decoy when the email is unknown, so both failures take as long.
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), args.password);
  if (!user || !ok) return { ok: false, errors: [badCredentials] };
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_HOURS * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ id: randomUUID(), user_id: user.id, token_hash: hash, expires_at: expiresAt })
    .execute();
  return { ok: true, value: { token, expiresAt, user } };
}

export async function signOut(db: Db, access: Access): Promise<boolean> {
  if (access.principal.kind !== 'USER') return false;
  await db.deleteFrom('sessions').where('id', '=', access.principal.sessionId).execute();
  return true;
}

export type ApiKeyRole = Exclude<Role, 'STORE_MANAGER'>;

/** Creates an API key; the key itself is returned here once and never stored. */
export async function createApiKey(
  db: Db,
  access: Access,
  args: { orgId: string; name: string; role: ApiKeyRole },
): Promise<AuthResult<{ key: string; record: ApiKeyRow }>> {
  const callerRole = await access.roleIn(args.orgId);
  if (!callerRole) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(args.orgId, 'administer')) || (args.role === 'OWNER' && callerRole !== 'OWNER')) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: ['role'], message: 'Your role may not create a key with this role.' }] };
  }
  const name = args.name.trim();
  if (name.length < 1 || name.length > 100) {
    return { ok: false, errors: [{ code: 'INVALID_INPUT', path: ['name'], message: 'A key name has 1 to 100 characters.' }] };
  }
  return { ok: true, value: await insertApiKey(db, { orgId: args.orgId, name, role: args.role, createdBy: creatorOf(access) }) };
}

/** Operator path (CLI, demo) and the one place keys are minted. */
export async function insertApiKey(
  db: Db,
  args: { orgId: string; name: string; role: ApiKeyRole; createdBy: string | null },
): Promise<{ key: string; record: ApiKeyRow }> {
  const { key, prefix, hash } = newApiKey();
  const record = await db
    .insertInto('api_keys')
    .values({
      id: randomUUID(),
      org_id: args.orgId,
      name: args.name,
      prefix,
      key_hash: hash,
      role: args.role,
      created_by: args.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { key, record };
}

function creatorOf(access: Access): string | null {
  return access.principal.kind === 'USER' ? access.principal.userId : null;
}

export async function revokeApiKey(db: Db, access: Access, id: string): Promise<AuthResult<ApiKeyRow>> {
  const key = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!key || !(await access.roleIn(key.org_id))) {
    return { ok: false, errors: [{ code: 'NOT_FOUND', path: ['id'], message: 'No such API key.' }] };
  }
  if (!(await access.can(key.org_id, 'administer'))) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: [], message: 'Only an OWNER or ADMIN may revoke keys.' }] };
  }
  const revoked = await db
    .updateTable('api_keys')
    .set({ revoked_at: key.revoked_at ?? new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  forgetApiKey(revoked.key_hash);
  return { ok: true, value: revoked };
}
