import { randomUUID } from 'node:crypto';
import type { Access } from '../auth/access.ts';
import { actorOf } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { LocationGroupRow } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { ensureGroups, findGroup, groupNamesOf, replaceGroupMemberships, sameGroups } from './groups.ts';
import { organizationNotFound, type FieldError } from './model.ts';
import {
  diffLocation,
  findLocation,
  toColumns,
  toRecord,
  type FieldChange,
  type LocationRecord,
} from './repository.ts';
import { validateGroupNames } from './validateGroups.ts';
import { validateLocation } from './validate.ts';
import { mergePatch } from './merge.ts';
import { recordLocationChanges } from './changes.ts';

export type WriteResult = { ok: true; location: LocationRecord } | { ok: false; errors: FieldError[] };

const STORE_CODE_CONSTRAINT = 'locations_org_store_code_uq';

export const notFound = (path: string[] = ['id']): FieldError => ({
  code: 'NOT_FOUND',
  path,
  message: 'No such location, or you may not see it.',
});
const forbidden = (message: string, path: string[] = []): FieldError => ({ code: 'FORBIDDEN', path, message });
const duplicateStoreCode = (storeCode: string): FieldError => ({
  code: 'DUPLICATE_STORE_CODE',
  path: ['storeCode'],
  message: `Another location in this organisation already has store code "${storeCode}".`,
});
const versionConflict = (expected: number, actual: number | null): FieldError => ({
  code: 'VERSION_CONFLICT',
  path: ['expectedVersion'],
  message:
    actual === null
      ? `The location changed after version ${expected}; reload it and apply your change again.`
      : `The location is at version ${actual}, not ${expected}; reload it and apply your change again.`,
});

function groupChange(before: string[], after: string[]): FieldChange[] {
  return sameGroups(before, after) ? [] : [{ field: 'groups', from: [...before].sort(), to: [...after].sort() }];
}

export interface CreateLocationInput {
  orgId: string;
  input: unknown;
  groups?: string[] | null;
}

export async function createLocation(db: Db, access: Access, args: CreateLocationInput): Promise<WriteResult> {
  if (!(await access.roleIn(args.orgId))) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(args.orgId, 'manageLocations'))) {
    return { ok: false, errors: [forbidden('Your role may not create locations in this organisation.')] };
  }
  const validated = validateLocation(args.input);
  const groups = validateGroupNames(args.groups);
  const errors = [...(validated.ok ? [] : validated.errors), ...(groups.ok ? [] : groups.errors)];
  if (!validated.ok || !groups.ok) return { ok: false, errors };
  const data = validated.value;
  const groupNames = groups.value ?? [];
  const actor = actorOf(access.principal);
  try {
    const location = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('locations')
        .values({ id: randomUUID(), org_id: args.orgId, ...toColumns(data) })
        .returningAll()
        .executeTakeFirstOrThrow();
      const groupIds = await ensureGroups(trx, args.orgId, groupNames);
      await replaceGroupMemberships(trx, new Map([[row.id, [...groupIds.values()]]]));
      const changes = [...diffLocation(null, data), ...groupChange([], groupNames)];
      await recordLocationChanges(trx, actor, [{ orgId: args.orgId, locationId: row.id, version: row.version, action: 'CREATE', changes }]);
      return toRecord(row);
    });
    return { ok: true, location };
  } catch (err) {
    if (isUniqueViolation(err, STORE_CODE_CONSTRAINT)) return { ok: false, errors: [duplicateStoreCode(data.storeCode)] };
    throw err;
  }
}

export interface UpdateLocationInput {
  id: string;
  expectedVersion: number;
  /** Only the fields present change; an explicit null clears a field. */
  patch: unknown;
  groups?: string[] | null;
}

/** Fields a store manager may not change: identity and organisation structure. */
const MANAGER_LOCKED: ReadonlySet<string> = new Set(['storeCode', 'groups']);

export async function updateLocation(db: Db, access: Access, args: UpdateLocationInput): Promise<WriteResult> {
  const current = await findLocation(db, args.id);
  if (!current || !(await access.canSeeLocation({ id: current.id, org_id: current.orgId }))) {
    return { ok: false, errors: [notFound()] };
  }
  if (!(await access.can(current.orgId, 'editLocation'))) {
    return { ok: false, errors: [forbidden('Your role may not edit locations.')] };
  }
  if (current.version !== args.expectedVersion) {
    return { ok: false, errors: [versionConflict(args.expectedVersion, current.version)] };
  }
  const validated = validateLocation(mergePatch(current.data, args.patch));
  const groups = validateGroupNames(args.groups);
  const errors = [...(validated.ok ? [] : validated.errors), ...(groups.ok ? [] : groups.errors)];
  if (!validated.ok || !groups.ok) return { ok: false, errors };
  const data = validated.value;

  // Groups are only read when the caller sets them; otherwise they cannot have changed.
  const beforeGroups = groups.value ? ((await groupNamesOf(db, [current.id])).get(current.id) ?? []) : [];
  const afterGroups = groups.value ?? beforeGroups;
  const changes = [...diffLocation(current.data, data), ...groupChange(beforeGroups, afterGroups)];
  if (changes.length === 0) return { ok: true, location: current };

  if ((await access.storeManagerIn(current.orgId)) !== null) {
    const locked = changes.filter((c) => MANAGER_LOCKED.has(c.field));
    if (locked.length > 0) {
      return {
        ok: false,
        errors: locked.map((c) => forbidden(`A store manager may not change ${c.field}.`, [c.field])),
      };
    }
  }

  const actor = actorOf(access.principal);
  try {
    const location = await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('locations')
        .set((eb) => ({ ...toColumns(data), version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', current.id)
        .where('version', '=', args.expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      if (groups.value) {
        const ids = await ensureGroups(trx, current.orgId, afterGroups);
        await replaceGroupMemberships(trx, new Map([[row.id, [...ids.values()]]]));
      }
      await recordLocationChanges(trx, actor, [{ orgId: row.org_id, locationId: row.id, version: row.version, action: 'UPDATE', changes }]);
      return toRecord(row);
    });
    if (!location) return { ok: false, errors: [versionConflict(args.expectedVersion, null)] };
    return { ok: true, location };
  } catch (err) {
    if (isUniqueViolation(err, STORE_CODE_CONSTRAINT)) return { ok: false, errors: [duplicateStoreCode(data.storeCode)] };
    throw err;
  }
}

export async function setArchived(
  db: Db,
  access: Access,
  args: { id: string; archived: boolean; expectedVersion?: number | null },
): Promise<WriteResult> {
  const current = await findLocation(db, args.id);
  if (!current || !(await access.canSeeLocation({ id: current.id, org_id: current.orgId }))) {
    return { ok: false, errors: [notFound()] };
  }
  if (!(await access.can(current.orgId, 'manageLocations'))) {
    return { ok: false, errors: [forbidden(`Your role may not ${args.archived ? 'archive' : 'restore'} locations.`)] };
  }
  if (args.expectedVersion != null && args.expectedVersion !== current.version) {
    return { ok: false, errors: [versionConflict(args.expectedVersion, current.version)] };
  }
  if ((current.archivedAt !== null) === args.archived) return { ok: true, location: current };
  const actor = actorOf(access.principal);
  const action = args.archived ? 'ARCHIVE' : 'RESTORE';
  const location = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('locations')
      .set((eb) => ({
        archived_at: args.archived ? new Date() : null,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    const changes = [{ field: 'archived', from: !args.archived, to: args.archived }];
    await recordLocationChanges(trx, actor, [{ orgId: row.org_id, locationId: row.id, version: row.version, action, changes }]);
    return toRecord(row);
  });
  if (!location) return { ok: false, errors: [versionConflict(current.version, null)] };
  return { ok: true, location };
}

/** Creates a location group, or returns the one that already has this name. */
export async function createLocationGroup(
  db: Db,
  access: Access,
  args: { orgId: string; name: string },
): Promise<{ ok: true; value: LocationGroupRow } | { ok: false; errors: FieldError[] }> {
  if (!(await access.roleIn(args.orgId))) return { ok: false, errors: [organizationNotFound()] };
  if (!(await access.can(args.orgId, 'manageLocations'))) {
    return { ok: false, errors: [forbidden('Your role may not create groups.')] };
  }
  const names = validateGroupNames([args.name]);
  if (!names.ok) return { ok: false, errors: names.errors.map((e) => ({ ...e, path: ['name'] })) };
  const [name] = names.value!;
  const group = await db.transaction().execute(async (trx) => {
    const ids = await ensureGroups(trx, args.orgId, [name!]);
    return findGroup(trx, ids.get(name!)!);
  });
  return { ok: true, value: group! };
}
