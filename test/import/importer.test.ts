import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLocationCsv } from '../../src/import/csvLayout.ts';
import { importLocations } from '../../src/import/importer.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createOrgWithKey } from '../support/api.ts';
import { generatedLocation } from '../support/generate.ts';
import type { Actor } from '../../src/auth/principal.ts';
import { writeFileSync } from 'node:fs';

let database: TestDatabase;
let dir: string;
const actor: Actor = { kind: 'SYSTEM', id: null, label: 'import test' };

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'tenpo-import-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

async function writeCsv(file: string, count: number, prefix: string): Promise<void> {
  const out = createWriteStream(file);
  const rows = Array.from({ length: count }, (_, i) => ({ data: generatedLocation(i, prefix), groups: i % 3 ? [] : [`region-${i % 4}`] }));
  await writeLocationCsv(rows, out);
  out.end();
  await once(out, 'finish');
}

async function countRows(table: 'locations' | 'outbox' | 'location_audit', orgId: string): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('importing a CSV of locations', () => {
  it('imports 10,000 rows, and re-running the same file changes nothing', async () => {
    const org = await createOrgWithKey(database.db);
    const file = path.join(dir, 'ten-thousand.csv');
    await writeCsv(file, 10_000, 'TK');

    const first = await importLocations(database.db, { orgId: org.id, actor, source: file });
    expect(first.failures).toEqual([]);
    expect(first).toMatchObject({ rows: 10_000, created: 10_000, updated: 0, unchanged: 0, failed: 0 });
    expect(await countRows('locations', org.id)).toBe(10_000);
    const outboxAfterFirst = await countRows('outbox', org.id);
    const auditAfterFirst = await countRows('location_audit', org.id);
    expect(outboxAfterFirst).toBe(10_000);

    const second = await importLocations(database.db, { orgId: org.id, actor, source: file });
    expect(second).toMatchObject({ rows: 10_000, created: 0, updated: 0, unchanged: 10_000, failed: 0 });
    expect(await countRows('outbox', org.id)).toBe(outboxAfterFirst);
    expect(await countRows('location_audit', org.id)).toBe(auditAfterFirst);

    const groups = await database.db
      .selectFrom('location_groups')
      .select('name')
      .where('org_id', '=', org.id)
      .orderBy('name')
      .execute();
    expect(groups.map((g) => g.name)).toEqual(['region-0', 'region-1', 'region-2', 'region-3']);
  });

  it('reports bad rows with their line numbers and keeps the good ones', async () => {
    const org = await createOrgWithKey(database.db);
    const file = path.join(dir, 'bad-rows.csv');
    writeFileSync(
      file,
      [
        'store_code,name,country,primary_category,phone,hours,description',
        'OK-1,てんぽ 一号店,JP,cafe,03-5123-4567,Mon-Fri 09:00-18:00,',
        'BAD-PHONE,てんぽ 二号店,JP,cafe,03-12,,',
        'OK-2,てんぽ 三号店,JP,cafe,,,"二行の',
        '説明"',
        'BAD-HOURS,てんぽ 四号店,JP,cafe,,Mon 09:00-25:00,',
        'BAD-SYNTAX,てんぽ 五号店,JP,cafe,,Mon nine to five,',
        'BAD-CAT,てんぽ 六号店,JP,no_such_category,,,',
        'OK-1,duplicate in file,JP,cafe,,,',
      ].join('\n'),
    );
    const summary = await importLocations(database.db, { orgId: org.id, actor, source: file });
    expect(summary).toMatchObject({ rows: 7, created: 2, failed: 5 });
    expect(summary.failures.map((f) => [f.line, f.storeCode, f.errors.map((e) => e.code)])).toEqual([
      [3, 'BAD-PHONE', ['INVALID_PHONE']],
      [6, 'BAD-HOURS', ['INVALID_HOURS']],
      [7, 'BAD-SYNTAX', ['INVALID_HOURS']],
      [8, 'BAD-CAT', ['UNKNOWN_CATEGORY']],
      [9, 'OK-1', ['DUPLICATE_STORE_CODE']],
    ]);
    const stored = await database.db.selectFrom('locations').select(['store_code', 'description']).where('org_id', '=', org.id).orderBy('store_code').execute();
    expect(stored).toEqual([
      { store_code: 'OK-1', description: null },
      { store_code: 'OK-2', description: '二行の\n説明' },
    ]);
  });

  it('a row for an existing store code changes only the columns the file has', async () => {
    const org = await createOrgWithKey(database.db);
    const full = path.join(dir, 'full.csv');
    await writeCsv(full, 3, 'PART');
    await importLocations(database.db, { orgId: org.id, actor, source: full });
    const partial = path.join(dir, 'partial.csv');
    writeFileSync(partial, 'store_code,name,country,primary_category\nPART-000001,New name,JP,cafe\n');
    const summary = await importLocations(database.db, { orgId: org.id, actor, source: partial });
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    const row = await database.db
      .selectFrom('locations')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('store_code', '=', 'PART-000001')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('New name');
    expect(row.primary_phone).not.toBeNull();
    expect(row.website).toBe('https://tenpo.example/stores/part-000001');
    expect(row.address).toMatchObject({ country: 'JP', region: '東京都', city: '渋谷区', lines: ['2番2号'] });
    expect(row.version).toBe(2);
  });
});
