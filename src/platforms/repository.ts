import type { Db } from '../db/database.ts';
import type { ConnectionStatus, PlatformConnectionRow } from '../db/schema.ts';

export async function findConnection(db: Db, id: string): Promise<PlatformConnectionRow | undefined> {
  return db.selectFrom('platform_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listConnections(db: Db, orgId: string): Promise<PlatformConnectionRow[]> {
  return db.selectFrom('platform_connections').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}

export async function setConnectionStatus(db: Db, id: string, status: ConnectionStatus, message: string | null): Promise<void> {
  await db.updateTable('platform_connections').set({ status, status_message: message, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function storeCredentials(db: Db, id: string, sealed: string): Promise<void> {
  await db.updateTable('platform_connections').set({ credentials: sealed, updated_at: new Date() }).where('id', '=', id).execute();
}
