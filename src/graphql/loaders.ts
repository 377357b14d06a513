import DataLoader from 'dataloader';
import type { Db } from '../db/database.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { groupNamesOf } from '../locations/groups.ts';

/** Per-request batching, so a page of 100 locations asks for their groups in one query. */
export function createLoaders(db: Db) {
  return {
    groupNames: new DataLoader<string, string[]>(async (ids) => {
      const byId = await groupNamesOf(db, [...ids]);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    organization: new DataLoader<string, OrganizationRow | null>(async (ids) => {
      const rows = await db.selectFrom('organizations').selectAll().where('id', 'in', [...ids]).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
