import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Access } from '../auth/access.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { OrganizationRow, OrgKind, Role, UserRow } from '../db/schema.ts';
import { inputErrors, organizationNotFound, type FieldError } from '../locations/model.ts';
import { isUuid } from '../lib/ids.ts';

export type OrgResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const orgName = z.string().trim().min(1, 'A name is required.').max(200, 'At most 200 characters.');
const email = z.string().trim().toLowerCase().pipe(z.email('Not a valid email address.'));
const password = z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`).max(256);

/** Operator path (CLI, demo): no caller to check. */
export async function createOrganization(
  db: Db,
  args: { name: string; kind: OrgKind; agencyId?: string | null },
): Promise<OrgResult<OrganizationRow>> {
  const name = orgName.safeParse(args.name);
  if (!name.success) return { ok: false, errors: inputErrors(name.error, ['name']) };
  if (args.agencyId) {
    const agency = await findOrganization(db, args.agencyId);
    if (!agency || agency.kind !== 'AGENCY') {
      return { ok: false, errors: [{ code: 'NOT_FOUND', path: ['agencyId'], message: 'No such agency organisation.' }] };
    }
  }
  const row = await db
    .insertInto('organizations')
    .values({ id: randomUUID(), name: name.data, kind: args.kind, agency_id: args.agencyId ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ok: true, value: row };
}

/** An agency's OWNER or ADMIN adds a client organisation that the agency then manages. */
export async function createClientOrganization(
  db: Db,
  access: Access,
  args: { agencyId: string; name: string },
): Promise<OrgResult<OrganizationRow>> {
  const agency = await findOrganization(db, args.agencyId);
  if (!agency || !(await access.roleIn(agency.id))) {
    return { ok: false, errors: [{ code: 'NOT_FOUND', path: ['agencyId'], message: 'No such organisation.' }] };
  }
  if (agency.kind !== 'AGENCY') {
    return { ok: false, errors: [{ code: 'INVALID_INPUT', path: ['agencyId'], message: 'Only an agency organisation has clients.' }] };
  }
  if (!(await access.can(agency.id, 'administer'))) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: [], message: 'Only an OWNER or ADMIN may add client organisations.' }] };
  }
  return createOrganization(db, { name: args.name, kind: 'BRAND', agencyId: agency.id });
}

export async function findOrganization(db: Db, id: string): Promise<OrganizationRow | null> {
  return (await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Organisations the caller may see: their own, and the clients of agencies they belong to. */
export async function visibleOrganizations(db: Db, access: Access): Promise<OrganizationRow[]> {
  const memberships = await access.directMemberships();
  const ids = [...memberships.keys()];
  if (ids.length === 0) return [];
  return db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => eb.or([eb('id', 'in', ids), eb('agency_id', 'in', ids)]))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function createUser(
  db: Db,
  args: { email: string; name: string; password: string },
): Promise<OrgResult<UserRow>> {
  const parsed = z.object({ email, name: orgName, password }).safeParse(args);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };
  try {
    const row = await db
      .insertInto('users')
      .values({
        id: randomUUID(),
        email: parsed.data.email,
        name: parsed.data.name,
        password_hash: await hashPassword(parsed.data.password),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, value: row };
  } catch (err) {
    if (isUniqueViolation(err)) {
      return { ok: false, errors: [{ code: 'INVALID_INPUT', path: ['email'], message: 'A user with this email already exists.' }] };
    }
    throw err;
  }
}

export async function setMembership(db: Db, userId: string, orgId: string, role: Role): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, org_id: orgId, role })
    .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role }))
    .execute();
}

/**
 * Adds a person to an organisation with a role, creating their user when the email is new
 * (then a password is required). Only an OWNER may make someone an OWNER.
 */
export async function addMember(
  db: Db,
  access: Access,
  args: { orgId: string; email: string; name?: string | null; password?: string | null; role: Role },
): Promise<OrgResult<{ user: UserRow; role: Role }>> {
  const callerRole = await access.roleIn(args.orgId);
  if (!callerRole) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(args.orgId, 'administer')) || (args.role === 'OWNER' && callerRole !== 'OWNER')) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: ['role'], message: 'Your role may not grant this role.' }] };
  }
  const normalized = email.safeParse(args.email);
  if (!normalized.success) return { ok: false, errors: inputErrors(normalized.error, ['email']) };
  let user = await db.selectFrom('users').selectAll().where('email', '=', normalized.data).executeTakeFirst();
  if (!user) {
    if (!args.password) {
      return { ok: false, errors: [{ code: 'INVALID_INPUT', path: ['password'], message: 'A new user needs an initial password.' }] };
    }
    const created = await createUser(db, { email: normalized.data, name: args.name ?? normalized.data, password: args.password });
    if (!created.ok) return created;
    user = created.value;
  }
  const current = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', user.id)
    .where('org_id', '=', args.orgId)
    .executeTakeFirst();
  if (current?.role === 'OWNER' && args.role !== 'OWNER') {
    if (callerRole !== 'OWNER') {
      return { ok: false, errors: [{ code: 'FORBIDDEN', path: ['role'], message: "Only an OWNER may change an OWNER's role." }] };
    }
    const owners = await db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', args.orgId)
      .where('role', '=', 'OWNER')
      .executeTakeFirstOrThrow();
    if (Number(owners.n) <= 1) {
      return { ok: false, errors: [{ code: 'INVALID_INPUT', path: ['role'], message: 'An organisation keeps at least one OWNER; make someone else OWNER first.' }] };
    }
  }
  await setMembership(db, user.id, args.orgId, args.role);
  return { ok: true, value: { user, role: args.role } };
}

/** Gives a STORE_MANAGER one location or a whole location group. */
export async function assignStoreManager(
  db: Db,
  access: Access,
  args: { orgId: string; userId: string; locationId?: string | null; groupId?: string | null },
): Promise<OrgResult<true>> {
  if (!(await access.roleIn(args.orgId))) {
    return { ok: false, errors: [organizationNotFound()] };
  }
  if (!(await access.can(args.orgId, 'administer'))) {
    return { ok: false, errors: [{ code: 'FORBIDDEN', path: [], message: 'Only an OWNER or ADMIN may assign stores.' }] };
  }
  if (!isUuid(args.userId) || !(await hasRoleIn(db, args.userId, args.orgId))) {
    return { ok: false, errors: [{ code: 'NOT_FOUND', path: ['userId'], message: 'No such member of this organisation.' }] };
  }
  if (!args.locationId === !args.groupId) {
    return { ok: false, errors: [{ code: 'INVALID_INPUT', path: [], message: 'Give exactly one of locationId or groupId.' }] };
  }
  const target = args.locationId
    ? await db.selectFrom('locations').select('org_id').where('id', '=', args.locationId).executeTakeFirst()
    : await db.selectFrom('location_groups').select('org_id').where('id', '=', args.groupId!).executeTakeFirst();
  if (!target || target.org_id !== args.orgId) {
    const path = [args.locationId ? 'locationId' : 'groupId'];
    return { ok: false, errors: [{ code: 'NOT_FOUND', path, message: 'No such location or group in this organisation.' }] };
  }
  await db
    .insertInto('store_manager_assignments')
    .values({
      id: randomUUID(),
      user_id: args.userId,
      org_id: args.orgId,
      location_id: args.locationId ?? null,
      group_id: args.groupId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { ok: true, value: true };
}

/** True when the user holds a role in the organisation, directly or through its agency. */
async function hasRoleIn(db: Db, userId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('org_id', '=', orgId),
        eb('org_id', '=', eb.selectFrom('organizations').select('agency_id').where('id', '=', orgId)),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Operator path: makes a user (new or existing) an OWNER of the organisation. */
export async function addOwner(
  db: Db,
  orgId: string,
  ownerEmail: string,
  initialPassword: string,
): Promise<OrgResult<UserRow> & { created?: boolean }> {
  const normalized = email.safeParse(ownerEmail);
  if (!normalized.success) return { ok: false, errors: inputErrors(normalized.error, ['ownerEmail']) };
  const existing = await db.selectFrom('users').selectAll().where('email', '=', normalized.data).executeTakeFirst();
  const user = existing ?? (await createUser(db, { email: normalized.data, name: normalized.data, password: initialPassword }));
  const row = 'ok' in user ? user : { ok: true as const, value: user };
  if (!row.ok) return row;
  await setMembership(db, row.value.id, orgId, 'OWNER');
  return { ...row, created: !existing };
}
