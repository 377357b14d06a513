import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DatabaseLockedError, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createOrgWithKey, startApi } from '../support/api.ts';
import { tokyoStore } from '../support/fixtures.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'tenpo-pglite-'));
afterAll(async () => {
  // kysely-pglite starts an fs-extra ensureDir on the data directory that it never awaits; let
  // it settle before the directory goes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  rmSync(dir, { recursive: true, force: true });
});

it('runs the API on the embedded database, keeps data across restarts, and locks the directory to one process', async () => {
  const first = await openDatabase({ dataDir: dir });
  expect(first.kind).toBe('pglite');
  await migrateToLatest(first.db);
  await expect(openDatabase({ dataDir: dir }).then((h) => h.close())).rejects.toBeInstanceOf(DatabaseLockedError);

  const org = await createOrgWithKey(first.db);
  const api = await startApi(first.db);
  const created = await Promise.all(
    ['PG-1', 'PG-2', 'PG-3'].map((code) =>
      api.gql(
        `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { storeCode primaryPhone address { lines building } } errors { code } } }`,
        { input: { organizationId: org.gid, location: tokyoStore(code) } },
        org.key,
      ),
    ),
  );
  for (const res of created) expect(res.data.createLocation.errors).toEqual([]);
  expect(created[0]!.data.createLocation.location).toEqual({
    storeCode: 'PG-1',
    primaryPhone: '+81312345678',
    address: { lines: ['３番２号'], building: '赤坂ビル５F' },
  });
  await api.close();
  await first.close();

  const second = await openDatabase({ dataDir: dir });
  const rows = await second.db.selectFrom('locations').select('store_code').orderBy('store_code').execute();
  expect(rows.map((r) => r.store_code)).toEqual(['PG-1', 'PG-2', 'PG-3']);
  await second.close();
});
