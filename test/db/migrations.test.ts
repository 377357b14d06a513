import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { migrations } from '../../migrations/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

async function tables(): Promise<string[]> {
  const result = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(database.db);
  return result.rows.map((r) => r.tablename).filter((t) => !t.startsWith('kysely_'));
}

it('every migration reverts cleanly and applies again', async () => {
  const applied = await tables();
  expect(applied).toContain('locations');
  for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(database.db);
  expect(await tables()).toEqual([]);
  expect(await migrateToLatest(database.db)).toHaveLength(Object.keys(migrations).length);
  expect(await tables()).toEqual(applied);
  expect(await migrateToLatest(database.db)).toEqual([]);
});
