import { openDatabase } from '../db/database.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { env } from '../env.ts';

export async function migrate(down: boolean): Promise<void> {
  const e = env();
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
  try {
    const lines = down ? await migrateDown(database.db) : await migrateToLatest(database.db);
    process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'Nothing to do: the schema is up to date.\n');
  } finally {
    await database.close();
  }
}
