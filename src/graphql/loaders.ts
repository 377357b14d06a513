import DataLoader from 'dataloader';
import type { Db } from '../db/database.ts';
import type { ReplyTemplateRow } from '../db/reviewsSchema.ts';
import type { OrganizationRow, UserRow } from '../db/schema.ts';
import { groupNamesOf } from '../locations/groups.ts';
import { toRecord, type LocationRecord } from '../locations/repository.ts';

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
    location: new DataLoader<string, LocationRecord | null>(async (ids) => {
      const rows = await db.selectFrom('locations').selectAll().where('id', 'in', [...ids]).execute();
      const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    replyTemplates: new DataLoader<string, ReplyTemplateRow[]>(async (orgIds) => {
      const rows = await db.selectFrom('reply_templates').selectAll().where('org_id', 'in', [...orgIds]).orderBy('language').orderBy('name').execute();
      return orgIds.map((id) => rows.filter((r) => r.org_id === id));
    }),
    user: new DataLoader<string, UserRow | null>(async (ids) => {
      const rows = await db.selectFrom('users').selectAll().where('id', 'in', [...ids]).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
