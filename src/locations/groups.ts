import type { Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Database, LocationGroupRow } from '../db/schema.ts';

type Conn = Db | Transaction<Database>;

export const MAX_GROUP_NAME = 100;

export async function listGroups(db: Conn, orgId: string): Promise<LocationGroupRow[]> {
  return db.selectFrom('location_groups').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export async function findGroup(db: Conn, id: string): Promise<LocationGroupRow | null> {
  return (await db.selectFrom('location_groups').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Group ids by name, creating the groups that do not exist yet. */
export async function ensureGroups(trx: Transaction<Database>, orgId: string, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  await trx
    .insertInto('location_groups')
    .values(unique.map((name) => ({ id: randomUUID(), org_id: orgId, name })))
    .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
    .execute();
  const rows = await trx
    .selectFrom('location_groups')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('name', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Group names per location, sorted. */
export async function groupNamesOf(db: Conn, locationIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(locationIds.map((id) => [id, []]));
  if (locationIds.length === 0) return result;
  const rows = await db
    .selectFrom('location_group_members as m')
    .innerJoin('location_groups as g', 'g.id', 'm.group_id')
    .select(['m.location_id', 'g.name'])
    .where('m.location_id', 'in', locationIds)
    .orderBy('g.name')
    .execute();
  for (const r of rows) result.get(r.location_id)?.push(r.name);
  return result;
}

/** Sets the groups of each given location to exactly the listed group ids, in two statements. */
export async function replaceGroupMemberships(
  trx: Transaction<Database>,
  membership: Map<string, string[]>,
): Promise<void> {
  if (membership.size === 0) return;
  await trx.deleteFrom('location_group_members').where('location_id', 'in', [...membership.keys()]).execute();
  const rows = [...membership].flatMap(([location_id, groupIds]) => groupIds.map((group_id) => ({ group_id, location_id })));
  if (rows.length > 0) await trx.insertInto('location_group_members').values(rows).execute();
}

export function sameGroups(a: string[], b: string[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
